import type { Protocol } from '@ccapi/model';
import type { DiffResult, NoteEntry } from './diff.js';
import { LEVEL_RANK, type Affected, type Finding, type Level } from './types.js';
import { affectsText, changedPathCount } from './affects.js';
import { groupAtoms, itemMarkdown, type Atom, type ChangelogItem } from './group.js';
import { subjectLabel } from './messages.js';
import { plain, plainMigration } from './wording.js';
import { textOrder } from './own.js';

/** One changelog entry as written to changelog.json. */
export interface ChangelogEntry {
  version: string;
  area: string;
  protocols: Protocol[];
  kind: string;
  breaking: boolean;
  level: Level | null;
  ruleId: string | null;
  subject: { kind: string; name: string } | null;
  path: string | null;
  text: string;
  source: 'diff' | 'note';
  reference: string | null;
  /** Methods and pushes a change to a shared structure reaches (null for other entries). */
  affects: Affected[] | null;
  /** What a client must change, for breaking entries (also at the end of `text`). */
  migration: string | null;
  /** Id of the changelog item (`items[].id`) this record is grouped under. */
  item: string;
}

/** A version's records and the items they are grouped into. */
export interface Changelog {
  entries: ChangelogEntry[];
  items: ChangelogItem[];
}

/** `{entries, changedPaths}`: entries written next to the places a per-path diff would list. */
export interface ChangelogStats {
  entries: number;
  changedPaths: number;
}

export function changelogStats(result: DiffResult, entries: ChangelogEntry[]): ChangelogStats {
  return { entries: entries.length, changedPaths: changedPathCount(result.findings) + result.notes.length };
}

/** The Markdown line of a finding: the change, its protocols, what it affects, how to migrate. */
export function entryText(f: Finding, folders: boolean): string {
  let text = folders ? `${plain(f.text, f.owner.name)} ${protocolTag(f.protocols)}` : plain(f.text, f.owner.name);
  const affects = affectsText(f.affects, folders);
  if (affects) text += ` ${affects[0].toUpperCase()}${affects.slice(1)}.`;
  if (f.breaking && f.migration) text += ` Migration: ${plainMigration(text, f.migration)}`;
  return text;
}

export function protocolTag(protocols: Protocol[]): string {
  if (protocols.length === 2) return '(Web & RTM)';
  return protocols[0] === 'web' ? '(Web)' : '(RTM)';
}

/** Turns a diff result into changelog entries (findings first, then notes), each naming its item. */
export function toEntries(result: DiffResult, version: string): ChangelogEntry[] {
  return toChangelog(result, version).entries;
}

/** The subject a finding is grouped under, and its wording without that subject. */
function atomOf(f: Finding): Atom {
  const text = plain(f.text, f.owner.name);
  const kind = f.ruleId.startsWith('server-') ? 'server' : f.owner.kind === 'api' || f.owner.kind === 'parameter' ? 'general' : f.owner.kind;
  const label = subjectLabel(f.owner);
  let rest: string | null = null;
  let restForm: Atom['restForm'] = null;
  if (kind === 'server' || kind === 'general') rest = null;
  else if (/-renamed$/.test(f.kind) && f.ruleId.startsWith(f.owner.kind)) rest = text;
  else if (text.startsWith(`${label[0].toUpperCase()}${label.slice(1)} `)) { rest = text.slice(label.length + 1); restForm = 'verb'; }
  else if (text.startsWith(`In ${label}, `)) { rest = text.slice(label.length + 5); restForm = 'clause'; }
  return {
    area: f.area, protocols: f.protocols, breaking: f.breaking, ruleId: f.ruleId, kind: f.kind, subjectKind: kind,
    subjectName: kind === 'server' ? (f.path ?? '') : f.owner.name, path: f.path ?? null, text, rest, restForm,
    migration: f.breaking ? (plainMigration(text, f.migration) ?? null) : null, affects: f.affects?.length ? f.affects : null,
    ...(/-renamed$/.test(f.kind) && f.ruleId.startsWith(f.owner.kind) && typeof f.from === 'string' ? { oldName: f.from } : {}),
    ...(f.ruleId === 'server-version-changed' && typeof f.to === 'string' ? { endpoint: f.to } : {}),
  };
}

/**
 * A version's changelog: one record per atomic change (`entries`, positions from `offset` on) and
 * the items they are grouped into (`items`, see group.ts).
 */
export function toChangelog(result: DiffResult, version: string, offset = 0): Changelog {
  const entries: ChangelogEntry[] = result.findings.map((f: Finding) => ({
    version,
    area: f.area,
    protocols: f.protocols,
    kind: f.kind,
    breaking: f.breaking,
    level: f.level,
    ruleId: f.ruleId,
    subject: { kind: f.owner.kind, name: f.owner.name },
    path: f.path ?? null,
    text: entryText(f, result.folders),
    source: 'diff',
    reference: f.reference,
    affects: f.affects ?? null,
    migration: f.breaking ? (plainMigration(plain(f.text, f.owner.name), f.migration) ?? null) : null,
    item: '',
  }));
  const atoms = result.findings.map(atomOf);
  for (const n of result.notes as NoteEntry[]) {
    entries.push({
      version, area: n.area, protocols: n.protocols, kind: 'note', breaking: n.breaking, level: null, ruleId: null,
      subject: null, path: null, text: `${n.text} ${protocolTag(n.protocols)}`, source: 'note', reference: null, affects: null, migration: null, item: '',
    });
    atoms.push({ area: n.area, protocols: n.protocols, breaking: n.breaking, ruleId: null, kind: 'note', subjectKind: 'note', subjectName: '', path: null, text: n.text, rest: null, restForm: null, migration: null, affects: null });
  }
  const { items, itemOf } = groupAtoms(version, atoms, atoms.map((_, i) => offset + i), result.folders);
  entries.forEach((e, i) => (e.item = itemOf[i]));
  return { entries, items };
}

/** Markdown of one version section: `### <Area>` headings, one list item per changed subject. */
export function markdownSection(title: string, items: ChangelogItem[]): string {
  const lines = [`## [${title}]`, ''];
  if (!items.length) return [...lines, 'No changes.', ''].join('\n');
  const areas = [...new Set(items.map((e) => e.area))].sort(textOrder);
  for (const area of areas) {
    lines.push(`### ${area}`, '');
    for (const it of items.filter((x) => x.area === area)) lines.push(itemMarkdown(it));
    lines.push('');
  }
  return lines.join('\n');
}

export function renderText(findings: Finding[], failOn: Level): string {
  const shown = findings.filter((f) => f.breaking);
  if (!shown.length) return 'No breaking changes.\n';
  const lines = shown.map((f) => `${f.level.padEnd(4)} ${f.ruleId}: ${f.text}${f.protocols.length ? ` [${f.protocols.join(', ')}]` : ''}${f.migration ? `\n     migrate: ${f.migration}` : ''}${f.affects?.length ? `\n     ${affectsText(f.affects, f.protocols.length > 1 || f.affects.some((a) => a.protocols.length > 1), 8)}` : ''}\n     at ${f.location.file}#${f.location.pointer}\n     see ${f.reference}`);
  const failing = shown.filter((f) => LEVEL_RANK[f.level] >= LEVEL_RANK[failOn]).length;
  return `${lines.join('\n')}\n\n${shown.length} breaking change(s), ${failing} at or above ${failOn}.\n`;
}

export function renderBreakingMarkdown(findings: Finding[]): string {
  const shown = findings.filter((f) => f.breaking);
  if (!shown.length) return 'No breaking changes.\n';
  return ['| level | rule | change | migration |', '|---|---|---|---|', ...shown.map((f) => `| ${f.level} | [${f.ruleId}](${f.reference}) | ${f.text.replace(/\|/g, '\\|')} | ${(f.migration ?? '').replace(/\|/g, '\\|')} |`)].join('\n') + '\n';
}

/**
 * `{entries, stats}` as indented JSON with each `affects` list on one line: on a large API a shared
 * structure reaches hundreds of operations, and one line per field of each would make the output
 * ten times bigger than the changelog itself. Lists shared by several entries are serialised once.
 */
export function changelogJson(entries: ChangelogEntry[], stats: ChangelogStats, items: ChangelogItem[] = []): string {
  return changelogJsonParts(entries, stats, items).join('');
}

/** Two affects lists with the same entries in the same order (every entry is built as `{kind, name, protocols}`). */
function sameAffects(a: Affected[], b: Affected[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i], y = b[i];
    if (x === y) continue;
    if (x.kind !== y.kind || x.name !== y.name || x.protocols.length !== y.protocols.length) return false;
    for (let j = 0; j < x.protocols.length; j++) if (x.protocols[j] !== y.protocols[j]) return false;
  }
  return true;
}

/**
 * `changelogJson` as the pieces it is joined from, for a writer that sends them on as they are:
 * joining them first would build the whole output once more (7.7 MB on Stripe).
 */
export function changelogJsonParts(entries: ChangelogEntry[], stats: ChangelogStats, items: ChangelogItem[] = []): string[] {
  const compact = new Map<Affected[], string>();
  // lists equal in content but built apart (Stripe: 277 lists, 37 contents, 6 MB written) are
  // serialised once: comparing two lists costs far less than writing one out
  const byShape = new Map<string, Array<[Affected[], string]>>();
  const serialise = (list: Affected[]): string => {
    const key = `${list.length}\0${list[0]?.name}\0${list[list.length - 1]?.name}`;
    const seen = byShape.get(key);
    const hit = seen?.find(([other]) => sameAffects(other, list));
    if (hit) return hit[1];
    const text = JSON.stringify(list);
    if (seen) seen.push([list, text]); else byShape.set(key, [[list, text]]);
    return text;
  };
  const marks: string[] = [];
  // a stand-in no string of the documents can spell (about 100 random bits, drawn after they were
  // read): a list goes back only where the stand-in was put. Math.random rather than node:crypto,
  // whose loading cost a run of api-diff ~10 ms for one UUID.
  const tag = `\u0000${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}:`;
  const compactAffects = <T extends { affects: Affected[] | null }>(e: T): T => {
    if (!e.affects) return e;
    let c = compact.get(e.affects);
    if (c === undefined) compact.set(e.affects, (c = serialise(e.affects)));
    marks.push(c);
    return { ...e, affects: `${tag}${marks.length - 1}` as unknown as Affected[] };
  };
  const text = JSON.stringify({ entries: entries.map(compactAffects), items: items.map(compactAffects), stats }, null, 2);
  // the lists go back by splitting at the stand-ins: a replace would leave a rope of twice as many
  // pieces as lists, which writing must flatten again (Stripe: 7.7 MB, 25 ms)
  const pieces = text.split(`"\\u0000${tag.slice(1)}`);
  const parts = [pieces[0]];
  for (let i = 1; i < pieces.length; i++) {
    const end = pieces[i].indexOf('"');
    parts.push(marks[Number(pieces[i].slice(0, end))], pieces[i].slice(end + 1));
  }
  return parts;
}
