import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** Any value of the type is accepted now. */
export const RULE_ID = 'field-enum-dropped';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'request',
  area: 'field',
  kind: 'enum-removed',
  handler: (i: DiffItem): boolean => h.isField(i, 'enum-dropped', 'request'),
};
