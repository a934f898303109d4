import type { DiffItem, Rule } from '../types.js';

/**
 * The same path or channel parameters now sit in other places of the address: a client that puts
 * each value where the base said sends one parameter's value as another's (names never reach the wire,
 * places do). A parameter only renamed in its place is no change.
 */
export const RULE_ID = 'parameters-reordered';

export const rule: Rule = {
  id: RULE_ID,
  level: 'ERR',
  direction: 'request',
  area: 'operation',
  kind: 'parameters-reordered',
  handler: (i: DiffItem): boolean => i.subject === 'operation' && i.change === 'parameters-reordered',
};
