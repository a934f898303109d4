import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** Requests sending null fail. */
export const RULE_ID = 'request-field-became-not-nullable';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'request',
  area: 'field',
  kind: 'nullable-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'nullable', 'request') && i.to === false,
};
