import type { DiffItem, Rule } from '../types.js';
import * as h from './helpers.js';

/** A discriminator of what the client receives maps a new value: it may receive a subtype its deserialiser cannot dispatch (like a response enum value added). */
export const RULE_ID = 'response-discriminator-mapping-added';

export const rule: Rule = {
  id: RULE_ID,
  level: 'WARN',
  direction: 'response',
  area: 'field',
  kind: 'response-discriminator-mapping-added',
  handler: (i: DiffItem): boolean => h.isField(i, 'mapping-added', 'response'),
};
