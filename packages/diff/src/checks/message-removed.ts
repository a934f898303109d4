import type { DiffItem, Rule } from '../types.js';

/** An AsyncAPI operation lost one of its messages. */
export const RULE_ID = 'message-removed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'any',
  area: 'operation',
  kind: 'message-removed',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'message-removed',
};
