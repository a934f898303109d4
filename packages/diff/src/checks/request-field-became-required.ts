import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** Calls that omit it fail now. */
export const RULE_ID = 'request-field-became-required';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'request',
  area: 'field',
  kind: 'required-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'required', 'request') && i.to === true,
};
