import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** A request object now has `additionalProperties: false`: properties it does not list are rejected. */
export const RULE_ID = 'request-schema-closed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'request',
  area: 'field',
  kind: 'schema-closed',
  handler: (i: DiffItem): boolean => h.isField(i, 'closed', 'request') && i.to === true,
};
