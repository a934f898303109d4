import type { DiffItem, Rule } from '../types.js';

/** A method disappeared and a new one with a similar name and mostly the same fields appeared, without `x-renamed-from`. */
export const RULE_ID = 'method-possibly-renamed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'any',
  area: 'operation',
  kind: 'method-renamed',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'possibly-renamed' && i.revOp?.kind === 'method',
};
