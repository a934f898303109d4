import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** Clients may receive null. */
export const RULE_ID = 'response-field-became-nullable';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'response',
  area: 'field',
  kind: 'nullable-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'nullable', 'response') && i.to === true,
};
