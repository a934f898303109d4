/**
 * Key coverage of an example: walks a JSON value alongside the schema it belongs to (through `$ref`, `allOf`,
 * `oneOf`/`anyOf`, `if`/`then`/`else`, array `items`) and lists every object key the schema does not name.
 *
 * Validation alone cannot see these: our objects are open (docs/modelling.md), so a key the schema forgot still
 * validates. A key counts as named when a `properties` entry, a matching `patternProperties` or an explicit
 * `additionalProperties` (a map's value schema, or `true` for an object kept opaque on purpose) covers it.
 */
import { deref, type Json } from './schema.js';

/** One object shape a schema can take: known properties (each possibly constrained by several schemas). */
interface Shape {
  props: Map<string, Json[]>;
  patterns: [RegExp, Json][];
  /** schemas of `additionalProperties` (an open map); `true` entries mean "anything, on purpose" */
  additional: Json[];
  items: Json[];
}

const MAX_SHAPES = 64;
const empty = (): Shape => ({ props: new Map(), patterns: [], additional: [], items: [] });

function mergeShapes(a: Shape, b: Shape): Shape {
  const props = new Map(a.props);
  for (const [k, v] of b.props) props.set(k, [...(props.get(k) ?? []), ...v]);
  return { props, patterns: [...a.patterns, ...b.patterns], additional: [...a.additional, ...b.additional], items: [...a.items, ...b.items] };
}

function cross(a: Shape[], b: Shape[]): Shape[] {
  const out: Shape[] = [];
  for (const x of a) for (const y of b) if (out.length < MAX_SHAPES) out.push(mergeShapes(x, y));
  return out;
}

/** The shapes of a schema: allOf parts merged, one shape per oneOf/anyOf branch. */
function shapes(doc: Json, schema: Json, depth = 0): Shape[] {
  const s = deref(doc, schema);
  if (!s || typeof s !== 'object' || depth > 40) return [empty()];
  const own = empty();
  for (const [k, v] of Object.entries(s.properties ?? {})) own.props.set(k, [v]);
  for (const [p, v] of Object.entries(s.patternProperties ?? {})) own.patterns.push([new RegExp(p, 'u'), v]);
  if (s.additionalProperties !== undefined && s.additionalProperties !== false) own.additional.push(s.additionalProperties);
  if (s.items !== undefined && typeof s.items === 'object') own.items.push(s.items);
  for (const p of s.prefixItems ?? []) own.items.push(p);
  let out: Shape[] = [own];
  for (const part of s.allOf ?? []) out = cross(out, shapes(doc, part, depth + 1));
  for (const part of [s.then, s.else]) if (part) out = cross(out, shapes(doc, part, depth + 1));
  for (const key of ['oneOf', 'anyOf'] as const) {
    if (!Array.isArray(s[key])) continue;
    const alts = s[key].flatMap((b: Json) => shapes(doc, b, depth + 1));
    out = cross(out, alts);
  }
  return out;
}

/** The `const`/`enum` values a shape allows for `type` (to pick the branch of a tagged union), if any. */
function typeTags(doc: Json, shape: Shape): unknown[] | undefined {
  const list = shape.props.get('type');
  if (!list) return undefined;
  for (const t of list) {
    const d = deref(doc, t);
    if (d && 'const' in d) return [d.const];
    if (Array.isArray(d?.enum)) return d.enum;
  }
  return undefined;
}

const isPlaceholderKey = (k: string) => /^<.*>$/.test(k);

/** Object keys of `value` that the schema does not name, as dotted paths (array indexes as `[]`). */
export function missingKeys(doc: Json, schema: Json, value: unknown, path = ''): string[] {
  return [...new Set(walk(doc, [schema], value, path))].sort();
}

const SHAPE_KEYWORDS = ['type', 'properties', 'patternProperties', 'additionalProperties', 'items', 'prefixItems', 'allOf', 'oneOf', 'anyOf', 'then', 'else', 'const', 'enum'];

/** `{}`, `true` or a schema with only annotations: any value, on purpose (nothing to compare keys with). */
function unconstrained(doc: Json, s: Json): boolean {
  const d = deref(doc, s);
  return d === true || (!!d && typeof d === 'object' && !SHAPE_KEYWORDS.some((k) => k in d));
}

function walk(doc: Json, schemas: Json[], value: unknown, path: string): string[] {
  if (value === null || typeof value !== 'object') return [];
  if (schemas.every((s) => unconstrained(doc, s))) return [];
  // several schemas constrain the same value (allOf parts, a property redefined): their shapes combine
  let candidates: Shape[] = [empty()];
  for (const s of schemas) candidates = cross(candidates, shapes(doc, s));
  if (Array.isArray(value)) {
    const items = candidates.flatMap((c) => c.items);
    if (!items.length) return [];
    return value.flatMap((v) => bestOf(items.map((i) => walk(doc, [i], v, `${path}[]`))));
  }
  const obj = value as Record<string, unknown>;
  if (typeof obj.type === 'string') {
    const tagged = candidates.filter((c) => typeTags(doc, c)?.includes(obj.type));
    if (tagged.length) candidates = tagged;
  }
  return bestOf(candidates.map((c) => keysOf(doc, c, obj, path)));
}

/** Of the branches a value could take, the one that explains it best (fewest unknown keys). */
function bestOf(results: string[][]): string[] {
  return results.reduce((a, b) => (b.length < a.length ? b : a), results[0] ?? []);
}

function keysOf(doc: Json, shape: Shape, obj: Record<string, unknown>, path: string): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (isPlaceholderKey(k)) continue;
    const p = path ? `${path}.${k}` : k;
    const named = shape.props.get(k);
    const pattern = shape.patterns.filter(([re]) => re.test(k)).map(([, s]) => s);
    if (named || pattern.length) {
      out.push(...walk(doc, [...(named ?? []), ...pattern], v, p));
      continue;
    }
    const maps = shape.additional.filter((a) => !unconstrained(doc, a));
    if (maps.length) out.push(...walk(doc, maps, v, p));
    else if (!shape.additional.length) out.push(p);
  }
  return out;
}
