import type { DiffItem, Rule } from '../types.js';

/** The operation accepts one more message from the client. */
export const RULE_ID = 'request-message-added';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'request',
  area: 'operation',
  kind: 'message-added',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'message-added' && i.direction === 'request',
};
