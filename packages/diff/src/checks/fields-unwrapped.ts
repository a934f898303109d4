import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** An object that wrapped fields is gone and every one of its fields moved up one level. */
export const RULE_ID = 'fields-unwrapped';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'any',
  area: 'field',
  kind: 'fields-unwrapped',
  handler: (i: DiffItem): boolean => h.isField(i, 'unwrapped'),
};
