import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** A response value's pattern changed: nothing shows it only narrowed, so clients checking values may meet ones they reject. */
export const RULE_ID = 'response-pattern-changed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'WARN',
  direction: 'response',
  area: 'field',
  kind: 'pattern-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'pattern', 'response') && !!i.from && !!i.to && !i.covers?.all,
};
