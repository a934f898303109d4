import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** A method that the base already marked deprecated (and whose sunset date, if any, has passed) is gone. */
export const RULE_ID = 'method-removed-after-deprecation';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'any',
  area: 'operation',
  kind: 'method-removed',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'removed' && i.baseOp?.kind === 'method' && h.retiredAfterDeprecation(i.baseOp),
};
