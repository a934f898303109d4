import type { DiffItem, Rule } from '../types.js';

/** A schema under components/schemas is gone; the fields that used it are reported where they changed. */
export const RULE_ID = 'structure-removed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'any',
  area: 'structure',
  kind: 'structure-removed',
  handler: (i: DiffItem): boolean => i.subject === 'structure' && i.change === 'removed',
};
