import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/**
 * A keyword kept as JSON (`not`, `if`/`then`/`else`...) added to what the client receives or removed
 * from what it sends: it can only narrow what arrives or widen what is accepted.
 */
export const RULE_ID = 'field-constraint-relaxed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'any',
  area: 'field',
  kind: 'constraint-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'constraint') && !h.mayBreak(i),
};
