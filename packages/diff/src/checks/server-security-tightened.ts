import type { DiffItem, Rule } from '../types.js';

/** A way a client authenticated to a server before (including with no credentials) is no longer accepted. */
export const RULE_ID = 'server-security-tightened';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'request',
  area: 'server',
  kind: 'server-security-tightened',
  handler: (i: DiffItem): boolean => i.subject === 'server' && i.change === 'security-tightened',
};
