import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { GuardInputError, materialize, resolveBase, showFile } from './git.js';
import { readWaivers, waiverFor, type Waiver } from './waivers.js';

export type VersionStatus = 'stable' | 'deprecated' | 'preview';
export interface VersionInfo {
  id: string;
  status: VersionStatus;
}

const STATUSES = ['stable', 'deprecated', 'preview'];
/** A version id is a folder name under specs/ (`v3.3`), never a path: no `/`, no `..`. */
const VERSION_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** `specs/versions.yaml` text -> its versions; every problem is bad input (exit 2) naming the file. */
export function parseVersions(text: string, file: string): VersionInfo[] {
  let data: unknown;
  try {
    data = parse(text);
  } catch (e) {
    throw new GuardInputError(`${file}: not valid YAML: ${(e as Error).message.split('\n')[0]}`, 'Fix the YAML syntax of the versions file.', file);
  }
  const list = data && typeof data === 'object' && !Array.isArray(data) ? (data as { versions?: unknown }).versions : undefined;
  if (!Array.isArray(list)) throw new GuardInputError(`${file}: no \`versions\` list`, 'Write `versions:` with one {id, status} per version.', file);
  const seen = new Set<string>();
  return list.map((v, i) => {
    const o = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
    if (typeof o.id !== 'string' || !VERSION_ID.test(o.id) || o.id.includes('..') || !STATUSES.includes(String(o.status)))
      throw new GuardInputError(`${file}: version #${i + 1} needs an id (a folder name like v3.3) and a status of stable, deprecated or preview (got ${JSON.stringify(v)})`, 'Fix the entry: { id: v3.3, status: stable }.', file);
    if (seen.has(o.id)) throw new GuardInputError(`${file}: version ${o.id} is listed twice`, 'List each version once.', file);
    seen.add(o.id);
    return { id: o.id, status: o.status as VersionStatus };
  });
}

/** `specs/versions.yaml`: the one declaration of each version's status. */
export function readVersions(file: string): VersionInfo[] {
  if (!existsSync(file)) throw new GuardInputError(`${file} not found`, 'Declare the versions and their status (stable, deprecated, preview) in specs/versions.yaml.', file);
  return parseVersions(readFileSync(file, 'utf8'), file);
}

export interface BreakingChange {
  version: string;
  rule: string;
  level: string;
  text: string;
  location?: string;
  waivedBy?: Waiver;
}

export interface FrozenReport {
  base: string;
  checked: string[];
  changes: BreakingChange[];
  /** Breaking changes without a waiver: CI fails when there is one. */
  blocking: BreakingChange[];
}

/** The api-diff bin next to this package (workspace or node_modules). */
export function findApiDiff(): string {
  if (process.env.API_DIFF_BIN) return process.env.API_DIFF_BIN;
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const bin = join(dir, 'node_modules', '.bin', 'api-diff');
    if (existsSync(bin)) return bin;
    if (dirname(dir) === dir) break;
  }
  throw new GuardInputError('api-diff not found', 'Install @ccapi/diff (it provides the api-diff bin) or set API_DIFF_BIN.');
}

/** Reads api-diff's JSON output whatever its envelope: a list of changes, or {changes|entries|findings: [...]}. */
function parseChanges(stdout: string): Array<Record<string, unknown>> {
  const data = JSON.parse(stdout) as unknown;
  if (Array.isArray(data)) return data as Array<Record<string, unknown>>;
  const o = data as Record<string, unknown>;
  for (const k of ['changes', 'entries', 'findings']) if (Array.isArray(o[k])) return o[k] as Array<Record<string, unknown>>;
  return [];
}

function locationText(loc: unknown): string | undefined {
  if (loc === undefined || loc === null) return undefined;
  if (typeof loc === 'object') {
    const o = loc as { file?: string; pointer?: string };
    return o.pointer ?? o.file;
  }
  return String(loc);
}

export function runBreaking(base: string, revision: string): Array<Omit<BreakingChange, 'version'>> {
  const r = spawnSync(findApiDiff(), ['breaking', base, revision, '--format', 'json', '--fail-on', 'ERR'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status === 2 || r.status === null || (r.status !== 0 && r.status !== 1)) {
    throw new GuardInputError(`api-diff could not compare ${base} with ${revision}: ${(r.stderr || r.error?.message || '').trim()}`, 'Fix the spec so that it loads (see the message above).');
  }
  return parseChanges(r.stdout)
    .map((c) => ({
      rule: String(c.ruleId ?? c.rule ?? c.id ?? c.kind ?? 'unknown'),
      level: String(c.level ?? (c.breaking ? 'ERR' : 'INFO')),
      text: String(c.text ?? c.message ?? ''),
      location: locationText(c.location),
    }))
    .filter((c) => c.level === 'ERR');
}

const released = (s: VersionStatus | undefined) => s === 'stable' || s === 'deprecated';

/**
 * Compares each version released at the base or now (stable or deprecated) with the same folder at
 * the base commit and returns every breaking change, marking those a waiver lets through. A
 * released version that loses its status (back to preview), its folder or its versions.yaml entry
 * is a breaking change too (rules `version-unreleased`, `version-folder-removed`,
 * `version-entry-removed`): otherwise hiding a version would hide its breaking changes.
 */
export function checkFrozen(options: { repo: string; specsDir?: string; base?: string; waiversFile?: string }): FrozenReport {
  const repo = resolve(options.repo);
  const specsDir = options.specsDir ?? 'specs';
  const versionsFile = join(specsDir, 'versions.yaml');
  const versions = readVersions(join(repo, versionsFile));
  const waivers = readWaivers(join(repo, options.waiversFile ?? join(specsDir, 'breaking-waivers.yaml')));
  const base = resolveBase(repo, options.base);
  const baseText = showFile(repo, base, versionsFile.split(sep).join('/'));
  const before = baseText === undefined ? [] : parseVersions(baseText, `${versionsFile} at ${base.slice(0, 12)}`);
  const now = new Map(versions.map((v) => [v.id, v.status]));
  const then = new Map(before.map((v) => [v.id, v.status]));
  const report: FrozenReport = { base, checked: [], changes: [], blocking: [] };
  const add = (c: BreakingChange) => {
    c.waivedBy = waiverFor(waivers, c.version, c);
    report.changes.push(c);
    if (!c.waivedBy) report.blocking.push(c);
  };
  const ids = [...new Set([...before.map((v) => v.id), ...versions.map((v) => v.id)])];
  for (const id of ids) {
    const wasReleased = released(then.get(id));
    if (!wasReleased && !released(now.get(id))) continue;
    const rel = join(specsDir, id);
    if (wasReleased && !now.has(id)) {
      add({ version: id, rule: 'version-entry-removed', level: 'ERR', text: `${id} was ${then.get(id)} and is no longer listed in ${versionsFile}`, location: versionsFile });
    } else if (wasReleased && !released(now.get(id))) {
      add({ version: id, rule: 'version-unreleased', level: 'ERR', text: `${id} went from ${then.get(id)} back to ${now.get(id)}`, location: versionsFile });
    }
    const old = materialize(repo, base, rel);
    if (!old) continue; // new version: nothing to break yet
    try {
      report.checked.push(id);
      if (!existsSync(join(repo, rel))) {
        add({ version: id, rule: 'version-folder-removed', level: 'ERR', text: `the folder ${rel} of released version ${id} was removed`, location: rel });
        continue;
      }
      for (const c of runBreaking(old, join(repo, rel))) add({ version: id, ...c });
    } finally {
      rmSync(dirname(dirname(old)), { recursive: true, force: true });
    }
  }
  return report;
}

export function renderFrozenReport(r: FrozenReport, format: 'text' | 'markdown' | 'json' = 'text'): string {
  if (format === 'json') return JSON.stringify({ base: r.base, checked: r.checked, ok: r.blocking.length === 0, changes: r.changes.map((c) => ({ ...c, blocking: !c.waivedBy })) }, null, 2);
  const lines: string[] = [];
  const md = format === 'markdown';
  lines.push(md ? `### Frozen API versions (base \`${r.base.slice(0, 12)}\`)` : `Frozen API versions, compared with ${r.base.slice(0, 12)}: ${r.checked.join(', ') || 'none'}`);
  if (!r.changes.length) lines.push(md ? 'No breaking change to a released version.' : 'No breaking change to a released version.');
  for (const c of r.changes) {
    const status = c.waivedBy ? `waived: ${c.waivedBy.reason}` : 'BLOCKING';
    lines.push(md ? `- **${c.version}** \`${c.rule}\` ${c.text} — ${status}` : `  ${c.version}  ${c.rule}  ${c.text}${c.location ? ` (${c.location})` : ''}  [${status}]`);
  }
  if (r.blocking.length)
    lines.push(
      `${r.blocking.length} breaking change(s) to released versions. Make the change in the preview version instead, or, for a documented fix, add a reviewed waiver with a reason to specs/breaking-waivers.yaml.`,
    );
  return lines.join('\n');
}
