import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** Clients may receive values outside the old list. */
export const RULE_ID = 'response-field-enum-dropped';

export const rule: Rule = {
  id: RULE_ID,
  level: 'WARN',
  direction: 'response',
  area: 'field',
  kind: 'enum-removed',
  handler: (i: DiffItem): boolean => h.isField(i, 'enum-dropped', 'response'),
};
