import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** Parts of a request schema were removed; their fields may be ignored. */
export const RULE_ID = 'request-all-of-removed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'WARN',
  direction: 'request',
  area: 'field',
  kind: 'all-of-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'allof-removed', 'request'),
};
