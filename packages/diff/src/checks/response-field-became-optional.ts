import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** A field that was always returned may now be absent. */
export const RULE_ID = 'response-field-became-optional';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'response',
  area: 'field',
  kind: 'required-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'required', 'response') && i.to === false,
};
