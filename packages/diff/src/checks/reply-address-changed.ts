import type { DiffItem, Rule } from '../types.js';

/**
 * Where an AsyncAPI 3 operation's reply travels changed: the address of its reply channel, or the
 * runtime expression (`reply.address.location`) naming the part of the request that holds it. The
 * side that waits for the reply listens where it no longer arrives.
 */
export const RULE_ID = 'reply-address-changed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'any',
  area: 'operation',
  kind: 'reply-address-changed',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'reply-address',
};
