import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config, NormalizedProblem } from '@redocly/openapi-core';
import { hasErrors, type Diagnostic } from './diagnostics.js';
import { refFile, refHolders, scanRefs, type RefScan } from './refs.js';
import { prepareForBundling } from './prebundle.js';
import { escapeToken, getByPointer, type Source } from './read.js';
import { structuralDiagnostics } from './structure.js';

export type SpecKind = 'openapi' | 'asyncapi';

export interface LoadOptions {
  /** Run the linters (Redocly lint; plus @asyncapi/parser for AsyncAPI). Default false: only parse and bundle. */
  validate?: boolean;
  /** Folder that external `$ref`s must stay inside. Default: the entry file's folder. */
  root?: string;
}

export interface LoadResult {
  /** The bundled document: one JSON value with internal `$ref`s only. Absent when an error was found. */
  document?: Record<string, unknown>;
  kind?: SpecKind;
  /** The `openapi` / `asyncapi` version string. */
  specVersion?: string;
  file: string;
  diagnostics: Diagnostic[];
}

const SUPPORTED: Record<SpecKind, RegExp> = { openapi: /^3\.[01]\.\d+$/, asyncapi: /^(2\.[0-6]|3\.0)\.\d+$/ };

/** Which spec a parsed value is, or a diagnostic saying why it is none we support. */
export function detectKind(value: unknown, file: string): { kind?: SpecKind; specVersion?: string; diagnostic?: Diagnostic } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { diagnostic: { severity: 'error', code: 'not-a-spec', message: 'the file is not an OpenAPI or AsyncAPI document (top level is not a mapping)', file, hint: 'Pass an OpenAPI 3.0/3.1 or AsyncAPI 2.x/3.0 document.' } };
  }
  const obj = value as Record<string, unknown>;
  for (const kind of ['openapi', 'asyncapi'] as const) {
    if (kind in obj) {
      const v = String(obj[kind]);
      if (!SUPPORTED[kind].test(v)) {
        return { diagnostic: { severity: 'error', code: 'unsupported-version', message: `${kind} ${v} is not supported`, file, line: 1, pointer: `#/${kind}`, hint: 'Supported: OpenAPI 3.0.x and 3.1.x, AsyncAPI 2.0–2.6 and 3.0.x.' } };
      }
      return { kind, specVersion: v };
    }
  }
  if ('swagger' in obj) {
    return { diagnostic: { severity: 'error', code: 'unsupported-version', message: `swagger ${String(obj.swagger)} (OpenAPI 2) is not supported`, file, hint: 'Convert the document to OpenAPI 3.x first.' } };
  }
  return { diagnostic: { severity: 'error', code: 'not-a-spec', message: 'neither an `openapi` nor an `asyncapi` field at the top level', file, line: 1, hint: 'Pass an OpenAPI 3.0/3.1 or AsyncAPI 2.x/3.0 document.' } };
}

// Redocly and the AsyncAPI parser are loaded only when a document needs them (external refs,
// validation): importing them costs more than reading a large JSON spec, and most api-diff runs
// on bundled JSON never need them.
const redocly = () => import('@redocly/openapi-core');

type Located = (file: string | undefined, pointer: string | undefined) => { line: number; column: number } | undefined;

function fromRedocly(p: NormalizedProblem, code: string, locate: Located): Diagnostic {
  const loc = p.location?.[0];
  const file = loc?.source?.absoluteRef;
  // positions come from our own parse of the file (Redocly is never given a file to parse)
  const pos = locate(file, loc?.pointer);
  return {
    severity: p.severity === 'error' ? 'error' : 'warning',
    code: p.ruleId && p.ruleId !== 'bundler' ? `redocly/${p.ruleId}` : code,
    message: p.message,
    file,
    ...(pos ?? {}),
    pointer: loc?.pointer,
    hint: p.suggest?.length ? `did you mean: ${p.suggest.join(', ')}?` : 'See the rule in Redocly\'s documentation.',
  };
}

/**
 * Redocly's configuration is ours, in code: `recommended` (its `struct` rule refuses unknown schema
 * keywords such as `tsType`), no plugins, and never a `redocly.yaml` found next to the specs (one
 * inside a spec folder could switch rules off or load JavaScript).
 */
let configPromise: Promise<Config> | undefined;
function redoclyConfig(): Promise<Config> {
  return (configPromise ??= redocly().then(({ createConfig }) => createConfig({ extends: ['recommended'] })));
}

/**
 * The only resolver Redocly gets: it serves the files our scan already read and checked (deep
 * copies of their parsed values: Redocly rewrites what it is given) and refuses everything else,
 * so Redocly never opens a file or a socket of its own.
 */
async function scannedResolver(scan: RefScan) {
  const { BaseResolver, Source, ResolveError } = await redocly();
  class ScannedResolver extends BaseResolver {
    override resolveExternalRef(base: string | null, ref: string): string {
      const r = refFile(ref, base ?? join(scan.root, 'entry'));
      return r.file ?? `refused:${ref}`;
    }
    override async loadExternalRef(absoluteRef: string): Promise<InstanceType<typeof Source>> {
      throw new ResolveError(new Error(`refused to read ${absoluteRef}: only files checked by @ccapi/load are served`));
    }
    override async resolveDocument(base: string | null, ref: string): Promise<any> {
      const abs = this.resolveExternalRef(base, ref);
      const cached = this.cache.get(abs);
      if (cached) return cached;
      const src = scan.sources.get(abs);
      const doc = src ? Promise.resolve({ source: new Source(abs, src.text), parsed: structuredClone(src.value) }) : Promise.reject(new ResolveError(new Error(`refused to read ${abs}: not a file checked by @ccapi/load`)));
      doc.catch(() => undefined);
      this.cache.set(abs, doc as never);
      return doc;
    }
  }
  return new ScannedResolver();
}

/** `$ref`s left in a bundled document that do not point inside it: nothing downstream may follow them. */
function externalRefsLeft(document: unknown): string[] {
  return refHolders(document)
    .map((h) => h.$ref as string)
    .filter((r) => !r.startsWith('#'));
}

/**
 * Loads one OpenAPI or AsyncAPI document: reads it and every file it references (no network),
 * bundles it into one value with internal `$ref`s only, and optionally validates it.
 * Never throws for bad input; the diagnostics say what is wrong, where, and what to do.
 */
export async function loadSpec(path: string, options: LoadOptions = {}): Promise<LoadResult> {
  const file = resolve(path);
  const scan = scanRefs(file, options.root ? resolve(options.root) : undefined);
  const entry = scan.sources.get(file);
  const result: LoadResult = { file, diagnostics: [...scan.diagnostics] };
  if (!entry) return result;
  const detected = detectKind(entry.value, file);
  if (detected.diagnostic) {
    result.diagnostics.push(detected.diagnostic);
    return result;
  }
  result.kind = detected.kind;
  result.specVersion = detected.specVersion;
  if (hasErrors(result.diagnostics)) return result;

  let document = entry.value as Record<string, unknown>;
  const locate: Located = (f, pointer) => (f && pointer !== undefined ? scan.sources.get(f)?.locate(pointer) : undefined);
  if (scan.external) {
    const { bundle, Source } = await redocly();
    const config = await redoclyConfig();
    // Redocly moves every external schema/message into components and rewrites the refs.
    let bundled: Awaited<ReturnType<typeof bundle>>;
    try {
      const prepared = prepareForBundling(structuredClone(entry.value) as Record<string, unknown>, file, scan.sources);
      const doc = { source: new Source(file, entry.text), parsed: prepared };
      bundled = await bundle({ doc, config, dereference: false, externalRefResolver: await scannedResolver(scan) });
    } catch (e) {
      result.diagnostics.push({ severity: 'error', code: 'bundle-failed', message: `the bundler gave up: ${(e as Error).message}`, file, hint: 'Check the $refs of this document; the message above says what the bundler met.' });
      return result;
    }
    const problems = bundled.problems.filter((p) => p.severity === 'error').map((p) => fromRedocly(p, 'bundle', locate));
    result.diagnostics.push(...problems);
    if (problems.length) return result;
    document = bundled.bundle.parsed as Record<string, unknown>;
  }
  const left = externalRefsLeft(document);
  if (left.length) {
    result.diagnostics.push({ severity: 'error', code: 'ref-unbundled', message: `the bundle still refers to other files: ${left.slice(0, 3).join(', ')}`, file, hint: 'Move the referenced content into a schema or component; the bundler did not bring this $ref in.' });
    return result;
  }

  result.diagnostics.push(...structuralDiagnostics(document, result.kind!, entry.locate, file));
  if (options.validate && !hasErrors(result.diagnostics)) {
    let problems: NormalizedProblem[] = [];
    const { lint } = await redocly();
    const config = await redoclyConfig();
    try {
      problems = await lint({ ref: file, config, externalRefResolver: await scannedResolver(scan) });
    } catch (e) {
      result.diagnostics.push({ severity: 'error', code: 'lint-failed', message: `the linter gave up: ${(e as Error).message}`, file, hint: 'Check the document\'s structure; the message says what the linter met.' });
    }
    result.diagnostics.push(...problems.map((p) => fromRedocly(p, 'lint', locate)));
    if (result.kind === 'asyncapi') result.diagnostics.push(...(await asyncapiDiagnostics(document, file)));
  }
  if (!hasErrors(result.diagnostics)) result.document = document;
  return result;
}

// The parser's own resolvers read files and fetch URLs; ours come first for every scheme and answer
// with nothing, and any attempt is an error (the bundled document has internal refs only). One
// parser for the process: building its ruleset costs seconds.
const parserAttempts: string[] = [];
let parserPromise: Promise<InstanceType<typeof import('@asyncapi/parser').Parser>> | undefined;
function asyncapiParser() {
  return (parserPromise ??= import('@asyncapi/parser').then(({ Parser }) => {
    const refuse = (schema: string) => ({ schema, order: 0, canRead: true, read: (uri: { toString(): string }) => (parserAttempts.push(uri.toString()), 'null') });
    return new Parser({ __unstable: { resolver: { cache: false, resolvers: ['file', 'http', 'https'].map(refuse) } } });
  }));
}

/** @asyncapi/parser's own validation of the bundled document (its severity 0 = error, 1 = warning). */
async function asyncapiDiagnostics(document: Record<string, unknown>, file: string): Promise<Diagnostic[]> {
  const parser = await asyncapiParser();
  parserAttempts.length = 0;
  const { diagnostics } = await parser.parse(JSON.stringify(document));
  const refused: Diagnostic[] = parserAttempts.splice(0).map((uri) => ({ severity: 'error', code: 'ref-remote', message: `the AsyncAPI parser tried to read ${uri}; refused`, file, hint: 'Loading a spec never touches the network or files outside the spec folder.' }));
  return [...refused, ...diagnostics
    .filter((d) => d.severity <= 1)
    .map((d) => ({
      severity: d.severity === 0 ? 'error' : 'warning',
      code: `asyncapi/${String(d.code)}`,
      message: d.message,
      file,
      pointer: '#/' + d.path.map((s) => escapeToken(String(s))).join('/'),
      hint: 'The pointer is in the bundled document (generated/…/rtm.asyncapi.json).',
    }) as Diagnostic)];
}

export interface VersionFolder {
  dir: string;
  web?: LoadResult;
  rtm?: LoadResult;
  diagnostics: Diagnostic[];
}

/** The Web (`*.openapi.yaml|json`) and RTM (`*.asyncapi.yaml|json`) documents of a version folder. */
export function findVersionDocuments(dir: string): { web?: string; rtm?: string } {
  const names = readdirSync(dir).sort();
  const pick = (re: RegExp) => names.find((n) => re.test(n));
  const web = pick(/\.openapi\.(ya?ml|json)$/);
  const rtm = pick(/\.asyncapi\.(ya?ml|json)$/);
  return { web: web && join(dir, web), rtm: rtm && join(dir, rtm) };
}

export async function loadVersionFolder(dir: string, options: LoadOptions = {}): Promise<VersionFolder> {
  const abs = resolve(dir);
  let found: { web?: string; rtm?: string };
  try {
    found = findVersionDocuments(abs);
  } catch (e) {
    return { dir: abs, diagnostics: [{ severity: 'error', code: 'file-unreadable', message: `cannot read folder: ${(e as Error).message}`, file: abs }] };
  }
  const out: VersionFolder = { dir: abs, diagnostics: [] };
  if (!found.web && !found.rtm) {
    out.diagnostics.push({ severity: 'error', code: 'not-a-spec', message: 'the folder holds no *.openapi.yaml or *.asyncapi.yaml document', file: abs, hint: 'A version folder has web.openapi.yaml and/or rtm.asyncapi.yaml.' });
    return out;
  }
  if (found.web) out.web = await loadSpec(found.web, options);
  if (found.rtm) out.rtm = await loadSpec(found.rtm, options);
  // Both documents share the structure files: report a problem in a shared file once.
  const seen = new Set<string>();
  for (const d of [...(out.web?.diagnostics ?? []), ...(out.rtm?.diagnostics ?? [])]) {
    const key = JSON.stringify([d.code, d.file, d.line, d.column, d.message]);
    if (!seen.has(key)) out.diagnostics.push(d), seen.add(key);
  }
  return out;
}
