import type { DiffItem, Rule } from '../types.js';

/**
 * A new OpenAPI callback calls a URL the client already gives for another callback of the same
 * operation, with the same method: the client's endpoint there receives calls it was not written for.
 */
export const RULE_ID = 'callback-added-same-address';

export const rule: Rule = {
  id: RULE_ID,
  level: 'WARN',
  direction: 'response',
  area: 'operation',
  kind: 'push-added',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'added-same-address',
};
