import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** Same JSON type, different format. */
export const RULE_ID = 'field-format-changed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'WARN',
  direction: 'any',
  area: 'field',
  kind: 'format-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'format') && h.mayBreak(i),
};
