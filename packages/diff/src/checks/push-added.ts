import type { DiffItem, Rule } from '../types.js';

/** A push (AsyncAPI receive operation or OpenAPI webhook) exists only in the revision. */
export const RULE_ID = 'push-added';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'any',
  area: 'operation',
  kind: 'push-added',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'added' && i.revOp?.kind === 'push',
};
