import type { DiffItem, Rule } from '../types.js';

/** A message the client sends is no longer accepted by the operation. */
export const RULE_ID = 'request-message-removed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'request',
  area: 'operation',
  kind: 'message-removed',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'message-removed' && i.direction === 'request',
};
