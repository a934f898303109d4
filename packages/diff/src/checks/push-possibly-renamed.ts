import type { DiffItem, Rule } from '../types.js';

/** A push disappeared and a similar new one appeared, without `x-renamed-from`. */
export const RULE_ID = 'push-possibly-renamed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'any',
  area: 'operation',
  kind: 'push-renamed',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'possibly-renamed' && i.revOp?.kind === 'push',
};
