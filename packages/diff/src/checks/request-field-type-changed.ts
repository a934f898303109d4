import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** Values that were valid before may be rejected now. */
export const RULE_ID = 'request-field-type-changed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'request',
  area: 'field',
  kind: 'type-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'type', 'request') && !h.typeWidened(i.from, i.to, i),
};
