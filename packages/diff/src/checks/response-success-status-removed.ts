import type { DiffItem, Rule } from '../types.js';

/** A success (2xx) response was removed. */
export const RULE_ID = 'response-success-status-removed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'response',
  area: 'operation',
  kind: 'status-removed',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'status-removed' && /^2/.test(i.path ?? ''),
};
