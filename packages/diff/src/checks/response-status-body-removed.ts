import type { DiffItem, Rule } from '../types.js';

/** A success status other than the main one, kept in both versions, used to carry a body and now answers without one. */
export const RULE_ID = 'response-status-body-removed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'response',
  area: 'operation',
  kind: 'status-body-removed',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'status-body-removed',
};
