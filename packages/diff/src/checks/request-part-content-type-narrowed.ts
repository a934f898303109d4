import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/**
 * A multipart request part accepts fewer media types (its `encoding` entry's `contentType`): a part
 * sent as one of the dropped types is refused.
 */
export const RULE_ID = 'request-part-content-type-narrowed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'request',
  area: 'field',
  kind: 'request-part-content-type-narrowed',
  handler: (i: DiffItem): boolean => h.isField(i, 'part-types', 'request'),
};
