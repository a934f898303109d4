import type { DiffItem, Rule } from '../types.js';

/** A way a client authenticated before is no longer accepted: the operation became authenticated, a scheme was replaced or removed, schemes became required together, an API key moved, or scopes were added. */
export const RULE_ID = 'operation-security-tightened';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'request',
  area: 'security',
  kind: 'security-tightened',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'security-tightened',
};
