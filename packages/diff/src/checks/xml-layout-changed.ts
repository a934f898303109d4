import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/**
 * How a value is written in an XML body changed (`xml`: its element or attribute name, whether it
 * is an attribute, its namespace, an array's wrapper element), where it travels as XML: a client
 * reading or writing the old layout misses the value or is refused. The prefix alone, and `xml`
 * on a schema only sent as JSON, change nothing on the wire.
 */
export const RULE_ID = 'xml-layout-changed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'any',
  area: 'field',
  kind: 'xml-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'xml'),
};
