import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Document, LineCounter, Node } from 'yaml';
import type { Diagnostic } from './diagnostics.js';
import { countJsonStrings, jsonTreeFacts, scanJsonText } from './json-keys.js';
import { LIMITS, MAX_DEPTH, MAX_FILE_BYTES } from './limits.js';

export { MAX_DEPTH, MAX_FILE_BYTES };

// `yaml` is loaded on first use: reading a JSON spec (the large ones) never pays for it.
let yamlLib: typeof import('yaml') | undefined;
const yaml = (): typeof import('yaml') => (yamlLib ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));

export interface Measure {
  /** Values (scalars included) once shared subtrees are expanded. */
  size: number;
  /** Nesting of the deepest value (a scalar is 0, `{}` is 1). */
  depth: number;
}

/**
 * Size and depth of a value as a consumer that copies it would see them, computed once per distinct
 * object (YAML aliases and resolved `$ref`s share objects, so a 4 KB file can stand for 2^60
 * values: they are counted, never expanded). Iterative: no depth overflows the stack. `children`
 * lets a caller follow edges that are not properties (a `$ref` to its target).
 */
export function measure(root: unknown, children: (o: object) => Iterable<unknown> = (o) => Object.values(o)): Measure {
  if (!root || typeof root !== 'object') return { size: 1, depth: 0 };
  const memo = new Map<object, Measure>();
  const open = new Set<object>();
  const stack: Array<[object, boolean]> = [[root, false]];
  while (stack.length) {
    const [node, done] = stack.pop()!;
    if (!done) {
      if (memo.has(node) || open.has(node)) continue;
      open.add(node);
      stack.push([node, true]);
      for (const c of children(node)) if (c && typeof c === 'object' && !memo.has(c) && !open.has(c)) stack.push([c, false]);
      continue;
    }
    if (memo.has(node)) continue;
    let size = 1;
    let depth = 0;
    for (const c of children(node)) {
      if (!c || typeof c !== 'object') {
        size++;
        continue;
      }
      // a child still open is an ancestor (a cycle through `$ref`): it counts as one value, as a consumer keeps such a ref
      const m = memo.get(c) ?? { size: 1, depth: 0 };
      size += m.size;
      if (m.depth > depth) depth = m.depth;
    }
    memo.set(node, { size, depth: depth + 1 });
    open.delete(node);
  }
  return memo.get(root)!;
}

/**
 * `measure(root, children).size` when only the objects `shared` says yes to can be reached twice (ref
 * targets, in files that are trees as JSON.parse builds them): only those are memoised and watched
 * for cycles, every other object is summed on the way back up, without a map entry per object.
 * Children are taken last first, as `measure` does, so a cycle is cut at the same place.
 */
export function expandedSize(root: object, children: (o: object) => unknown[], shared: (o: object) => boolean): number {
  const memo = new Map<object, number>();
  const open = new Set<object>();
  // parallel stacks, one frame per object being summed: the object, its children, the next child, the size so far
  const nodes: object[] = [root];
  const kids: unknown[][] = [children(root)];
  const next: number[] = [kids[0].length - 1];
  const sizes: number[] = [1];
  if (shared(root)) open.add(root);
  let total = 0;
  while (nodes.length) {
    const top = nodes.length - 1;
    if (next[top] >= 0) {
      const c = kids[top][next[top]--];
      if (!c || typeof c !== 'object') {
        sizes[top]++;
        continue;
      }
      if (shared(c)) {
        const known = memo.get(c);
        if (known !== undefined) {
          sizes[top] += known;
          continue;
        }
        // an ancestor (a cycle through `$ref`) counts as one value
        if (open.has(c)) {
          sizes[top]++;
          continue;
        }
        open.add(c);
      }
      const list = children(c);
      nodes.push(c), kids.push(list), next.push(list.length - 1), sizes.push(1);
      continue;
    }
    const node = nodes.pop()!;
    kids.pop(), next.pop();
    const size = sizes.pop()!;
    if (open.delete(node)) memo.set(node, size);
    if (nodes.length) sizes[nodes.length - 1] += size;
    else total = size;
  }
  return total;
}

/** Depth of nested objects/arrays, measured without recursion. */
export function depthOf(value: unknown): number {
  return measure(value).depth;
}

export interface Source {
  file: string;
  /** Parsed value (plain JSON data; YAML aliases are shared objects). */
  value: unknown;
  /** The file's text (handed to third-party tools instead of letting them read the file). */
  text: string;
  /** Line/column of a JSON pointer in this file, when it can be found. */
  locate(pointer: string): { line: number; column: number } | undefined;
  /** At least the number of values of `value` with shared (aliased) objects expanded, when known: lets checks skip a measure. */
  values?: number;
  /** The value is a tree (JSON.parse output): no object is reached twice, so walks need no visited set. */
  tree?: boolean;
}

export type ReadResult = { source: Source; diagnostics: Diagnostic[] } | { source?: undefined; diagnostics: Diagnostic[] };

/** `decodeURIComponent` that says "undefined" instead of throwing on a malformed `%` escape. */
export function safeDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

/** A key as one token of a JSON pointer (`~` -> `~0`, `/` -> `~1`): the inverse of decodePointer's unescaping. */
export function escapeToken(s: string): string {
  return s.indexOf('~') === -1 && s.indexOf('/') === -1 ? s : s.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Segments of a JSON pointer (with or without the leading `#`); undefined when an escape is malformed. */
export function decodePointer(pointer: string): string[] | undefined {
  const p = pointer.replace(/^#/, '');
  if (p === '' || p === '/') return [];
  const out: string[] = [];
  for (const s of p.replace(/^\//, '').split('/')) {
    const d = safeDecode(s);
    if (d === undefined) return undefined;
    out.push(d.replace(/~1/g, '/').replace(/~0/g, '~'));
  }
  return out;
}

function locateInYaml(doc: Document, lc: LineCounter, pointer: string) {
  const { isMap, isScalar, isSeq, isAlias } = yaml();
  const keyOf = (it: { key: unknown }) => (isScalar(it.key) ? String(it.key.value) : String(it.key));
  // a key the mapping has itself, else one a `<<` merge brings (as the reader resolved it: own keys first, then the merged mappings in order)
  const findPair = (map: { items: Array<{ key: unknown; value: unknown }> }, seg: string, seen = new Set<object>()): { key: unknown; value: unknown } | undefined => {
    seen.add(map);
    const merges = (it: { key: unknown }) => keyOf(it) === '<<' && (it.key as { type?: string }).type === 'PLAIN';
    const pair = map.items.find((it) => keyOf(it) === seg && !merges(it));
    if (pair) return pair;
    for (const it of map.items) {
      if (!merges(it)) continue;
      const from = isAlias(it.value) ? it.value.resolve(doc) : it.value;
      for (let src of isSeq(from) ? from.items : [from]) {
        if (isAlias(src)) src = src.resolve(doc);
        // each mapping searched once: merges may share mappings (a DAG), or reach their own holder
        const found = isMap(src) && !seen.has(src) ? findPair(src, seg, seen) : undefined;
        if (found) return found;
      }
    }
    return undefined;
  };
  let node: unknown = doc.contents;
  let last: Node | undefined = doc.contents ?? undefined;
  for (const seg of decodePointer(pointer) ?? []) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = findPair(node, seg);
      if (!pair) break;
      last = (pair.key as Node) ?? last;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      if (item === undefined) break;
      node = item;
      last = item as Node;
    } else break;
  }
  const range = (last as Node | undefined)?.range;
  if (!range) return undefined;
  const pos = lc.linePos(range[0]);
  return { line: pos.line, column: pos.col };
}

/** Positions of pointers in a text, from a plain parse (no budgets but the caller's: the text already passed them). */
function textLocator(text: string): (pointer: string) => { line: number; column: number } | undefined {
  let parsed: { doc: Document; lc: LineCounter } | undefined;
  return (pointer) => {
    if (!parsed) {
      const { LineCounter, parseDocument } = yaml();
      const lc = new LineCounter();
      parsed = { doc: parseDocument(text, { lineCounter: lc, uniqueKeys: false, schema: 'core', merge: false, version: '1.2' }), lc };
    }
    return locateInYaml(parsed.doc, parsed.lc, pointer);
  };
}

function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, column: offset - last };
}

/**
 * Deepest nesting of flow collections (`[`, `{`) in YAML text, found before parsing: the parser
 * recurses per level, and two 1,000-level JSON-style files in one process abort V8 (its regexp
 * compiler runs out of zone memory). Quotes are honoured only where a quoted scalar can start.
 */
export function flowDepth(text: string, limit: number): { depth: number; offset: number } {
  let depth = 0;
  let prev = 0x0a; // last significant character
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x27) {
      // a quote opens a scalar only after an indicator, a space after one, or at a line start
      if (prev === 0x0a || prev === 0x3a || prev === 0x2c || prev === 0x5b || prev === 0x7b || prev === 0x2d || prev === 0x3f) {
        if (c === 0x22) {
          let j = i + 1;
          while (j < n) {
            const d = text.charCodeAt(j);
            if (d === 0x5c) j += 2;
            else if (d === 0x22) break;
            else j++;
          }
          i = j;
        } else {
          let j = text.indexOf("'", i + 1);
          while (j !== -1 && text.charCodeAt(j + 1) === 0x27) j = text.indexOf("'", j + 2);
          i = j === -1 ? n : j;
        }
        prev = 0x41;
        continue;
      }
    } else if (c === 0x23 /* # */ && (prev === 0x0a || text.charCodeAt(i - 1) === 0x20 || text.charCodeAt(i - 1) === 0x09)) {
      const j = text.indexOf('\n', i);
      i = j === -1 ? n : j - 1;
      continue;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return { depth, offset: i };
    } else if (c === 0x5d || c === 0x7d) {
      if (depth > 0) depth--;
    }
    if (c === 0x0a) prev = 0x0a;
    else if (c !== 0x20 && c !== 0x09 && c !== 0x0d) prev = c;
  }
  return { depth, offset: -1 };
}

/**
 * Most keys in one block mapping, counted line by line before parsing (the parser builds a node
 * per key: a 470 KB mapping costs seconds before any budget could be checked on the result). Lines
 * of block scalars are skipped; a sequence item starts a new mapping. Flow mappings are counted
 * after parsing.
 */
export function blockKeys(text: string, limit: number, depthLimit = LIMITS.depth): { keys: number; offset: number; deep?: boolean } {
  const stack: Array<[number, number]> = []; // [indent, keys so far]
  let scalarIndent = -1;
  let pos = 0;
  const n = text.length;
  while (pos < n) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = n;
    let i = pos;
    while (i < end && text.charCodeAt(i) === 0x20) i++;
    const indent = i - pos;
    const c = text.charCodeAt(i);
    if (i < end && c !== 0x23 /* # */ && c !== 0x0d) {
      if (scalarIndent >= 0 && indent > scalarIndent) {
        pos = end + 1;
        continue;
      }
      scalarIndent = -1;
      while (stack.length && stack[stack.length - 1][0] > indent) stack.pop();
      if (c === 0x2d /* - */ && (text.charCodeAt(i + 1) === 0x20 || i + 1 === end)) {
        // a sequence item: whatever mapping it opens is a new one
        while (stack.length && stack[stack.length - 1][0] >= indent) stack.pop();
      } else {
        const colon = text.indexOf(': ', i);
        const isKey = (colon !== -1 && colon < end) || text.charCodeAt(end - 1) === 0x3a || (text.charCodeAt(end - 1) === 0x0d && text.charCodeAt(end - 2) === 0x3a);
        if (isKey && c !== 0x7b && c !== 0x5b) {
          const top = stack[stack.length - 1];
          if (top && top[0] === indent) {
            if (++top[1] > limit) return { keys: top[1], offset: i };
          } else if (stack.push([indent, 1]) > depthLimit) return { keys: 0, offset: i, deep: true };
        }
      }
      if (/[|>][-+0-9]*[ \t]*\r?$/.test(text.slice(Math.max(i, end - 6), end))) scalarIndent = indent;
    }
    pos = end + 1;
  }
  return { keys: 0, offset: -1 };
}

const CORE_TAGS = new Set(['tag:yaml.org,2002:str', 'tag:yaml.org,2002:int', 'tag:yaml.org,2002:float', 'tag:yaml.org,2002:bool', 'tag:yaml.org,2002:null', 'tag:yaml.org,2002:map', 'tag:yaml.org,2002:seq']);

class Refused extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

/**
 * The YAML document as plain data, in one linear pass: duplicate keys (`200` and `"200"` count as
 * one, as they would in the result) are found with a set per mapping, aliases resolve through a
 * map of anchors (the value is shared, not copied), and every budget is checked on the way.
 */
function toData(doc: Document, lc: LineCounter, file: string): unknown {
  const { isMap, isSeq, isScalar, isAlias } = yaml();
  const anchors = new Map<string, unknown>();
  const building = new Set<string>();
  let anchorCount = 0;
  let aliasCount = 0;
  let mergedKeys = 0;
  const refuse = (node: { range?: [number, number, number] | null } | null | undefined, code: string, message: string, hint: string): never => {
    const pos = node?.range ? lc.linePos(node.range[0]) : undefined;
    throw new Refused({ severity: 'error', code, message, file, ...(pos ? { line: pos.line, column: pos.col } : {}), hint });
  };
  /**
   * A plain `<<` key merges a mapping, or a list of mappings, into the mapping that holds it, as
   * YAML 1.1 says and the readers of most OpenAPI tools (js-yaml, Go's yaml.v3, PyYAML) do: keys
   * written in the mapping win, then the earlier mappings of the list. Values are shared, not
   * copied; the keys copied have a budget of their own (`LIMITS.mergedKeys`), so merges stay linear.
   */
  const merge = (obj: Record<string, unknown>, own: Set<string>, pair: { key: unknown; value: unknown }, from: unknown) => {
    const sources = Array.isArray(from) ? from : [from];
    for (const src of sources) {
      if (!src || typeof src !== 'object' || Array.isArray(src)) refuse((pair.value ?? pair.key) as Node, 'yaml-merge', 'a merge key (<<) takes a mapping or a list of mappings (usually aliases: <<: *base or <<: [*a, *b])', 'Merge an anchored mapping, or write the keys out.');
      for (const key of Object.keys(src)) {
        if (own.has(key) || Object.prototype.hasOwnProperty.call(obj, key)) continue;
        if (++mergedKeys > LIMITS.mergedKeys) refuse(pair.key as Node, 'yaml-alias', `merge keys (<<) copy more than ${LIMITS.mergedKeys} keys in one file (limit ${LIMITS.mergedKeys})`, 'Merges expand to too much data; write the content out or refer to shared schemas with $ref.');
        if (key === '__proto__') Object.defineProperty(obj, key, { value: (src as Record<string, unknown>)[key], enumerable: true, writable: true, configurable: true });
        else obj[key] = (src as Record<string, unknown>)[key];
      }
    }
  };
  const convert = (node: unknown, depth: number): unknown => {
    if (node === null || node === undefined) return null;
    const n = node as Node;
    if (depth > LIMITS.depth) refuse(n, 'too-deep', `the document nests more than ${LIMITS.depth} levels deep (limit ${LIMITS.depth})`, 'Flatten the structure: move nested schemas into components and refer to them with $ref.');
    if (isAlias(n)) {
      if (++aliasCount > LIMITS.aliases) refuse(n, 'too-many-aliases', `more than ${LIMITS.aliases} YAML aliases in one file (limit ${LIMITS.aliases})`, 'Write the content out or use $ref instead of aliases.');
      if (building.has(n.source)) refuse(n, 'yaml-alias', `alias *${n.source} refers to a value that contains it (a recursive alias)`, 'A YAML alias cannot point into its own anchor; write the structure out.');
      if (!anchors.has(n.source)) refuse(n, 'yaml-alias', `alias *${n.source} has no anchor before it`, 'Define the anchor (&name) before the alias.');
      return anchors.get(n.source);
    }
    const tag = (n as { tag?: string }).tag;
    if (tag && !CORE_TAGS.has(tag)) refuse(n, 'yaml-tag', `YAML tag ${tag.replace('tag:yaml.org,2002:', '!!')} is not supported`, 'Specs are plain data: remove the tag (strings, numbers, booleans, null, mappings and sequences only).');
    const anchor = (n as { anchor?: string }).anchor;
    if (anchor && ++anchorCount > LIMITS.anchors) refuse(n, 'too-many-anchors', `more than ${LIMITS.anchors} YAML anchors in one file (limit ${LIMITS.anchors})`, 'Use $ref to shared definitions instead of anchors.');
    let value: unknown;
    if (isScalar(n)) {
      value = n.value;
      if (typeof value === 'number' && !Number.isFinite(value)) refuse(n, 'number-not-finite', `the number ${n.source ?? String(value)} is not finite (JSON has no Infinity or NaN; it would become null)`, 'Write a finite number, or quote it to make it a string.');
      if (typeof value === 'bigint') value = Number(value);
      if (value !== null && typeof value === 'object') refuse(n, 'yaml-tag', 'a scalar that is not a string, number, boolean or null', 'Specs are plain data.');
      if (anchor) anchors.set(anchor, value);
      return value;
    }
    if (isSeq(n)) {
      const arr: unknown[] = [];
      if (anchor) building.add(anchor);
      for (const item of n.items) arr.push(convert(item, depth + 1));
      if (anchor) building.delete(anchor), anchors.set(anchor, arr);
      return arr;
    }
    if (isMap(n)) {
      if (n.items.length > LIMITS.keysPerMapping) refuse(n, 'too-many-keys', `a mapping with ${n.items.length} keys (limit ${LIMITS.keysPerMapping})`, 'Split the mapping; no API object needs this many keys.');
      const obj: Record<string, unknown> = {};
      // the keys written in this mapping: they win over merged ones wherever they stand
      const own = new Set<string>();
      const keys: string[] = [];
      for (const pair of n.items) {
        const k = pair.key as Node | null;
        if (k !== null && !isScalar(k)) refuse(k, 'yaml-syntax', 'a mapping key that is not a plain value', 'Keys are strings; write the key as a plain or quoted string.');
        const key = k === null ? '' : String((k as { value: unknown }).value);
        if (own.has(key)) refuse(k, 'duplicate-key', `duplicate key "${key}"${typeof (k as { value: unknown }).value !== 'string' ? ' (the number and the string are one key in JSON)' : ''}`, 'Remove or rename one of the duplicate keys.');
        // `__proto__` is a name like any other (a property may be called so): an own property, never the prototype;
        // at the top level it is no field of any spec, and third-party tools choke on it there
        if (key === '__proto__' && depth === 0) refuse(k, 'key-forbidden', 'the key "__proto__" is not a field of an OpenAPI or AsyncAPI document', 'Remove it (tools that build objects from the document would change their prototype).');
        own.add(key);
        keys.push(key);
      }
      if (anchor) building.add(anchor);
      for (let i = 0; i < n.items.length; i++) {
        const pair = n.items[i];
        const key = keys[i];
        if (key === '<<' && (pair.key as { type?: string }).type === 'PLAIN') {
          merge(obj, own, pair, convert(pair.value, depth + 1));
          continue;
        }
        Object.defineProperty(obj, key, { value: convert(pair.value, depth + 1), enumerable: true, writable: true, configurable: true });
      }
      if (anchor) building.delete(anchor), anchors.set(anchor, obj);
      return obj;
    }
    return refuse(n, 'yaml-syntax', 'an unsupported YAML node', 'Write plain YAML data.');
  };
  return convert(doc.contents, 0);
}

function parseYamlSource(file: string, text: string): ReadResult {
  const flow = flowDepth(text, LIMITS.depth);
  if (flow.offset !== -1) {
    return { diagnostics: [{ severity: 'error', code: 'too-deep', message: `brackets nest more than ${LIMITS.depth} levels deep (limit ${LIMITS.depth})`, file, ...lineCol(text, flow.offset), hint: 'Flatten the structure: move nested schemas into components and refer to them with $ref.' }] };
  }
  const keys = blockKeys(text, LIMITS.keysPerMapping);
  if (keys.deep) {
    return { diagnostics: [{ severity: 'error', code: 'too-deep', message: `indentation nests more than ${LIMITS.depth} levels deep (limit ${LIMITS.depth})`, file, ...lineCol(text, keys.offset), hint: 'Flatten the structure: move nested schemas into components and refer to them with $ref.' }] };
  }
  if (keys.offset !== -1) {
    return { diagnostics: [{ severity: 'error', code: 'too-many-keys', message: `a mapping with more than ${LIMITS.keysPerMapping} keys (limit ${LIMITS.keysPerMapping})`, file, ...lineCol(text, keys.offset), hint: 'Split the mapping; no API object needs this many keys.' }] };
  }
  // anchors counted on the text first (an over-count only when `&word` stands in prose, far below the limit)
  const anchorRe = /(?:^|[\s[{,])&[^\s[\]{},]+/g;
  for (let count = 0, m = anchorRe.exec(text); m; m = anchorRe.exec(text)) {
    if (++count > LIMITS.anchors) return { diagnostics: [{ severity: 'error', code: 'too-many-anchors', message: `more than ${LIMITS.anchors} YAML anchors in one file (limit ${LIMITS.anchors})`, file, ...lineCol(text, m.index + 1), hint: 'Use $ref to shared definitions instead of anchors.' }] };
  }
  const { LineCounter, parseDocument } = yaml();
  const lc = new LineCounter();
  // The core schema whatever `%YAML 1.1` says: no `!!binary`; `<<` merges and duplicate keys are
  // handled in toData (the parser's own merge and key checks compare every pair: quadratic in a mapping's keys).
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false, schema: 'core', merge: false, version: '1.2', prettyErrors: false });
  const diagnostics: Diagnostic[] = doc.errors.map((e) => {
    const pos = lc.linePos(e.pos[0]);
    return { severity: 'error', code: 'yaml-syntax', message: e.message.split('\n')[0], file, line: pos.line, column: pos.col, hint: 'Fix the YAML syntax at this line (indentation, quotes, brackets).' };
  });
  if (diagnostics.length) return { diagnostics };
  let value: unknown;
  try {
    value = toData(doc, lc, file);
  } catch (e) {
    if (e instanceof Refused) return { diagnostics: [e.diagnostic] };
    throw e;
  }
  const m = measure(value);
  if (m.size > LIMITS.expandedValues) {
    return { diagnostics: [{ severity: 'error', code: 'yaml-alias', message: `aliases expand the file to ${m.size.toExponential(2)} values (limit ${LIMITS.expandedValues})`, file, hint: 'Aliases expand to too much data; write the content out instead of nesting aliases.' }] };
  }
  if (m.depth > LIMITS.depth) {
    return { diagnostics: [{ severity: 'error', code: 'too-deep', message: `aliases nest the document more than ${LIMITS.depth} levels deep (limit ${LIMITS.depth})`, file, hint: 'Flatten the structure: move nested schemas into components and refer to them with $ref.' }] };
  }
  return { source: { file, value, text, locate: (p) => locateInYaml(doc, lc, p), values: m.size }, diagnostics: [] };
}

/**
 * First non-finite number or `__proto__` key of parsed JSON, as a pointer (iterative). Pointers
 * are built only when the tree walk (`jsonTreeFacts`) saw a non-finite number.
 */
function jsonValueProblem(value: unknown, nonFinite: boolean): { pointer: string; kind: 'number' | 'proto' } | undefined {
  if (value && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, '__proto__')) return { pointer: '#/__proto__', kind: 'proto' };
  if (!nonFinite) return undefined;
  return slowJsonValueProblem(value);
}

function slowJsonValueProblem(value: unknown): { pointer: string; kind: 'number' | 'proto' } | undefined {
  const stack: Array<[unknown, string]> = [[value, '#']];
  while (stack.length) {
    const [v, p] = stack.pop()!;
    if (typeof v === 'number' && !Number.isFinite(v)) return { pointer: p, kind: 'number' };
    if (v && typeof v === 'object') {
      if (p === '#' && Object.prototype.hasOwnProperty.call(v, '__proto__')) return { pointer: `${p}/__proto__`, kind: 'proto' };
      for (const [k, c] of Object.entries(v)) stack.push([c, `${p}/${escapeToken(k)}`]);
    }
  }
  return undefined;
}

function readJsonSource(file: string, raw: string): ReadResult {
  // A byte-order mark is legal at the start of a file but not in JSON text: drop it (columns stay right).
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  // lines are only needed for messages: the text is parsed again (as YAML) only then
  const locate = textLocator(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    // JSON.parse says where ("at position N"); the YAML parser, when it also fails, gives line and column
    const at = /position (\d+)/.exec((e as Error).message);
    const pos = at ? lineCol(text, Number(at[1])) : undefined;
    const deep = flowDepth(text, LIMITS.depth);
    if (deep.offset !== -1) return { diagnostics: [{ severity: 'error', code: 'too-deep', message: `brackets nest more than ${LIMITS.depth} levels deep (limit ${LIMITS.depth})`, file, ...lineCol(text, deep.offset), hint: 'Flatten the structure.' }] };
    return { diagnostics: [{ severity: 'error', code: 'json-syntax', message: `invalid JSON: ${(e as Error).message.split('\n')[0]}`, file, ...(pos ?? { line: 1, column: 1 }), hint: 'Fix the JSON syntax at this line.' }] };
  }
  // one walk of the tree; the text is scanned again only to locate a problem the walk found
  const facts = jsonTreeFacts(value);
  const duplicate = facts.strings !== countJsonStrings(text) ? scanJsonText(text).duplicate : undefined;
  if (duplicate) {
    return { diagnostics: [{ severity: 'error', code: 'duplicate-key', message: `duplicate key "${duplicate.key}"`, file, ...lineCol(text, duplicate.offset), hint: 'Remove or rename one of the duplicate keys (JSON parsers silently keep only the last one).' }] };
  }
  if (facts.maxNesting - 1 > LIMITS.depth) {
    return { diagnostics: [{ severity: 'error', code: 'too-deep', message: `the document nests more than ${LIMITS.depth} levels deep (limit ${LIMITS.depth})`, file, ...lineCol(text, flowDepth(text, LIMITS.depth).offset), hint: 'Flatten the structure: move nested schemas into components and refer to them with $ref.' }] };
  }
  if (facts.maxKeys > LIMITS.keysPerMapping) {
    const scan = scanJsonText(text);
    return { diagnostics: [{ severity: 'error', code: 'too-many-keys', message: `an object with ${scan.maxKeys} keys (limit ${LIMITS.keysPerMapping})`, file, ...lineCol(text, scan.maxKeysOffset), hint: 'Split the object; no API object needs this many keys.' }] };
  }
  const problem = jsonValueProblem(value, facts.nonFinite);
  if (problem) {
    const d: Diagnostic =
      problem.kind === 'number'
        ? { severity: 'error', code: 'number-not-finite', message: 'a number too large to represent (it would become null)', file, pointer: problem.pointer, hint: 'Write a finite number, or quote it to make it a string.' }
        : { severity: 'error', code: 'key-forbidden', message: 'the key "__proto__" is not a field of an OpenAPI or AsyncAPI document', file, pointer: problem.pointer, hint: 'Remove it (tools that build objects from the document would change their prototype).' };
    return { diagnostics: [{ ...d, ...(locate(problem.pointer) ?? {}) }] };
  }
  return { source: { file, value, text, locate, values: facts.values, tree: true }, diagnostics: [] };
}

// The last files read, by path and text: a folder read looks at each file before loading it, and
// api-diff often reads the same folder twice; parsed values are never mutated by their readers.
const recent = new Map<string, { text: string; result: ReadResult }>();

/** Reads a YAML or JSON file within the budgets of LIMITS. Never throws: problems come back as diagnostics. */
export function readSource(file: string): ReadResult {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) return { diagnostics: [{ severity: 'error', code: 'file-unreadable', message: 'not a regular file', file, hint: 'Give a YAML or JSON file.' }] };
    size = st.size;
  } catch (e) {
    return { diagnostics: [{ severity: 'error', code: 'file-unreadable', message: `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, file, hint: 'Check the path and the file permissions.' }] };
  }
  if (size > LIMITS.bytes) {
    return {
      diagnostics: [
        { severity: 'error', code: 'file-too-large', message: `file is ${(size / 1048576).toFixed(1)} MiB, over the ${LIMITS.bytes / 1048576} MiB limit`, file, hint: 'Split the document into smaller files joined with $ref.' },
      ],
    };
  }
  let text: string;
  try {
    // the bytes in one buffer of the file's size, then one decode: a buffer is malloc'd memory, which
    // api-diff's launcher asks glibc to back with huge pages (bin/api-diff.js), and on this kind of
    // virtual machine memory touched for the first time is what reading costs most (README.md, "Diff
    // at scale", thirteenth pass); readFileSync(file, 'utf8') grows a buffer of its own instead
    text = readFileSync(file).toString('utf8');
  } catch (e) {
    return { diagnostics: [{ severity: 'error', code: 'file-unreadable', message: `cannot read file: ${(e as Error).message}`, file, hint: 'Check the path and the file permissions.' }] };
  }
  const cached = recent.get(file);
  if (cached?.text === text) return cached.result;
  const result = file.endsWith('.json') ? readJsonSource(file, text) : parseYamlSource(file, text);
  recent.delete(file);
  recent.set(file, { text, result });
  if (recent.size > 8) recent.delete(recent.keys().next().value!);
  return result;
}

export function getByPointer(value: unknown, pointer: string): { found: boolean; value?: unknown } {
  const segs = decodePointer(pointer);
  if (!segs) return { found: false };
  let cur: unknown = value;
  for (const seg of segs) {
    if (cur && typeof cur === 'object' && Object.prototype.hasOwnProperty.call(cur, seg)) cur = (cur as Record<string, unknown>)[seg];
    else return { found: false };
  }
  return { found: true, value: cur };
}
