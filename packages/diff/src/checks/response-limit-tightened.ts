import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** Returned values are within a narrower range. */
export const RULE_ID = 'response-limit-tightened';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'response',
  area: 'field',
  kind: 'limit-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'limit', 'response') && !h.widens(i),
};
