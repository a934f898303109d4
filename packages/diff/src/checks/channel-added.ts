import type { DiffItem, Rule } from '../types.js';

/** A new channel is listed. */
export const RULE_ID = 'channel-added';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'any',
  area: 'channel',
  kind: 'channel-added',
  handler: (i: DiffItem): boolean => i.subject === 'channel' && i.change === 'added',
};
