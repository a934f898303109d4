import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { GuardInputError, materialize, resolveBase } from './git.js';
import { readWaivers, waiverFor, type Waiver } from './waivers.js';

export type VersionStatus = 'stable' | 'deprecated' | 'preview';
export interface VersionInfo {
  id: string;
  status: VersionStatus;
}

/** `specs/versions.yaml`: the one declaration of each version's status. */
export function readVersions(file: string): VersionInfo[] {
  if (!existsSync(file)) throw new GuardInputError(`${file} not found`, 'Declare the versions and their status (stable, deprecated, preview) in specs/versions.yaml.');
  const data = parse(readFileSync(file, 'utf8')) as { versions?: Array<Record<string, unknown>> } | null;
  const list = data?.versions;
  if (!Array.isArray(list)) throw new GuardInputError(`${file}: no \`versions\` list`, 'Write `versions:` with one {id, status} per version.');
  return list.map((v, i) => {
    if (typeof v.id !== 'string' || !['stable', 'deprecated', 'preview'].includes(String(v.status)))
      throw new GuardInputError(`${file}: version #${i + 1} needs an id and a status of stable, deprecated or preview`, 'Fix the entry.');
    return { id: v.id, status: v.status as VersionStatus };
  });
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

/**
 * Compares each released (non-preview) version folder under `specsDir` with the same folder at the
 * base commit and returns every breaking change, marking those a waiver lets through.
 */
export function checkFrozen(options: { repo: string; specsDir?: string; base?: string; waiversFile?: string }): FrozenReport {
  const repo = resolve(options.repo);
  const specsDir = options.specsDir ?? 'specs';
  const versions = readVersions(join(repo, specsDir, 'versions.yaml'));
  const waivers = readWaivers(join(repo, options.waiversFile ?? join(specsDir, 'breaking-waivers.yaml')));
  const base = resolveBase(repo, options.base);
  const report: FrozenReport = { base, checked: [], changes: [], blocking: [] };
  for (const v of versions) {
    if (v.status === 'preview') continue;
    const rel = join(specsDir, v.id);
    if (!existsSync(join(repo, rel))) continue;
    const old = materialize(repo, base, rel);
    if (!old) continue; // new version: nothing to break yet
    try {
      report.checked.push(v.id);
      for (const c of runBreaking(old, join(repo, rel))) {
        const change: BreakingChange = { version: v.id, ...c };
        change.waivedBy = waiverFor(waivers, v.id, change);
        report.changes.push(change);
        if (!change.waivedBy) report.blocking.push(change);
      }
    } finally {
      rmSync(dirname(dirname(old)), { recursive: true, force: true });
    }
  }
  return report;
}

export function renderFrozenReport(r: FrozenReport, format: 'text' | 'markdown' = 'text'): string {
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
