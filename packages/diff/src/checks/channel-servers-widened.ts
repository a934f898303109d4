import type { DiffItem, Rule } from '../types.js';

/** A channel is now offered on more of the listed servers. */
export const RULE_ID = 'channel-servers-widened';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'any',
  area: 'channel',
  kind: 'channel-servers-widened',
  handler: (i: DiffItem): boolean => i.subject === 'channel' && i.change === 'servers-widened',
};
