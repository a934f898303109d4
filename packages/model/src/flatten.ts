import { canonicalize, childKeys, itemKeys, type Keys } from '@ccapi/load';
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
  /** `$ref` -> the named schemas listing it among their `allOf` parts (built once, see `subtypesOf`). */
  private parts: Map<string, string[]> | undefined;
  private recording: Reads | undefined;
  /**
   * `refSiblings`: keywords next to a `$ref` constrain the schema too (OpenAPI 3.1, AsyncAPI 3: JSON
   * Schema 2020-12). Elsewhere (OpenAPI 3.0, AsyncAPI 2) they are ignored, as those specs say.
   * `nullableKeyword`: `nullable: true` admits null (OpenAPI 3.0; AsyncAPI schemas, as their tools
   * read it). OpenAPI 3.1 has no such keyword: a JSON Schema validator ignores it, so null is admitted
   * only by a `type` or an `enum` that lists it.
   */
  constructor(readonly root: unknown, readonly refSiblings = false, readonly nullableKeyword = true) {}

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
    // an object that accepts no property it does not list admits other values than an open one
    if (schema.additionalProperties === false) parts.push('closed');
    if (schema.items) parts.push(`[${this.shape(schema.items, depth + 1)}]`);
    return parts.join(' ');
  }

  private shapeOfRef(ref: string, depth: number): string {
    const key = `${depth}\0${ref}`;
    let s = this.shapes.get(key);
    if (s === undefined) this.shapes.set(key, (s = this.shape(this.get(ref), depth + 1)));
    return s;
  }

  /**
   * The named schemas that extend the schema at `ref` (`allOf: [{$ref: ref}, ...]`): the subtypes a
   * discriminator on that schema selects by their names when its mapping does not name them (OpenAPI's
   * implicit mapping). A fact of the document, recorded per ref.
   */
  subtypesOf(ref: string): string[] {
    const key = `subtypes\0${ref}`;
    const list = this.fact(key, () => this.recompute(key) as string);
    return list ? list.split('\n') : [];
  }

  /** Computes a fact in this document, from its key alone (the one place each kind of fact is defined). */
  recompute(key: string): string | boolean | undefined {
    const [kind, a, b] = key.split('\0');
    if (kind === 'shape') return this.shapeOfRef(b, Number(a));
    if (kind === 'empty') return isEmptyObjectSchema(this.deref({ $ref: a }));
    if (kind === 'subtypes') {
      if (!this.parts) {
        this.parts = new Map();
        const root: any = this.root;
        const [at, schemas] = root?.components?.schemas ? ['#/components/schemas', root.components.schemas] : ['#/definitions', root?.definitions];
        if (schemas && typeof schemas === 'object') for (const [name, sch] of Object.entries<any>(schemas)) {
          if (!sch || typeof sch !== 'object' || !Array.isArray(sch.allOf)) continue;
          for (const part of sch.allOf) if (part && typeof part.$ref === 'string' && part.$ref.startsWith(`${at}/`)) (this.parts.get(part.$ref) ?? this.parts.set(part.$ref, []).get(part.$ref)!).push(name);
        }
      }
      return (this.parts.get(a) ?? []).sort().join('\n');
    }
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

/**
 * Marks a schema `canonicalSchema` rewrote from a union with a null alternative: it admits null in
 * every version (unlike the `nullable` keyword, which OpenAPI 3.1 does not have).
 */
const ADMITS_NULL = Symbol('admits null');
/** Set on `additionalProperties: false` written for `unevaluatedProperties: false`: it closes the merged object (see visit). */
const CLOSES_MERGED = Symbol('closes the merged object');

/** The JSON types besides null (`integer` is a kind of `number`): a `type` listing them all admits any value. */
const ALL_TYPES = ['array', 'boolean', 'number', 'object', 'string'];

/** Keywords that describe a schema without constraining its values. */
const ANNOTATIONS = new Set(['description', 'title', 'summary', 'example', 'examples', '$comment', 'externalDocs', 'xml', 'nullable', '$id', '$schema', '$anchor', '$dynamicAnchor', '$defs']);
const isAnnotation = (k: string) => ANNOTATIONS.has(k) || k.startsWith('x-');
/** Keywords that say nothing of which values a schema admits (annotations, access, defaults). */
const FREE = new Set([...ANNOTATIONS, 'deprecated', 'readOnly', 'writeOnly', 'default', '$ref']);
/** Does no keyword limit the values (`{}`, `true` or a description alone admits anything)? */
function admitsAnything(node: Record<string, unknown>): boolean {
  for (const k in node) if (!FREE.has(k) && !k.startsWith('x-')) return false;
  return true;
}

/**
 * Keywords the model keeps as a canonical fingerprint only (per field, by keyword): a change is
 * reported as one that cannot be proven to only widen or narrow (see the diff's `mayBreak`).
 */
const FINGERPRINTED = new Set(['not', 'contains', 'minContains', 'maxContains', 'dependentRequired', 'dependentSchemas', 'dependencies',
  'propertyNames', 'unevaluatedProperties', 'unevaluatedItems', 'additionalItems', 'contentSchema']);

const DEPENDENCY_KEYWORDS = ['dependentRequired', 'dependentSchemas', 'dependencies'];
const CONDITIONAL_KEYWORDS = ['if', 'then', 'else'];

/** `{not: X}` with nothing else that constrains: X, the condition negated; undefined otherwise. */
function negated(s: any): unknown {
  if (!s || typeof s !== 'object' || Array.isArray(s) || s.not === undefined) return undefined;
  for (const k in s) if (k !== 'not' && !isAnnotation(k)) return undefined;
  return s.not;
}

/**
 * A schema's `if`/`then`/`else` in one spelling: undefined when it constrains nothing (`then` or
 * `else` without `if` are ignored, an `if` without either decides nothing); a negated condition
 * (`if: {not: X}`) is read as `if: X` with its branches swapped; and "when property P is there, Q...
 * must be too" (`if: {required: [P]}, then: {required: [Q...]}`) is the property dependency it says
 * (see dependenciesOf). Otherwise `[if, then, else]`, a missing branch as null.
 */
function conditionalOf(node: any): [unknown, unknown, unknown] | { property: string; requires: unknown[] } | undefined {
  let cond = node.if, yes = node.then, no = node.else;
  if (cond === undefined || (yes === undefined && no === undefined)) return undefined;
  const inner = negated(cond);
  if (inner !== undefined) [cond, yes, no] = [inner, no, yes];
  if (yes !== undefined && no === undefined && cond && typeof cond === 'object' && onlyRequired(cond) && cond.required.length === 1 && typeof cond.required[0] === 'string'
    && yes && typeof yes === 'object' && onlyRequired(yes)) return { property: cond.required[0], requires: yes.required };
  return [cond, yes ?? null, no ?? null];
}

/**
 * The schemas that apply to one instance together from `start` on: each, what its `$ref` names and
 * its allOf parts, at any depth, each once (what flatten merges into one object).
 */
function mergedSchemas(start: any[], resolver: Resolver): any[] {
  const out: any[] = [];
  const seen = new Set<unknown>();
  const walk = (s: any, depth: number): void => {
    if (!s || typeof s !== 'object' || seen.has(s) || depth > MAX_DEPTH) return;
    seen.add(s);
    out.push(s);
    if (typeof s.$ref === 'string') walk(resolver.get(s.$ref), depth + 1);
    if (Array.isArray(s.allOf)) for (const p of s.allOf) walk(p, depth + 1);
  };
  for (const s of start) walk(s, 0);
  return out;
}

/** The properties a schema requires, its own and its allOf parts' (through `$ref`s). */
function requiredOf(node: any, resolver: Resolver): Set<unknown> {
  const out = new Set<unknown>();
  for (const s of mergedSchemas([node], resolver)) if (Array.isArray(s.required)) for (const k of s.required) out.add(k);
  return out;
}

/** Does every array item past the listed positions meet some keyword other than `unevaluatedItems`? */
function itemsEvaluated(node: any): boolean {
  const items = node.items;
  if (items === undefined) return false;
  return !Array.isArray(items) || node.additionalItems !== undefined;
}

/**
 * A schema's property dependencies in one spelling: `dependentRequired` (each property with the
 * sorted properties it requires) and `dependentSchemas` (the rest). A dependent schema that only
 * lists `required` properties says what `dependentRequired` does, and `dependencies`, the keyword
 * both came from (JSON Schema before 2019-09), holds either form. Malformed values are kept as
 * written, so a change to them is still a change.
 */
function dependenciesOf(node: any): Record<string, unknown> {
  const required: Record<string, Set<unknown>> = Object.create(null);
  const schemas: Record<string, unknown> = Object.create(null);
  const out: Record<string, unknown> = Object.create(null);
  const need = (k: string, list: unknown[]) => { for (const x of list) (required[k] ??= new Set()).add(x); };
  const cond = CONDITIONAL_KEYWORDS.some((c) => node[c] !== undefined) ? conditionalOf(node) : undefined;
  if (cond && !Array.isArray(cond)) need(cond.property, cond.requires);
  for (const kw of DEPENDENCY_KEYWORDS) {
    const map = node[kw];
    if (map === undefined) continue;
    if (!map || typeof map !== 'object' || Array.isArray(map)) { out[kw] = map; continue; }
    for (const k of Object.keys(map)) {
      const v = map[k];
      if (Array.isArray(v) && kw !== 'dependentSchemas') need(k, v);
      else if (v && typeof v === 'object' && !Array.isArray(v) && kw !== 'dependentRequired' && onlyRequired(v)) need(k, v.required);
      else if (kw === 'dependentRequired') out[kw] = map;
      else schemas[k] = v;
    }
  }
  if (out.dependentRequired === undefined && Object.keys(required).length) {
    const pairs: Record<string, unknown[]> = Object.create(null);
    for (const k in required) pairs[k] = [...required[k]].map((x) => [JSON.stringify(x), x] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((e) => e[1]);
    out.dependentRequired = pairs;
  }
  if (Object.keys(schemas).length) out.dependentSchemas = schemas;
  return out;
}

/**
 * The properties an object merged from allOf parts declares that one of its closed schemas refuses:
 * `additionalProperties: false` sees only the `properties` and `patternProperties` of the schema it
 * is written in, not those of the parts merged with it, so a property declared anywhere else in the
 * merged object (the object itself, another part, a part's part) that such a schema does not cover
 * can never be there. The closed schemas are the object itself (`closedHere`) and every part that
 * closes itself, through `$ref`s and nested allOf. Sorted; a pattern that is no valid regular
 * expression covers nothing.
 */
function refusedInAllOf(props: any, patternProps: any, closedHere: boolean, parts: any[], resolver: Resolver): string[] {
  const declared = new Set<string>(props && typeof props === 'object' ? Object.keys(props) : []);
  const closers: Array<{ props: any; patternProps: any }> = closedHere ? [{ props, patternProps }] : [];
  for (const s of mergedSchemas(parts, resolver)) {
    if (s.properties && typeof s.properties === 'object') for (const k of Object.keys(s.properties)) declared.add(k);
    if (s.additionalProperties === false) closers.push({ props: s.properties, patternProps: s.patternProperties });
  }
  if (!closers.length) return [];
  const covers = (c: { props: any; patternProps: any }, k: string): boolean => {
    if (c.props && typeof c.props === 'object' && Object.hasOwn(c.props, k)) return true;
    if (!c.patternProps || typeof c.patternProps !== 'object') return false;
    return Object.keys(c.patternProps).some((p) => { try { return new RegExp(p, 'u').test(k); } catch { return false; } });
  };
  return [...declared].filter((k) => closers.some((c) => !covers(c, k))).sort();
}

/**
 * An `xml` object as what it changes on the wire, leaving out what the defaults already say: the
 * element (or attribute) is named after its property (array items after the array), is an element,
 * has no namespace and an array is not wrapped. The prefix is left out too: a namespace-aware reader
 * knows an element by its namespace, whatever prefix stands for it. Undefined when nothing is left.
 */
export function xmlLayout(xml: unknown, path: string): string | undefined {
  if (!xml || typeof xml !== 'object' || Array.isArray(xml)) return undefined;
  const x = xml as Record<string, unknown>;
  const parts: string[] = [];
  if (x.attribute === true) parts.push('attribute');
  if (typeof x.name === 'string' && x.name !== defaultXmlName(path)) parts.push(`name=${x.name}`);
  if (typeof x.namespace === 'string' && x.namespace !== '') parts.push(`ns=${x.namespace}`);
  if (x.wrapped === true) parts.push('wrapped');
  return parts.length ? parts.join(' ') : undefined;
}

/** The name an element gets without `xml.name`: its property's (an array item's: the array's); none known at a root. */
function defaultXmlName(path: string): string | undefined {
  let p = path;
  while (p.endsWith('[]')) p = p.slice(0, -2);
  const step = p.slice(Math.max(p.lastIndexOf('.'), p.lastIndexOf(':')) + 1);
  return step === '' || /[[\]{}]$/.test(step) ? undefined : step.replace(/\u2024/g, '.');
}

/** A schema saying nothing but which properties must be there (descriptions aside). */
function onlyRequired(s: any): boolean {
  if (!Array.isArray(s.required)) return false;
  for (const k in s) if (k !== 'required' && !isAnnotation(k)) return false;
  return true;
}

/** `obj` without its key `k` (a copy). */
function withoutKey(obj: Record<string, unknown>, k: string): Record<string, unknown> {
  const { [k]: _drop, ...rest } = obj;
  return rest;
}

/** JSON with object keys sorted at every level (the loader's canonical order): equal values give equal text whatever the key order. */
function canonicalJson(v: unknown): string {
  return JSON.stringify(canonicalize(v, false)) ?? 'null';
}

/**
 * A union whose alternatives are each nothing but a constant (`const`, or `enum`, with an optional
 * `type` and descriptions: the way enums are documented value by value) is the enum of those values;
 * `{type: 'null'}` among them makes it nullable. Undefined when it is not such a union.
 */
function constantsOf(node: any, list: any[]): any {
  const values: unknown[] = [];
  const types = new Set<string>();
  let nullable = false;
  for (const alt of list) {
    if (!alt || typeof alt !== 'object' || Array.isArray(alt)) return undefined;
    if (isNullSchema(alt) && alt.const === undefined && alt.enum === undefined) { nullable = true; continue; }
    let listed = false;
    for (const k in alt) {
      if (k === 'const') { if (alt.const !== null && typeof alt.const === 'object') return undefined; values.push(alt.const); listed = true; }
      else if (k === 'enum') { if (!Array.isArray(alt.enum) || alt.enum.some((v: unknown) => v !== null && typeof v === 'object')) return undefined; values.push(...alt.enum); listed = true; }
      else if (k === 'type') { if (typeof alt.type !== 'string') return undefined; types.add(alt.type); }
      else if (!isAnnotation(k) && k !== 'deprecated') return undefined;
    }
    if (!listed) return undefined;
  }
  if (!values.length) return undefined;
  const { oneOf: _o, anyOf: _a, ...rest } = node;
  const out: any = { ...rest, enum: values };
  if (types.size && rest.type === undefined) out.type = types.size === 1 ? [...types][0] : [...types].sort();
  if (nullable) out[ADMITS_NULL] = true;
  return out;
}

/** The keywords that constrain values of one scalar type only (besides `type` and annotations). */
const SCALAR_KEYWORDS: Record<string, Set<string>> = {
  string: new Set(['format', 'pattern', 'minLength', 'maxLength', 'contentEncoding', 'contentMediaType']),
  number: new Set(['format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf']),
  boolean: new Set(),
};
SCALAR_KEYWORDS.integer = SCALAR_KEYWORDS.number;
/** Is `type` one of JSON's scalar types other than null (string, number, integer, boolean)? */
export const isScalarType = (type: string): boolean => Object.hasOwn(SCALAR_KEYWORDS, type);

/**
 * A union whose alternatives are each one scalar type of its own (`string`, `boolean`, and one of
 * `number`/`integer`) with only that type's keywords is a type list with those keywords beside it:
 * `oneOf: [{type: string, pattern: P}, {type: integer, minimum: 0}]` admits what
 * `type: [string, integer], pattern: P, minimum: 0` does, since `pattern` constrains strings only and
 * `minimum` numbers only (the OpenAPI 3.1 spelling of the same field). The types do not overlap, so
 * `oneOf` and `anyOf` agree. A `{type: 'null'}` alternative makes it nullable. Anything else (a
 * `$ref`, an enum, two numeric alternatives, a `format` on two of them, keywords beside the union
 * other than descriptions, a default and access flags) leaves the union as written.
 */
function scalarTypesOf(node: any, list: any[]): any {
  if (list.length < 2) return undefined;
  // (beside the union, only keywords that admit nothing less: descriptions, a default, access flags)
  for (const k in node) if (k !== 'oneOf' && k !== 'anyOf' && (k === '$ref' || !(FREE.has(k) || k.startsWith('x-')))) return undefined;
  const types: string[] = [];
  const merged: Record<string, unknown> = {};
  let nullable = false;
  for (const alt of list) {
    // (3.0's `nullable` and `xml` are in ANNOTATIONS but say something here: such a union stays)
    if (!alt || typeof alt !== 'object' || Array.isArray(alt) || typeof alt.type !== 'string' || alt.nullable !== undefined || alt.xml !== undefined) return undefined;
    if (alt.type === 'null') {
      for (const k in alt) if (k !== 'type' && !isAnnotation(k)) return undefined;
      nullable = true;
      continue;
    }
    if (!isScalarType(alt.type)) return undefined;
    const own = SCALAR_KEYWORDS[alt.type];
    const numeric = alt.type === 'number' || alt.type === 'integer';
    if (types.some((t) => t === alt.type || (numeric && (t === 'number' || t === 'integer')))) return undefined;
    types.push(alt.type);
    for (const k in alt) {
      if (k === 'type' || isAnnotation(k)) continue;
      if (!own.has(k) || k in merged) return undefined;
      merged[k] = alt[k];
    }
  }
  if (types.length < 2) return undefined;
  const { oneOf: _o, anyOf: _a, ...rest } = node;
  const out: any = { ...rest, ...merged, type: types };
  if (nullable) out[ADMITS_NULL] = true;
  return out;
}

/**
 * The alternatives of a `oneOf`/`anyOf` list (`key`), with where each is written. A `null` type
 * alternative is the union's nullability, not an alternative. An alternative that is a `$ref` to a
 * schema holding nothing but a list of the same kind (a group of alternatives given a name, as
 * `MediaBlock: {oneOf: [Image, Video]}` inside `Block: {oneOf: [Paragraph, MediaBlock]}`) stands
 * for its members: naming or un-naming such a group changes no value admitted (for `oneOf`, unless
 * a value matched every member at once, which a discriminated union rules out). A group with its
 * own nullability or discriminator keeps its name.
 */
function groupMembers(list: any[], at: string, key: string, resolver: Resolver, stack: string[], alts: any[], ptrs: string[]): void {
  list.forEach((s: any, i: number) => {
    if (s && s.type === 'null' && Object.keys(s).length === 1) return;
    const one = singlePart(s);
    const where = `${at}/${i}${one === s ? '' : '/allOf/0'}`;
    const ref = one && typeof one.$ref === 'string' && !hasConstrainingSibling(one) ? one.$ref : undefined;
    const members = ref !== undefined && !stack.includes(ref) && stack.length < MAX_DEPTH ? groupOf(resolver.get(ref), key) : undefined;
    if (members) {
      groupMembers(members, `${ref!.slice(1)}/${key}`, key, resolver, [...stack, ref!], alts, ptrs);
      return;
    }
    alts.push(one);
    ptrs.push(where);
  });
}

/** The members of a schema that is only a named group of `key` (`oneOf`/`anyOf`) alternatives (see groupMembers). */
export function groupOf(target: any, key: string): any[] | undefined {
  if (!target || typeof target !== 'object' || !Array.isArray(target[key]) || !target[key].length || target[key].some(isNullSchema) || target.nullable === true) return undefined;
  for (const k in target) if (k !== key && !isAnnotation(k)) return undefined;
  return target[key];
}

/** `{allOf: [X]}` with nothing else that constrains it is `X` (an alternative written as a one-part allOf). */
export function singlePart(s: any): any {
  if (!s || typeof s !== 'object' || !Array.isArray(s.allOf) || s.allOf.length !== 1) return s;
  for (const k in s) if (k !== 'allOf' && !isAnnotation(k)) return s;
  return s.allOf[0];
}

/** Is `v` read as a schema by `visit` (which passes over anything else without a field)? */
const visitsAsSchema = (v: unknown): boolean => v === true || v === undefined || v === null || (typeof v === 'object' && !Array.isArray(v));

/** Does a schema hold keywords besides `$ref` that constrain it (not only describe it)? */
function hasConstrainingSibling(node: any): boolean {
  for (const k in node) if (k !== '$ref' && !isAnnotation(k)) return true;
  return false;
}

/** Keywords that constrain only values of one type (strings, numbers, arrays or objects): `null` is never refused by them. */
const TYPE_SPECIFIC = new Set(['format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems', 'contains', 'properties', 'required', 'additionalProperties', 'patternProperties', 'minProperties', 'maxProperties',
  'contentEncoding', 'contentMediaType']);

/** Keywords that apply subschemas to the same instance only under a condition (a branch, a case). */
const CONDITIONAL_APPLICATORS = ['anyOf', 'oneOf', 'if', 'then', 'else', 'dependentSchemas', '$dynamicRef'];
/**
 * Does `unevaluatedProperties` here mean what `additionalProperties` would on the merged object? Yes
 * when every subschema applied in place always applies (`allOf` parts and a `$ref`, which flatten
 * merges into this object) and none of the inline parts applies one only conditionally.
 */
function unevaluatedIsAdditional(node: any): boolean {
  if (CONDITIONAL_APPLICATORS.some((k) => node[k] !== undefined)) return false;
  if (node.allOf === undefined) return true;
  return Array.isArray(node.allOf) && node.allOf.every((p: any) => p && typeof p === 'object' && !CONDITIONAL_APPLICATORS.some((k) => p[k] !== undefined) && p.unevaluatedProperties === undefined);
}

/**
 * `unevaluatedItems: false` where only listed positions are evaluated (`prefixItems` of the schema
 * or of its allOf parts, inline or named by `$ref`; no `items`, `contains`, `$ref` beside it or
 * conditional subschema) admits no item past the longest list: `maxItems` of its length, as
 * `items: false` after the same `prefixItems` says. Undefined when anything else could evaluate an item.
 */
function closedTuple(node: any, resolver: Resolver): any {
  if (node.items !== undefined || node.contains !== undefined || node.$ref !== undefined || CONDITIONAL_APPLICATORS.some((k) => node[k] !== undefined)) return undefined;
  let n = Array.isArray(node.prefixItems) ? node.prefixItems.length : 0;
  if (node.allOf !== undefined) {
    if (!Array.isArray(node.allOf)) return undefined;
    for (const written of node.allOf) {
      // a part named by `$ref` (a chain of them) is its target; one with keywords beside its `$ref` is no tuple known here
      const p = written && typeof written === 'object' && typeof written.$ref === 'string' && hasConstrainingSibling(written) ? written : resolver.deref(written);
      if (!p || typeof p !== 'object' || Array.isArray(p) || p.$ref !== undefined || p.allOf !== undefined || p.items !== undefined || p.contains !== undefined || p.unevaluatedItems !== undefined
        || CONDITIONAL_APPLICATORS.some((k) => p[k] !== undefined)) return undefined;
      if (Array.isArray(p.prefixItems)) n = Math.max(n, p.prefixItems.length);
    }
  }
  const { unevaluatedItems: _u, ...rest } = node;
  return { ...rest, maxItems: typeof rest.maxItems === 'number' ? Math.min(rest.maxItems, n) : n };
}

/**
 * The one place a schema is rewritten into an equivalent one before it is flattened: `oneOf`/`anyOf`
 * whose only alternative besides `{type: 'null'}` is `X` (a `$ref`, or an inline schema) is `X`
 * itself, nullable when `null` was an alternative: the 3.1 spelling of `allOf: [$ref]` + `nullable`. (Where keywords next to a
 * `$ref` apply, `visit` follows the `$ref` and applies them: see `Resolver.refSiblings`.)
 * Returns the node itself when nothing applies (the common case: no allocation).
 */
function canonicalSchema(node: any, resolver: Resolver): any {
  if (node.unevaluatedItems === false) {
    const closed = closedTuple(node, resolver);
    if (closed) return canonicalSchema(closed, resolver);
  }
  if (node.unevaluatedProperties === false && node.additionalProperties === undefined && unevaluatedIsAdditional(node)) {
    // the properties left unevaluated are those no `properties` or `patternProperties` of this object
    // or of what always applies with it names: what `additionalProperties` on the merged object covers
    const { unevaluatedProperties: _u, ...rest } = node;
    return { ...rest, additionalProperties: false, [CLOSES_MERGED]: true };
  }
  if (node.oneOf === undefined && node.anyOf === undefined) return node;
  if (node.oneOf !== undefined && node.anyOf !== undefined) return node;
  const list = node.oneOf ?? node.anyOf;
  if (!Array.isArray(list)) return node;
  const constants = constantsOf(node, list);
  if (constants) return constants;
  const scalars = scalarTypesOf(node, list);
  if (scalars) return scalars;
  if (list.length > 2) return node;
  const alts = list.filter((x: any) => !(isNullSchema(x) && Object.keys(x).length === 1));
  const only = alts.length === 1 ? alts[0] : undefined;
  if (!only || typeof only !== 'object' || Array.isArray(only) || (typeof only.$ref === 'string' && hasConstrainingSibling(only))) return node;
  // keywords beside the union that only constrain values of some type (a `format` next to
  // `anyOf: [{type: string}, {type: 'null'}]`, as generators write it) say the same inside an inline
  // alternative that does not give them itself: null is not of that type, so they never refuse it
  for (const k in node) if (k !== 'oneOf' && k !== 'anyOf' && !isAnnotation(k) && !(TYPE_SPECIFIC.has(k) && typeof only.$ref !== 'string' && !(k in only))) return node;
  const { oneOf: _o, anyOf: _a, ...rest } = node;
  const out: any = typeof only.$ref === 'string' ? { ...rest, $ref: only.$ref } : { ...rest, ...only };
  if (alts.length < list.length) out[ADMITS_NULL] = true;
  return out;
}

export interface FlattenOptions {
  /** Follow a `$ref` at the root (the payload itself) instead of recording it as a leaf. */
  followRoot: boolean;
  /** Path prefix for every field (`query:` ...). */
  prefix?: string;
  /** Whether the root itself is required. */
  rootRequired: boolean;
  label?: string;
  /**
   * The schemas a caller passed through, by `$ref`, to reach `schema` (with their pointers): the
   * outer part of the way a `$dynamicRef` is resolved along (see dynamicTarget).
   */
  via?: Array<[unknown, string]>;
}

/**
 * A property name as one step of a flattened path. Steps are joined with `.`, so a `.` inside a name
 * is written `․` (U+2024, one dot leader): a property called `a.b` is not the field `b` of `a`.
 */
export const pathKey = (name: string): string => (name.includes('.') ? name.replace(/\./g, '\u2024') : name);

/**
 * The subschema of the schema resource `resource` (not inside a nested resource, one with its own
 * `$id`) naming the anchor `name`: by `$dynamicAnchor` only (`dynamicOnly`), or by `$anchor` too.
 * `at` is its pointer below the resource; `dynamic`, whether it is a `$dynamicAnchor`.
 */
const anchorsOf = new WeakMap<object, Map<string, { at: string; dynamic: boolean }>>();
function anchorIn(resource: any, name: string, dynamicOnly: boolean): { at: string; dynamic: boolean } | undefined {
  let found = anchorsOf.get(resource);
  if (!found) {
    const map = new Map<string, { at: string; dynamic: boolean }>();
    // keys read as the loader reads them (a property called `$anchor` is a name; examples are data)
    const walk = (x: any, at: string, keys: Keys, depth: number): void => {
      if (depth > MAX_DEPTH) return;
      if (Array.isArray(x)) {
        x.forEach((y, i) => { if (y && typeof y === 'object') walk(y, `${at}/${i}`, itemKeys(keys), depth + 1); });
        return;
      }
      if (keys === 'keywords') {
        if (at !== '' && typeof x.$id === 'string') return;
        if (typeof x.$dynamicAnchor === 'string' && !map.has(x.$dynamicAnchor)) map.set(x.$dynamicAnchor, { at, dynamic: true });
        if (typeof x.$anchor === 'string' && !map.has(x.$anchor)) map.set(x.$anchor, { at, dynamic: false });
      }
      for (const k of Object.keys(x)) {
        const v = x[k], vk = v && typeof v === 'object' ? childKeys(keys, k, v) : undefined;
        if (vk) walk(v, `${at}/${esc(k)}`, vk, depth + 1);
      }
    };
    if (resource && typeof resource === 'object') walk(resource, '', 'keywords', 0);
    anchorsOf.set(resource, (found = map));
  }
  const hit = found.get(name);
  return hit && (!dynamicOnly || hit.dynamic) ? hit : undefined;
}

/**
 * Flattens a JSON Schema into dotted-path fields. A `$ref` to a data structure (components/schemas)
 * is a leaf holding `ref: <Name>`; structures are flattened on their own, once, so recursion never
 * expands. `allOf` parts are merged into the same path.
 */
export function flatten(schema: unknown, pointer: string, resolver: Resolver, opts: FlattenOptions, out: Fields = Object.create(null)): Fields {
  // keyed by paths from the spec: no prototype, so a field named `constructor` is not already "there"
  const rootPath = opts.prefix ?? '';
  // the `$ref` each leaf holding one was written with (see visit)
  const leafRefs = new Map<string, string>();
  visit(schema, rootPath, opts.rootRequired, pointer, 0, opts.followRoot, []);
  if (opts.label && out[rootPath]) out[rootPath].label = opts.label;
  return out;

  /**
   * Where `$dynamicRef: '#name'` leads (JSON Schema 2020-12), as a `$ref`: first as `#name` would,
   * within the innermost schema resource (a schema with `$id`) on the way here; when that is a
   * `$dynamicAnchor`, to the same anchor in the outermost resource on the way that declares one
   * (a generic envelope's item bound by the schema that uses it). The way here is the root and the
   * refs `stack` followed (the loader has made every ref a pointer). Undefined when nothing matches.
   */
  function dynamicTarget(ref: string, stack: string[]): string | undefined {
    if (!/^#[A-Za-z_][-A-Za-z0-9._]*$/.test(ref)) return undefined;
    const name = ref.slice(1);
    const way: Array<[any, string]> = [...(opts.via ?? []), [schema, pointer]];
    for (const r of stack) way.push([resolver.get(r), r.slice(1)]);
    const scope = way.filter(([s]) => s && typeof s === 'object' && typeof s.$id === 'string');
    if (!scope.length) return undefined;
    const [inner, innerAt] = scope[scope.length - 1];
    const fixed = anchorIn(inner, name, false);
    if (fixed === undefined) return undefined;
    if (fixed.dynamic) for (const [s, at] of scope) {
      const hit = anchorIn(s, name, true);
      if (hit !== undefined) return `#${at}${hit.at}`;
    }
    return `#${innerAt}${fixed.at}`;
  }

  function join(path: string, key0: string): string {
    const key = pathKey(key0);
    if (!path) return key;
    if (path.endsWith(':')) return path + key;
    return `${path}.${key}`;
  }

  function visit(node: any, path: string, required: boolean, ptr: string, depth: number, follow: boolean, stack: string[], part = false): void {
    if (node === true || node === undefined || node === null) node = {};
    if (typeof node !== 'object' || Array.isArray(node)) return;
    node = canonicalSchema(node, resolver);
    if (typeof node.$dynamicRef === 'string' && node.$ref === undefined) {
      const to = dynamicTarget(node.$dynamicRef, stack);
      if (to !== undefined) {
        const { $dynamicRef: _d, ...rest } = node;
        node = { ...rest, $ref: to };
      }
    }
    const admitsNull = node[ADMITS_NULL] === true || (node.nullable === true && resolver.nullableKeyword);
    let field = out[path];
    const met = !!field;
    if (!field) {
      field = { path, required, nullable: false, hasDefault: false, limits: NO_LIMITS, pointer: ptr };
      out[path] = field;
    } else if (required) field.required = true;
    if (depth > MAX_DEPTH) return;
    // one place written by two allOf parts, a `$ref` in one and constraints in the other (a subtype
    // re-declaring an inherited property with a tighter bound): both apply, so the reference is
    // followed there and the constraints merged into what it names, instead of staying a leaf
    const leafRef = met && field.ref !== undefined ? leafRefs.get(path) : undefined;
    if (leafRef !== undefined && typeof node.$ref !== 'string' && hasConstrainingSibling(node) && !stack.includes(leafRef)) {
      field.ref = undefined;
      leafRefs.delete(path);
      visit({ $ref: leafRef }, path, required, field.pointer, depth + 1, true, stack, part);
    }
    if (typeof node.$ref === 'string') {
      const name = schemaRefName(node.$ref);
      if (node['x-renamed-from'] && !field.renamedFrom) field.renamedFrom = String(node['x-renamed-from']);
      // where siblings apply, a `$ref` with constraining ones is its target and them (like allOf);
      // a place an earlier allOf part already constrained (see above) follows it too
      const constrained = met && field.ref === undefined && field.type !== undefined;
      if (name !== undefined && !follow && !constrained && !(resolver.refSiblings && hasConstrainingSibling(node))) {
        field.ref = name;
        leafRefs.set(path, node.$ref);
        if (admitsNull) field.nullable = true;
        return;
      }
      if (stack.includes(node.$ref)) { field.ref = name ?? node.$ref; return; }
      const target = resolver.get(node.$ref);
      if (target === undefined) { field.ref = name ?? node.$ref; return; }
      // a target that is itself only a `$ref` (an alias) is followed on: what this ref was followed
      // for (an allOf part, siblings that apply) is about the schema at the end of the chain
      const alias = !!target && typeof target === 'object' && typeof (target as any).$ref === 'string' && !hasConstrainingSibling(target);
      visit(target, path, required, node.$ref.slice(1), depth + 1, alias, [...stack, node.$ref], part);
      // sibling keywords next to $ref (3.1) are applied below
      const { $ref: _r, ...rest } = node;
      if (Object.keys(rest).length === 0) return;
      node = rest;
    }
    // one pass over the keywords present (schemas are sparse; most keywords are absent); the ones
    // needed afterwards are kept here rather than read again from objects of a thousand shapes
    let typeV: unknown, enumV: unknown, minimumV: unknown, maximumV: unknown, exMinV: unknown, exMaxV: unknown;
    let requiredV: unknown, propsV: any, itemsV: any, addlV: any, allOfV: any, oneOfV: any, anyOfV: any, prefixV: any, patternPropsV: any;
    let wholeV = false;
    for (const k in node) {
      const v = node[k];
      switch (k) {
        case 'required': requiredV = v; break;
        case 'properties': propsV = v; break;
        case 'items': itemsV = v; break;
        case 'allOf': allOfV = v; break;
        case 'oneOf': oneOfV = v; break;
        case 'anyOf': anyOfV = v; break;
        case 'type': {
          typeV = v;
          if (typeof v === 'string') { if (v !== 'null') field.type = v; break; }
          const types = typeList(node);
          // every JSON type listed: any value (null aside, which the list says separately)
          if (ALL_TYPES.every((t) => types.includes(t))) field.type = 'any';
          else if (types.length) field.type = types.join('|');
          break;
        }
        case 'format': if (typeof v === 'string') field.format = v; break;
        // the OpenAPI 3.1 spelling of 3.0's `format: byte` / `format: binary` (file contents); another
        // encoding (`base32`, `quoted-printable`) is that encoding's format, by its name
        case 'contentEncoding':
          if (typeof v === 'string' && field.format === undefined) field.format = v.toLowerCase() === 'base64' ? 'byte' : v.toLowerCase();
          break;
        case 'contentMediaType':
          if (typeof v !== 'string') break;
          if (field.format === undefined && node.contentEncoding === undefined) field.format = 'binary';
          // which content it is, beyond "bytes" (the 3.0 `format: binary` spelling says no more)
          if (v.toLowerCase() !== 'application/octet-stream') addConstraint(field, k, canonicalJson(v.toLowerCase()));
          break;
        case 'enum': enumV = v; if (Array.isArray(v)) mergeEnum(field, (v as Scalar[]).filter((x) => x === null || typeof x !== 'object')); break;
        case 'const': if (v === null || typeof v !== 'object') mergeEnum(field, [v]); break;
        case 'default': if (v !== undefined) { field.default = v; field.hasDefault = true; } break;
        case 'pattern':
          if (typeof v !== 'string') break;
          // a second pattern met at the same place (allOf parts, $ref siblings) applies too; one field holds one
          if (field.pattern !== undefined && field.pattern !== v) addConstraint(field, k, canonicalJson(v));
          else field.pattern = v;
          break;
        case 'xml': { const layout = xmlLayout(v, path); if (layout !== undefined) field.xml = layout; break; }
        case 'readOnly': if (v === true) field.readOnly = true; break;
        case 'writeOnly': if (v === true) field.writeOnly = true; break;
        case 'uniqueItems': if (v === true) ownLimits(field).uniqueItems = 1; break;
        case 'additionalProperties': addlV = v; if (v === false) field.closed = true; break;
        case 'deprecated': if (v === true) field.deprecated = true; break;
        case 'x-renamed-from': if (v !== undefined) field.renamedFrom = String(v); break;
        case 'minimum': minimumV = v; break;
        case 'maximum': maximumV = v; break;
        case 'exclusiveMinimum': exMinV = v; break;
        case 'exclusiveMaximum': exMaxV = v; break;
        // a lower bound of 0 on a length or count bounds nothing: the same as none; nor does a
        // lower bound on the number of properties that the required properties already meet
        case 'minLength': case 'minItems': case 'minProperties':
          if (typeof v === 'number' && v > 0 && !(k === 'minProperties' && requiredOf(node, resolver).size >= v)) mergeLimit(field, k, v);
          break;
        // `minContains`/`maxContains` count the items `contains` matches: without it they say
        // nothing. `minContains` is 1 unless written (read with `contains`, below)
        case 'minContains': break;
        case 'maxContains':
          if (node.contains !== undefined) addConstraint(field, k, canonicalJson(v));
          break;
        // at least `minContains` items (1 unless written) that match: at least none asks nothing
        // (without `maxContains`); the count is told when it is not 1, or beside an upper count
        case 'contains': {
          const min = node.minContains ?? 1;
          if (min === 0 && node.maxContains === undefined) break;
          addConstraint(field, k, canonicalJson(v));
          if (min !== 1 || node.maxContains !== undefined) addConstraint(field, 'minContains', canonicalJson(min));
          break;
        }
        // items not evaluated by anything else: there are none when `items` (a schema) takes every
        // item past the listed positions, or `additionalItems` does after an array of `items`
        case 'unevaluatedItems':
          if (v === true || (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0)) break;
          if (itemsEvaluated(node)) break;
          addConstraint(field, k, canonicalJson(v));
          break;
        // likewise for properties, when `additionalProperties` takes every key the others leave
        case 'unevaluatedProperties':
          if (v === true || node.additionalProperties !== undefined || (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0)) break;
          addConstraint(field, k, canonicalJson(v));
          break;
        case 'maxLength': case 'maxItems': case 'maxProperties':
          if (typeof v === 'number') mergeLimit(field, k, v);
          break;
        case 'multipleOf':
          if (typeof v !== 'number' || !(v > 0)) break;
          if (v === 1) { wholeV = true; break; }
          // a second, different multipleOf (allOf parts) applies too: kept as a constraint
          if (field.limits[k] === undefined) ownLimits(field)[k] = v;
          else if (field.limits[k] !== v) addConstraint(field, k, canonicalJson(v));
          break;
        case 'prefixItems': prefixV = v; break;
        case 'patternProperties':
          patternPropsV = v;
          // which keys the values apply to is a constraint of its own (the values are compared below)
          if (v && typeof v === 'object') addConstraint(field, k, canonicalJson(Object.keys(v).sort()));
          break;
        // object keys are strings: `type: string` in a propertyNames schema says nothing, and a
        // schema left with no keyword constrains no key
        case 'propertyNames': {
          const names = v && typeof v === 'object' && !Array.isArray(v) && v.type === 'string' ? withoutKey(v, 'type') : v;
          if (names === true || (names && typeof names === 'object' && !Array.isArray(names) && Object.keys(names).length === 0)) break;
          addConstraint(field, k, canonicalJson(names));
          break;
        }
        // a conditional is one constraint, whichever of its parts changed, read once in one spelling
        // (see conditionalOf); one that says "this property needs those" is a property dependency
        case 'if': case 'then': case 'else': {
          if (k !== CONDITIONAL_KEYWORDS.find((c) => node[c] !== undefined)) break;
          const cond = conditionalOf(node);
          if (cond === undefined) break;
          if (Array.isArray(cond)) addConstraint(field, 'if/then/else', canonicalJson(cond));
          else if (!DEPENDENCY_KEYWORDS.some((d) => node[d] !== undefined)) {
            const deps = dependenciesOf(node);
            for (const d in deps) addConstraint(field, d, canonicalJson(deps[d]));
          }
          break;
        }
        // one spelling for property dependencies (see dependenciesOf), read once for all three keywords
        case 'dependentRequired': case 'dependentSchemas': case 'dependencies': {
          if (k !== DEPENDENCY_KEYWORDS.find((d) => node[d] !== undefined)) break;
          const deps = dependenciesOf(node);
          for (const d in deps) addConstraint(field, d, canonicalJson(deps[d]));
          break;
        }
        default:
          if (FINGERPRINTED.has(k) && v !== undefined) addConstraint(field, k, canonicalJson(v));
          break;
      }
    }
    // a number that must be a multiple of 1 is an integer: one spelling of the same values (a type
    // given at this place, or by the schema an allOf part belongs to, which is read first)
    if (wholeV) {
      const t = typeof typeV === 'string' ? typeV : field.type;
      if (t === 'number' || t === 'integer') field.type = 'integer';
      else if (field.limits.multipleOf === undefined) ownLimits(field).multipleOf = 1;
      else if (field.limits.multipleOf !== 1) addConstraint(field, 'multipleOf', canonicalJson(1));
    }
    // numeric bounds: OpenAPI 3.0 writes an exclusive bound as a flag beside minimum/maximum
    if (typeof minimumV === 'number') mergeLimit(field, exMinV === true ? 'exclusiveMinimum' : 'minimum', minimumV);
    if (typeof maximumV === 'number') mergeLimit(field, exMaxV === true ? 'exclusiveMaximum' : 'maximum', maximumV);
    if (typeof exMinV === 'number') mergeLimit(field, 'exclusiveMinimum', exMinV);
    if (typeof exMaxV === 'number') mergeLimit(field, 'exclusiveMaximum', exMaxV);
    // a `type` that lists null admits it only if an `enum` beside it does too (JSON Schema: both apply)
    const typeNull = (Array.isArray(typeV) && typeV.includes('null')) || typeV === 'null';
    if (admitsNull || (typeNull && !(Array.isArray(enumV) && !enumV.includes(null))) || (Array.isArray(enumV) && enumV.includes(null))
      || (Array.isArray(oneOfV) && oneOfV.some(isNullSchema)) || (Array.isArray(anyOfV) && anyOfV.some(isNullSchema))) field.nullable = true;
    // `null` among the values is what `nullable` says (one spelling, so rewriting it is no change)
    if (field.nullable && field.enum?.includes(null) && field.enum.some((v) => v !== null)) field.enum = field.enum.filter((v) => v !== null);

    // a schema admitting any value has the type `any` (a type given later narrows it); allOf parts say
    // nothing on their own, and a `$ref` leaf is its structure
    if (!part && !field.type && field.ref === undefined && admitsAnything(node)) { field.type = 'any'; field.nullable = true; }
    const req: string[] = Array.isArray(requiredV) ? requiredV : [];
    if (propsV && typeof propsV === 'object') {
      if (!field.type) field.type = 'object';
      const props = propsV;
      for (const k of Object.keys(props)) {
        visit(props[k], join(path, k), req.includes(k), `${ptr}/properties/${esc(k)}`, depth + 1, false, stack);
      }
    }
    // required keys listed without a property schema (allOf patterns); a property of this schema
    // was made required as it was visited just above (most required keys: no path built again)
    for (const k of req) {
      if (propsV && typeof propsV === 'object' && Object.hasOwn(propsV, k) && visitsAsSchema(propsV[k])) continue;
      const p = join(path, k);
      if (out[p]) out[p].required = true;
    }
    if (itemsV && typeof itemsV === 'object' && !Array.isArray(itemsV)) {
      visit(itemsV, `${path}[]`, true, `${ptr}/items`, depth + 1, false, stack);
    }
    // tuples (`prefixItems`, or the array form of `items` before 2020-12): one field per position
    const tuple = Array.isArray(prefixV) ? prefixV : Array.isArray(itemsV) ? itemsV : undefined;
    if (tuple) {
      const key = Array.isArray(prefixV) ? 'prefixItems' : 'items';
      tuple.forEach((s: any, i: number) => visit(s, `${path}[${i}]`, false, `${ptr}/${key}/${i}`, depth + 1, false, stack));
    }
    // no items past the listed positions (`items: false` after prefixItems, `additionalItems: false`
    // after an array of items): the array's length is bounded, as `maxItems` would say
    if (itemsV === false || (Array.isArray(itemsV) && node.additionalItems === false)) mergeLimit(field, 'maxItems', tuple?.length ?? 0);
    if (addlV && typeof addlV === 'object') {
      visit(addlV, `${path}{}`, true, `${ptr}/additionalProperties`, depth + 1, false, stack);
    }
    // values under pattern-matched keys are values of the map, like additionalProperties values
    if (patternPropsV && typeof patternPropsV === 'object') {
      for (const k of Object.keys(patternPropsV)) visit(patternPropsV[k], `${path}{}`, true, `${ptr}/patternProperties/${esc(k)}`, depth + 1, false, stack);
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
      // `additionalProperties: false` sees only the `properties` and `patternProperties` of the
      // schema it is written in, not those of the parts merged with it: a property only another part
      // declares can never be sent (the pitfall `unevaluatedProperties` was made for), whether the
      // object closes itself or one of its parts does. Kept as a constraint naming the properties
      // refused, so closing the object this way is not closing it the other way.
      const refused = refusedInAllOf(propsV, patternPropsV, addlV === false && !node[CLOSES_MERGED], allOfV, resolver);
      if (refused.length) addConstraint(field, 'additionalProperties', canonicalJson({ refuses: refused }));
    }
    // a key the object requires that no property (of it or its allOf parts) describes: it must be
    // there, with any value (or one its map values admit)
    if (!part && req.length && (field.type === 'object' || field.type === undefined)) {
      for (const k of req) {
        // (most required keys are properties: no path built for them)
        if (typeof k !== 'string' || (propsV && typeof propsV === 'object' && Object.hasOwn(propsV, k))) continue;
        const p = join(path, k);
        // (a property an allOf part declares, visited after the required list was read above)
        if (out[p]) { out[p].required = true; continue; }
        const values = out[`${path}{}`];
        out[p] = values ? { ...values, path: p, required: true, pointer: `${ptr}/required`, undeclared: true } : { path: p, required: true, nullable: true, hasDefault: false, limits: {}, pointer: `${ptr}/required`, type: 'any', undeclared: true };
      }
    }
    const disc = node.discriminator;
    // (one a subtype inherits through an allOf part is the base's: told there, not once per subtype)
    if (disc && typeof disc === 'object' && typeof disc.propertyName === 'string' && !part) {
      // a discriminator on a base type (no oneOf/anyOf) selects the schemas extending it
      const implicit = oneOfV === undefined && anyOfV === undefined && ptr.lastIndexOf('/') > 0
        ? resolver.subtypesOf(`#${ptr}`).map((n) => ({ $ref: `#${ptr.slice(0, ptr.lastIndexOf('/'))}/${esc(n)}` })) : undefined;
      field.mapping = discriminatorMapping(disc, [oneOfV, anyOfV, implicit], resolver);
    }
    if (oneOfV !== undefined || anyOfV !== undefined) for (const k of VARIANT_KEYS) {
      const list = k === 'oneOf' ? oneOfV : anyOfV;
      if (!Array.isArray(list)) continue;
      const alts: any[] = [], ptrs: string[] = [];
      groupMembers(list, `${ptr}/${k}`, k, resolver, stack, alts, ptrs);
      const altPtr = (i: number) => ptrs[i];
      // each alternative beside its content (see Field.alternatives), sorted together by label
      const listed: Array<[string, Fields | null]> = (field.variants ?? []).map((v, i) => [v, field.alternatives?.[i] ?? null]);
      alts.forEach((s: any, i: number) => listed.push([`${k}:${s && typeof s.$ref === 'string' ? schemaRefName(s.$ref) ?? s.$ref : ''}=${resolver.shape(s)}`, alternativeContent(s, altPtr(i), resolver, depth)]));
      listed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      field.variants = listed.map(([v]) => v);
      if (listed.some(([, c]) => c)) field.alternatives = listed.map(([, c]) => c);
      else delete field.alternatives;
      // inline alternatives' properties sit below the union as optional fields; one named in several
      // alternatives admits what any of them admits (`widenField`), whatever their order. A property
      // the union declares itself applies to every alternative: it stays as declared
      const own = new Set<string>();
      let merged: Fields | undefined;
      const inlineObject = (alt: any) => alt && typeof alt === 'object' && !alt.$ref && alt.properties;
      // one inline object among the alternatives (an object or an empty string, say): nothing to join
      if (alts.filter(inlineObject).length === 1) {
        const i = alts.findIndex(inlineObject);
        for (const [pk, pv] of Object.entries<any>(alts[i].properties)) {
          const p = join(path, pk);
          if (!out[p]) visit(pv, p, false, `${altPtr(i)}/properties/${esc(pk)}`, depth + 1, false, stack);
        }
      } else alts.forEach((alt: any, i: number) => {
        if (inlineObject(alt)) {
          for (const [pk, pv] of Object.entries<any>(alt.properties)) {
            const p = join(path, pk);
            if (!merged?.[p] && out[p]) { own.add(p); continue; }
            if (own.has(p)) continue;
            // flattened apart (same depth and `$ref` stack), then joined with what other alternatives gave
            const whole = out;
            out = Object.create(null) as Fields;
            visit(pv, p, false, `${altPtr(i)}/properties/${esc(pk)}`, depth + 1, false, stack);
            const one = out;
            out = whole;
            merged ??= Object.create(null) as Fields;
            for (const q in one) merged[q] = merged[q] ? widenField(merged[q], one[q]) : one[q];
          }
        }
      });
      if (merged) for (const q in merged) out[q] = merged[q];
      if (alts.length === 1 && !field.type) {
        const only = alts[0];
        if (only && typeof only.$ref === 'string' && schemaRefName(only.$ref)) field.ref = schemaRefName(only.$ref);
      }
    }
  }
}


/**
 * What an inline alternative of a oneOf/anyOf admits, flattened on its own (root path `""`), so a
 * change inside it (a bound, an enum value, its items) can be judged like any field. Alternatives
 * that name a structure are compared by that structure; inline objects' properties are already
 * fields of the union's own path. Those have no content here (null).
 */
function alternativeContent(alt: any, ptr: string, resolver: Resolver, depth: number): Fields | null {
  if (!alt || typeof alt !== 'object' || Array.isArray(alt) || typeof alt.$ref === 'string' || depth > MAX_DEPTH) return null;
  if (alt.properties && typeof alt.properties === 'object') return objectOutline(alt, ptr);
  return flatten(alt, ptr, resolver, { followRoot: false, rootRequired: true });
}

/**
 * Inline object alternatives' properties are fields of the union's own path (compared there); what
 * is the alternative's alone is which of them it requires and whether it admits others: its outline
 * holds the root (`closed`) and each property with its `required` flag only.
 */
const outlines = new WeakSet<Fields>();
export const isOutline = (f: Fields): boolean => outlines.has(f);
/** A field of an outline: where it is and whether it is required, nothing else. */
const outlineField = (path: string, required: boolean, pointer: string): Field => ({ path, required, nullable: false, hasDefault: false, limits: {}, pointer });

function objectOutline(alt: any, ptr: string): Fields {
  const out: Fields = Object.create(null);
  out[''] = { ...outlineField('', true, ptr), type: 'object', ...(alt.additionalProperties === false ? { closed: true } : {}) };
  const required = Array.isArray(alt.required) ? alt.required : [];
  let tags: Record<string, Scalar[]> | undefined;
  for (const k of Object.keys(alt.properties)) {
    out[pathKey(k)] = outlineField(pathKey(k), required.includes(k), `${ptr}/properties/${esc(k)}`);
    const p = alt.properties[k];
    const values = !required.includes(k) || !p || typeof p !== 'object' ? undefined
      : p.const !== undefined ? [p.const] : Array.isArray(p.enum) ? p.enum : undefined;
    if (values && values.every((v: unknown) => v === null || typeof v !== 'object')) (tags ??= Object.create(null) as Record<string, Scalar[]>)[pathKey(k)] = values;
  }
  outlines.add(out);
  if (tags) outlineTags.set(out, tags);
  return out;
}

const outlineTags = new WeakMap<Fields, Record<string, Scalar[]>>();
/**
 * The values an inline alternative's required properties are held to (a `const`, a scalar `enum`)
 * by its outline: what tells it from the other alternatives (a `type` discriminator), kept apart
 * from the outline's fields, which say only what is required.
 */
export const outlineTagsOf = (f: Fields): Record<string, Scalar[]> | undefined => outlineTags.get(f);

/** The outline (see objectOutline) of the object flattened at `root` of `fields`. */
export function outlineAt(fields: Fields, root: string): Fields {
  const out: Fields = Object.create(null);
  const r = fields[root];
  out[''] = { ...outlineField('', true, r?.pointer ?? ''), ...(r?.type ? { type: r.type } : {}), ...(r?.closed ? { closed: true } : {}) };
  for (const p in fields) {
    if (p === root || !p.startsWith(root === '' ? '' : `${root}.`)) continue;
    const k = root === '' ? p : p.slice(root.length + 1);
    if (/[.[{]/.test(k) || k.includes(':')) continue;
    out[k] = outlineField(k, fields[p].required, fields[p].pointer);
  }
  outlines.add(out);
  return out;
}

const UPPER = new Set(['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties']);

/**
 * The field admitting what either of two admits: one place met in several alternatives of a union
 * (a property of several inline oneOf/anyOf objects). A keyword both give is kept at its looser
 * value (enums and types joined, the lower of two lower bounds); one only one gives, or two that
 * differ and cannot be joined (a pattern, a format, a reference), constrains nothing. The same
 * whichever comes first.
 */
export function widenField(a: Field, b: Field): Field {
  const same = (x: unknown, y: unknown) => x === y || (x !== undefined && y !== undefined && canonicalJson(x) === canonicalJson(y));
  const out: Field = {
    path: a.path, required: a.required && b.required, nullable: a.nullable || b.nullable, hasDefault: false, limits: {},
    pointer: a.pointer < b.pointer ? a.pointer : b.pointer,
  };
  const label = a.label ?? b.label;
  if (label !== undefined) out.label = label;
  if (a.type !== undefined && b.type !== undefined) out.type = [...new Set([...a.type.split('|'), ...b.type.split('|')])].sort().join('|');
  if (a.enum && b.enum) {
    const values = new Map<string, Scalar>();
    for (const v of [...a.enum, ...b.enum]) values.set(JSON.stringify(v), v);
    out.enum = [...values.keys()].sort().map((k) => values.get(k)!);
  }
  if (a.hasDefault && b.hasDefault && same(a.default, b.default)) { out.hasDefault = true; out.default = a.default; }
  for (const k in a.limits) {
    const x = a.limits[k], y = b.limits[k];
    if (y === undefined) continue;
    if (k === 'multipleOf' || k === 'uniqueItems') { if (x === y) out.limits[k] = x; }
    else out.limits[k] = UPPER.has(k) ? Math.max(x, y) : Math.min(x, y);
  }
  for (const k of ['format', 'pattern', 'ref', 'renamedFrom', 'style'] as const) if (a[k] !== undefined && a[k] === b[k]) out[k] = a[k];
  for (const k of ['constraints', 'variants', 'alternatives', 'mapping'] as const) if (a[k] !== undefined && same(a[k], b[k])) (out as any)[k] = a[k];
  for (const k of ['readOnly', 'writeOnly', 'deprecated', 'closed', 'allowEmpty'] as const) if (a[k] && b[k]) out[k] = true;
  if (a.allOf !== undefined && a.allOf === b.allOf) out.allOf = a.allOf;
  return out;
}

/**
 * The limits of a field none has been written for: one frozen object shared by them all, most
 * fields having none (Stripe: 13,500 of 18,000), instead of an empty object each. A write goes
 * through ownLimits; one that does not throws (modules run in strict mode).
 */
const NO_LIMITS: Record<string, number> = Object.freeze({});
function ownLimits(field: Field): Record<string, number> {
  if (field.limits === NO_LIMITS) field.limits = {};
  return field.limits;
}

/**
 * Every schema met at one place applies (allOf parts, `$ref` siblings): a bound met twice keeps the
 * stricter value, so the merged field is what a value must meet.
 */
function mergeLimit(field: Field, key: string, v: number): void {
  const cur = field.limits[key];
  ownLimits(field)[key] = cur === undefined ? v : UPPER.has(key) ? Math.min(cur, v) : Math.max(cur, v);
}

/** Two enums (or consts) at one place: a value must be in both. */
function mergeEnum(field: Field, values: Scalar[]): void {
  if (!field.enum) { field.enum = values; return; }
  const keep = new Set(values.map((x) => JSON.stringify(x)));
  field.enum = field.enum.filter((x) => keep.has(JSON.stringify(x)));
}

/**
 * One constraint keyword met at a field, as canonical JSON. Every schema met at one place applies
 * (allOf parts, `$ref` siblings), so a keyword met again with another value keeps both (sorted,
 * one per line: canonical JSON has no raw newline), and splitting a schema into parts changes nothing.
 */
function addConstraint(field: Field, key: string, json: string): void {
  const c = (field.constraints ??= Object.create(null) as Record<string, string>);
  const cur = c[key];
  if (cur === undefined) c[key] = json;
  else if (!cur.split('\n').includes(json)) c[key] = [...cur.split('\n'), json].sort().join('\n');
}

/** The structure of one discriminator mapping entry (`<value>=<structure>`, see `Field.mapping`). */
export const mappingTarget = (entry: string): string => entry.slice(entry.lastIndexOf('=') + 1);

/** All data-structure names a set of fields refers to (leaves and oneOf/anyOf alternatives). */
/**
 * What a discriminator maps, as `<value>=<structure>` sorted: the explicit `mapping`, and for every
 * `$ref` alternative no explicit value names, its structure's own name (the implicit value). A
 * structure whose discriminator property is held to one value (`const`, an `enum` of one) can only
 * ever be carried with that value, so that value is the one mapping to it, whatever was written (a
 * value its constant forbids was never sent nor received).
 */
function discriminatorMapping(disc: any, lists: unknown[], resolver: Resolver): string[] {
  const out = new Set<string>();
  const named = new Set<string>();
  const carried = (value: string, name: string, ref: string) => `${declaredConstant(resolver.get(ref), disc.propertyName, resolver) ?? value}=${name}`;
  if (disc.mapping && typeof disc.mapping === 'object') for (const [v, t] of Object.entries<any>(disc.mapping)) {
    const n = typeof t === 'string' ? schemaRefName(t) ?? t : String(t);
    named.add(n);
    const ref = typeof t === 'string' ? (t.includes('#') || t.includes('/') ? t : `#/components/schemas/${t}`) : '';
    out.add(ref ? carried(v, n, ref) : `${v}=${n}`);
  }
  for (const list of lists) if (Array.isArray(list)) for (const alt of list) {
    const n = alt && typeof alt.$ref === 'string' ? schemaRefName(alt.$ref) : undefined;
    if (n !== undefined && !named.has(n)) out.add(carried(n, n, alt.$ref));
  }
  return [...out].sort();
}

/** The single string value a schema's property `name` is held to (its own or an allOf part's), if any. */
function declaredConstant(schema: unknown, name: string, resolver: Resolver, depth = 0): string | undefined {
  const deref = (x: any) => (x && typeof x === 'object' && typeof x.$ref === 'string' ? resolver.get(x.$ref) : x);
  const node: any = deref(schema);
  if (!node || typeof node !== 'object' || depth > 3) return undefined;
  const prop: any = deref(node.properties && typeof node.properties === 'object' ? node.properties[name] : undefined);
  if (prop && typeof prop === 'object') {
    if (typeof prop.const === 'string') return prop.const;
    if (Array.isArray(prop.enum) && prop.enum.length === 1 && typeof prop.enum[0] === 'string') return prop.enum[0];
  }
  if (Array.isArray(node.allOf)) for (const part of node.allOf) {
    const c = declaredConstant(part, name, resolver, depth + 1);
    if (c !== undefined) return c;
  }
  return undefined;
}

export function refsOf(fields: Fields, schemaAt: (pointer: string) => unknown): Set<string> {
  const refs = new Set<string>();
  for (const f of Object.values(fields)) {
    if (f.ref) refs.add(f.ref);
    // the structures a discriminator selects are reached through it
    if (f.mapping) for (const m of f.mapping) refs.add(mappingTarget(m));
    if (f.variants || f.allOf) {
      const node: any = schemaAt(f.pointer);
      if (node && typeof node === 'object') collectRefs(node, refs, 0, schemaAt);
    }
  }
  return refs;
}

function collectRefs(node: any, refs: Set<string>, depth: number, schemaAt: (pointer: string) => unknown): void {
  if (!node || typeof node !== 'object' || depth > 6) return;
  for (const k of ['oneOf', 'anyOf', 'allOf']) {
    if (Array.isArray(node[k])) for (const s0 of node[k]) {
      const s = k === 'allOf' ? s0 : singlePart(s0);
      // a named group of alternatives is its members (groupMembers): they are what the union reaches
      const group = k !== 'allOf' && s && typeof s.$ref === 'string' && s.$ref.startsWith('#') && !hasConstrainingSibling(s) ? groupOf(schemaAt(s.$ref.slice(1)), k) : undefined;
      if (group) collectRefs({ [k]: group }, refs, depth + 1, schemaAt);
      else if (s && typeof s.$ref === 'string') { const n = schemaRefName(s.$ref); if (n) refs.add(n); }
      else collectRefs(s, refs, depth + 1, schemaAt);
    }
  }
  if (node.discriminator?.mapping) for (const r of Object.values<any>(node.discriminator.mapping)) { const n = typeof r === 'string' ? schemaRefName(r) : undefined; if (n) refs.add(n); }
}

/** One end of a numeric range: its value and whether the value itself is excluded. */
export interface RangeEnd { value: number; exclusive: boolean }

/**
 * The lower or upper end of a field's numeric range, from its limits (3.0 `minimum` +
 * `exclusiveMinimum: true` is already the 3.1 numeric `exclusiveMinimum`). With both an inclusive
 * and an exclusive bound on one side, the tighter one is the end. On a field whose type is
 * `integer` the end is read as the integers it admits: an inclusive bound at the first admitted
 * integer (`> 0` is `>= 1`, `<= 4.5` is `<= 4`), so equivalent ways of writing it compare equal.
 * Without a type (`{ limits }` alone) the end is the one written, for display.
 */
export function rangeEnd(field: { limits: Record<string, number>; type?: string }, side: 'lower' | 'upper'): RangeEnd | undefined {
  const { limits } = field;
  const inc = limits[side === 'lower' ? 'minimum' : 'maximum'];
  const exc = limits[side === 'lower' ? 'exclusiveMinimum' : 'exclusiveMaximum'];
  let end: RangeEnd | undefined;
  if (exc === undefined) end = inc === undefined ? undefined : { value: inc, exclusive: false };
  else if (inc === undefined) end = { value: exc, exclusive: true };
  else {
    const incTighter = side === 'lower' ? inc > exc : inc < exc;
    end = incTighter ? { value: inc, exclusive: false } : { value: exc, exclusive: true };
  }
  if (!end || !Number.isFinite(end.value)) return end;
  // values on a grid (integers; multiples of `multipleOf`) meet a bound at the nearest grid point
  // inside it: on an integer field `> 0` is `>= 1`, under `multipleOf: 0.01` it is `>= 0.01`
  const m = limits.multipleOf;
  const step = field.type === 'integer' ? (typeof m === 'number' && Number.isInteger(m) && m > 0 ? m : 1) : field.type === 'number' && typeof m === 'number' && m > 0 && Number.isFinite(m) ? m : undefined;
  if (step === undefined) return end;
  const q = end.value / step;
  const near = Math.round(q);
  // 1.1 / 0.1 is 11.000000000000002: a bound that is a grid point up to rounding is one
  const onGrid = Math.abs(q - near) <= 1e-9 * Math.max(1, Math.abs(q));
  const k = side === 'lower' ? (onGrid ? near + (end.exclusive ? 1 : 0) : Math.ceil(q)) : (onGrid ? near - (end.exclusive ? 1 : 0) : Math.floor(q));
  return { value: Number((k * step).toPrecision(15)), exclusive: false };
}

/** Does the range end `now` reject a value that the end `was` accepted? (an end that appears does) */
export function rangeEndNarrows(was: RangeEnd | undefined, now: RangeEnd | undefined, side: 'lower' | 'upper'): boolean {
  if (!now) return false;
  if (!was) return true;
  if (now.value !== was.value) return side === 'lower' ? now.value > was.value : now.value < was.value;
  return now.exclusive && !was.exclusive;
}

/** The enclosing field of a flattened path (`a.b` -> `a`, `a.b[]` -> `a.b`, `x` -> ``). */
export function parentPath(path: string): string {
  if (path.endsWith('[]') || path.endsWith('{}')) return path.slice(0, -2);
  // a tuple position (`a[0]`)
  if (path.endsWith(']')) { const i = path.lastIndexOf('['); if (i >= 0 && /^\d+$/.test(path.slice(i + 1, -1))) return path.slice(0, i); }
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
  if (parent.endsWith(':')) return parent + (parent === 'header:' || parent === 'handshake-header:' ? from.toLowerCase() : from);
  return parent ? `${parent}.${from}` : from;
}

/**
 * The places a field marked `x-renamed-from: <from>` may have been, in order: a dotted old name is a
 * path (`payload.file`: `file` of `payload`), or else one property so named (see `pathKey`).
 */
export function renamedFromPaths(path: string, from: string): string[] {
  const asPath = renamedFromPath(path, from);
  return from.includes('.') ? [asPath, renamedFromPath(path, pathKey(from))] : [asPath];
}
