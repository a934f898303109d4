import type { DiffItem, Rule } from '../types.js';

/** Messages on it are no longer exchanged. */
export const RULE_ID = 'channel-removed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'any',
  area: 'channel',
  kind: 'channel-removed',
  handler: (i: DiffItem): boolean => i.subject === 'channel' && i.change === 'removed',
};
