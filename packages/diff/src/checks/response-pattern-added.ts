import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** A response value gained a pattern: only values it admits are returned, a narrowing clients need not act on, told so the changelog keeps it. */
export const RULE_ID = 'response-pattern-added';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'response',
  area: 'field',
  kind: 'pattern-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'pattern', 'response') && !i.from && !!i.to,
};
