import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** Clients may receive values they do not know. */
export const RULE_ID = 'response-enum-value-added';

export const rule: Rule = {
  id: RULE_ID,
  level: 'WARN',
  direction: 'response',
  area: 'field',
  kind: 'enum-value-added',
  handler: (i: DiffItem): boolean => h.isField(i, 'enum-added', 'response'),
};
