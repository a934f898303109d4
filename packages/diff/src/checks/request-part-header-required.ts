import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/**
 * A multipart request part must carry a header it did not need before (its `encoding` entry's
 * `headers`, `required: true`): a part sent without it is refused.
 */
export const RULE_ID = 'request-part-header-required';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'request',
  area: 'field',
  kind: 'request-part-header-required',
  handler: (i: DiffItem): boolean => h.isField(i, 'part-headers-required', 'request'),
};
