import type { DiffItem, Rule } from '../types.js';

/** A new success status answers with a body the client already handles. */
export const RULE_ID = 'response-success-status-added-same-body';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'response',
  area: 'operation',
  kind: 'status-added',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'success-status-added-same-body',
};
