import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** Any string is accepted. */
export const RULE_ID = 'request-pattern-removed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'request',
  area: 'field',
  kind: 'pattern-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'pattern', 'request') && !!i.from && !i.to,
};
