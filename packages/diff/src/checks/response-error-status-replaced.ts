import type { DiffItem, Rule } from '../types.js';

/**
 * An error status the client handled is no longer answered and another code of its class is (`409`
 * -> `422` for a duplicate): code that reacts to the old status no longer runs, and the new one
 * reaches the client's generic error path.
 */
export const RULE_ID = 'response-error-status-replaced';

export const rule: Rule = {
  id: RULE_ID,
  level: 'WARN',
  direction: 'response',
  area: 'operation',
  kind: 'status-replaced',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'error-status-replaced',
};
