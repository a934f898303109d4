import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** Clients may receive values outside the old range. */
export const RULE_ID = 'response-limit-relaxed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'response',
  area: 'field',
  kind: 'limit-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'limit', 'response') && h.widens(i),
};
