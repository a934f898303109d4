import type { DiffItem, Rule } from '../types.js';

/** What a push brings (a webhook's or callback's body) may now come in a content type the client did not read. */
export const RULE_ID = 'push-media-type-added';

export const rule: Rule = {
  id: RULE_ID,
  level: 'WARN',
  direction: 'response',
  area: 'operation',
  kind: 'media-type-added',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'media-added-pushed',
};
