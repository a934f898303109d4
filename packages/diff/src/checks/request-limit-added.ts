import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** A request value that had no such bound now has one (oasdiff rates a new max length WARN). */
export const RULE_ID = 'request-limit-added';

export const rule: Rule = {
  id: RULE_ID,
  level: 'WARN',
  direction: 'request',
  area: 'field',
  kind: 'limit-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'limit', 'request') && i.from === undefined && i.to !== undefined,
};
