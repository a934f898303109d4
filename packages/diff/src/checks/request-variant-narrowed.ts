import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** An alternative of a request union admits fewer values: what clients sent under it may be refused. */
export const RULE_ID = 'request-variant-narrowed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'request',
  area: 'field',
  kind: 'variant-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'variant-narrowed', 'request'),
};
