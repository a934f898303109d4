import type { DiffItem, Rule } from '../types.js';

/** A new server is listed. */
export const RULE_ID = 'server-added';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'any',
  area: 'server',
  kind: 'server-added',
  handler: (i: DiffItem): boolean => i.subject === 'server' && i.change === 'added',
};
