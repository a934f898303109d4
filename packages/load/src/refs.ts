import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from './diagnostics.js';
import { codeKeywordDiagnosticsOf, hasBadShape, hasCodeKeyword } from './keywords.js';
import { LIMITS } from './limits.js';
import { walkPositions } from './positions.js';
import { anchorRefs, namesSchema } from './anchors.js';
import { escapeToken, expandedSize, getByPointer, measure, readSource, safeDecode, type Source } from './read.js';

/** Where a `$ref` leads: the file (absolute, as written, not realpath) and the value there. */
export interface RefTarget {
  file: string;
  /** The fragment after `#` (or '' for a whole file). */
  fragment: string;
  value: unknown;
}

export interface RefScan {
  /** Every file reached from the entry, by absolute path. */
  sources: Map<string, Source>;
  /** Each object holding a `$ref` that resolved -> its target. The one answer every reader uses. */
  targets: Map<object, RefTarget>;
  /** True when some `$ref` points to another file (the document needs bundling). */
  external: boolean;
  /** The folder every file must stay inside (realpath). */
  root: string;
  diagnostics: Diagnostic[];
}

const URL_RE = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Every object holding a `$ref` string that is a reference: under `x-` keys too, and under keys that
 * are names (a property called `default`). Only literal data is passed over (see positions.ts): a
 * `$ref` there is a string, as OpenAPI says, and no resolver of ours or of the third-party tools
 * (which get only our resolver) reads anything for it. `perPath`: an object reached by two paths (a
 * YAML alias) is listed once per path, as a reader that copies the document would meet it.
 */
export function refHolders(value: unknown, perPath = false): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  walkPositions(value, (obj) => {
    if (typeof obj.$ref === 'string') out.push(obj);
  }, perPath);
  return out;
}

/** JSON pointer of an object inside a value, found by identity (only needed to report a problem). */
export function pointerOf(root: unknown, target: object): string {
  const seen = new Set<object>();
  const stack: Array<[unknown, string]> = [[root, '#']];
  while (stack.length) {
    const [node, ptr] = stack.pop()!;
    if (node === target) return ptr;
    if (node && typeof node === 'object' && !seen.has(node)) {
      seen.add(node);
      for (const [k, v] of Object.entries(node as object)) if (v && typeof v === 'object') stack.push([v, `${ptr}/${escapeToken(k)}`]);
    }
  }
  return '#';
}

function realpathOrUndefined(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}

/** Is `path` inside `root` (both absolute)? */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

/** An error when `file` (a symlink, or in a linked folder) really lives outside `root`; checked before the file is opened. */
export function linkedOutside(file: string, root: string): Diagnostic | undefined {
  const rootReal = realpathOrUndefined(root) ?? root;
  const real = realpathOrUndefined(file);
  if (real && !isInside(rootReal, real)) return { severity: 'error', code: 'ref-outside-root', message: `the file is a link to ${real}, outside the spec folder`, file, hint: `Keep every spec file under ${rootReal}; copy the file instead of linking it.` };
  return undefined;
}

/** The file part of a `$ref` as an absolute path, or why it is refused. Shared by every resolver here. */
export function refFile(ref: string, fromFile: string): { file?: string; fragment: string; problem?: 'remote' | 'malformed' } {
  const hash = ref.indexOf('#');
  const filePart = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? '' : ref.slice(hash + 1);
  if (filePart && URL_RE.test(filePart)) return { fragment, problem: 'remote' };
  if (filePart.startsWith('//')) return { fragment, problem: 'remote' };
  if (!filePart) return { file: fromFile, fragment };
  const decoded = safeDecode(filePart);
  if (decoded === undefined || decoded.includes('\0')) return { fragment, problem: 'malformed' };
  return { file: resolve(dirname(fromFile), decoded), fragment };
}

/**
 * Reads the entry file and every file it references, checking each `$ref` before any bundler sees it:
 * URLs are refused (loading never touches the network), files must exist inside `root` once every
 * symlink is resolved, and the JSON pointer must resolve. Errors name the file and line of the
 * offending `$ref`. Nothing else in this repository reads a referenced file.
 */
export function scanRefs(entry: string, rootDir = dirname(resolve(entry))): RefScan {
  const sources = new Map<string, Source>();
  const targets = new Map<object, RefTarget>();
  const diagnostics: Diagnostic[] = [];
  let external = false;
  const entryFile = resolve(entry);
  const root = realpathOrUndefined(resolve(rootDir)) ?? resolve(rootDir);
  const scan: RefScan = { sources, targets, external, root, diagnostics };
  const outside = linkedOutside(entryFile, root);
  if (outside) {
    diagnostics.push(outside);
    return scan;
  }
  const seen = new Set([entryFile]);
  const first = readSource(entryFile);
  diagnostics.push(...first.diagnostics);
  if (first.source) sources.set(entryFile, first.source);
  const pending = [...sources.keys()];
  // Objects that are nothing but a `$ref` -> the value they point to (object identity: no pointer strings on the hot path).
  const aliases = new Map<object, Alias>();
  // `file#fragment` -> its value, for targets already found (large specs point at the same schemas thousands of times)
  const resolved = new Map<string, unknown>();
  const codeHolders = new Map<Source, object[]>();
  const recordTarget = (holder: Record<string, unknown>, t: RefTarget, file: string, src: Source) => {
    targets.set(holder, t);
    let only = true;
    for (const k in holder) if (k !== '$ref') { only = false; break; }
    if (only) aliases.set(holder, { to: t.value, file, root: src.value, locate: src.locate });
  };
  while (pending.length) {
    const file = pending.shift()!;
    const src = sources.get(file)!;
    // one walk per file finds both the `$ref` holders and the code keywords (reported at the end, as before)
    const holders: Array<Record<string, unknown>> = [];
    const coded: object[] = [];
    let namesSchemas = false;
    walkPositions(src.value, (obj, keys) => {
      if (typeof obj.$ref === 'string') holders.push(obj);
      if (hasCodeKeyword(obj, keys) || hasBadShape(obj, keys)) coded.push(obj);
      if (!namesSchemas && keys === 'keywords' && namesSchema(obj)) namesSchemas = true;
    }, src.tree);
    // refs to schemas named by `$id` or an anchor become JSON pointers (every reader after this one reads pointers)
    if (namesSchemas) for (const [holder, ref] of anchorRefs(file, src.value)) holder.$ref = ref;
    // a ref string met again in this file resolves as before: large specs repeat the same few thousand refs
    const known = new Map<string, RefTarget>();
    codeHolders.set(src, coded);
    for (const holder of holders) {
      const ref = holder.$ref as string;
      const again = known.get(ref);
      if (again) {
        recordTarget(holder, again, file, src);
        continue;
      }
      const at = () => {
        const pointer = pointerOf(src.value, holder);
        // the line of the `$ref` key itself, not of the object holding it
        return { file, pointer, ...(src.locate(`${pointer}/$ref`) ?? src.locate(pointer) ?? {}) };
      };
      const parsed = refFile(ref, file);
      if (parsed.problem === 'remote') {
        diagnostics.push({ severity: 'error', code: 'ref-remote', message: `$ref to a URL that no schema of this file declares as its $id: ${ref}`, ...at(), hint: 'Loading a spec never touches the network. Give the schema this $id, or download the referenced document next to this one and refer to it by a relative path.' });
        continue;
      }
      if (parsed.problem === 'malformed' || safeDecode(parsed.fragment) === undefined) {
        diagnostics.push({ severity: 'error', code: 'ref-invalid', message: `$ref is not a valid reference (a malformed %-escape or a NUL): ${JSON.stringify(ref)}`, ...at(), hint: 'Write % as %25 in a $ref, or use the plain character.' });
        continue;
      }
      const target = parsed.file!;
      const fragment = parsed.fragment;
      if (target !== file) {
        external = true;
        // lexically outside: refused without touching the path; inside: refused if a link leads out
        const real = isInside(root, target) ? realpathOrUndefined(target) : undefined;
        if (!isInside(root, target) || (real && !isInside(root, real))) {
          diagnostics.push({
            severity: 'error',
            code: 'ref-outside-root',
            message: real && real !== target && isInside(root, target) ? `$ref reaches a link to ${real}, outside the spec folder: ${ref}` : `$ref points outside the document's folder: ${ref}`,
            ...at(),
            hint: `Keep every referenced file under ${root} (symbolic links are followed before this check).`,
          });
          continue;
        }
        if (!sources.has(target)) {
          if (seen.has(target)) continue; // unreadable, already reported
          seen.add(target);
          const r = readSource(target);
          if (!r.source) {
            const missing = r.diagnostics.some((d) => d.code === 'file-unreadable');
            if (missing) {
              diagnostics.push({ severity: 'error', code: 'ref-unresolved', message: `$ref target file not found: ${ref}`, ...at(), hint: 'Fix the path (it is relative to the file that contains the $ref) or create the file.' });
            } else diagnostics.push(...r.diagnostics);
            continue;
          }
          sources.set(target, r.source);
          pending.push(target);
        }
      }
      const key = `${target}#${fragment}`;
      let value = resolved.get(key);
      if (value === undefined) {
        const targetSrc = sources.get(target);
        if (!targetSrc) continue;
        const found = getByPointer(targetSrc.value, fragment);
        if (!found.found) {
          diagnostics.push({
            severity: 'error',
            code: 'ref-unresolved',
            message: fragment.startsWith('/') || fragment === '' ? `$ref does not resolve: ${ref} (no #${fragment} in ${relative(root, target) || 'this file'})` : `$ref does not resolve: ${ref} (no schema of ${target === file ? 'this file' : relative(root, target)} has $anchor "${fragment}")`,
            ...at(),
            hint: fragment.startsWith('/') || fragment === '' ? 'Fix the JSON pointer after # or add the missing definition.' : 'Add the $anchor to the schema meant, or write a JSON pointer (#/components/schemas/Name).',
          });
          continue;
        }
        value = found.value;
        resolved.set(key, value);
      }
      const t: RefTarget = { file: target, fragment, value };
      known.set(ref, t);
      recordTarget(holder, t, file, src);
    }
  }
  scan.external = external;
  diagnostics.push(...aliasCycles(aliases));
  for (const src of sources.values()) diagnostics.push(...codeKeywordDiagnosticsOf(src, codeHolders.get(src) ?? []));
  if (!diagnostics.some((d) => d.severity === 'error') && first.source) diagnostics.push(...expansionBudget(scan, first.source));
  return scan;
}

/** What a reader that follows every `$ref` would see: a `$ref` object's edges are its target and its other keys. */
export function refChildren(targets: Map<object, RefTarget>): (o: object) => unknown[] {
  return (o) => {
    const t = targets.get(o);
    if (!t) return Object.values(o);
    const out: unknown[] = [t.value];
    for (const k in o) if (k !== '$ref') out.push((o as Record<string, unknown>)[k]);
    return out;
  };
}

/**
 * Refuses a document whose `$ref`s expand, as the model reads it (refs to named schemas stay names,
 * every other ref is inlined), to more than LIMITS.refExpandedValues values. Each target is measured
 * once (memoised by identity) and a cycle counts as one value, so a 4 KB file whose refs double at
 * each of 60 levels is measured in microseconds and refused, never expanded. Inlining every named
 * schema is not budgeted: no reader here does it, and large real APIs would exceed any bound (Stripe:
 * 2.8e12 values).
 */
function expansionBudget(scan: RefScan, entry: Source): Diagnostic[] {
  const full = refChildren(scan.targets);
  const children = (o: object) => (scan.targets.has(o) && NAMED_SCHEMA.test((o as { $ref: string }).$ref) ? [] : full(o));
  const limit = LIMITS.refExpandedValues;
  // When every ref names a schema, nothing is followed: the expansion is the entry file's own values,
  // of which the reader gave an upper bound (JSON: the tree's count; YAML: the alias-expanded size).
  if (entry.values !== undefined && entry.values <= limit) {
    let allNamed = true;
    for (const holder of scan.targets.keys()) if (!NAMED_SCHEMA.test((holder as { $ref: string }).$ref)) { allNamed = false; break; }
    if (allNamed) return [];
  }
  // files that are trees share objects only through refs: only ref targets need remembering
  if (entry.value && typeof entry.value === 'object' && [...scan.sources.values()].every((s) => s.tree)) {
    const targets = new Set<unknown>();
    for (const t of scan.targets.values()) targets.add(t.value);
    if (expandedSize(entry.value, children, (o) => targets.has(o)) <= limit) return [];
  }
  const m = measure(entry.value, children);
  if (m.size <= limit) return [];
  // name the $ref whose target weighs most: that is where to look
  let worst: [object, number] | undefined;
  for (const [holder, t] of scan.targets) {
    if (!t.value || typeof t.value !== 'object') continue;
    const size = measure(t.value, children).size;
    if (!worst || size > worst[1]) worst = [holder, size];
    if (size > limit) break;
  }
  const where = worst ? whereIs(scan, worst[0]) : { file: entry.file };
  return [
    {
      severity: 'error',
      code: 'ref-expansion-too-large',
      message: `following its $refs (named schemas kept as names), the document expands to ${m.size.toExponential(2)} values (limit ${limit})${worst ? `; this $ref alone expands to ${worst[1].toExponential(2)}` : ''}`,
      ...where,
      hint: 'Refer to named schemas (#/components/schemas/X) instead of nesting refs to refs; each level of refs multiplies the size.',
    },
  ];
}

const NAMED_SCHEMA = /^#\/(components\/schemas|definitions|\$defs)\/[^/]+$/;

function whereIs(scan: RefScan, holder: object): { file: string; pointer?: string; line?: number; column?: number } {
  for (const src of scan.sources.values()) {
    const pointer = pointerOf(src.value, holder);
    if (pointer !== '#' || src.value === holder) return { file: src.file, pointer, ...(src.locate(`${pointer}/$ref`) ?? src.locate(pointer) ?? {}) };
  }
  return { file: [...scan.sources.keys()][0] };
}

interface Alias {
  /** The value the `$ref` points to. */
  to: unknown;
  file: string;
  /** The parsed file the alias is in (its pointer is looked up only when reported). */
  root: unknown;
  locate: Source['locate'];
}

/** A chain of `$ref`-only objects that comes back to itself has no content at all: report it once per cycle. */
function aliasCycles(aliases: Map<object, Alias>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const done = new Set<object>();
  for (const start of aliases.keys()) {
    if (done.has(start)) continue;
    const path: object[] = [];
    const onPath = new Set<object>();
    let cur: unknown = start;
    while (cur && typeof cur === 'object' && aliases.has(cur) && !done.has(cur) && !onPath.has(cur)) {
      path.push(cur);
      onPath.add(cur);
      cur = aliases.get(cur)!.to;
    }
    if (cur && typeof cur === 'object' && onPath.has(cur)) {
      const first = aliases.get(cur)!;
      const pointer = pointerOf(first.root, cur);
      out.push({
        severity: 'error',
        code: 'ref-cycle',
        message: `circular $ref: ${path.slice(path.indexOf(cur)).map((k) => pointerOf(aliases.get(k)!.root, k)).join(' -> ')} -> back to the start; it never reaches a definition`,
        file: first.file,
        pointer,
        ...(first.locate(`${pointer}/$ref`) ?? first.locate(pointer) ?? {}),
        hint: 'One $ref in the cycle must point to an actual schema (recursive schemas are fine when an object with properties sits in the loop).',
      });
    }
    for (const k of path) done.add(k);
  }
  return out;
}

/** The `mapping` of an OpenAPI discriminator held by `obj`, if it has one. */
function discriminatorMappingOf(obj: Record<string, unknown>): Record<string, unknown> | undefined {
  const d = obj.discriminator;
  if (!d || typeof d !== 'object' || Array.isArray(d)) return undefined;
  const m = (d as Record<string, unknown>).mapping;
  return m && typeof m === 'object' && !Array.isArray(m) ? (m as Record<string, unknown>) : undefined;
}

/**
 * The document with every `$ref` to another file replaced by what it points to (copy-on-write:
 * untouched subtrees are the parsed objects themselves), except a file the entry declares under
 * `components/schemas/<Name>`, which becomes `#/components/schemas/<Name>`. Internal refs of the
 * entry stay; internal refs of other files are inlined. Refs under `x-` and example keys are
 * followed like every other (what a bundler does), so a change behind them shows in a diff.
 * Each target is walked once (memoised): shared subtrees are shared, not copied again. A
 * discriminator's mapping values that are references are rewritten alike (see mappedRef).
 */
export function inlineExternalRefs(scan: RefScan, file: string): { document: unknown; diagnostics: Diagnostic[] } {
  const entry = scan.sources.get(file);
  if (!entry) return { document: undefined, diagnostics: [] };
  const componentOf = new Map<string, string>();
  const schemas = (entry.value as { components?: { schemas?: unknown } }).components?.schemas;
  if (schemas && typeof schemas === 'object') {
    for (const [name, s] of Object.entries(schemas as Record<string, unknown>)) {
      const t = s && typeof s === 'object' ? scan.targets.get(s) : undefined;
      if (t && t.file !== file) componentOf.set(`${t.file}#${t.fragment}`, `#/components/schemas/${escapeToken(name)}`);
    }
  }
  const memo = new Map<unknown, unknown>();
  const open = new Set<unknown>();
  // a schema of another file that refers back to itself (directly or through others) cannot be
  // inlined: it becomes a component of its own, named after the place it came from, so each side of
  // a comparison names it alike whether it sat in another file or in components already
  const hoisted = new Map<string, { name: string; value: unknown }>();
  const taken = new Set(schemas && typeof schemas === 'object' ? Object.keys(schemas as object) : []);
  const hoist = (t: { file: string; fragment: string; value: unknown }): string => {
    const key = `${t.file}#${t.fragment}`;
    let h = hoisted.get(key);
    if (!h) {
      const stem = (t.fragment.split('/').filter(Boolean).pop() ?? '').replace(/~1/g, '/').replace(/~0/g, '~') || basename(t.file).replace(/\.[^.]*$/, '');
      let name = stem;
      for (let i = 2; taken.has(name); i++) name = `${stem}_${i}`;
      taken.add(name);
      hoisted.set(key, (h = { name, value: t.value }));
    }
    return `#/components/schemas/${escapeToken(h.name)}`;
  };
  const walk = (node: unknown, curFile: string, top: boolean): unknown => {
    if (!node || typeof node !== 'object') return node;
    if (Array.isArray(node)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < node.length; i++) {
        const v = node[i];
        const w = v && typeof v === 'object' ? walk(v, curFile, false) : v;
        if (w !== v) (copy ??= node.slice())[i] = w;
      }
      return copy ?? node;
    }
    const obj = node as Record<string, unknown>;
    const t = scan.targets.get(obj);
    if (t) {
      const comp = componentOf.get(`${t.file}#${t.fragment}`);
      if (comp && !(top && curFile === file)) return { ...obj, $ref: comp };
      if (t.file === curFile && curFile === file) return obj;
      if (open.has(t.value)) return { ...obj, $ref: componentOf.get(`${t.file}#${t.fragment}`) ?? hoist(t) };
      let out = memo.get(t.value);
      if (out === undefined) {
        open.add(t.value);
        out = walk(t.value, t.file, false);
        open.delete(t.value);
        memo.set(t.value, out);
      }
      const rest: Record<string, unknown> = {};
      let more = false;
      for (const k in obj) if (k !== '$ref') (rest[k] = walk(obj[k], curFile, false)), (more = true);
      return more && out && typeof out === 'object' && !Array.isArray(out) ? { ...(out as object), ...rest } : out;
    }
    let out: Record<string, unknown> | undefined;
    const isComp = top === false && curFile === file && obj === schemas;
    for (const k in obj) {
      const v = obj[k];
      if (!v || typeof v !== 'object') continue;
      const w = walk(v, curFile, isComp);
      if (w !== v) (out ??= { ...obj })[k] = w;
    }
    const mapping = discriminatorMappingOf(obj);
    if (mapping) {
      let moved: Record<string, unknown> | undefined;
      for (const [value, to] of Object.entries(mapping)) {
        const now = typeof to === 'string' ? mappedRef(to, curFile) : to;
        if (now !== to) (moved ??= { ...mapping })[value] = now;
      }
      if (moved) {
        const base = out ?? obj;
        (out ??= { ...obj }).discriminator = { ...(base.discriminator as object), mapping: moved };
      }
    }
    return out ?? obj;
  };
  // A discriminator's mapping names its schemas by reference too (`Card: ./schemas/Card.yaml`, or
  // back into the entry file): once the files are one document, such a value names the same schema
  // in it, the component it is, or the entry file's own pointer. A name (`Card`) stays as written,
  // as does a reference to a schema that is no component (it was copied where used: nothing names it).
  // Nothing is read for a mapping value: only files the `$ref`s brought in are looked up.
  const mappedRef = (to: string, curFile: string): string => {
    if (!to.includes('#') && !to.includes('/') && !/\.(json|ya?ml)$/i.test(to)) return to;
    const parsed = refFile(to, curFile);
    if (parsed.problem || parsed.file === undefined) return to;
    if (parsed.file === file) return curFile === file ? to : `#${parsed.fragment}`;
    return componentOf.get(`${parsed.file}#${parsed.fragment}`) ?? to;
  };
  if (!scan.external) return { document: entry.value, diagnostics: [] };
  const document = walk(entry.value, file, false) as Record<string, any>;
  if (!hoisted.size) return { document, diagnostics: [] };
  // copies only: the parsed files are shared with other readers
  const added: Record<string, unknown> = {};
  for (const { name, value } of hoisted.values()) added[name] = memo.get(value) ?? value;
  return { document: { ...document, components: { ...document.components, schemas: { ...document.components?.schemas, ...added } } }, diagnostics: [] };
}
