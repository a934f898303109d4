import type { Operation } from '@ccapi/model';
import type { DiffItem, Direction } from '../types.js';

/** A field item of the given change, judged from the given side. */
export function isField(i: DiffItem, change: string, direction?: Direction): boolean {
  return i.subject === 'field' && i.change === change && (direction === undefined || i.direction === direction);
}

/** True when every value of type `from` is also a value of type `to` (integer -> number, adding a type). */
export function typeWidened(from: unknown, to: unknown): boolean {
  if (typeof from !== 'string' || typeof to !== 'string') return false;
  const a = from.split('|');
  const b = new Set(to.split('|'));
  if (b.has('number')) b.add('integer');
  return a.every((t) => b.has(t));
}

const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'];

/** Does a limit change accept fewer values than before? (a bound that appears counts as stricter) */
export function tightened(i: DiffItem): boolean {
  const key = i.oldPath ?? '';
  const from = typeof i.from === 'number' ? i.from : undefined;
  const to = typeof i.to === 'number' ? i.to : undefined;
  if (to === undefined) return false; // bound removed: looser
  if (from === undefined) return true; // bound added: stricter
  return LOWER_BOUNDS.includes(key) ? to > from : to < from;
}

/** A removed operation counts as retired when it was deprecated and its sunset date (if any) has passed. */
export function retiredAfterDeprecation(op: Operation | undefined, today = new Date()): boolean {
  if (!op?.deprecated) return false;
  if (!op.sunset) return true;
  const t = Date.parse(op.sunset);
  return Number.isNaN(t) ? true : t <= today.getTime();
}
