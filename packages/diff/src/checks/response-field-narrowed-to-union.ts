import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** A response schema became a union whose every alternative admits only values it admitted before: clients receive nothing new. */
export const RULE_ID = 'response-field-narrowed-to-union';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'response',
  area: 'field',
  kind: 'variant-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'wrapped', 'response') && !!i.covers?.all,
};
