import { escapeToken as esc, getPointer, lastToken } from './pointer.js';
import type { Field, Fields, Scalar } from './types.js';

const MAX_DEPTH = 24;
const SCHEMA_PREFIXES = ['#/components/schemas/', '#/definitions/', '#/$defs/'];
const VARIANT_KEYS = ['oneOf', 'anyOf'] as const;

/**
 * What a derived value read of a document besides the subtree it was derived from: refs whose whole
 * value it may depend on, and facts about refs (a shape, whether a schema is an empty object) that
 * are cheaper to compute again than to compare the values they come from.
 */
export interface Reads {
  refs: Set<string>;
  facts: Map<string, string | boolean>;
}

/**
 * Resolves internal JSON pointers of one document, with a cache. While `record` runs, every pointer
 * resolved is noted, and each fact asked for (`shape` of a ref, `fact`): with them another document
 * can tell whether a derived value would come out the same there (`readsSame` in normalise.ts).
 */
export class Resolver {
  private cache = new Map<string, unknown>();
  private shapes = new Map<string, string>();
  private recording: Reads | undefined;
  constructor(readonly root: unknown) {}

  get(ref: string): unknown {
    this.recording?.refs.add(ref);
    if (this.cache.has(ref)) return this.cache.get(ref);
    const cur = ref.startsWith('#') ? getPointer(this.root, ref) : undefined;
    this.cache.set(ref, cur);
    return cur;
  }

  /** Runs `fn` and returns what it computed with what it read (nested calls add to the outer record too). */
  record<T>(fn: () => T): { value: T; reads: Reads } {
    const outer = this.recording;
    const reads: Reads = { refs: new Set(), facts: new Map() };
    this.recording = reads;
    try {
      return { value: fn(), reads };
    } finally {
      this.recording = outer;
      if (outer) {
        for (const d of reads.refs) outer.refs.add(d);
        for (const [k, v] of reads.facts) outer.facts.set(k, v);
      }
    }
  }

  /** A fact about the document (`key` names it and how to compute it again, see `recompute`): recorded as its value only. */
  fact<T extends string | boolean>(key: string, compute: () => T): T {
    const outer = this.recording;
    this.recording = undefined;
    try {
      const value = compute();
      outer?.facts.set(key, value);
      return value;
    } finally {
      this.recording = outer;
    }
  }
  /** Follows `$ref` chains of non-schema objects (parameters, responses, messages...). */
  deref<T = any>(node: any, depth = 0): T {
    while (node && typeof node === 'object' && typeof node.$ref === 'string' && depth++ < 20) {
      const next = this.get(node.$ref);
      if (next === undefined) return node;
      node = next;
    }
    return node;
  }

  /**
   * A short structural signature of a schema, used to compare oneOf/anyOf alternatives. It follows
   * refs and `items` at most four levels down, so it is a function of the document alone (the same
   * whatever was asked before): memoised per ref and level, and recorded as a fact.
   */
  shape(schema: any, depth = 0): string {
    if (!schema || typeof schema !== 'object') return String(schema);
    if (typeof schema.$ref === 'string') {
      if (depth > 3) return 'ref';
      const key = `shape\0${depth}\0${schema.$ref}`;
      return this.fact(key, () => this.recompute(key) as string);
    }
    const t = typeList(schema).join('|') || (schema.properties ? 'object' : 'any');
    const parts = [t];
    if (Array.isArray(schema.enum)) parts.push(`enum(${schema.enum.map((v: unknown) => JSON.stringify(v)).sort().join(',')})`);
    if (schema.const !== undefined) parts.push(`const(${JSON.stringify(schema.const)})`);
    if (schema.properties && typeof schema.properties === 'object') parts.push(`{${Object.keys(schema.properties).sort().join(',')}}`);
    if (schema.items) parts.push(`[${this.shape(schema.items, depth + 1)}]`);
    return parts.join(' ');
  }

  private shapeOfRef(ref: string, depth: number): string {
    const key = `${depth}\0${ref}`;
    let s = this.shapes.get(key);
    if (s === undefined) this.shapes.set(key, (s = this.shape(this.get(ref), depth + 1)));
    return s;
  }

  /** Computes a fact in this document, from its key alone (the one place each kind of fact is defined). */
  recompute(key: string): string | boolean | undefined {
    const [kind, a, b] = key.split('\0');
    if (kind === 'shape') return this.shapeOfRef(b, Number(a));
    if (kind === 'empty') return isEmptyObjectSchema(this.deref({ $ref: a }));
    return undefined;
  }
}

/** An object schema that allows no property at all (`additionalProperties: false` and nothing else). */
export function isEmptyObjectSchema(s: any): boolean {
  if (!s || typeof s !== 'object') return false;
  return s.additionalProperties === false && (!s.properties || Object.keys(s.properties).length === 0) && !s.oneOf && !s.anyOf && !s.allOf && !s.$ref;
}

/** Does a schema (possibly a `$ref`) allow no property at all? Recorded per ref as a fact. */
export function emptyObjectAt(resolver: Resolver, schema: any): boolean {
  if (schema && typeof schema === 'object' && typeof schema.$ref === 'string') {
    const key = `empty\0${schema.$ref}`;
    return resolver.fact(key, () => resolver.recompute(key) as boolean);
  }
  return isEmptyObjectSchema(resolver.deref(schema));
}

// memoised: a large spec names the same few thousand schemas in tens of thousands of refs
const refNames = new Map<string, string | undefined>();

export function schemaRefName(ref: string): string | undefined {
  if (refNames.has(ref)) return refNames.get(ref);
  let name: string | undefined;
  for (const p of SCHEMA_PREFIXES) if (ref.startsWith(p) && !ref.slice(p.length).includes('/')) { name = lastToken(ref); break; }
  if (refNames.size >= 100_000) refNames.clear();
  refNames.set(ref, name);
  return name;
}

function typeList(schema: any): string[] {
  const t = schema.type;
  const list: string[] = Array.isArray(t) ? t.map(String) : typeof t === 'string' ? [t] : [];
  return list.filter((x) => x !== 'null').sort();
}

const isNullSchema = (s: any) => s && s.type === 'null';

export interface FlattenOptions {
  /** Follow a `$ref` at the root (the payload itself) instead of recording it as a leaf. */
  followRoot: boolean;
  /** Path prefix for every field (`query:` ...). */
  prefix?: string;
  /** Whether the root itself is required. */
  rootRequired: boolean;
  label?: string;
}

/**
 * Flattens a JSON Schema into dotted-path fields. A `$ref` to a data structure (components/schemas)
 * is a leaf holding `ref: <Name>`; structures are flattened on their own, once, so recursion never
 * expands. `allOf` parts are merged into the same path.
 */
export function flatten(schema: unknown, pointer: string, resolver: Resolver, opts: FlattenOptions, out: Fields = Object.create(null)): Fields {
  // keyed by paths from the spec: no prototype, so a field named `constructor` is not already "there"
  const rootPath = opts.prefix ?? '';
  visit(schema, rootPath, opts.rootRequired, pointer, 0, opts.followRoot, []);
  if (opts.label && out[rootPath]) out[rootPath].label = opts.label;
  return out;

  function join(path: string, key: string): string {
    if (!path) return key;
    if (path.endsWith(':')) return path + key;
    return `${path}.${key}`;
  }

  function visit(node: any, path: string, required: boolean, ptr: string, depth: number, follow: boolean, stack: string[], part = false): void {
    if (node === true || node === undefined || node === null) node = {};
    if (typeof node !== 'object' || Array.isArray(node)) return;
    let field = out[path];
    if (!field) {
      field = { path, required, nullable: false, hasDefault: false, limits: {}, pointer: ptr };
      out[path] = field;
    } else if (required) field.required = true;
    if (depth > MAX_DEPTH) return;
    if (typeof node.$ref === 'string') {
      const name = schemaRefName(node.$ref);
      if (node['x-renamed-from'] && !field.renamedFrom) field.renamedFrom = String(node['x-renamed-from']);
      if (name !== undefined && !follow) {
        field.ref = name;
        if (node.nullable === true) field.nullable = true;
        return;
      }
      if (stack.includes(node.$ref)) { field.ref = name ?? node.$ref; return; }
      const target = resolver.get(node.$ref);
      if (target === undefined) { field.ref = name ?? node.$ref; return; }
      visit(target, path, required, node.$ref.slice(1), depth + 1, false, [...stack, node.$ref], part);
      // sibling keywords next to $ref (3.1) are applied below
      const { $ref: _r, ...rest } = node;
      if (Object.keys(rest).length === 0) return;
      node = rest;
    }
    // one pass over the keywords present (schemas are sparse; most keywords are absent); the ones
    // needed afterwards are kept here rather than read again from objects of a thousand shapes
    let typeV: unknown, enumV: unknown, nullableV: unknown, minimumV: unknown, maximumV: unknown, exMinV: unknown, exMaxV: unknown;
    let requiredV: unknown, propsV: any, itemsV: any, addlV: any, allOfV: any, oneOfV: any, anyOfV: any;
    for (const k in node) {
      const v = node[k];
      switch (k) {
        case 'required': requiredV = v; break;
        case 'properties': propsV = v; break;
        case 'items': itemsV = v; break;
        case 'allOf': allOfV = v; break;
        case 'oneOf': oneOfV = v; break;
        case 'anyOf': anyOfV = v; break;
        case 'nullable': nullableV = v; break;
        case 'type': {
          typeV = v;
          if (typeof v === 'string') { if (v !== 'null') field.type = v; break; }
          const types = typeList(node);
          if (types.length) field.type = types.join('|');
          break;
        }
        case 'format': if (typeof v === 'string') field.format = v; break;
        // the OpenAPI 3.1 spelling of 3.0's `format: byte` / `format: binary` (file contents)
        case 'contentEncoding': if (v === 'base64' && field.format === undefined) field.format = 'byte'; break;
        case 'contentMediaType': if (typeof v === 'string' && field.format === undefined && node.contentEncoding === undefined) field.format = 'binary'; break;
        case 'enum': enumV = v; if (Array.isArray(v)) mergeEnum(field, (v as Scalar[]).filter((x) => x === null || typeof x !== 'object')); break;
        case 'const': if (v === null || typeof v !== 'object') mergeEnum(field, [v]); break;
        case 'default': if (v !== undefined) { field.default = v; field.hasDefault = true; } break;
        case 'pattern':
          if (typeof v !== 'string') break;
          // a second pattern met at the same place (allOf parts, $ref siblings) applies too; one field holds one
          if (field.pattern !== undefined && field.pattern !== v) addUnmerged(field, k, v);
          else field.pattern = v;
          break;
        case 'readOnly': if (v === true) field.readOnly = true; break;
        case 'writeOnly': if (v === true) field.writeOnly = true; break;
        case 'uniqueItems': if (v === true) field.limits.uniqueItems = 1; break;
        case 'additionalProperties': addlV = v; if (v === false) field.closed = true; break;
        case 'deprecated': if (v === true) field.deprecated = true; break;
        case 'x-renamed-from': if (v !== undefined) field.renamedFrom = String(v); break;
        case 'minimum': minimumV = v; break;
        case 'maximum': maximumV = v; break;
        case 'exclusiveMinimum': exMinV = v; break;
        case 'exclusiveMaximum': exMaxV = v; break;
        case 'minLength': case 'maxLength': case 'minItems': case 'maxItems': case 'minProperties': case 'maxProperties':
          if (typeof v === 'number') mergeLimit(field, k, v);
          break;
        default: if (part && OPAQUE.has(k)) addUnmerged(field, k, v); break;
      }
    }
    // numeric bounds: OpenAPI 3.0 writes an exclusive bound as a flag beside minimum/maximum
    if (typeof minimumV === 'number') mergeLimit(field, exMinV === true ? 'exclusiveMinimum' : 'minimum', minimumV);
    if (typeof maximumV === 'number') mergeLimit(field, exMaxV === true ? 'exclusiveMaximum' : 'maximum', maximumV);
    if (typeof exMinV === 'number') mergeLimit(field, 'exclusiveMinimum', exMinV);
    if (typeof exMaxV === 'number') mergeLimit(field, 'exclusiveMaximum', exMaxV);
    if (nullableV === true || (Array.isArray(typeV) && typeV.includes('null')) || typeV === 'null' || (Array.isArray(enumV) && enumV.includes(null))
      || (Array.isArray(oneOfV) && oneOfV.some(isNullSchema)) || (Array.isArray(anyOfV) && anyOfV.some(isNullSchema))) field.nullable = true;

    const req: string[] = Array.isArray(requiredV) ? requiredV : [];
    if (propsV && typeof propsV === 'object') {
      if (!field.type) field.type = 'object';
      const props = propsV;
      for (const k of Object.keys(props)) {
        visit(props[k], join(path, k), req.includes(k), `${ptr}/properties/${esc(k)}`, depth + 1, false, stack);
      }
    }
    // required keys listed without a property schema (allOf patterns)
    for (const k of req) {
      const p = join(path, k);
      if (out[p]) out[p].required = true;
    }
    if (itemsV && typeof itemsV === 'object' && !Array.isArray(itemsV)) {
      visit(itemsV, `${path}[]`, true, `${ptr}/items`, depth + 1, false, stack);
    }
    if (addlV && typeof addlV === 'object') {
      visit(addlV, `${path}{}`, true, `${ptr}/additionalProperties`, depth + 1, false, stack);
    }
    if (Array.isArray(allOfV)) {
      field.allOf = (field.allOf ?? 0) + allOfV.length;
      allOfV.forEach((part: any, i: number) => {
        const partFollow = true;
        const ref = part && typeof part.$ref === 'string' ? part.$ref : undefined;
        if (ref && stack.includes(ref)) return;
        visit(part, path, required, `${ptr}/allOf/${i}`, depth + 1, partFollow, ref ? [...stack] : stack, true);
        if (out[path]) out[path].ref = undefined;
      });
      field.required = required || field.required;
    }
    const disc = node.discriminator;
    if (disc && typeof disc === 'object' && typeof disc.propertyName === 'string') field.mapping = discriminatorMapping(disc, [oneOfV, anyOfV]);
    if (oneOfV !== undefined || anyOfV !== undefined) for (const k of VARIANT_KEYS) {
      const list = k === 'oneOf' ? oneOfV : anyOfV;
      if (!Array.isArray(list)) continue;
      const alts = list.filter((s: any) => !(s && s.type === 'null' && Object.keys(s).length === 1));
      field.variants = [...(field.variants ?? []), ...alts.map((s: any) => `${k}:${s && typeof s.$ref === 'string' ? schemaRefName(s.$ref) ?? s.$ref : ''}=${resolver.shape(s)}`)].sort();
      alts.forEach((alt: any, i: number) => {
        if (alt && typeof alt === 'object' && !alt.$ref && alt.properties) {
          for (const [pk, pv] of Object.entries<any>(alt.properties)) {
            const p = join(path, pk);
            if (!out[p]) visit(pv, p, false, `${ptr}/${k}/${i}/properties/${esc(pk)}`, depth + 1, false, stack);
          }
        }
      });
      if (alts.length === 1 && !field.type) {
        const only = alts[0];
        if (only && typeof only.$ref === 'string' && schemaRefName(only.$ref)) field.ref = schemaRefName(only.$ref);
      }
    }
  }
}


/**
 * Keywords that narrow what a value may be but have no place in a flattened field: met in an allOf
 * part, each is kept as it is (`Field.unmerged`), so a part that adds one is still seen.
 */
const OPAQUE = new Set(['not', 'if', 'then', 'else', 'multipleOf', 'propertyNames', 'patternProperties', 'dependentRequired',
  'dependentSchemas', 'dependencies', 'contains', 'minContains', 'maxContains', 'prefixItems', 'unevaluatedProperties', 'unevaluatedItems']);

const UPPER = new Set(['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties']);

/**
 * Every schema met at one place applies (allOf parts, `$ref` siblings): a bound met twice keeps the
 * stricter value, so the merged field is what a value must meet.
 */
function mergeLimit(field: Field, key: string, v: number): void {
  const cur = field.limits[key];
  field.limits[key] = cur === undefined ? v : UPPER.has(key) ? Math.min(cur, v) : Math.max(cur, v);
}

/** Two enums (or consts) at one place: a value must be in both. */
function mergeEnum(field: Field, values: Scalar[]): void {
  if (!field.enum) { field.enum = values; return; }
  const keep = new Set(values.map((x) => JSON.stringify(x)));
  field.enum = field.enum.filter((x) => keep.has(JSON.stringify(x)));
}

function addUnmerged(field: Field, key: string, v: unknown): void {
  const entry = `${key}:${JSON.stringify(v)}`;
  const list = field.unmerged ?? (field.unmerged = []);
  if (!list.includes(entry)) { list.push(entry); list.sort(); }
}

/** All data-structure names a set of fields refers to (leaves and oneOf/anyOf alternatives). */
/**
 * What a discriminator maps, as `<value>=<structure>` sorted: the explicit `mapping`, and for every
 * `$ref` alternative no explicit value names, its structure's own name (the implicit value).
 */
function discriminatorMapping(disc: any, lists: unknown[]): string[] {
  const out = new Set<string>();
  const named = new Set<string>();
  if (disc.mapping && typeof disc.mapping === 'object') for (const [v, t] of Object.entries<any>(disc.mapping)) {
    const n = typeof t === 'string' ? schemaRefName(t) ?? t : String(t);
    named.add(n);
    out.add(`${v}=${n}`);
  }
  for (const list of lists) if (Array.isArray(list)) for (const alt of list) {
    const n = alt && typeof alt.$ref === 'string' ? schemaRefName(alt.$ref) : undefined;
    if (n !== undefined && !named.has(n)) out.add(`${n}=${n}`);
  }
  return [...out].sort();
}

export function refsOf(fields: Fields, schemaAt: (pointer: string) => unknown): Set<string> {
  const refs = new Set<string>();
  for (const f of Object.values(fields)) {
    if (f.ref) refs.add(f.ref);
    if (f.variants || f.allOf) {
      const node: any = schemaAt(f.pointer);
      if (node && typeof node === 'object') collectRefs(node, refs, 0);
    }
  }
  return refs;
}

function collectRefs(node: any, refs: Set<string>, depth: number): void {
  if (!node || typeof node !== 'object' || depth > 6) return;
  for (const k of ['oneOf', 'anyOf', 'allOf']) {
    if (Array.isArray(node[k])) for (const s of node[k]) {
      if (s && typeof s.$ref === 'string') { const n = schemaRefName(s.$ref); if (n) refs.add(n); }
      else collectRefs(s, refs, depth + 1);
    }
  }
  if (node.discriminator?.mapping) for (const r of Object.values<any>(node.discriminator.mapping)) { const n = typeof r === 'string' ? schemaRefName(r) : undefined; if (n) refs.add(n); }
}

/** The enclosing field of a flattened path (`a.b` -> `a`, `a.b[]` -> `a.b`, `x` -> ``). */
export function parentPath(path: string): string {
  if (path.endsWith('[]') || path.endsWith('{}')) return path.slice(0, -2);
  const dot = path.lastIndexOf('.');
  return dot >= 0 ? path.slice(0, dot) : '';
}

/**
 * Where a field marked `x-renamed-from: <from>` used to be: beside it, under the same parent (the old
 * name may itself be dotted). A parameter (`query:id`) keeps its prefix.
 */
export function renamedFromPath(path: string, from: string): string {
  const parent = path.includes(':') && !path.includes('.') ? path.slice(0, path.indexOf(':') + 1) : parentPath(path);
  // header parameters are keyed in lower case (see `parameterKey`)
  if (parent.endsWith(':')) return parent + (parent === 'header:' ? from.toLowerCase() : from);
  return parent ? `${parent}.${from}` : from;
}
