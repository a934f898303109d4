import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/**
 * A schema keyword the tool does not compare precisely (`not`, `contains`, `if`/`then`/`else`,
 * `dependentRequired`, `propertyNames`, `patternProperties` keys...) changed where it may break a
 * client: added or changed on what the client sends, removed or changed on what it receives.
 */
export const RULE_ID = 'field-constraint-changed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'WARN',
  direction: 'any',
  area: 'field',
  kind: 'constraint-changed',
  handler: (i: DiffItem): boolean => h.isField(i, 'constraint') && h.mayBreak(i),
};
