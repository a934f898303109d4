import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** Clients may leave it out. */
export const RULE_ID = 'request-field-became-optional';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'request',
  area: 'field',
  kind: 'required-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'required', 'request') && i.to === false,
};
