import type { DiffItem, Rule } from '../types.js';

/** A response content type the client reads is now only declared as a range that matches it and other types (`application/json` -> `*\/*`). */
export const RULE_ID = 'response-media-type-widened';

export const rule: Rule = {
  id: RULE_ID,
  level: 'WARN',
  direction: 'response',
  area: 'operation',
  kind: 'media-type-widened',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'media-widened',
};
