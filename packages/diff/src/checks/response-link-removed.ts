import type { DiffItem, Rule } from '../types.js';

/** A response link is no longer documented: the relationship it described is not promised any more, though nothing on the wire changes. */
export const RULE_ID = 'response-link-removed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'response',
  area: 'operation',
  kind: 'link-removed',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'link-removed',
};
