import type { Diagnostic } from './diagnostics.js';
import { walkPositions } from './positions.js';
import type { Source } from './read.js';
import { pointerOf } from './refs.js';

/**
 * Schema keywords json-schema-to-typescript copies into generated code as they are: `tsType` becomes
 * a type expression, `tsEnumNames` enum member names. Spec strings are data, never code, so a spec
 * carrying one is refused here (codegen also strips them, in case a document skips the loader).
 */
export const CODE_KEYWORDS = ['tsType', 'tsEnumNames'] as const;

function esc(k: string): string {
  return k.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Every code-injecting keyword in the files of a document, with its file and line. A property called
 * `tsType` (a key of a name map) is fine. The pointer is only built for a hit.
 */
export function codeKeywordDiagnostics(sources: Iterable<Source>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const src of sources) {
    walkPositions(src.value, (obj, keys) => {
      if (keys === 'names' || keys === 'example-names') return;
      for (const k of CODE_KEYWORDS) {
        if (!Object.prototype.hasOwnProperty.call(obj, k)) continue;
        const p = `${pointerOf(src.value, obj)}/${esc(k)}`;
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
    });
  }
  return out;
}
