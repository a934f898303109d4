import type { DiffItem, Rule } from '../types.js';

/** The client may receive a message it does not know. */
export const RULE_ID = 'response-message-added';

export const rule: Rule = {
  id: RULE_ID,
  level: 'WARN',
  direction: 'response',
  area: 'operation',
  kind: 'message-added',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'message-added' && i.direction === 'response',
};
