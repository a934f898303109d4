import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** A response value's pattern was replaced by one that provably admits only values the old one did. */
export const RULE_ID = 'response-pattern-narrowed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'response',
  area: 'field',
  kind: 'pattern-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'pattern', 'response') && !!i.from && !!i.to && !!i.covers?.all,
};
