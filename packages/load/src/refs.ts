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
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Yields every `$ref` string in a value with the JSON pointer of the object holding it (iterative: deep documents don't overflow the stack). */
function* refsOf(value: unknown): Generator<{ ref: string; pointer: string }> {
  const stack: Array<[unknown, string]> = [[value, '#']];
  while (stack.length) {
    const [node, ptr] = stack.pop()!;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], `${ptr}/${i}`]);
    } else if (node && typeof node === 'object') {
      const obj = node as Record<string, unknown>;
      if (typeof obj.$ref === 'string') yield { ref: obj.$ref, pointer: ptr };
      const keys = Object.keys(obj);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i];
        // `examples`/`example` values are data, not schema: a "$ref" key inside them is not a reference.
        if (k === 'example' || k === 'examples' || k === 'const' || k === 'enum' || k === 'default') continue;
        if (k !== '$ref') stack.push([obj[k], `${ptr}/${escapeSeg(k)}`]);
      }
    }
  }
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
  // Objects that are nothing but a `$ref`, keyed `file#pointer` -> the `file#pointer` they point to.
  const aliases = new Map<string, { to: string; file: string; pointer: string }>();
  while (pending.length) {
    const file = pending.shift()!;
    const src = sources.get(file)!;
    for (const { ref, pointer } of refsOf(src.value)) {
      const at = () => ({ file, pointer, ...(src.locate(pointer) ?? {}) });
      if (URL_RE.test(ref) && !/^file:/i.test(ref)) {
        diagnostics.push({
          severity: 'error',
          code: 'ref-remote',
          message: `$ref to a URL is not allowed: ${ref}`,
          ...at(),
          hint: 'Loading a spec never touches the network. Download the referenced document next to this one and refer to it by a relative path.',
        });
        continue;
      }
      const hash = ref.indexOf('#');
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
      const holder = getByPointer(src.value, pointer).value;
      if (holder && typeof holder === 'object' && Object.keys(holder).length === 1) {
        aliases.set(`${file}${pointer}`, { to: `${target}${normalisePointer(fragment)}`, file, pointer });
      }
      if (fragment && fragment !== '#') {
        const targetSrc = sources.get(target);
        if (targetSrc && !getByPointer(targetSrc.value, fragment).found) {
          diagnostics.push({
            severity: 'error',
            code: 'ref-unresolved',
            message: `$ref does not resolve: ${ref} (no ${fragment} in ${relative(root, target) || 'this file'})`,
            ...at(),
            hint: 'Fix the JSON pointer after # or add the missing definition.',
          });
        }
      }
    }
  }
  diagnostics.push(...aliasCycles(aliases, sources));
  return { sources, external, diagnostics };
}

function normalisePointer(fragment: string): string {
  return !fragment || fragment === '#' ? '#' : fragment.startsWith('#/') ? fragment : `#/${fragment.replace(/^#/, '')}`;
}

/** A chain of `$ref`-only objects that comes back to itself has no content at all: report it once per cycle. */
function aliasCycles(aliases: Map<string, { to: string; file: string; pointer: string }>, sources: Map<string, Source>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const done = new Set<string>();
  for (const start of aliases.keys()) {
    if (done.has(start)) continue;
    const path: string[] = [];
    const onPath = new Set<string>();
    let cur: string | undefined = start;
    while (cur && aliases.has(cur) && !done.has(cur) && !onPath.has(cur)) {
      path.push(cur);
      onPath.add(cur);
      cur = aliases.get(cur)!.to;
    }
    if (cur && onPath.has(cur)) {
      const first = aliases.get(cur)!;
      out.push({
        severity: 'error',
        code: 'ref-cycle',
        message: `circular $ref: ${path.slice(path.indexOf(cur)).map((k) => aliases.get(k)!.pointer).join(' -> ')} -> back to the start; it never reaches a definition`,
        file: first.file,
        pointer: first.pointer,
        ...(sources.get(first.file)?.locate(first.pointer) ?? {}),
        hint: 'One $ref in the cycle must point to an actual schema (recursive schemas are fine when an object with properties sits in the loop).',
      });
    }
    for (const k of path) done.add(k);
  }
  return out;
}
