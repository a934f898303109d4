import type { DiffItem, Rule } from '../types.js';

/** A new success status answers with a body the client never got with a success status (or with none). */
export const RULE_ID = 'response-success-status-added';

export const rule: Rule = {
  id: RULE_ID,
  level: 'WARN',
  direction: 'response',
  area: 'operation',
  kind: 'status-added',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'success-status-added',
};
