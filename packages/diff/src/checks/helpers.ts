import { acceptsOldText, constraintRelation, formatRelation, rangeEnd, rangeEndNarrows, type Field, type Operation } from '@ccapi/model';
import type { DiffItem, Direction } from '../types.js';

/** A field item of the given change, judged from the given side. */
export function isField(i: DiffItem, change: string, direction?: Direction): boolean {
  return i.subject === 'field' && i.change === change && (direction === undefined || i.direction === direction);
}

/**
 * True when every value of type `from` is also a value of type `to` (integer -> number, adding a
 * type). `sent`: the type change item when `from` -> `to` is read from what the client sends; a
 * parameter the client sends (path, query, header, cookie) is text on the wire, so a scalar one that
 * becomes a string accepting the text of each value it admitted (any text, or each of its few values:
 * `acceptsOldText`) still accepts every value it did. (A body field is JSON,
 * where `1` is not `"1"`; a response header is judged as what the client receives.)
 */
export function typeWidened(from: unknown, to: unknown, sent?: DiffItem): boolean {
  if (typeof from !== 'string' || typeof to !== 'string') return false;
  // `any` (a schema without constraints) admits every type
  if (to === 'any') return true;
  if (from === 'any') return false;
  const a = from.split('|');
  const b = new Set(to.split('|'));
  if (b.has('number')) b.add('integer');
  if (sent && b.has('string') && a.every((t) => SCALAR.has(t)) && isTextParameter(sent) && acceptsOldText(sent.base, sent.revision)) return true;
  return a.every((t) => b.has(t));
}

const SCALAR = new Set(['integer', 'number', 'boolean', 'string']);
/**
 * Is the field at `path` part of a path, query, header or cookie parameter written as text (not one
 * described by `content`)? `rootOf` finds the parameter's own field (`query:filter` for
 * `query:filter.min`), which holds its style.
 */
export function textParameter(path: string, rootOf: (root: string) => Field | undefined): boolean {
  const m = /^(path|query|header|cookie):[^.[{]*/.exec(path);
  return !!m && !rootOf(m[0])?.style?.startsWith('content:');
}

/** A field of a parameter the client sends, serialised as text. */
function isTextParameter(i: DiffItem): boolean {
  return i.direction === 'request' && !!i.path && textParameter(i.path, (root) => i.revOp?.request[root] ?? (i.revision?.path === root ? i.revision : undefined));
}

const LOWER_BOUNDS = ['minLength', 'minItems', 'minProperties'];
const RANGE_SIDE: Record<string, 'lower' | 'upper'> = { minimum: 'lower', exclusiveMinimum: 'lower', maximum: 'upper', exclusiveMaximum: 'upper' };

/** Is `a` a whole multiple of `b`? (decimal divisors: within rounding) */
function isMultiple(a: number, b: number): boolean {
  const q = a / b;
  return Math.abs(q - Math.round(q)) < 1e-9 * Math.max(1, Math.abs(q));
}

/**
 * Does a limit change (`limit` item) reject some value that was accepted before? A bound that
 * appears does. A numeric range end is judged with its exclusiveness (`>= 0` -> `> 0` narrows);
 * a new `multipleOf` narrows unless every multiple of the old one is a multiple of the new one.
 */
export function narrows(i: DiffItem): boolean {
  const key = i.oldPath ?? '';
  const side = RANGE_SIDE[key];
  if (side && i.base && i.revision) return rangeEndNarrows(rangeEnd(i.base, side), rangeEnd(i.revision, side), side);
  const from = typeof i.from === 'number' ? i.from : undefined;
  const to = typeof i.to === 'number' ? i.to : undefined;
  if (to === undefined) return false; // bound removed: looser
  if (from === undefined) return true; // bound added: stricter
  if (key === 'multipleOf') return !isMultiple(from, to);
  return LOWER_BOUNDS.includes(key) || side === 'lower' ? to > from : to < from;
}

/**
 * Does a limit change accept some value that was rejected before? For a bound moving one way this is
 * `!narrows`; a `multipleOf` replaced by an unrelated one (10 -> 3) does both.
 */
export function widens(i: DiffItem): boolean {
  const key = i.oldPath ?? '';
  const side = RANGE_SIDE[key];
  if (side && i.base && i.revision) return rangeEndNarrows(rangeEnd(i.revision, side), rangeEnd(i.base, side), side);
  if (key === 'multipleOf') {
    const from = typeof i.from === 'number' ? i.from : undefined;
    const to = typeof i.to === 'number' ? i.to : undefined;
    if (from === undefined) return false;
    return to === undefined || !isMultiple(to, from);
  }
  return !narrows(i);
}

/**
 * A format replaced by one whose values nest with it (`formatRelation`) the way that cannot break
 * the client: a response that now sends fewer values (int64 -> int32), a request that accepts more.
 */
export function formatOnlyHelps(i: DiffItem): boolean {
  const rel = formatRelation(typeof i.from === 'string' ? i.from : undefined, typeof i.to === 'string' ? i.to : undefined);
  return (i.direction === 'response' && rel === 'narrower') || (i.direction === 'request' && rel === 'wider');
}

/**
 * The one direction rule for constraints the tool cannot compare precisely (a format, a pattern,
 * keywords kept as a fingerprint): whatever is there now may reject values that were accepted, and
 * whatever was there before may no longer hold. So a change may break a client when, on the
 * request side, there is a constraint now (added or changed), and on the response side, there was
 * one before (removed or changed). A constraint added to a response, or removed from a request,
 * only narrows what the client receives or widens what it may send. A fingerprint whose change
 * can be told (`constraintRelation`: `dependentRequired` pairs added or dropped) is judged by it.
 */
export function mayBreak(i: DiffItem): boolean {
  if (i.change === 'constraint') {
    const rel = constraintRelation(String(i.oldPath), typeof i.from === 'string' ? i.from : undefined, typeof i.to === 'string' ? i.to : undefined);
    if (rel === 'narrower' || rel === 'wider' || rel === 'same') return i.direction === 'request' ? rel === 'narrower' : i.direction === 'response' ? rel === 'wider' : rel !== 'same';
    return true;
  }
  if (i.direction === 'request') return i.to !== undefined && i.to !== '';
  if (i.direction === 'response') return i.from !== undefined && i.from !== '';
  return true;
}

/** A removed operation counts as retired when it was deprecated and its sunset date (if any) has passed. */
export function retiredAfterDeprecation(op: Operation | undefined, today = new Date()): boolean {
  if (!op?.deprecated) return false;
  if (!op.sunset) return true;
  const t = Date.parse(op.sunset);
  return Number.isNaN(t) ? true : t <= today.getTime();
}

/**
 * May a client leave this field out, so that its default is what counts? A required field is always
 * sent or always comes; an AsyncAPI channel parameter is always in the address but filled with its
 * default when the client chooses no value.
 */
export function defaultInEffect(i: DiffItem): boolean {
  // a structure's root (`''`) is required or not where it is used: its default may count
  return !i.base?.required || !i.path || /^channel:/.test(i.path);
}
