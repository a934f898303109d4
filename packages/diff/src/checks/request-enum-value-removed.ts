import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** Requests using a removed value fail. */
export const RULE_ID = 'request-enum-value-removed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'request',
  area: 'field',
  kind: 'enum-value-removed',
  handler: (i: DiffItem): boolean => (h.isField(i, 'enum-removed', 'request') || h.isField(i, 'enum-replaced', 'request')),
};
