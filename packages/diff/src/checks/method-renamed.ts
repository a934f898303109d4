import type { DiffItem, Rule } from '../types.js';

/** The revision declares with `x-renamed-from` that a method has a new name. */
export const RULE_ID = 'method-renamed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'any',
  area: 'operation',
  kind: 'method-renamed',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'renamed' && i.revOp?.kind === 'method',
};
