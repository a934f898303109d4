import type { DiffItem, Rule } from '../types.js';

/** A content type was added to a request or response. */
export const RULE_ID = 'media-type-added';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'any',
  area: 'operation',
  kind: 'media-type-added',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'media-added',
};
