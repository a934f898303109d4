import type { DiffItem, Rule } from '../types.js';

/** A payload written in a schema language other than JSON Schema (Avro...) changed: api-diff cannot judge how. */
export const RULE_ID = 'message-payload-not-compared';

export const rule: Rule = {
  id: RULE_ID,
  level: 'WARN',
  direction: 'any',
  area: 'operation',
  kind: 'message-payload-not-compared',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'opaque-payload',
};
