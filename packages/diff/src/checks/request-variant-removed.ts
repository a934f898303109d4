import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** A request alternative was removed. */
export const RULE_ID = 'request-variant-removed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'request',
  area: 'field',
  kind: 'variant-removed',
  // not when the plain schema that replaced the union admits every alternative in full (field-variant-changed)
  handler: (i: DiffItem): boolean => h.isField(i, 'variant-removed', 'request') && !i.covers?.old,
};
