import type { DiffItem, Rule } from '../types.js';

/**
 * A protocol binding value of an AsyncAPI channel, operation or message changed (MQTT `qos` or
 * `retain`, Kafka partitions, ...): client libraries are configured with them, and no change can be
 * proven harmless from the document.
 */
export const RULE_ID = 'binding-changed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'WARN',
  direction: 'any',
  area: 'operation',
  kind: 'binding-changed',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'binding',
};
