import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** A default was added, or a response default changed. */
export const RULE_ID = 'field-default-changed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'any',
  area: 'field',
  kind: 'default-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'default') && !(i.direction === 'request' && i.base?.hasDefault),
};
