import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** A field is now found at another place in the payload (for example nested under a new object). */
export const RULE_ID = 'field-moved';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'any',
  area: 'field',
  kind: 'field-moved',
  handler: (i: DiffItem): boolean => h.isField(i, 'moved'),
};
