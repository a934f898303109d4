import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** A parameter's `style` or `explode` changed: the same value is written differently on the wire. */
export const RULE_ID = 'parameter-style-changed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'request',
  area: 'field',
  kind: 'parameter-style-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'style', 'request'),
};
