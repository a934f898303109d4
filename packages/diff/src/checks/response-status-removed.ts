import type { DiffItem, Rule } from '../types.js';

/** A non-success response was removed from the description. */
export const RULE_ID = 'response-status-removed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'response',
  area: 'operation',
  kind: 'status-removed',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'status-removed' && !/^2/.test(i.path ?? ''),
};
