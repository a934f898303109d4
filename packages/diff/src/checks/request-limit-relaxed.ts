import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** More values are accepted. */
export const RULE_ID = 'request-limit-relaxed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'request',
  area: 'field',
  kind: 'limit-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'limit', 'request') && !h.narrows(i),
};
