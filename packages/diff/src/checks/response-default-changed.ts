import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/**
 * What a response field that may be missing means when it is: its documented default changed, so a
 * client that reads an absent field as the old default now reads it wrongly.
 */
export const RULE_ID = 'response-default-changed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'WARN',
  direction: 'response',
  area: 'field',
  kind: 'default-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'default', 'response') && !!i.base?.hasDefault && h.defaultInEffect(i),
};
