import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** Still works; plan to stop using it. */
export const RULE_ID = 'field-deprecated';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'any',
  area: 'field',
  kind: 'deprecated',
  handler: (i: DiffItem): boolean => h.isField(i, 'deprecated'),
};
