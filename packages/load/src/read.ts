import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Document, LineCounter, Node } from 'yaml';
import type { Diagnostic } from './diagnostics.js';
import { scanJsonText } from './json-keys.js';

// `yaml` is loaded on first use: reading a JSON spec (the large ones) never pays for it.
let yamlLib: typeof import('yaml') | undefined;
const yaml = (): typeof import('yaml') => (yamlLib ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));

/** Bigger files are refused: a spec this size is almost always a mistake and would exhaust memory. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

/** Deeper documents are refused: no real API nests 200 levels, and every recursive consumer would risk the stack. */
export const MAX_DEPTH = 200;

/** Depth of nested objects/arrays, measured without recursion. Stops counting past `limit`. */
export function depthOf(value: unknown, limit = MAX_DEPTH + 1): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (d > max) max = d;
    if (max >= limit) return max;
    if (v && typeof v === 'object') for (const c of Object.values(v as object)) if (c && typeof c === 'object') stack.push([c, d + 1]);
  }
  return max;
}

function tooDeep(file: string, value: unknown): Diagnostic[] {
  const d = depthOf(value);
  return d > MAX_DEPTH
    ? [{ severity: 'error', code: 'too-deep', message: `the document nests more than ${MAX_DEPTH} levels deep`, file, hint: 'Flatten the structure: move nested schemas into components and refer to them with $ref.' }]
    : [];
}

export interface Source {
  file: string;
  /** Parsed value (plain JSON data). */
  value: unknown;
  /** Line/column of a JSON pointer in this file, when it can be found. */
  locate(pointer: string): { line: number; column: number } | undefined;
}

export type ReadResult = { source: Source; diagnostics: Diagnostic[] } | { source?: undefined; diagnostics: Diagnostic[] };

function decodePointer(pointer: string): string[] {
  const p = pointer.replace(/^#/, '');
  if (p === '' || p === '/') return [];
  return p
    .slice(1)
    .split('/')
    .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'));
}

function locateInYaml(doc: Document, lc: LineCounter, pointer: string) {
  const { isMap, isScalar, isSeq } = yaml();
  let node: unknown = doc.contents;
  let last: Node | undefined = doc.contents ?? undefined;
  for (const seg of decodePointer(pointer)) {
    if (isMap(node)) {
      const pair = node.items.find((it) => (isScalar(it.key) ? String(it.key.value) : String(it.key)) === seg);
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

function parseYamlSource(file: string, text: string): ReadResult {
  const { LineCounter, parseDocument } = yaml();
  const lc = new LineCounter();
  // uniqueKeys: duplicate keys are an error; maxAliasCount bounds alias expansion (billion laughs).
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  const diagnostics: Diagnostic[] = doc.errors.map((e) => {
    const pos = lc.linePos(e.pos[0]);
    return {
      severity: 'error',
      code: e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax',
      message: e.message.split('\n')[0],
      file,
      line: pos.line,
      column: pos.col,
      hint: e.code === 'DUPLICATE_KEY' ? 'Remove or rename one of the duplicate keys.' : 'Fix the YAML syntax at this line (indentation, quotes, brackets).',
    };
  });
  if (diagnostics.length) return { diagnostics };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return {
      diagnostics: [
        {
          severity: 'error',
          code: 'yaml-alias',
          message: (e as Error).message,
          file,
          hint: 'Aliases expand to too much data; write the content out instead of nesting aliases.',
        },
      ],
    };
  }
  const deep = tooDeep(file, value);
  if (deep.length) return { diagnostics: deep };
  return { source: { file, value, locate: (p) => locateInYaml(doc, lc, p) }, diagnostics: [] };
}

/** Reads a YAML or JSON file. Never throws: problems come back as diagnostics. */
export function readSource(file: string): ReadResult {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    return { diagnostics: [{ severity: 'error', code: 'file-unreadable', message: `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, file, hint: 'Check the path and the file permissions.' }] };
  }
  if (size > MAX_FILE_BYTES) {
    return {
      diagnostics: [
        { severity: 'error', code: 'file-too-large', message: `file is ${(size / 1048576).toFixed(1)} MiB, over the ${MAX_FILE_BYTES / 1048576} MiB limit`, file, hint: 'Split the document into smaller files joined with $ref.' },
      ],
    };
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { diagnostics: [{ severity: 'error', code: 'file-unreadable', message: `cannot read file: ${(e as Error).message}`, file, hint: 'Check the path and the file permissions.' }] };
  }
  if (file.endsWith('.json')) {
    try {
      const value = JSON.parse(text);
      const scan = scanJsonText(text);
      const dup = scan.duplicate;
      if (dup) {
        const before = text.slice(0, dup.offset);
        const line = before.split('\n').length;
        return {
          diagnostics: [
            { severity: 'error', code: 'duplicate-key', message: `duplicate key "${dup.key}"`, file, line, column: dup.offset - before.lastIndexOf('\n'), hint: 'Remove or rename one of the duplicate keys (JSON parsers silently keep only the last one).' },
          ],
        };
      }
      // the text's bracket nesting is the value's depth (a top-level container alone is depth 0)
      const deep = scan.maxNesting - 1 > MAX_DEPTH ? tooDeep(file, value) : [];
      if (deep.length) return { diagnostics: deep };
      // Lines are only needed for error messages: parse again as YAML lazily.
      let lazy: ReadResult | undefined;
      return {
        source: {
          file,
          value,
          locate: (p) => {
            lazy ??= parseYamlSource(file, text);
            return lazy.source?.locate(p);
          },
        },
        diagnostics: [],
      };
    } catch {
      // Fall through: the YAML parser gives line and column for the JSON syntax error.
      const r = parseYamlSource(file, text);
      if (r.diagnostics.length) return { diagnostics: r.diagnostics.map((d) => ({ ...d, code: d.code === 'yaml-syntax' ? 'json-syntax' : d.code, hint: d.code === 'yaml-syntax' ? 'Fix the JSON syntax at this line.' : d.hint })) };
      return { diagnostics: [{ severity: 'error', code: 'json-syntax', message: 'invalid JSON', file, hint: 'Fix the JSON syntax.' }] };
    }
  }
  return parseYamlSource(file, text);
}

export function getByPointer(value: unknown, pointer: string): { found: boolean; value?: unknown } {
  let cur: unknown = value;
  for (const seg of decodePointer(pointer)) {
    if (cur && typeof cur === 'object' && Object.prototype.hasOwnProperty.call(cur, seg)) cur = (cur as Record<string, unknown>)[seg];
    else return { found: false };
  }
  return { found: true, value: cur };
}
