import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** A request value's pattern was replaced by one that provably admits every value the old one did. */
export const RULE_ID = 'request-pattern-widened';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'request',
  area: 'field',
  kind: 'pattern-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'pattern', 'request') && !!i.from && !!i.to && !!i.covers?.old,
};
