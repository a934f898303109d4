import { rangeEnd, rangeEndNarrows } from './flatten.js';
import type { Field, Fields } from './types.js';
import { patternRelation, patternStrings } from './patterns.js';

/**
 * How the values one flattened schema admits relate to those another admits: the `same` values,
 * more (`wider`: every value of the first is still admitted), fewer (`narrower`), or neither
 * provably (`unknown`: some keyword widened and another narrowed, or they cannot be compared).
 * Used to judge a schema against the alternatives of a union that replaced it, and alternatives
 * against each other, by what they admit rather than by how they are written.
 */
export type Relation = 'same' | 'wider' | 'narrower' | 'unknown';

/** Two parts of one schema changed: together they are the one that is not `same`, or unknown. */
export function joinRelations(a: Relation, b: Relation): Relation {
  if (a === b || b === 'same') return a;
  if (a === 'same') return b;
  return 'unknown';
}

const LOWER = ['minLength', 'minItems', 'minProperties'] as const;
const UPPER = ['maxLength', 'maxItems', 'maxProperties'] as const;

// `any`: a schema without constraints (see flatten), like a field with no type at all
const typeSet = (t: string | undefined) => (t === undefined || t === 'any' ? undefined : new Set(t.split('|')));
/** Does the type list `outer` admit every value of type list `inner`? (undefined: any type) */
function typesCover(outer: Set<string> | undefined, inner: Set<string> | undefined): boolean {
  if (!outer) return true;
  if (!inner) return false;
  for (const t of inner) if (!outer.has(t) && !(t === 'integer' && outer.has('number'))) return false;
  return true;
}

function byCover(wasCoversNow: boolean, nowCoversWas: boolean): Relation {
  return wasCoversNow && nowCoversWas ? 'same' : nowCoversWas ? 'wider' : wasCoversNow ? 'narrower' : 'unknown';
}

/** A keyword whose absence admits anything: equal, dropped (wider), added (narrower), or replaced. */
function optional<T>(was: T | undefined, now: T | undefined): Relation {
  if (was === now) return 'same';
  if (was === undefined) return 'narrower';
  if (now === undefined) return 'wider';
  return 'unknown';
}

/** The integers each integer format holds: the bounds it sets without a `minimum` or `maximum`. */
export const INTEGER_FORMAT_RANGES: Readonly<Record<string, readonly [number, number]>> = { int32: [-2147483648, 2147483647], int64: [-9223372036854775808, 9223372036854775807] };

/**
 * Formats whose values are provably all values of another format (of the same JSON type), each
 * mapped to the formats that contain it: a 32-bit integer is a 64-bit one, a single-precision
 * number is exactly a double, an ASCII e-mail address or host name is an internationalised one,
 * a URI is an IRI and a URI reference, a URI reference an IRI reference.
 */
const FORMAT_WITHIN: Record<string, string[]> = {
  int32: ['int64'],
  float: ['double'],
  email: ['idn-email'],
  hostname: ['idn-hostname'],
  uri: ['iri', 'uri-reference', 'iri-reference'],
  iri: ['iri-reference'],
  'uri-reference': ['iri-reference'],
};

/**
 * How a keyword the model keeps as JSON (flatten's fingerprints; `\n` between the values that allOf
 * parts give one place) changed: added it admits fewer values, dropped more. `dependentRequired` is
 * compared by its (property, property it requires) pairs: pairs added admit fewer objects, pairs
 * dropped more. Any other change is unknown.
 */
export function constraintRelation(keyword: string, was: string | undefined, now: string | undefined): Relation {
  if (keyword === 'dependentRequired' && was !== undefined && now !== undefined) {
    const a = dependencyPairs(was), b = dependencyPairs(now);
    // every old pair still there: whatever the revision admits, the base did (was covers now)
    if (a && b) return byCover([...a].every((x) => b.has(x)), [...b].every((x) => a.has(x)));
  }
  // keys held to a list (`propertyNames: {enum: [...]}`): more keys listed admit more objects
  if (keyword === 'propertyNames' && was !== undefined && now !== undefined) {
    const a = keyList(was), b = keyList(now);
    if (a && b) return byCover([...b].every((x) => a.has(x)), [...a].every((x) => b.has(x)));
  }
  return optional(was, now);
}

/** The keys a `propertyNames` value (JSON; `\n` between allOf parts', all of which apply) holds an object to, or undefined when one is not a plain list. */
function keyList(json: string): Set<string> | undefined {
  let keys: Set<string> | undefined;
  for (const line of json.split('\n')) {
    const v: unknown = JSON.parse(line);
    if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
    const names = v as Record<string, unknown>;
    if (Object.keys(names).some((k) => k !== 'enum') || !Array.isArray(names.enum)) return undefined;
    const here = new Set(names.enum.map((x) => JSON.stringify(x)));
    keys = keys ? new Set([...keys].filter((x) => here.has(x))) : here;
  }
  return keys;
}

/**
 * Does a value meet a `format` for sure? Only the formats whose rules are short and fixed are known
 * (dates and times, UUIDs, IP addresses, integer sizes); any other is unknown, so false.
 */
export function formatAdmits(format: string, v: unknown): boolean {
  if (format === 'int32' || format === 'int64') {
    const [lo, hi] = INTEGER_FORMAT_RANGES[format];
    return typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;
  }
  if (typeof v !== 'string') return false;
  const date = (d: string) => { const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d); if (!m) return false; const t = new Date(`${d}T00:00:00Z`); return !Number.isNaN(t.getTime()) && t.getUTCDate() === Number(m[3]) && t.getUTCMonth() + 1 === Number(m[2]); };
  const time = (t: string) => /^([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i.test(t);
  switch (format) {
    case 'date': return date(v);
    case 'date-time': { const i = v.search(/[Tt ]/); return i === 10 && date(v.slice(0, 10)) && time(v.slice(11)); }
    case 'time': return time(v);
    case 'uuid': return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
    case 'ipv4': return /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(v);
    default: return false;
  }
}

/** `dependentRequired` values as `[property, required property]` pairs (JSON), or undefined when one is not such a map. */
function dependencyPairs(json: string): Set<string> | undefined {
  const pairs = new Set<string>();
  for (const line of json.split('\n')) {
    const map: unknown = JSON.parse(line);
    if (!map || typeof map !== 'object' || Array.isArray(map)) return undefined;
    for (const [k, deps] of Object.entries(map)) {
      if (!Array.isArray(deps)) return undefined;
      for (const d of deps) pairs.add(JSON.stringify([k, d]));
    }
  }
  return pairs;
}

/** How the values format `now` admits relate to those of `was` (absent: any value of the type). */
export function formatRelation(was: string | undefined, now: string | undefined): Relation {
  if (was === now) return 'same';
  if (was !== undefined && now !== undefined) {
    if (FORMAT_WITHIN[was]?.includes(now)) return 'wider';
    if (FORMAT_WITHIN[now]?.includes(was)) return 'narrower';
  }
  return optional(was, now);
}

/**
 * Does a field's own keywords admit the scalar `v`? Only what can be checked for sure counts: a
 * `format`, a pattern that does not compile, or a nested structure make it false.
 */
export function valueAdmitted(v: unknown, f: Field): boolean {
  if (v === null) return f.nullable || ((f.type === undefined || f.type === 'any') && f.enum === undefined);
  if (f.enum && !f.enum.some((x) => x === v)) return false;
  const t = typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'boolean' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : undefined;
  if (!t || f.ref !== undefined || f.variants || f.constraints || f.format !== undefined) return false;
  if (!typesCover(typeSet(f.type), new Set([t]))) return false;
  if (typeof v === 'string') {
    const n = [...v].length;
    if (n < (f.limits.minLength ?? 0) || n > (f.limits.maxLength ?? Infinity)) return false;
    if (f.pattern !== undefined) {
      try { if (!new RegExp(f.pattern, 'u').test(v)) return false; } catch { return false; }
    }
  }
  if (typeof v === 'number') {
    const lo = rangeEnd(f, 'lower'), hi = rangeEnd(f, 'upper');
    if (lo && (lo.exclusive ? v <= lo.value : v < lo.value)) return false;
    if (hi && (hi.exclusive ? v >= hi.value : v > hi.value)) return false;
    if (f.limits.multipleOf !== undefined && !Number.isInteger(v / f.limits.multipleOf)) return false;
  }
  return true;
}

/**
 * Every value a scalar field admits, when they are few (at most 1,000): its enum, a boolean's two,
 * an integer range (on its `multipleOf` grid), or the strings its pattern can match
 * (`patternStrings`), each checked against the field's other keywords, and `null` when it is
 * nullable. Undefined for anything else (an open range, a free string, a `format` or opaque
 * constraints, which no value can be checked against here).
 */
export function finiteValues(f: Field): Array<string | number | boolean | null> | undefined {
  if (f.ref !== undefined || f.variants || f.constraints || f.format !== undefined) return undefined;
  let candidates: Array<string | number | boolean | null> | undefined;
  if (f.enum) candidates = f.enum.filter((v) => v === null || typeof v !== 'object') as Array<string | number | boolean | null>;
  else if (f.type === 'boolean') candidates = [true, false];
  else if (f.type === 'integer') {
    const lo = rangeEnd(f, 'lower'), hi = rangeEnd(f, 'upper');
    if (!lo || !hi || !Number.isFinite(lo.value) || !Number.isFinite(hi.value) || hi.value - lo.value > 1000) return undefined;
    candidates = [];
    for (let v = lo.value; v <= hi.value; v++) candidates.push(v);
  } else if (f.type === 'string' && f.pattern !== undefined) candidates = patternStrings(f.pattern, 1000);
  if (!candidates) return undefined;
  const out = candidates.filter((v) => v !== null && valueAdmitted(v, f));
  if (f.nullable) out.push(null);
  return out;
}

/** The text of each of a scalar field's few values (`finiteValues`, null aside): how a parameter writes them on the wire. */
export function textValues(f: Field): string[] | undefined {
  return finiteValues(f)?.filter((v) => v !== null).map(String);
}

/**
 * Does a string schema accept the text of every value the old field admitted (a parameter retyped as
 * a string, its values written as before)? Any text, when nothing restricts it; else each of the old
 * field's few values (`textValues`) checked one by one.
 */
export function acceptsOldText(was: Field | undefined, now: Field | undefined): boolean {
  if (!now) return false;
  if (!now.pattern && !now.format && !now.enum && !now.constraints && now.limits.maxLength === undefined && (now.limits.minLength ?? 0) <= 1) return true;
  const texts = was ? textValues(was) : undefined;
  return !!texts && texts.length > 0 && texts.every((t) => valueAdmitted(t, now));
}

/** The same admitting keywords, written alike (the common case: no sets built). */
function sameKeywords(a: Field, b: Field): boolean {
  if (a.type !== b.type || a.nullable !== b.nullable || a.pattern !== b.pattern || a.format !== b.format || !!a.closed !== !!b.closed || a.ref !== b.ref) return false;
  if (a.enum !== b.enum && (!a.enum || !b.enum || a.enum.length !== b.enum.length || a.enum.some((v, i) => v !== b.enum![i]))) return false;
  if (a.variants !== b.variants && (!a.variants || !b.variants || a.variants.length !== b.variants.length || a.variants.some((v, i) => v !== b.variants![i]))) return false;
  if (a.constraints !== b.constraints && JSON.stringify(a.constraints ?? null) !== JSON.stringify(b.constraints ?? null)) return false;
  for (const k in a.limits) if (a.limits[k] !== b.limits[k]) return false;
  for (const k in b.limits) if (a.limits[k] !== b.limits[k]) return false;
  return true;
}

/** What one field admits compared with another, by its own keywords (not its children). */
export function fieldRelation(was: Field, now: Field, sameRef: (a?: string, b?: string) => boolean = (a, b) => a === b): Relation {
  if (sameKeywords(was, now)) return 'same';
  // a list of values on one side only: decided by whether the other side admits each of them
  if (was.enum && !now.enum && was.enum.every((v) => valueAdmitted(v, now)) && (!was.nullable || now.nullable)) return 'wider';
  if (now.enum && !was.enum && now.enum.every((v) => valueAdmitted(v, was)) && (!now.nullable || was.nullable)) return 'narrower';
  let rel: Relation = byCover(typesCover(typeSet(was.type), typeSet(now.type)), typesCover(typeSet(now.type), typeSet(was.type)));
  if (was.nullable !== now.nullable) rel = joinRelations(rel, now.nullable ? 'wider' : 'narrower');
  if (was.enum || now.enum) {
    const key = (v: unknown) => JSON.stringify(v);
    const ws = was.enum ? new Set(was.enum.map(key)) : undefined, ns = now.enum ? new Set(now.enum.map(key)) : undefined;
    const covers = (outer?: Set<string>, inner?: Set<string>) => !outer || (!!inner && [...inner].every((v) => outer.has(v)));
    rel = joinRelations(rel, byCover(covers(ws, ns), covers(ns, ws)));
  }
  for (const side of ['lower', 'upper'] as const) {
    const a = rangeEnd(was, side), b = rangeEnd(now, side);
    if (rangeEndNarrows(a, b, side)) rel = joinRelations(rel, 'narrower');
    else if (rangeEndNarrows(b, a, side)) rel = joinRelations(rel, 'wider');
  }
  for (const k of LOWER) {
    const a = was.limits[k] ?? 0, b = now.limits[k] ?? 0;
    if (a !== b) rel = joinRelations(rel, b > a ? 'narrower' : 'wider');
  }
  for (const k of UPPER) {
    const a = was.limits[k] ?? Infinity, b = now.limits[k] ?? Infinity;
    if (a !== b) rel = joinRelations(rel, b < a ? 'narrower' : 'wider');
  }
  if (!!was.limits.uniqueItems !== !!now.limits.uniqueItems) rel = joinRelations(rel, now.limits.uniqueItems ? 'narrower' : 'wider');
  rel = joinRelations(rel, optional(was.limits.multipleOf, now.limits.multipleOf));
  rel = joinRelations(rel, was.pattern !== undefined && now.pattern !== undefined ? patternRelation(was.pattern, now.pattern) : optional(was.pattern, now.pattern));
  rel = joinRelations(rel, formatRelation(was.format, now.format));
  if (!!was.closed !== !!now.closed) rel = joinRelations(rel, now.closed ? 'narrower' : 'wider');
  if (JSON.stringify(was.constraints ?? null) !== JSON.stringify(now.constraints ?? null)) rel = 'unknown';
  if ((was.ref !== undefined || now.ref !== undefined) && !sameRef(was.ref, now.ref)) rel = 'unknown';
  if ((was.variants || now.variants) && JSON.stringify(was.variants ?? null) !== JSON.stringify(now.variants ?? null)) rel = 'unknown';
  return rel;
}

/** The descendants of `root` in a fields map, keyed by what follows it (`[]`, `{}`, `.name`...). */
function below(fields: Fields, root: string): Map<string, Field> {
  const out = new Map<string, Field>();
  for (const p in fields) {
    if (p === root || !p.startsWith(root)) continue;
    const rest = root === '' ? (p[0] === '[' || p[0] === '{' ? p : `.${p}`) : p.slice(root.length);
    if (rest[0] === '.' || rest[0] === '[' || rest[0] === '{') out.set(rest, fields[p]);
  }
  return out;
}

/**
 * What the schema flattened at `wasRoot` of `was` admits compared with the one at `nowRoot` of
 * `now`, children included: a required property gone admits more, one added admits less; optional
 * properties on one side only do not decide (an open object admits them either way).
 */
export function admits(was: Fields, wasRoot: string, now: Fields, nowRoot: string, sameRef?: (a?: string, b?: string) => boolean): Relation {
  const a = was[wasRoot], b = now[nowRoot];
  if (!a || !b) return 'unknown';
  if (was === now && wasRoot === nowRoot) return 'same';
  // two whole maps (alternatives' contents) written alike: no descendant maps built
  if (wasRoot === '' && nowRoot === '') {
    let n = 0, alike = true;
    for (const p in was) { n++; const g = now[p]; if (!g || g.required !== was[p].required || !sameKeywords(was[p], g)) { alike = false; break; } }
    if (alike) { for (const _ in now) n--; if (n === 0) return 'same'; }
  }
  let rel = fieldRelation(a, b, sameRef);
  const wa = below(was, wasRoot), nb = below(now, nowRoot);
  for (const [rest, f] of wa) {
    if (rel === 'unknown') return rel;
    const g = nb.get(rest);
    if (g) rel = joinRelations(rel, joinRelations(fieldRelation(f, g, sameRef), f.required === g.required ? 'same' : g.required ? 'narrower' : 'wider'));
    else if (f.required || rest.endsWith('[]') || rest.endsWith('{}')) rel = joinRelations(rel, 'wider');
  }
  for (const [rest, g] of nb) if (!wa.has(rest) && (g.required || rest.endsWith('[]') || rest.endsWith('{}'))) rel = joinRelations(rel, 'narrower');
  return rel;
}
