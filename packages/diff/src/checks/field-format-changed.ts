import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** Same JSON type, different format, unless the values it admits only narrowed in a response or widened in a request (int64 -> int32 in a response). */
export const RULE_ID = 'field-format-changed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'WARN',
  direction: 'any',
  area: 'field',
  kind: 'format-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'format') && h.mayBreak(i) && !h.formatOnlyHelps(i),
};
