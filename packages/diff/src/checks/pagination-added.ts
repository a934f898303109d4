import type { DiffItem, Rule } from '../types.js';

/** A paging field (page id, cursor, offset...) appeared in a method that had none. */
export const RULE_ID = 'pagination-added';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'any',
  area: 'operation',
  kind: 'pagination-added',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'pagination',
};
