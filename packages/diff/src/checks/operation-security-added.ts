import type { DiffItem, Rule } from '../types.js';

/** A security requirement was added to an operation or to the whole API. Reported, not judged breaking: clients that already authenticate are unaffected. */
export const RULE_ID = 'operation-security-added';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'request',
  area: 'security',
  kind: 'security-added',
  handler: (i: DiffItem): boolean => (i.subject === 'operation' && i.change === 'security-added') || (i.subject === 'security' && i.change === 'added'),
};
