import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** A response value is now from a fixed list. */
export const RULE_ID = 'response-field-became-enum';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'response',
  area: 'field',
  kind: 'enum-added',
  handler: (i: DiffItem): boolean => h.isField(i, 'became-enum', 'response'),
};
