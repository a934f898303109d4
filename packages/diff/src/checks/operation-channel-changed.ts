import type { DiffItem, Rule } from '../types.js';

/**
 * An AsyncAPI operation now uses another channel, at another address: a client that sends to, or
 * listens on, the old address is no longer heard, or no longer gets the messages. Channel keys never
 * reach the wire: a channel renamed at the same address is no change, and a channel whose own address
 * changed is channel-address-changed.
 */
export const RULE_ID = 'operation-channel-changed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'any',
  area: 'operation',
  kind: 'channel-address-changed',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'channel',
};
