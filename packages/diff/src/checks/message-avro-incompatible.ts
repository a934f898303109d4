import type { DiffItem, Rule } from '../types.js';

/** An Avro payload changed so that what one side writes can no longer be read with the other's schema. */
export const RULE_ID = 'message-avro-incompatible';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'any',
  area: 'operation',
  kind: 'message-avro-incompatible',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'avro-incompatible',
};
