import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** A method of the base is gone from the revision and was not deprecated (or its sunset date is still ahead). */
export const RULE_ID = 'method-removed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'any',
  area: 'operation',
  kind: 'method-removed',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'removed' && i.baseOp?.kind === 'method' && !h.retiredAfterDeprecation(i.baseOp),
};
