import type { DiffItem, Rule } from '../types.js';

/** A push of the base is no longer sent. */
export const RULE_ID = 'push-removed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'any',
  area: 'operation',
  kind: 'push-removed',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'removed' && i.baseOp?.kind === 'push',
};
