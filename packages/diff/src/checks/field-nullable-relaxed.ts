import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** Request now accepts null, or response never returns null. */
export const RULE_ID = 'field-nullable-relaxed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'any',
  area: 'field',
  kind: 'nullable-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'nullable') && ((i.direction === 'request' && i.to === true) || (i.direction === 'response' && i.to === false)),
};
