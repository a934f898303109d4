import type { DiffItem, Rule } from '../types.js';

/** A message the client receives is no longer sent: fewer kinds arrive. */
export const RULE_ID = 'response-message-removed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'response',
  area: 'operation',
  kind: 'message-removed',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'message-removed' && i.direction === 'response',
};
