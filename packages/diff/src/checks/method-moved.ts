import type { DiffItem, Rule } from '../types.js';

/**
 * An HTTP operation keeps its operationId under another path or verb (`/v1/...` -> `/v2/...`):
 * clients calling the old one get no answer there. One finding names both calls; what else changed
 * in the operation is compared as usual.
 */
export const RULE_ID = 'method-moved';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'any',
  area: 'operation',
  kind: 'method-moved',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'moved',
};
