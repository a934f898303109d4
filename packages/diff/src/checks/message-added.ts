import type { DiffItem, Rule } from '../types.js';

/** An AsyncAPI operation gained a message. */
export const RULE_ID = 'message-added';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'any',
  area: 'operation',
  kind: 'message-added',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'message-added',
};
