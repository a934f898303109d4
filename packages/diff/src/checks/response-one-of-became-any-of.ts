import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** Response alternatives listed by `oneOf` are now listed by `anyOf`, and a value may match two of them. */
export const RULE_ID = 'response-one-of-became-any-of';

export const rule: Rule = {
  id: RULE_ID,
  level: 'WARN',
  direction: 'response',
  area: 'field',
  kind: 'variant-added',
  handler: (i: DiffItem): boolean => h.isField(i, 'variant-keyword', 'response') && i.to === 'anyOf',
};
