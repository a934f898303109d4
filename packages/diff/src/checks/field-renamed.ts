import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** The revision declares with `x-renamed-from` that a field or parameter has a new name. */
export const RULE_ID = 'field-renamed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'any',
  area: 'field',
  kind: 'field-renamed',
  handler: (i: DiffItem): boolean => h.isField(i, 'renamed'),
};
