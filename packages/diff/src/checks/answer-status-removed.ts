import type { DiffItem, Rule } from '../types.js';

/**
 * A call the provider makes (webhook, callback) no longer documents a success status the client's
 * endpoint answered with (`204` of `200` and `204`): the provider may take that answer for a failure.
 */
export const RULE_ID = 'answer-status-removed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'request',
  area: 'operation',
  kind: 'answer-status-removed',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'answer-removed',
};
