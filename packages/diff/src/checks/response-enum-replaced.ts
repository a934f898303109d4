import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** A response value's list of values was replaced by one sharing none of them (a `const` changed). */
export const RULE_ID = 'response-enum-replaced';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'response',
  area: 'field',
  kind: 'enum-value-added',
  handler: (i: DiffItem): boolean => h.isField(i, 'enum-replaced', 'response'),
};
