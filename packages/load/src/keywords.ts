import type { Diagnostic } from './diagnostics.js';
import { walkPositions, type Keys } from './positions.js';
import { escapeToken, type Source } from './read.js';
import { pointerOf } from './refs.js';

/**
 * Schema keywords json-schema-to-typescript copies into generated code as they are: `tsType` becomes
 * a type expression, `tsEnumNames` enum member names. Spec strings are data, never code, so a spec
 * carrying one is refused here (codegen also strips them, in case a document skips the loader).
 */
export const CODE_KEYWORDS = ['tsType', 'tsEnumNames'] as const;

/**
 * Every code-injecting keyword in the files of a document, with its file and line. A property called
 * `tsType` (a key of a name map) is fine. The pointer is only built for a hit.
 */
export function codeKeywordDiagnostics(sources: Iterable<Source>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const src of sources) {
    const holders: object[] = [];
    walkPositions(src.value, (obj, keys) => {
      if (hasCodeKeyword(obj, keys)) holders.push(obj);
    }, src.tree);
    out.push(...codeKeywordDiagnosticsOf(src, holders));
  }
  return out;
}

/** True when an object visited by walkPositions carries a code keyword as a keyword (not as a name). */
export function hasCodeKeyword(obj: object, keys: Keys): boolean {
  if (keys === 'names' || keys === 'example-names') return false;
  // an index loop: it runs on every object of a document, and for...of made an iterator result per key
  for (let i = 0; i < CODE_KEYWORDS.length; i++) if (Object.prototype.hasOwnProperty.call(obj, CODE_KEYWORDS[i])) return true;
  return false;
}

/**
 * Schema keywords whose value has the wrong JSON type (`items: string`, `properties: [..]`, `allOf`
 * not a list, `required` neither a list nor a parameter's boolean): a reader would silently ignore
 * them. Checked on the objects the walk visits anyway, a few property lookups each.
 */
export function badShapes(obj: Record<string, unknown>): string[] {
  const out: string[] = [];
  const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  if ('items' in obj && !['object', 'boolean', 'array'].includes(kind(obj.items))) out.push('items');
  if ('properties' in obj && kind(obj.properties) !== 'object') out.push('properties');
  for (const k of ['allOf', 'oneOf', 'anyOf']) if (k in obj && kind(obj[k]) !== 'array') out.push(k);
  if ('required' in obj && !['array', 'boolean'].includes(kind(obj.required))) out.push('required');
  return out;
}
const SHAPE_TEXT: Record<string, string> = {
  items: 'a schema', properties: 'an object of schemas', allOf: 'a list of schemas', oneOf: 'a list of schemas', anyOf: 'a list of schemas', required: 'a list of property names',
};

/**
 * True when an object visited by walkPositions holds a schema keyword of the wrong JSON type: the
 * same test as `badShapes`, without building anything (it runs on every object of a document).
 */
export function hasBadShape(obj: object, keys: Keys): boolean {
  if (keys !== 'keywords') return false;
  const o = obj as Record<string, unknown>;
  const items = o.items, properties = o.properties, required = o.required;
  if (items !== undefined && (items === null || (typeof items !== 'object' && typeof items !== 'boolean'))) return true;
  if (properties !== undefined && (properties === null || typeof properties !== 'object' || Array.isArray(properties))) return true;
  if (required !== undefined && !Array.isArray(required) && typeof required !== 'boolean') return true;
  return (o.allOf !== undefined && !Array.isArray(o.allOf)) || (o.oneOf !== undefined && !Array.isArray(o.oneOf)) || (o.anyOf !== undefined && !Array.isArray(o.anyOf));
}

/** The diagnostics for objects of one source found by hasCodeKeyword, in the order found. */
export function codeKeywordDiagnosticsOf(src: Source, holders: readonly object[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const obj of holders) {
    for (const k of badShapes(obj as Record<string, unknown>)) {
      const p = `${pointerOf(src.value, obj)}/${escapeToken(k)}`;
      out.push({
        severity: 'error',
        code: 'schema-keyword-type',
        message: `\`${k}\` must be ${SHAPE_TEXT[k]}, not ${JSON.stringify((obj as Record<string, unknown>)[k])}`,
        file: src.file,
        pointer: p,
        ...(src.locate(p) ?? {}),
        hint: k === 'items' ? 'Write the item schema as an object, e.g. `items: {type: string}`.' : `Give \`${k}\` the value the schema keyword expects (${SHAPE_TEXT[k]}).`,
      });
    }
    for (const k of CODE_KEYWORDS) {
      if (!Object.prototype.hasOwnProperty.call(obj, k)) continue;
      const p = `${pointerOf(src.value, obj)}/${escapeToken(k)}`;
      out.push({
        severity: 'error',
        code: 'schema-keyword-forbidden',
        message: `\`${k}\` is not allowed: json-schema-to-typescript would copy its value into the generated code as it is`,
        file: src.file,
        pointer: p,
        ...(src.locate(p) ?? {}),
        hint: 'Remove it: the generated types come from the schema itself (type, enum, properties), never from code written in the spec.',
      });
    }
  }
  return out;
}
