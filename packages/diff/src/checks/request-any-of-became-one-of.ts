import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** Request alternatives listed by `anyOf` are now listed by `oneOf`, and a value may match two of them. */
export const RULE_ID = 'request-any-of-became-one-of';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'request',
  area: 'field',
  kind: 'variant-removed',
  handler: (i: DiffItem): boolean => h.isField(i, 'variant-keyword', 'request') && i.to === 'oneOf',
};
