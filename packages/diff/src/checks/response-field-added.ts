import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** Clients receive something new; readers that ignore unknown keys are unaffected. */
export const RULE_ID = 'response-field-added';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'response',
  area: 'field',
  kind: 'field-added',
  handler: (i: DiffItem): boolean => h.isField(i, 'added', 'response'),
};
