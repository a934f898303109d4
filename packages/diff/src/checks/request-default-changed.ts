import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** Calls that omit the value now behave differently (a field the client must send has no default in effect). */
export const RULE_ID = 'request-default-changed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'request',
  area: 'field',
  kind: 'default-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'default', 'request') && !!i.base?.hasDefault && h.defaultInEffect(i),
};
