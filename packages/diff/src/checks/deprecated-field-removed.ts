import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** A request field or parameter that was already deprecated is gone. */
export const RULE_ID = 'deprecated-field-removed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'request',
  area: 'field',
  kind: 'field-removed',
  handler: (i: DiffItem): boolean => h.isField(i, 'removed', 'request') && !!i.base?.deprecated && !i.refused,
};
