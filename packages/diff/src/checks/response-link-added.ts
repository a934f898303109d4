import type { DiffItem, Rule } from '../types.js';

/** A response documents a new link. */
export const RULE_ID = 'response-link-added';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'response',
  area: 'operation',
  kind: 'link-added',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'link-added',
};
