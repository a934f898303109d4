import type { DiffItem, Rule } from '../types.js';

/** A schema under components/schemas exists only in the revision. */
export const RULE_ID = 'structure-added';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'any',
  area: 'structure',
  kind: 'structure-added',
  handler: (i: DiffItem): boolean => i.subject === 'structure' && i.change === 'added',
};
