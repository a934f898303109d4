import type { DiffItem, Rule } from '../types.js';

/** A security scheme an operation or the document requires no longer offers a scope (one no operation requires any more; operation-security-tightened judges those that are). */
export const RULE_ID = 'security-scheme-scope-removed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'WARN',
  direction: 'request',
  area: 'security',
  kind: 'security-scheme-scope-removed',
  handler: (i: DiffItem): boolean => i.subject === 'security' && i.change === 'scope-removed',
};
