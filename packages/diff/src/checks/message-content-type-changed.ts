import type { DiffItem, Rule } from '../types.js';

/** A message is now encoded differently. */
export const RULE_ID = 'message-content-type-changed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'any',
  area: 'operation',
  kind: 'content-type-changed',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'content-type',
};
