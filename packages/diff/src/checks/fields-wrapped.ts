import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** Fields that sat at one level now sit inside a new object there (the inverse of fields-unwrapped). */
export const RULE_ID = 'fields-wrapped';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'any',
  area: 'field',
  kind: 'fields-wrapped',
  handler: (i: DiffItem): boolean => h.isField(i, 'moved-into'),
};
