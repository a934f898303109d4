import type { DiffItem, Rule } from '../types.js';

/** A request content type was dropped. */
export const RULE_ID = 'request-media-type-removed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'request',
  area: 'operation',
  kind: 'media-type-removed',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'media-removed' && i.direction === 'request',
};
