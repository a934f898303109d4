import type { DiffItem, Rule } from '../types.js';

/** A channel is no longer offered on a server that still exists: clients connected there lose it. */
export const RULE_ID = 'channel-servers-restricted';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'any',
  area: 'channel',
  kind: 'channel-servers-restricted',
  handler: (i: DiffItem): boolean => i.subject === 'channel' && i.change === 'servers-restricted',
};
