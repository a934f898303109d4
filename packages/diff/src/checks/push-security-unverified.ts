import type { DiffItem, Rule } from '../types.js';

/**
 * A webhook or callback that states its own security now reaches the client's endpoint with
 * credentials that hold none of those it came with before (another scheme, another header, or none):
 * an endpoint that verifies the caller, as it was written to, refuses those calls. Inherited (global)
 * security stays with push-security-changed: it describes the client's calls, rarely the provider's.
 */
export const RULE_ID = 'push-security-unverified';

export const rule: Rule = {
  id: RULE_ID,
  level: 'WARN',
  direction: 'response',
  area: 'security',
  kind: 'push-security-changed',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'provider-security-unverified',
};
