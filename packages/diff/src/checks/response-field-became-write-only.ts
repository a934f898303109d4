import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** A response field became `writeOnly`: clients no longer receive it. */
export const RULE_ID = 'response-field-became-write-only';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'response',
  area: 'field',
  kind: 'field-became-write-only',
  handler: (i: DiffItem): boolean => h.isField(i, 'access', 'response') && i.to === 'writeOnly',
};
