import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** A discriminator of what the client sends maps a new value (every value it mapped still selects the same structure): the client may send more. */
export const RULE_ID = 'discriminator-mapping-added';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'request',
  area: 'field',
  kind: 'discriminator-mapping-added',
  handler: (i: DiffItem): boolean => h.isField(i, 'mapping-added', 'request'),
};
