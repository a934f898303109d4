import type { DiffItem, Rule } from '../types.js';

/** Where or how to connect changed. */
export const RULE_ID = 'server-changed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'any',
  area: 'server',
  kind: 'server-changed',
  handler: (i: DiffItem): boolean => i.subject === 'server' && (i.change === 'url' || i.change === 'protocol' || i.change === 'protocol-version' || i.change === 'variable-default' || i.change === 'variable-enum-removed'),
};
