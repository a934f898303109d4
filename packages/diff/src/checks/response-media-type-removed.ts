import type { DiffItem, Rule } from '../types.js';

/** A response content type was dropped. */
export const RULE_ID = 'response-media-type-removed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'response',
  area: 'operation',
  kind: 'media-type-removed',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'media-removed' && i.direction === 'response',
};
