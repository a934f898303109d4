import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** A field disappeared and a similar one of the same type appeared next to it, without `x-renamed-from`. */
export const RULE_ID = 'field-possibly-renamed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'any',
  area: 'field',
  kind: 'field-renamed',
  handler: (i: DiffItem): boolean => h.isField(i, 'possibly-renamed'),
};
