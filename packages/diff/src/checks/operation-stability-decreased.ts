import type { DiffItem, Rule } from '../types.js';

/** `x-stability-level` moved to a less stable level. */
export const RULE_ID = 'operation-stability-decreased';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'any',
  area: 'operation',
  kind: 'stability-decreased',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'stability',
};
