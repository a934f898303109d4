import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** The request type was generalised (integer to number; a text parameter to an unrestricted string): old values stay valid. */
export const RULE_ID = 'request-field-type-widened';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'request',
  area: 'field',
  kind: 'type-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'type', 'request') && h.typeWidened(i.from, i.to, i),
};
