import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/**
 * A discriminator value no longer selects the structure it did (its mapping entry removed, renamed
 * or pointed elsewhere): a request carrying it is not understood, a response carrying the new value
 * is not mapped by the client's deserialiser.
 */
export const RULE_ID = 'discriminator-mapping-removed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'any',
  area: 'field',
  kind: 'discriminator-mapping-removed',
  handler: (i: DiffItem): boolean => h.isField(i, 'mapping-removed'),
};
