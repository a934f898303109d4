import type { DiffItem, Rule } from '../types.js';

/** A response link leads to another operation, or takes its values from other places: a client that follows the link as documented passes other values. */
export const RULE_ID = 'response-link-changed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'WARN',
  direction: 'response',
  area: 'operation',
  kind: 'link-changed',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'link-changed',
};
