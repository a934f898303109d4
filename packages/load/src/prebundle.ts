import { dirname, relative, resolve } from 'node:path';
import { escapeToken, getByPointer, safeDecode, type Source } from './read.js';

/** Copies a value taken out of `fromFile` so that its `$ref`s still mean the same when it sits in a file of `toDir`. */
function rebase(value: unknown, fromFile: string, toDir: string): unknown {
  if (Array.isArray(value)) return value.map((v) => rebase(v, fromFile, toDir));
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (k === '$ref' && typeof v === 'string') {
      const hash = v.indexOf('#');
      const path = hash === -1 ? v : v.slice(0, hash);
      const abs = path ? resolve(dirname(fromFile), (safeDecode(path) ?? path)) : fromFile;
      let rel = relative(toDir, abs);
      if (!rel.startsWith('.')) rel = `./${rel}`;
      out[k] = hash === -1 ? rel : `${rel}${v.slice(hash)}`;
    } else out[k] = rebase(v, fromFile, toDir); // refs under example/default/x- keys are refs too (refs.ts)
  }
  return out;
}

/**
 * Prepares an entry document for Redocly's bundler so that component names are the author's and do
 * not depend on key order. A component declared as a part of a file (`XResponse: {$ref:
 * ./methods/x.yaml#/response}`) would be hoisted under a name Redocly derives from whichever ref it
 * meets first (`response`, `x_response`, `response-2`), leaving `XResponse` an alias; so such
 * declarations are inlined here, and refs elsewhere in the entry document to the same target are
 * pointed at the declared component. Whole-file declarations (`Chat: {$ref: ./schemas/Chat.yaml}`)
 * are left to Redocly, which keeps their names.
 */
export function prepareForBundling(doc: Record<string, unknown>, file: string, sources: Map<string, Source>): Record<string, unknown> {
  const dir = dirname(file);
  const key = (ref: string) => {
    const hash = ref.indexOf('#');
    const path = hash === -1 ? ref : ref.slice(0, hash);
    const fragment = hash === -1 ? '' : ref.slice(hash + 1);
    return `${resolve(dir, (safeDecode(path) ?? path))}#${fragment.replace(/^\/?/, '/').replace(/\/$/, '')}`;
  };
  const components = (doc.components ?? {}) as Record<string, Record<string, Record<string, unknown>>>;
  const declared = new Map<string, string>();
  for (const [section, entries] of Object.entries(components)) {
    if (!entries || typeof entries !== 'object') continue;
    for (const [name, value] of Object.entries(entries)) {
      const ref = value && typeof value === 'object' ? value.$ref : undefined;
      if (typeof ref === 'string' && !ref.startsWith('#') && ref.includes('#') && !declared.has(key(ref))) {
        declared.set(key(ref), `#/components/${section}/${escapeToken(name)}`);
      }
    }
  }
  if (!declared.size) return doc;
  const rewrite = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(rewrite);
    if (!v || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    if (typeof o.$ref === 'string' && !o.$ref.startsWith('#') && declared.has(key(o.$ref))) return { ...o, $ref: declared.get(key(o.$ref)) };
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, rewrite(x)]));
  };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) {
    if (k !== 'components' || !v || typeof v !== 'object') {
      out[k] = rewrite(v);
      continue;
    }
    const comps: Record<string, unknown> = {};
    for (const [section, entries] of Object.entries(components)) {
      if (!entries || typeof entries !== 'object') {
        comps[section] = entries;
        continue;
      }
      comps[section] = Object.fromEntries(
        Object.entries(entries).map(([name, e]) => {
          const ref = e && typeof e === 'object' ? e.$ref : undefined;
          if (typeof ref === 'string' && !ref.startsWith('#') && ref.includes('#') && Object.keys(e).length === 1) {
            const hash = ref.indexOf('#');
            const target = resolve(dir, (safeDecode(ref.slice(0, hash)) ?? ''));
            const found = sources.has(target) ? getByPointer(sources.get(target)!.value, ref.slice(hash)) : undefined;
            // Inlined content is rebased first: its own refs were relative to the file it came from.
            if (found?.found) return [name, rewrite(rebase(found.value, target, dir))];
          }
          return [name, rewrite(e)];
        }),
      );
    }
    out[k] = comps;
  }
  return out;
}
