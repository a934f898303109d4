import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** A response constraint from an allOf part that the merged fields cannot show was added or dropped. */
export const RULE_ID = 'response-all-of-changed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'response',
  area: 'field',
  kind: 'all-of-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'allof-added', 'response') || h.isField(i, 'allof-removed', 'response'),
};
