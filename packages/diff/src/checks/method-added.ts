import type { DiffItem, Rule } from '../types.js';

/** A method (Web operation or RTM request) exists only in the revision. */
export const RULE_ID = 'method-added';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'any',
  area: 'operation',
  kind: 'method-added',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'added' && i.revOp?.kind === 'method',
};
