import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** Clients may receive values they cannot parse. */
export const RULE_ID = 'response-field-type-changed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'response',
  area: 'field',
  kind: 'type-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'type', 'response') && !h.typeWidened(i.to, i.from),
};
