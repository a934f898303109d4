import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/**
 * An alternative of a union changed in the direction its clients tolerate (a request one admits more,
 * a response one fewer), or is written otherwise and admits the same values (an optional property more).
 */
export const RULE_ID = 'field-variant-adjusted';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'any',
  area: 'field',
  kind: 'variant-changed',
  handler: (i: DiffItem): boolean => (h.isField(i, 'variant-widened', 'request') && !i.covers) || h.isField(i, 'variant-narrowed', 'response') || h.isField(i, 'variant-adjusted'),
};
