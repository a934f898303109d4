import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/**
 * A request oneOf whose alternatives could not overlap gained one that overlaps another: a value
 * matching two alternatives fails oneOf, so values clients sent may now be refused.
 */
export const RULE_ID = 'request-one-of-overlap-added';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'request',
  area: 'field',
  kind: 'variant-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'variant-overlap', 'request'),
};
