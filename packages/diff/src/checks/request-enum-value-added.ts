import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** More values are allowed in requests. */
export const RULE_ID = 'request-enum-value-added';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'request',
  area: 'field',
  kind: 'enum-value-added',
  handler: (i: DiffItem): boolean => h.isField(i, 'enum-added', 'request'),
};
