import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** Response value pattern changed. */
export const RULE_ID = 'response-pattern-changed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'response',
  area: 'field',
  kind: 'pattern-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'pattern', 'response'),
};
