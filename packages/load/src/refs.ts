import { dirname, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from './diagnostics.js';
import { getByPointer, readSource, type Source } from './read.js';

export interface RefScan {
  /** Every file reached from the entry, by absolute path. */
  sources: Map<string, Source>;
  /** True when some `$ref` points to another file (the document needs bundling). */
  external: boolean;
  diagnostics: Diagnostic[];
}

const URL_RE = /^[a-z][a-z0-9+.-]*:/i;

function escapeSeg(s: string): string {
  return s.indexOf('~') === -1 && s.indexOf('/') === -1 ? s : s.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Keys whose values are data, not schema: a "$ref" key inside them is not a reference. */
function isDataKey(k: string): boolean {
  return k === 'example' || k === 'examples' || k === 'const' || k === 'enum' || k === 'default';
}

/** Every object holding a `$ref` string, in document order (iterative: deep documents don't overflow the stack; no per-node allocation). */
function refHolders(value: unknown): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const stack: unknown[] = [value];
  while (stack.length) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) {
        const v = node[i];
        if (v && typeof v === 'object') stack.push(v);
      }
    } else if (node && typeof node === 'object') {
      const obj = node as Record<string, unknown>;
      if (typeof obj.$ref === 'string') out.push(obj);
      const keys = Object.keys(obj);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i];
        if (isDataKey(k)) continue;
        const v = obj[k];
        if (k !== '$ref' && v && typeof v === 'object') stack.push(v);
      }
    }
  }
  return out;
}

/** JSON pointer of an object inside a value, found by identity (only needed to report a problem). */
function pointerOf(root: unknown, target: object): string {
  const stack: Array<[unknown, string]> = [[root, '#']];
  while (stack.length) {
    const [node, ptr] = stack.pop()!;
    if (node === target) return ptr;
    if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node as object)) {
        if (!Array.isArray(node) && isDataKey(k)) continue;
        if (v && typeof v === 'object') stack.push([v, `${ptr}/${escapeSeg(k)}`]);
      }
    }
  }
  return '#';
}

/**
 * Reads the entry file and every file it references, checking each `$ref` before any bundler sees it:
 * remote URLs are refused (loading never touches the network), files must exist inside `root`, and
 * the JSON pointer must resolve. Errors name the file and line of the offending `$ref`.
 */
export function scanRefs(entry: string, root = dirname(resolve(entry))): RefScan {
  const sources = new Map<string, Source>();
  const diagnostics: Diagnostic[] = [];
  let external = false;
  const entryFile = resolve(entry);
  const seen = new Set([entryFile]);
  const first = readSource(entryFile);
  diagnostics.push(...first.diagnostics);
  if (first.source) sources.set(entryFile, first.source);
  const pending = [...sources.keys()];
  // Objects that are nothing but a `$ref` -> the value they point to (object identity: no pointer strings on the hot path).
  const aliases = new Map<object, Alias>();
  // `file#fragment` -> its value, for targets already found (large specs point at the same schemas thousands of times)
  const resolved = new Map<string, unknown>();
  while (pending.length) {
    const file = pending.shift()!;
    const src = sources.get(file)!;
    for (const holder of refHolders(src.value)) {
      const ref = holder.$ref as string;
      const at = () => {
        const pointer = pointerOf(src.value, holder);
        return { file, pointer, ...(src.locate(pointer) ?? {}) };
      };
      const hash = ref.indexOf('#');
      if (hash !== 0 && URL_RE.test(ref) && !/^file:/i.test(ref)) {
        diagnostics.push({
          severity: 'error',
          code: 'ref-remote',
          message: `$ref to a URL is not allowed: ${ref}`,
          ...at(),
          hint: 'Loading a spec never touches the network. Download the referenced document next to this one and refer to it by a relative path.',
        });
        continue;
      }
      const filePart = hash === -1 ? ref : ref.slice(0, hash);
      const fragment = hash === -1 ? '' : ref.slice(hash);
      let target = file;
      if (filePart) {
        external = true;
        target = resolve(dirname(file), decodeURIComponent(filePart.replace(/^file:\/\//i, '')));
        const rel = relative(root, target);
        if (rel.startsWith('..' + sep) || rel === '..' || resolve(rel) === rel) {
          diagnostics.push({
            severity: 'error',
            code: 'ref-outside-root',
            message: `$ref points outside the document's folder: ${ref}`,
            ...at(),
            hint: `Keep every referenced file under ${root}.`,
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
      const key = `${target}${fragment}`;
      let value = resolved.get(key);
      if (value === undefined) {
        const targetSrc = sources.get(target);
        if (!targetSrc) continue;
        const found = getByPointer(targetSrc.value, fragment);
        if (!found.found) {
          diagnostics.push({
            severity: 'error',
            code: 'ref-unresolved',
            message: `$ref does not resolve: ${ref} (no ${fragment} in ${relative(root, target) || 'this file'})`,
            ...at(),
            hint: 'Fix the JSON pointer after # or add the missing definition.',
          });
          continue;
        }
        value = found.value;
        resolved.set(key, value);
      }
      let only = true;
      for (const k in holder) if (k !== '$ref') { only = false; break; }
      if (only) aliases.set(holder, { to: value, file, root: src.value, locate: src.locate });
    }
  }
  diagnostics.push(...aliasCycles(aliases));
  return { sources, external, diagnostics };
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
        ...(first.locate(pointer) ?? {}),
        hint: 'One $ref in the cycle must point to an actual schema (recursive schemas are fine when an object with properties sits in the loop).',
      });
    }
    for (const k of path) done.add(k);
  }
  return out;
}
