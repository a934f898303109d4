import type { DiffItem, Rule } from '../types.js';

/**
 * A protocol binding that names where messages go instead of the channel's address (a Kafka channel
 * binding's `topic`) changed: clients publish to, or consume from, the old place.
 */
export const RULE_ID = 'binding-destination-changed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'any',
  area: 'operation',
  kind: 'binding-destination-changed',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'binding-destination',
};
