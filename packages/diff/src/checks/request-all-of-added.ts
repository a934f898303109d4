import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** An allOf part adds a request constraint the merged fields cannot show (`not`, `multipleOf`, a second pattern...). */
export const RULE_ID = 'request-all-of-added';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'request',
  area: 'field',
  kind: 'all-of-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'allof-added', 'request'),
};
