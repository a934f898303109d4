import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** Clients may send something new; old calls still work. */
export const RULE_ID = 'request-field-added';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'request',
  area: 'field',
  kind: 'field-added',
  handler: (i: DiffItem): boolean => h.isField(i, 'added', 'request') && !(i.revision?.required && !i.revision?.hasDefault),
};
