import type { DiffItem, Rule } from '../types.js';

/**
 * A message the client receives now comes through another operation (another channel) only: the
 * server still sends it, where a client that listens as before never sees it.
 */
export const RULE_ID = 'response-message-moved';

export const rule: Rule = {
  id: RULE_ID,
  level: 'WARN',
  direction: 'response',
  area: 'operation',
  kind: 'message-moved',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'message-moved',
};
