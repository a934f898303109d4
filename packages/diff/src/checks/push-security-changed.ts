import type { DiffItem, Rule } from '../types.js';

/**
 * The credentials of a call the API provider makes to the client's endpoint (an OpenAPI webhook or
 * callback) changed. The provider presents them, so no call of the client can be refused; whether
 * the operation's direction is the provider's is decided where the model reads it (`providerCalls`).
 */
export const RULE_ID = 'push-security-changed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'response',
  area: 'security',
  kind: 'push-security-changed',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'provider-security',
};
