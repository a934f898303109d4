import { readdirSync } from 'node:fs';
import { dirname, resolve, join, basename } from 'node:path';
import { scanRefs, readSource, structuralDiagnostics, detectKind as checkKind, type Diagnostic as LoadDiagnostic } from '@ccapi/load';
import { escapeToken, getPointer } from './pointer.js';
import type { Diagnostic, DocumentKind } from './types.js';

export interface ReadResult {
  document?: Record<string, unknown>;
  kind?: DocumentKind;
  diagnostics: Diagnostic[];
}

type Json = unknown;

/** The loader's diagnostics in the model's shape (its `code` is kept; column dropped). */
function fromLoad(d: LoadDiagnostic, fallbackFile: string): Diagnostic {
  return { severity: d.severity, code: d.code, message: d.message, file: d.file ?? fallbackFile, line: d.line, pointer: d.pointer, hint: d.hint };
}

/** Detects the kind of an API description from its root keys. */
export function detectKind(doc: unknown): { kind?: DocumentKind; version?: string } {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return {};
  const d = doc as Record<string, unknown>;
  if (typeof d.openapi === 'string' && /^3\.[01]/.test(d.openapi)) return { kind: 'openapi', version: d.openapi };
  if (typeof d.asyncapi === 'string' && /^[23]\./.test(d.asyncapi)) return { kind: 'asyncapi', version: d.asyncapi };
  return {};
}

/**
 * Reads an OpenAPI 3.0/3.1 or AsyncAPI 2.x/3.x file and bundles external `$ref`s into it: a file
 * that the root lists under `components/schemas/<Name>` becomes `#/components/schemas/<Name>`,
 * any other external target is inlined. Internal refs of the root are left alone.
 *
 * Every file is read and checked by `@ccapi/load` (`scanRefs`/`readSource`: size, depth, duplicate
 * keys, YAML aliases, remote/missing/outside/circular `$ref`s; `detectKind`: supported versions;
 * `structuralDiagnostics`: duplicate operationIds, operations without a message); only the
 * bundling walk below is this package's own (it keeps unchanged subtrees as they are).
 */
export function readSpec(path: string): ReadResult {
  const file = resolve(path);
  const scan = scanRefs(file);
  const diagnostics: Diagnostic[] = scan.diagnostics.map((d) => fromLoad(d, file));
  const entry = scan.sources.get(file);
  if (!entry) return { diagnostics };
  const root = entry.value;
  // the diff reads any 3.x AsyncAPI (3.1 too); what it cannot read is explained by the loader's check
  const { kind } = detectKind(root);
  if (!kind) {
    const checked = checkKind(root, file);
    diagnostics.push(checked.diagnostic ? fromLoad(checked.diagnostic, file) : { severity: 'error', code: 'unsupported-version', message: 'unsupported OpenAPI/AsyncAPI version', file, hint: 'Give an OpenAPI 3.0/3.1 or AsyncAPI 2.x/3.x document.' });
    return { diagnostics };
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const structural = (document: Record<string, unknown>): ReadResult => {
    diagnostics.push(...structuralDiagnostics(document, kind, entry.locate, file).map((d) => fromLoad(d, file)));
    return diagnostics.some((d) => d.severity === 'error') ? { diagnostics } : { document, kind, diagnostics };
  };
  const load = (f: string) => scan.sources.get(f)?.value;
  // external target -> component ref
  const componentOf = new Map<string, string>();
  const schemas = (root as any).components?.schemas;
  if (schemas && typeof schemas === 'object') {
    for (const [name, s] of Object.entries<any>(schemas)) {
      if (s && typeof s.$ref === 'string' && !s.$ref.startsWith('#')) {
        const [f, p = ''] = s.$ref.split('#');
        componentOf.set(`${resolve(dirname(file), f)}#${p}`, `#/components/schemas/${name}`);
      }
    }
  }
  if (!scan.external) return structural(root as Record<string, unknown>);

  const stack: string[] = [];
  const walk = (node: Json, curFile: string, pointer: string, top: boolean): Json => {
    if (Array.isArray(node)) {
      let copy: Json[] | undefined;
      for (let i = 0; i < node.length; i++) {
        const v = node[i];
        const w = v && typeof v === 'object' ? walk(v, curFile, `${pointer}/${i}`, false) : v;
        if (w !== v) (copy ??= node.slice())[i] = w;
      }
      return copy ?? node;
    }
    if (!node || typeof node !== 'object') return node;
    const obj = node as Record<string, Json>;
    if (typeof obj.$ref === 'string') {
      const ref = obj.$ref;
      if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) return obj; // URLs are never fetched
      const [f, p = ''] = ref.split('#');
      const targetFile = f ? resolve(dirname(curFile), f) : curFile;
      const target = `${targetFile}#${p}`;
      const comp = componentOf.get(target);
      if (comp && !(top && curFile === file)) return { ...obj, $ref: comp };
      if (!f && curFile === file) return obj;
      if (stack.includes(target)) return obj; // cycle through files: keep the ref
      const doc = load(targetFile);
      if (doc === undefined) return obj;
      const value = getPointer(doc, p === '/' ? '#' : `#${p}`);
      if (value === undefined) {
        diagnostics.push({ severity: 'error', message: `$ref target ${ref} not found`, file: curFile, pointer, hint: 'Fix the JSON pointer after `#`.' });
        return obj;
      }
      stack.push(target);
      const out = walk(value, targetFile, p, false);
      stack.pop();
      const { $ref: _r, ...rest } = obj;
      return Object.keys(rest).length && out && typeof out === 'object' && !Array.isArray(out) ? { ...(out as object), ...rest } : out;
    }
    // copy-on-write: untouched subtrees are returned as they are
    let out: Record<string, Json> | undefined;
    for (const k in obj) {
      const v = obj[k];
      if (!v || typeof v !== 'object') continue;
      // example payloads and extensions are data: a `$ref` key inside them is not a reference
      if (k === 'example' || k === 'examples' || k === 'default' || k === 'const' || k === 'enum' || k.startsWith('x-')) continue;
      const isComp = curFile === file && pointer === '/components/schemas';
      const w = walk(v, curFile, `${pointer}/${escapeToken(k)}`, isComp);
      if (w !== v) (out ??= { ...obj })[k] = w;
    }
    return out ?? obj;
  };
  const document = walk(root, file, '', false) as Record<string, unknown>;
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  return structural(document);
}

export interface FolderResult {
  web?: ReadResult & { file: string };
  rtm?: ReadResult & { file: string };
  diagnostics: Diagnostic[];
}

/** Reads a version folder: its OpenAPI document (Web) and its AsyncAPI document (RTM). */
export function readVersionFolder(dir: string): FolderResult {
  const diagnostics: Diagnostic[] = [];
  const abs = resolve(dir);
  const files = readdirSync(abs).filter((f) => /\.(ya?ml|json)$/.test(f) && !/^(notes|package)\./.test(f)).sort();
  const out: FolderResult = { diagnostics };
  for (const f of files) {
    const full = join(abs, f);
    // the loader's reader: bounded (size, depth, aliases) even for files that turn out not to be specs
    const head = readSource(full).source?.value;
    const { kind } = detectKind(head);
    if (!kind) continue;
    const slot = kind === 'openapi' ? 'web' : 'rtm';
    if (out[slot]) continue;
    const r = readSpec(full);
    diagnostics.push(...r.diagnostics);
    out[slot] = { ...r, file: full };
  }
  if (!out.web && !out.rtm) {
    // A folder of version folders (such as specs/) is the common slip: name the version folders it holds.
    const versions = readdirSync(abs, { withFileTypes: true })
      .filter((e) => e.isDirectory() && readdirSync(join(abs, e.name)).some((f) => /\.(openapi|asyncapi)\.(ya?ml|json)$/.test(f)))
      .map((e) => e.name)
      .sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
    const hint = versions.length
      ? `${basename(abs)} holds version folders (${versions.join(', ')}): give one of them, e.g. ${join(dir, versions[versions.length - 1]!)}.`
      : `Put a web.openapi.yaml and/or rtm.asyncapi.yaml in ${basename(abs)}, or give a file.`;
    diagnostics.push({ severity: 'error', message: `no OpenAPI or AsyncAPI document in folder ${abs}`, file: abs, hint });
  }
  return out;
}
