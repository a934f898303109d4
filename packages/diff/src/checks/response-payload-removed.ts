import type { DiffItem, Rule } from '../types.js';

/** The success response used to carry data and now is empty. */
export const RULE_ID = 'response-payload-removed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'response',
  area: 'operation',
  kind: 'payload-removed',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'payload-removed',
};
