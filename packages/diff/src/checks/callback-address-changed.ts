import type { DiffItem, Rule } from '../types.js';

/**
 * An OpenAPI callback is sent to a URL read from another place of the registering request (`{$request.body#/callbackUrl}`
 * -> `{$request.query.notify}`): a client that gives its URL the old way is no longer called.
 */
export const RULE_ID = 'callback-address-changed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'any',
  area: 'operation',
  kind: 'callback-address-changed',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'callback-address',
};
