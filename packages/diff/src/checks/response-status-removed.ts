import type { DiffItem, Rule } from '../types.js';

/** A status was removed while the client still gets a success answer it handled: it only receives less. */
export const RULE_ID = 'response-status-removed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'response',
  area: 'operation',
  kind: 'status-removed',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'status-removed',
};
