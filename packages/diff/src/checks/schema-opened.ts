import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/**
 * An object that had `additionalProperties: false` no longer has it: a request accepts more, and a
 * response may carry keys it does not list, which clients ignore like any new optional field.
 */
export const RULE_ID = 'schema-opened';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'any',
  area: 'field',
  kind: 'schema-opened',
  handler: (i: DiffItem): boolean => h.isField(i, 'closed') && i.to === false,
};
