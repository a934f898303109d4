import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** Clients must now send something they did not send before. */
export const RULE_ID = 'request-field-added-required';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'request',
  area: 'field',
  kind: 'field-added',
  handler: (i: DiffItem): boolean => h.isField(i, 'added', 'request') && !!i.revision?.required && !i.revision?.hasDefault,
};
