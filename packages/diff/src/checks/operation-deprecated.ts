import type { DiffItem, Rule } from '../types.js';

/** The revision marks an operation deprecated; it still works. */
export const RULE_ID = 'operation-deprecated';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'any',
  area: 'operation',
  kind: 'deprecated',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'deprecated',
};
