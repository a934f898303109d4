import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** A response value lost its pattern: any string may now arrive, including ones a client checking the old pattern rejects. */
export const RULE_ID = 'response-pattern-removed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'WARN',
  direction: 'response',
  area: 'field',
  kind: 'pattern-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'pattern', 'response') && !!i.from && !i.to,
};
