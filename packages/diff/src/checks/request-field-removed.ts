import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** A request field or parameter is gone; servers may reject or ignore it. */
export const RULE_ID = 'request-field-removed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'WARN',
  direction: 'request',
  area: 'field',
  kind: 'field-removed',
  handler: (i: DiffItem): boolean => h.isField(i, 'removed', 'request') && !i.base?.deprecated && !i.refused,
};
