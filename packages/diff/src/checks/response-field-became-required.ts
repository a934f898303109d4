import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** Clients can rely on it. */
export const RULE_ID = 'response-field-became-required';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'response',
  area: 'field',
  kind: 'required-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'required', 'response') && i.to === true,
};
