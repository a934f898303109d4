import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** A free request value became an enumeration. */
export const RULE_ID = 'request-field-became-enum';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'request',
  area: 'field',
  kind: 'enum-added',
  handler: (i: DiffItem): boolean => h.isField(i, 'became-enum', 'request'),
};
