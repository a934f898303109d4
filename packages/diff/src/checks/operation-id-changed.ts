import type { DiffItem, Rule } from '../types.js';

/** Same path and verb, different `operationId`: nothing changes on the wire. */
export const RULE_ID = 'operation-id-changed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'any',
  area: 'operation',
  kind: 'operation-id-changed',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'operation-id',
};
