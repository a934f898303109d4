import type { DiffItem, Rule } from '../types.js';

/** A message's correlation id is read from another place: a client matching replies looks where it was. */
export const RULE_ID = 'message-correlation-id-moved';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'any',
  area: 'operation',
  kind: 'message-correlation-id-moved',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'correlation-id',
};
