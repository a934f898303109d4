import { readFileSync, existsSync, statSync, readdirSync } from 'node:fs';
import { dirname, resolve, join, basename } from 'node:path';
import { createRequire } from 'node:module';

// `yaml` is loaded on first use only: JSON inputs never pay for it
const requireCjs = createRequire(import.meta.url);
let yamlLib: typeof import('yaml') | undefined;
const yaml = (): typeof import('yaml') => (yamlLib ??= requireCjs('yaml') as typeof import('yaml'));
import type { Diagnostic, DocumentKind } from './types.js';

export interface ReadResult {
  document?: Record<string, unknown>;
  kind?: DocumentKind;
  diagnostics: Diagnostic[];
}

type Json = unknown;

function parseText(text: string, file: string, diagnostics: Diagnostic[]): Json | undefined {
  const trimmed = text.trimStart();
  if (file.endsWith('.json') || trimmed.startsWith('{')) {
    try {
      return JSON.parse(text);
    } catch (e) {
      if (file.endsWith('.json')) {
        diagnostics.push({ severity: 'error', message: `not valid JSON: ${(e as Error).message}`, file, hint: 'Fix the JSON syntax or give a YAML file.' });
        return undefined;
      }
    }
  }
  const lc = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length) {
    for (const err of doc.errors.slice(0, 5)) {
      const pos = err.pos?.[0] !== undefined ? lc.linePos(err.pos[0]) : undefined;
      diagnostics.push({ severity: 'error', message: `not valid YAML: ${err.message.split('\n')[0]}`, file, line: pos?.line, hint: 'Fix the YAML syntax at that line.' });
    }
    return undefined;
  }
  return doc.toJS({ maxAliasCount: -1 });
}

/** Raw text of the files read last (to look for external refs without serialising the document). */
const lastText = new Map<string, string>();

function readFile(file: string, diagnostics: Diagnostic[], from?: { file: string; pointer: string }): Json | undefined {
  if (!existsSync(file)) {
    diagnostics.push({
      severity: 'error',
      message: from ? `$ref points to a missing file ${file}` : `file not found: ${file}`,
      file: from?.file ?? file,
      pointer: from?.pointer,
      hint: from ? 'Fix the $ref path (it is relative to the file that contains it).' : 'Check the path; give an OpenAPI/AsyncAPI file (YAML or JSON) or a version folder.',
    });
    return undefined;
  }
  if (statSync(file).isDirectory()) {
    diagnostics.push({ severity: 'error', message: `expected a file, got a folder: ${file}`, file, hint: 'Give a document file here.' });
    return undefined;
  }
  const text = readFileSync(file, 'utf8');
  lastText.set(file, text);
  return parseText(text, file, diagnostics);
}

function getPointer(root: Json, pointer: string): Json | undefined {
  if (pointer === '' || pointer === '/') return root;
  let cur: any = root;
  for (const raw of pointer.replace(/^\//, '').split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object' || !(key in cur)) return undefined;
    cur = cur[key];
  }
  return cur;
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
 */
export function readSpec(path: string): ReadResult {
  const diagnostics: Diagnostic[] = [];
  const file = resolve(path);
  const root = readFile(file, diagnostics);
  if (root === undefined) return { diagnostics };
  const { kind } = detectKind(root);
  if (!kind) {
    const v = root && typeof root === 'object' ? ((root as any).openapi ?? (root as any).asyncapi ?? (root as any).swagger) : undefined;
    diagnostics.push({
      severity: 'error',
      message: v !== undefined ? `unsupported version ${JSON.stringify(v)}` : 'not an OpenAPI or AsyncAPI document (no `openapi` or `asyncapi` key at the root)',
      file,
      pointer: '',
      hint: 'Give an OpenAPI 3.0/3.1 (`openapi: 3.x.y`) or AsyncAPI 2.x/3.x (`asyncapi: 2.x.y`) document.',
    });
    return { diagnostics };
  }
  const cache = new Map<string, Json>([[file, root]]);
  const load = (f: string, from: { file: string; pointer: string }) => {
    if (!cache.has(f)) cache.set(f, readFile(f, diagnostics, from));
    return cache.get(f);
  };
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
  // a `$ref` value that is neither internal (`#...`) nor a URL (JSON or YAML spelling)
  const text = lastText.get(file) ?? '';
  lastText.delete(file);
  const hasExternal = /["']?\$ref["']?\s*:\s*["']?(?!#|[a-z][a-z0-9+.-]*:)[^\s"'#{[]/i.test(text);
  if (!hasExternal) return { document: root as Record<string, unknown>, kind, diagnostics };

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
      const doc = load(targetFile, { file: curFile, pointer });
      if (doc === undefined) return obj;
      const value = getPointer(doc, p);
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
      const w = walk(v, curFile, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, isComp);
      if (w !== v) (out ??= { ...obj })[k] = w;
    }
    return out ?? obj;
  };
  const document = walk(root, file, '', false) as Record<string, unknown>;
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  return { document, kind, diagnostics };
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
    let head: Json;
    try {
      const text = readFileSync(full, 'utf8');
      head = f.endsWith('.json') ? JSON.parse(text) : yaml().parse(text, { maxAliasCount: -1 });
    } catch {
      continue;
    }
    const { kind } = detectKind(head);
    if (!kind) continue;
    const slot = kind === 'openapi' ? 'web' : 'rtm';
    if (out[slot]) continue;
    const r = readSpec(full);
    diagnostics.push(...r.diagnostics);
    out[slot] = { ...r, file: full };
  }
  if (!out.web && !out.rtm) {
    diagnostics.push({ severity: 'error', message: `no OpenAPI or AsyncAPI document in folder ${abs}`, file: abs, hint: `Put a web.openapi.yaml and/or rtm.asyncapi.yaml in ${basename(abs)}, or give a file.` });
  }
  return out;
}
