import type { DiffItem, Rule } from '../types.js';

/** An Avro payload changed, and what either side writes still reads with the other's schema. */
export const RULE_ID = 'message-avro-compatible';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'any',
  area: 'operation',
  kind: 'message-avro-compatible',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'avro-compatible',
};
