import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** A default no client meets: added where there was none, or of a field always present (see defaultInEffect). */
export const RULE_ID = 'field-default-changed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'any',
  area: 'field',
  kind: 'default-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'default') && !(i.base?.hasDefault && h.defaultInEffect(i)),
};
