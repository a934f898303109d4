import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** A request field became `readOnly`: what clients send in it is ignored or rejected. */
export const RULE_ID = 'request-field-became-read-only';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'request',
  area: 'field',
  kind: 'field-became-read-only',
  handler: (i: DiffItem): boolean => h.isField(i, 'access', 'request') && i.to === 'readOnly',
};
