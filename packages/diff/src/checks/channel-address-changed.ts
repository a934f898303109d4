import type { DiffItem, Rule } from '../types.js';

/** Its address changed. */
export const RULE_ID = 'channel-address-changed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'any',
  area: 'channel',
  kind: 'channel-address-changed',
  handler: (i: DiffItem): boolean => i.subject === 'channel' && i.change === 'address',
};
