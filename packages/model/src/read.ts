import { readdirSync } from 'node:fs';
import { resolve, join, basename } from 'node:path';
import { scanRefs, readSource, inlineExternalRefs, linkedOutside, structuralDiagnostics, detectKind as checkKind, type Diagnostic as LoadDiagnostic } from '@ccapi/load';
import { kindName, type Diagnostic, type DocumentKind } from './types.js';

export interface ReadResult {
  document?: Record<string, unknown>;
  kind?: DocumentKind;
  diagnostics: Diagnostic[];
  /** The document's `$ref` holders, once per place, when the loader's scan already listed them (a JSON file without external refs). */
  refHolders?: Array<Record<string, unknown>>;
}

/** The loader's diagnostics in the model's shape (code, line and column kept). */
function fromLoad(d: LoadDiagnostic, fallbackFile: string): Diagnostic {
  return { severity: d.severity, code: d.code, message: d.message, file: d.file ?? fallbackFile, line: d.line, column: d.column, pointer: d.pointer, hint: d.hint };
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
 * any other external target is inlined (`inlineExternalRefs` of `@ccapi/load`, the one resolver).
 * Internal refs of the root are left alone.
 *
 * Every file is read and checked by `@ccapi/load` (`scanRefs`/`readSource`: size, depth, duplicate
 * keys, YAML aliases, remote/missing/outside/circular `$ref`s; `detectKind`: supported versions;
 * `structuralDiagnostics`: duplicate operationIds, operations without a message). No file is
 * read here but through the loader.
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
  if (!scan.external) {
    const read = structural(root as Record<string, unknown>);
    // a parsed JSON tree reaches each object by one path: the scan's holders are the per-place list
    if (read.document && entry.tree) read.refHolders = [...scan.targets.keys()] as Array<Record<string, unknown>>;
    return read;
  }
  // the one resolver of @ccapi/load: the refs it checked, the targets it found (refs under x- and
  // example keys included, so a change behind them is a change of the document)
  const inlined = inlineExternalRefs(scan, file);
  diagnostics.push(...inlined.diagnostics.map((d) => fromLoad(d, file)));
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  return structural(inlined.document as Record<string, unknown>);
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
  const unread: Diagnostic[] = [];
  for (const f of files) {
    const full = join(abs, f);
    // a linked file pointing outside the folder is never read
    const outside = linkedOutside(full, abs);
    if (outside) {
      diagnostics.push(fromLoad(outside, full));
      continue;
    }
    // the loader's reader: bounded (size, depth, aliases) even for files that turn out not to be specs
    const read = readSource(full);
    const { kind } = detectKind(read.source?.value);
    const named = /\.(openapi|asyncapi)\.[^.]+$/.exec(f)?.[1];
    if (!kind || (named && named !== kind)) {
      // a file named as a spec that cannot be read is an error of the folder; others are reported only if no spec is found
      (named ? diagnostics : unread).push(...read.diagnostics.map((d) => fromLoad(d, full)));
      // one named as a spec that reads as none (empty, another kind): not silently left out, or every
      // operation it holds in the other version would read as removed
      if (named && !read.diagnostics.some((d) => d.severity === 'error')) {
        diagnostics.push({ severity: 'error', code: 'not-a-spec', message: `${f} is named as an ${kindName(named as DocumentKind)} document but ${kind ? `is an ${kindName(kind)} one` : `has no \`${named}\` version key`}`, file: full, hint: `Give ${f} the document it is named for, or rename it.` });
      }
      continue;
    }
    const slot = kind === 'openapi' ? 'web' : 'rtm';
    if (out[slot]) {
      // two documents for one protocol: which one the folder means is not for api-diff to guess
      diagnostics.push({ severity: 'error', code: 'ambiguous-folder', message: `the folder holds two ${kindName(kind)} documents: ${basename(out[slot]!.file)} and ${f}`, file: full, hint: 'Keep one document per protocol in a version folder (remove or move the other).' });
      continue;
    }
    const r = readSpec(full);
    diagnostics.push(...r.diagnostics);
    out[slot] = { ...r, file: full };
  }
  if (!out.web && !out.rtm && !diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push(...unread);
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
