import type { DiffItem, Rule } from '../types.js';

/** A schema was renamed (declared with `x-renamed-from`); schema names are not on the wire. */
export const RULE_ID = 'structure-renamed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'any',
  area: 'structure',
  kind: 'structure-renamed',
  handler: (i: DiffItem): boolean => i.subject === 'structure' && i.change === 'renamed',
};
