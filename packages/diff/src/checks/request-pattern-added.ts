import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** A pattern now restricts request values. */
export const RULE_ID = 'request-pattern-added';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'request',
  area: 'field',
  kind: 'pattern-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'pattern', 'request') && !i.from && !!i.to,
};
