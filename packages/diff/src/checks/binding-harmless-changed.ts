import type { DiffItem, Rule } from '../types.js';

/**
 * A protocol binding value changed in a way no client notices (see `bindingHarmless` in compare.ts:
 * a higher QoS on what it receives, a topic's partition count, the described application's own
 * consumer group): reported, not judged breaking.
 */
export const RULE_ID = 'binding-harmless-changed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'any',
  area: 'operation',
  kind: 'binding-harmless-changed',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'binding-harmless',
};
