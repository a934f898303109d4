import type { Diagnostic } from './diagnostics.js';
import type { Source } from './read.js';

/**
 * Schema keywords json-schema-to-typescript copies into generated code as they are: `tsType` becomes
 * a type expression, `tsEnumNames` enum member names. Spec strings are data, never code, so a spec
 * carrying one is refused here (codegen also strips them, in case a document skips the loader).
 */
export const CODE_KEYWORDS = ['tsType', 'tsEnumNames'] as const;

/** Keys whose mappings hold names (a property called `tsType` is fine). */
const NAME_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'schemas', 'paths', 'channels', 'operations', 'messages', 'parameters', 'responses', 'headers', 'securitySchemes', 'requestBodies', 'callbacks', 'links', 'servers', 'webhooks', 'pathItems', 'serverVariables', 'variables', 'mapping']);
/** Keys whose values are data, not schema. */
const DATA_KEYS = new Set(['example', 'examples', 'default', 'enum', 'const']);

function esc(k: string): string {
  return k.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Every code-injecting keyword in the files of a document, with its file and line. Iterative; shared objects visited once. */
export function codeKeywordDiagnostics(sources: Iterable<Source>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const src of sources) {
    const seen = new Set<object>();
    const stack: Array<[unknown, string, string]> = [[src.value, '', '#']];
    while (stack.length) {
      const [node, parentKey, ptr] = stack.pop()!;
      if (!node || typeof node !== 'object' || seen.has(node)) continue;
      seen.add(node);
      if (Array.isArray(node)) {
        node.forEach((v, i) => stack.push([v, '', `${ptr}/${i}`]));
        continue;
      }
      const names = NAME_MAPS.has(parentKey);
      for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
        const p = `${ptr}/${esc(k)}`;
        if (!names && (CODE_KEYWORDS as readonly string[]).includes(k)) {
          out.push({
            severity: 'error',
            code: 'schema-keyword-forbidden',
            message: `\`${k}\` is not allowed: json-schema-to-typescript would copy its value into the generated code as it is`,
            file: src.file,
            pointer: p,
            ...(src.locate(p) ?? {}),
            hint: 'Remove it: the generated types come from the schema itself (type, enum, properties), never from code written in the spec.',
          });
          continue;
        }
        if (!names && DATA_KEYS.has(k)) continue;
        stack.push([v, names ? '' : k, p]);
      }
    }
  }
  return out;
}
