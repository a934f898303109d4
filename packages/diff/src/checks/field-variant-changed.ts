import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** Request accepts more shapes, or response returns fewer. */
export const RULE_ID = 'field-variant-changed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'any',
  area: 'field',
  kind: 'variant-changed',
  handler: (i: DiffItem): boolean => (h.isField(i, 'variant-added', 'request') || h.isField(i, 'variant-removed', 'response') || (h.isField(i, 'variant-removed', 'request') && !!i.covers?.old)),
};
