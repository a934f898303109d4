import type { DiffItem, Rule } from '../types.js';

/** An operation now flows the other way (send <-> receive, publish <-> subscribe). */
export const RULE_ID = 'operation-action-changed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'any',
  area: 'operation',
  kind: 'action-changed',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'action',
};
