import type { DiffItem, Rule } from '../types.js';

/** Clients connecting to it will fail. */
export const RULE_ID = 'server-removed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'any',
  area: 'server',
  kind: 'server-removed',
  handler: (i: DiffItem): boolean => i.subject === 'server' && i.change === 'removed',
};
