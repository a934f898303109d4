import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/**
 * A request field is gone from an object that does not admit properties it does not list
 * (`additionalProperties: false`): a client still sending it, deprecated or not, is refused.
 */
export const RULE_ID = 'request-field-refused';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'request',
  area: 'field',
  kind: 'field-removed',
  handler: (i: DiffItem): boolean => h.isField(i, 'removed', 'request') && !!i.refused,
};
