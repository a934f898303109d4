import type { DiffItem, Rule } from '../types.js';

/** A security requirement was added while every way of authenticating that worked before still works (when one stops working, operation-security-tightened fires instead). */
export const RULE_ID = 'operation-security-added';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'request',
  area: 'security',
  kind: 'security-added',
  handler: (i: DiffItem): boolean => (i.subject === 'operation' && i.change === 'security-added') || (i.subject === 'security' && i.change === 'added'),
};
