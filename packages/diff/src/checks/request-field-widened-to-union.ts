import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** A request schema became a union whose alternatives still admit everything it admitted: clients may keep sending what they sent. */
export const RULE_ID = 'request-field-widened-to-union';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'request',
  area: 'field',
  kind: 'variant-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'wrapped', 'request') && !!i.covers?.old,
};
