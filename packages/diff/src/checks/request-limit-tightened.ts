import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** An existing bound of a request value became stricter: values that were valid may now be rejected. */
export const RULE_ID = 'request-limit-tightened';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'request',
  area: 'field',
  kind: 'limit-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'limit', 'request') && h.narrows(i) && i.from !== undefined,
};
