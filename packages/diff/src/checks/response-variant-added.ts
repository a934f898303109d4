import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** Clients may receive a shape they do not know. */
export const RULE_ID = 'response-variant-added';

export const rule: Rule = {
  id: RULE_ID,
  level: 'WARN',
  direction: 'response',
  area: 'field',
  kind: 'variant-added',
  handler: (i: DiffItem): boolean => h.isField(i, 'variant-added', 'response'),
};
