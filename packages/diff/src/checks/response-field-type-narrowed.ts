import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** The response type became more specific: every new value was valid before. */
export const RULE_ID = 'response-field-type-narrowed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'response',
  area: 'field',
  kind: 'type-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'type', 'response') && h.typeWidened(i.to, i.from),
};
