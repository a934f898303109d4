import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** Fewer values are returned; clients still understand all of them. */
export const RULE_ID = 'response-enum-value-removed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'response',
  area: 'field',
  kind: 'enum-value-removed',
  handler: (i: DiffItem): boolean => h.isField(i, 'enum-removed', 'response'),
};
