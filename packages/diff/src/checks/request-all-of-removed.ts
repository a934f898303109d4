import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** A request constraint from an allOf part that the merged fields cannot show was dropped: the server accepts more. */
export const RULE_ID = 'request-all-of-removed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'request',
  area: 'field',
  kind: 'all-of-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'allof-removed', 'request'),
};
