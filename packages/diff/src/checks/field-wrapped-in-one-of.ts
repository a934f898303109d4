import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** A schema was wrapped in oneOf/anyOf. */
export const RULE_ID = 'field-wrapped-in-one-of';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'any',
  area: 'field',
  kind: 'variant-changed',
  // unless the union provably keeps what the client relied on (the two INFO rules beside this one)
  handler: (i: DiffItem): boolean => h.isField(i, 'wrapped') && !(i.direction === 'request' ? i.covers?.old : i.covers?.all),
};
