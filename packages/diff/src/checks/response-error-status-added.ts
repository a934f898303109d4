import type { DiffItem, Rule } from '../types.js';

/**
 * An error status (or range) the operation did not document: a client meets it on its generic error
 * path, as it would any error it was not told of, so nothing that worked stops working. Told so that
 * clients can handle the situation it names.
 */
export const RULE_ID = 'response-error-status-added';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'response',
  area: 'operation',
  kind: 'status-added',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'error-status-added',
};
