import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** Some values valid before may be rejected. */
export const RULE_ID = 'request-pattern-changed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'WARN',
  direction: 'request',
  area: 'field',
  kind: 'pattern-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'pattern', 'request') && !!i.from && !!i.to && !i.covers?.old,
};
