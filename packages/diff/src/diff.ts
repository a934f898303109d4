import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { kindName, loadModels, sideOf, type Diagnostic, type Model, type Protocol } from '@ccapi/model';
import { compareModels } from './compare.js';
import { classify, mergeProtocols, sortFindings } from './classify.js';
import type { Finding } from './types.js';
import { annotateAffects, groupFrameFields, groupSharedParameters, groupUnwrapped } from './affects.js';

export interface NoteEntry {
  area: string;
  protocols: Protocol[];
  text: string;
  breaking: boolean;
}

export interface DiffResult {
  findings: Finding[];
  notes: NoteEntry[];
  /** Both inputs were version folders (Web + RTM compared together). */
  folders: boolean;
  diagnostics: Diagnostic[];
}

function emptyModel(like: Model): Model {
  return { ...like, operations: Object.create(null), structures: Object.create(null), servers: Object.create(null), channels: Object.create(null), globalSecurity: [] };
}

/** Compares two already-normalised models and returns the classified findings. */
export function diffModels(base: Model, revision: Model): Finding[] {
  return classify(compareModels(base, revision));
}

/** The findings of one protocol as reported: each with the operations it affects, alike ones grouped. */
function judged(base: Model, revision: Model, protocol: Protocol): Finding[] {
  return groupFrameFields(groupUnwrapped(groupSharedParameters(annotateAffects(diffModels(base, revision), base, revision, protocol), protocol), protocol), protocol);
}

/**
 * Compares two API descriptions (files) or two version folders. Never throws for bad input and
 * never exits: problems are returned as diagnostics.
 */
export function diffPaths(basePath: string, revisionPath: string, options: { writtenBy?: 'client' | 'server' } = {}): DiffResult {
  const { writtenBy } = options;
  let b = loadModels(basePath, { writtenBy });
  // the revision reuses what the base derived from places both documents hold unchanged
  let r = loadModels(revisionPath, { reuse: b.models, counterpart: b.models, writtenBy });
  const revOf = (m: Model) => r.models.find((x) => x.protocol === m.protocol && x.kind === m.kind);
  // an AsyncAPI 3 base whose operations do not say which side wrote it takes the side the
  // revision's operations give (the revision took the base's the same way)
  if (b.models.some((m) => { const bs = sideOf(m), rm = revOf(m), rs = rm && sideOf(rm); return bs?.decidedBy === 'default' && rs && rs.decidedBy !== 'default' && rs.serverSide !== bs.serverSide; })) {
    b = loadModels(basePath, { counterpart: r.models });
  }
  // both versions' operations decided, but differently: when most operations the two share now
  // flow the other way for the client, only the balance of evidence moved (an operation turned
  // around, a reply added), not the document's side, so the revision is read from the base's side;
  // when most still flow the same way, the document was rewritten from the other side
  const turned = b.models.find((m) => {
    const bs = sideOf(m), rm = revOf(m), rs = rm && sideOf(rm);
    if (!bs || !rs || bs.decidedBy !== 'operations' || rs.decidedBy !== 'operations' || bs.serverSide === rs.serverSide) return false;
    const common = Object.keys(m.operations).filter((k) => Object.hasOwn(rm!.operations, k));
    return common.filter((k) => m.operations[k].kind !== rm!.operations[k].kind).length * 2 > common.length;
  });
  if (turned) r = loadModels(revisionPath, { reuse: b.models, counterpart: b.models, writtenBy: sideOf(turned)!.serverSide ? 'server' : 'client' });
  // nothing said who wrote an AsyncAPI 3 pair: the guess is told, with the way to overrule it
  const guessed: Diagnostic[] = r.models.filter((m) => sideOf(m)?.decidedBy === 'default').map((m) => {
    const other = sideOf(m)!.serverSide ? 'client' : 'server';
    return {
      severity: 'warning', code: 'asyncapi-side', file: m.file,
      message: `nothing in this AsyncAPI 3 document or the other version (request/reply operations) says whether it describes a server or a client; it is read as the ${other === 'client' ? "server's: what it sends, clients receive" : "client's: what it sends, the server receives"}`,
      hint: `Pass --written-by ${other} if the document describes a ${other} application.`,
    };
  });
  // an AsyncAPI 3 version read from the client's side only because its operations flow the other
  // way from the other version's: that is also what a migration from AsyncAPI 2 that mapped
  // `publish`/`subscribe` to `send`/`receive` word for word looks like, so the reading is told
  for (const m of [...b.models, ...r.models]) {
    const side = sideOf(m);
    if (side?.decidedBy !== 'other version' || side.serverSide) continue;
    guessed.push({
      severity: 'warning', code: 'asyncapi-side', file: m.file,
      message: "this AsyncAPI 3 document is read as a client's (what it sends, the server receives): its operations flow the other way from the other version's, and nothing in it says which side it describes",
      hint: 'Pass --written-by server if it describes the same application as the other version (a migration that turned `publish` into `send` describes it from the other side).',
    });
  }
  // the same file on both sides (or a structure file shared by both) is reported once
  const seen = new Set<string>();
  const diagnostics = [...b.diagnostics, ...r.diagnostics, ...guessed].filter((d) => {
    const key = `${d.severity}\0${d.file}\0${d.line}\0${d.pointer}\0${d.message}`;
    return !seen.has(key) && !!seen.add(key);
  });
  const result: DiffResult = { findings: [], notes: [], folders: b.folder && r.folder, diagnostics };
  if (diagnostics.some((d) => d.severity === 'error')) return result;
  if (b.folder !== r.folder) {
    diagnostics.push({ severity: 'error', message: 'cannot compare a folder with a file', file: b.folder ? resolve(revisionPath) : resolve(basePath), hint: 'Give two files or two version folders.' });
    return result;
  }
  const findings: Finding[] = [];
  if (!result.folders) {
    const [bm] = b.models, [rm] = r.models;
    if (bm.kind !== rm.kind) {
      diagnostics.push({ severity: 'error', message: `cannot compare an ${kindName(bm.kind)} document with an ${kindName(rm.kind)} document`, file: rm.file, pointer: '', hint: 'Give two documents of the same kind, or two version folders.' });
      return result;
    }
    findings.push(...judged(bm, rm, rm.protocol));
  } else {
    for (const p of ['web', 'rtm'] as const) {
      const bm = b.models.find((m) => m.protocol === p);
      const rm = r.models.find((m) => m.protocol === p);
      if (!bm && !rm) continue;
      // a protocol's document gone from the revision folder: its operations read as removed, and the
      // reader is told why (a file left behind by mistake reads the same as an API withdrawn)
      if (bm && !rm) diagnostics.push({ severity: 'warning', code: 'document-missing', file: resolve(revisionPath), message: `the revision folder has no ${kindName(bm.kind)} document (the base has ${basename(bm.file)}): every ${p === 'web' ? 'Web' : 'RTM'} operation reads as removed`, hint: `Put the ${p === 'web' ? 'Web' : 'RTM'} document back in the folder if the API still offers it.` });
      const x = bm ?? emptyModel(rm!), y = rm ?? emptyModel(bm!);
      findings.push(...judged(x, y, p));
    }
    result.notes = readNotes(revisionPath, diagnostics);
  }
  result.findings = sortFindings(mergeProtocols(findings));
  return result;
}

/** Reads `notes.yaml` of a version folder (behaviour changes no schema can show). */
export function readNotes(folder: string, diagnostics: Diagnostic[] = []): NoteEntry[] {
  const file = join(resolve(folder), 'notes.yaml');
  if (!existsSync(file)) return [];
  let raw: unknown;
  try {
    raw = (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(readFileSync(file, 'utf8'));
  } catch (e) {
    diagnostics.push({ severity: 'error', message: `notes.yaml is not valid YAML: ${(e as Error).message.split('\n')[0]}`, file, hint: 'Fix the YAML; see docs/modelling.md (Notes).' });
    return [];
  }
  if (raw === null || raw === undefined) return [];
  const list = Array.isArray(raw) ? raw : (raw as any)?.notes;
  if (!Array.isArray(list)) {
    diagnostics.push({ severity: 'error', message: 'notes.yaml must be a list of {area, protocols, text}', file, hint: 'See docs/modelling.md (Notes).' });
    return [];
  }
  const out: NoteEntry[] = [];
  list.forEach((n: any, i: number) => {
    if (!n || typeof n.text !== 'string' || typeof n.area !== 'string') {
      diagnostics.push({ severity: 'error', message: `note #${i + 1} needs a string \`area\` and \`text\``, file, pointer: `/${i}`, hint: 'Example: {area: Chats, protocols: [web, rtm], text: "..."}' });
      return;
    }
    const protocols = (Array.isArray(n.protocols) ? n.protocols : ['web', 'rtm']).filter((p: unknown) => p === 'web' || p === 'rtm') as Protocol[];
    out.push({ area: n.area, protocols: protocols.length ? protocols : ['web', 'rtm'], text: n.text.trim(), breaking: n.breaking === true });
  });
  return out;
}

export function labelOf(path: string): string {
  return basename(resolve(path));
}
