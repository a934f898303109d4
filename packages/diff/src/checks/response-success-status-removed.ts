import type { DiffItem, Rule } from '../types.js';

/** Every success status a client handled is gone (removed, or replaced by codes it never got). */
export const RULE_ID = 'response-success-status-removed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'response',
  area: 'operation',
  kind: 'status-removed',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'success-status-removed',
};
