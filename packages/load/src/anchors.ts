/**
 * JSON Schema names schemas in ways other than a JSON pointer: `$id` (a URI for a schema resource,
 * against which the refs inside it resolve), `$anchor` and `$dynamicAnchor` (`#name`), and draft-07's
 * `$id: '#name'`. OpenAPI 3.1 and AsyncAPI schemas may use them. Every consumer here reads refs as
 * `file#/pointer`, so a ref that reaches a schema named this way inside the same file is rewritten
 * to the JSON pointer of that schema, once, where the file is read. A URI that names no schema of
 * the file is left as written, and the ref checks refuse or resolve it as before: nothing is fetched.
 */
import { pathToFileURL } from 'node:url';
import { childKeys, itemKeys, type Keys } from './positions.js';
import { escapeToken, safeDecode } from './read.js';

/** Does this object (read as keywords) name itself other than by pointer? Asked of every object by the ref walk: files without any pay nothing more. */
export const namesSchema = (obj: Record<string, unknown>): boolean => typeof obj.$id === 'string' || typeof obj.$anchor === 'string' || typeof obj.$dynamicAnchor === 'string';

const withoutFragment = (u: URL) => {
  const c = new URL(u.href);
  c.hash = '';
  return c.href;
};

/**
 * The `$ref` holders of `value` (the parsed file `file`) whose ref reaches a schema named by `$id` or
 * an anchor in the same file, each with the ref to write instead (`#/json/pointer`).
 */
export function anchorRefs(file: string, value: unknown): Map<Record<string, unknown>, string> {
  const fileBase = pathToFileURL(file).href;
  // schema resources (base URI without fragment -> pointer) and anchors (`base#name` -> pointer)
  const resources = new Map<string, string>([[fileBase, '']]);
  const anchors = new Map<string, string>();
  const refs: Array<[Record<string, unknown>, string]> = [];
  const stack: Array<[unknown, string, string, Keys]> = [[value, '', fileBase, 'keywords']];
  const seen = new Set<object>();
  while (stack.length) {
    const [node, ptr, outer, keys] = stack.pop()!;
    if (!node || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], `${ptr}/${i}`, outer, itemKeys(keys)]);
      continue;
    }
    const obj = node as Record<string, unknown>;
    let base = outer;
    if (keys === 'keywords') {
      // `$id` sets the base of the schema holding it (its own `$ref` included) and of everything below
      if (typeof obj.$id === 'string') {
        if (obj.$id.startsWith('#')) anchors.set(`${base}${obj.$id}`, ptr);
        else {
          try {
            base = withoutFragment(new URL(obj.$id, base));
            if (!resources.has(base)) resources.set(base, ptr);
          } catch {
            // not a URI: a name JSON Schema does not know, left to the validators
          }
        }
      }
      for (const k of ['$anchor', '$dynamicAnchor'] as const) if (typeof obj[k] === 'string' && !anchors.has(`${base}#${obj[k]}`)) anchors.set(`${base}#${obj[k]}`, ptr);
      if (typeof obj.$ref === 'string') refs.push([obj, base]);
    }
    for (const k of Object.keys(obj)) {
      const v = obj[k];
      if (!v || typeof v !== 'object') continue;
      const next = childKeys(keys, k, v);
      if (next !== undefined) stack.push([v, `${ptr}/${escapeToken(k)}`, base, next]);
    }
  }
  const out = new Map<Record<string, unknown>, string>();
  for (const [holder, base] of refs) {
    const ref = holder.$ref as string;
    // a plain pointer ref outside any `$id` resource already says what it means
    if (base === fileBase && (ref === '#' || ref.startsWith('#/'))) continue;
    let url: URL;
    try {
      url = new URL(ref, base);
    } catch {
      continue;
    }
    const resource = resources.get(withoutFragment(url));
    if (resource === undefined) continue;
    const fragment = safeDecode(url.hash.slice(1));
    if (fragment === undefined) continue;
    const target = fragment === '' ? resource : fragment.startsWith('/') ? resource + fragment : anchors.get(`${withoutFragment(url)}#${fragment}`);
    if (target === undefined) continue;
    out.set(holder, `#${target.replace(/%/g, '%25')}`);
  }
  return out;
}
