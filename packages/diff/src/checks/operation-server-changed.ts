import type { DiffItem, Rule } from '../types.js';

/**
 * The servers one path or operation lists instead of the document's no longer offer an address
 * its clients used (a base path moved for these operations only): calls to the old address miss.
 */
export const RULE_ID = 'operation-server-changed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'any',
  area: 'operation',
  kind: 'operation-server-changed',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'server',
};
