import type { DiffItem, Rule } from '../types.js';

/** A schema disappeared and one with nearly the same fields appeared. */
export const RULE_ID = 'structure-possibly-renamed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'any',
  area: 'structure',
  kind: 'structure-renamed',
  handler: (i: DiffItem): boolean => i.subject === 'structure' && i.change === 'possibly-renamed',
};
