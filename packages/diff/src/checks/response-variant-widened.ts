import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/**
 * An alternative of a response union admits more values, or a union became a plain schema that admits
 * more than every alternative it replaced: clients may receive values they do not expect.
 */
export const RULE_ID = 'response-variant-widened';

export const rule: Rule = {
  id: RULE_ID,
  level: 'WARN',
  direction: 'response',
  area: 'field',
  kind: 'variant-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'variant-widened', 'response'),
};
