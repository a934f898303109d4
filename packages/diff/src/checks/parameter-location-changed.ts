import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/**
 * A parameter is now read from another location (query, header, cookie) under the same name: a
 * client still sending it in the old place is not heard, and one reading it there finds nothing.
 */
export const RULE_ID = 'parameter-location-changed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'any',
  area: 'field',
  kind: 'parameter-location-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'location'),
};
