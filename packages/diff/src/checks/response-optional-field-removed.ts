import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** A field that could be returned is gone. */
export const RULE_ID = 'response-optional-field-removed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'WARN',
  direction: 'response',
  area: 'field',
  kind: 'field-removed',
  handler: (i: DiffItem): boolean => h.isField(i, 'removed', 'response') && !i.base?.required,
};
