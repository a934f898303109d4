/**
 * Small JSON Schema helpers over a bundled document (internal `$ref`s only): dereferencing, the property
 * views of a schema (through allOf/oneOf/anyOf and array items) and dotted-path lookup.
 */

import { getPointer } from '@ccapi/model';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

const MAX_VIEWS = 64;

export function pointer(doc: Json, ref: string): Json {
  if (!ref.startsWith('#')) throw new Error(`external $ref not supported in a bundled document: ${ref}`);
  return getPointer(doc, ref);
}

/** Follows `$ref` chains; keywords next to a `$ref` override the target's. */
export function deref(doc: Json, s: Json, depth = 0): Json {
  if (!s || typeof s !== 'object' || typeof s.$ref !== 'string') return s;
  if (depth > 50) throw new Error(`$ref chain too deep at ${s.$ref}`);
  const target = deref(doc, pointer(doc, s.$ref), depth + 1);
  const { $ref: _ignored, ...rest } = s;
  return Object.keys(rest).length ? { ...(target ?? {}), ...rest } : target;
}

export interface View {
  props: Record<string, Json>;
  required: Set<string>;
  additional?: Json;
}

function merge(a: View, b: View): View {
  return {
    props: { ...a.props, ...b.props },
    required: new Set([...a.required, ...b.required]),
    additional: b.additional ?? a.additional,
  };
}

function isArraySchema(s: Json): boolean {
  if (!s || typeof s !== 'object') return false;
  const t = s.type;
  return t === 'array' || (Array.isArray(t) && t.includes('array')) || (s.items !== undefined && t === undefined);
}

/**
 * The object shapes a schema can take: one view per combination of its oneOf/anyOf branches (allOf merged in).
 * Arrays are looked through (the view of `[]object` is the item's view), so `fields.type` works on arrays.
 */
export function views(doc: Json, schema: Json, depth = 0): View[] {
  const s = deref(doc, schema);
  if (!s || typeof s !== 'object' || depth > 30) return [];
  if (isArraySchema(s) && s.items && typeof s.items === 'object') return views(doc, s.items, depth + 1);
  let out: View[] = [
    {
      props: { ...(s.properties ?? {}) },
      required: new Set(Array.isArray(s.required) ? s.required : []),
      additional: s.additionalProperties && typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined,
    },
  ];
  for (const branch of s.allOf ?? []) {
    const bv = views(doc, branch, depth + 1);
    if (bv.length) out = out.flatMap((r) => bv.map((b) => merge(r, b))).slice(0, MAX_VIEWS);
  }
  const alts = [...(s.oneOf ?? []), ...(s.anyOf ?? [])].flatMap((b: Json) => views(doc, b, depth + 1));
  if (alts.length) out = out.flatMap((r) => alts.map((a) => merge(r, a))).slice(0, MAX_VIEWS);
  return out;
}

export interface Hit {
  schema: Json;
  required: boolean;
}

/**
 * Finds a dotted path below a schema. At each level the longest literal property name wins, so a multipart
 * field literally named `payload.chat_id` is found before `payload` → `chat_id`.
 */
export function lookup(doc: Json, schema: Json, segs: string[], depth = 0): Hit[] {
  if (!segs.length || depth > 30) return [];
  const hits: Hit[] = [];
  const vs = views(doc, schema);
  for (const v of vs) {
    for (let k = segs.length; k >= 1; k--) {
      const name = segs.slice(0, k).join('.');
      if (Object.prototype.hasOwnProperty.call(v.props, name)) {
        if (k === segs.length) hits.push({ schema: v.props[name], required: v.required.has(name) });
        else hits.push(...lookup(doc, v.props[name], segs.slice(k), depth + 1));
        break;
      }
    }
  }
  if (!hits.length) {
    // maps ({ns: {...}}) documented by example keys: accept through additionalProperties when nothing is named
    for (const v of vs) {
      if (v.additional && Object.keys(v.props).length === 0) {
        if (segs.length === 1) hits.push({ schema: v.additional, required: false });
        else hits.push(...lookup(doc, v.additional, segs.slice(1), depth + 1));
      }
    }
  }
  return hits;
}

/** JSON types a schema admits (empty set: not constrained / unknown). */
export function typesOf(doc: Json, schema: Json, depth = 0): Set<string> {
  const s = deref(doc, schema);
  const out = new Set<string>();
  if (!s || typeof s !== 'object' || depth > 30) return out;
  const add = (t: string) => out.add(t);
  if (typeof s.type === 'string') add(s.type);
  if (Array.isArray(s.type)) s.type.forEach(add);
  const valueType = (v: unknown) =>
    v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v;
  if ('const' in s) add(valueType(s.const));
  if (Array.isArray(s.enum)) s.enum.forEach((v: unknown) => add(valueType(v)));
  if (!out.size && s.properties) add('object');
  if (!out.size && s.items) add('array');
  for (const b of [...(s.oneOf ?? []), ...(s.anyOf ?? []), ...(s.allOf ?? [])]) typesOf(doc, b, depth + 1).forEach(add);
  out.delete('null');
  return out;
}

/** Item schemas of an array schema (through oneOf/anyOf/allOf), for `[]string`-like types. */
export function itemsOf(doc: Json, schema: Json, depth = 0): Json[] {
  const s = deref(doc, schema);
  if (!s || typeof s !== 'object' || depth > 30) return [];
  const out: Json[] = [];
  if (s.items && typeof s.items === 'object') out.push(s.items);
  for (const b of [...(s.oneOf ?? []), ...(s.anyOf ?? []), ...(s.allOf ?? [])]) out.push(...itemsOf(doc, b, depth + 1));
  return out;
}

/** Values allowed by enum/const anywhere in the schema (array items included); null when it has none. */
export function enumOf(doc: Json, schema: Json, depth = 0): Set<unknown> | null {
  const s = deref(doc, schema);
  if (!s || typeof s !== 'object' || depth > 30) return null;
  let out: Set<unknown> | null = null;
  const add = (v: unknown) => (out ??= new Set()).add(v);
  if (Array.isArray(s.enum)) s.enum.forEach(add);
  if ('const' in s) add(s.const);
  const subs = [...(s.oneOf ?? []), ...(s.anyOf ?? []), ...(s.allOf ?? [])];
  if (s.items && typeof s.items === 'object') subs.push(s.items);
  for (const b of subs) {
    const e = enumOf(doc, b, depth + 1);
    if (e) e.forEach(add);
  }
  return out;
}

/** `examples` (and `example`) values anywhere in the schema, for open value lists. */
export function examplesOf(doc: Json, schema: Json, depth = 0): unknown[] {
  const s = deref(doc, schema);
  if (!s || typeof s !== 'object' || depth > 30) return [];
  const out: unknown[] = [];
  if (Array.isArray(s.examples)) out.push(...s.examples);
  if ('example' in s) out.push(s.example);
  for (const b of [...(s.oneOf ?? []), ...(s.anyOf ?? []), ...(s.allOf ?? [])]) out.push(...examplesOf(doc, b, depth + 1));
  return out;
}
