import type { DiffItem, Rule } from '../types.js';

/** The constant `action` of the frame carrying an operation's messages changed: receivers dispatch on it. */
export const RULE_ID = 'message-action-changed';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'any',
  area: 'operation',
  kind: 'message-action-changed',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'frame-action',
};
