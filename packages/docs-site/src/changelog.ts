/** The changelog page: generated/changelog.json grouped per version and area, each entry linked to the reference. */
import { escapeHtml } from './escape.js';
import { statusLabel } from './layout.js';
import { renderInlineMarkdown } from './markdown.js';
import { historyBadges, renderBadges, renderMethodsIndex, type History } from './history.js';
import type { VersionIndex, VersionInfo } from './model.js';

export interface Affected { kind: string; name: string; protocols: string[] }

export interface ChangelogEntry {
  version: string;
  area: string;
  protocols: string[];
  kind: string;
  breaking: boolean;
  text: string;
  source: string;
  subject?: { kind?: string; name?: string };
  migration?: string | null;
  affects?: Affected[];
  [key: string]: unknown;
}

/** Reads the entries, accepting a bare list or `{entries: [...]}`; rejects anything else. */
export function parseChangelog(data: unknown): ChangelogEntry[] {
  const list = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as any).entries) ? (data as any).entries : null;
  if (!list) throw new Error('changelog.json: expected a list of entries (or {entries: [...]})');
  return list.map((e: any, i: number) => {
    if (!e || typeof e.version !== 'string' || typeof e.text !== 'string') throw new Error(`changelog.json entry ${i}: needs "version" and "text"`);
    const affects: Affected[] = Array.isArray(e.affects)
      ? e.affects
          .filter((a: any) => a && typeof a.name === 'string' && a.name)
          .map((a: any) => ({ kind: String(a.kind ?? ''), name: a.name, protocols: Array.isArray(a.protocols) ? a.protocols.map(String) : [] }))
      : [];
    const migration = typeof e.migration === 'string' && e.migration.trim() ? e.migration : null;
    return { ...e, affects, migration, area: String(e.area ?? 'Other'), protocols: Array.isArray(e.protocols) ? e.protocols.map(String) : [], kind: String(e.kind ?? ''), breaking: e.breaking === true, source: String(e.source ?? '') };
  });
}

/** Inline Markdown of one changelog line, through the site's one sanitiser (markdown.ts). */
export function inlineMarkdown(text: string): string {
  return renderInlineMarkdown(text);
}

export interface EntryLink { href: string; label: string }

/**
 * Where an entry points: its subject (method, push, structure) in that version's Web and/or RTM page; a
 * subject that this version removed links to the previous version; otherwise the reference pages of the
 * protocols the entry concerns.
 */
export function entryLinks(entry: ChangelogEntry, idx: VersionIndex | undefined, previous?: VersionIndex): EntryLink[] {
  if (!idx) return [];
  const links: EntryLink[] = [];
  const add = (at: VersionIndex, name: string, kind: string | undefined, suffix = '') => {
    const v = at.id;
    if (kind !== 'structure' && at.web[name]) links.push({ href: `${v}/web.html${at.web[name].anchor}`, label: `Web: ${name}${suffix}` });
    if (kind !== 'structure' && at.rtm[name]) links.push({ href: `${v}/rtm.html${at.rtm[name].anchor}`, label: `RTM: ${name}${suffix}` });
    if ((kind === 'structure' || (!at.web[name] && !at.rtm[name])) && at.schemas[name]) links.push({ href: `${v}/structures.html${at.schemas[name]}`, label: `Structure: ${name}${suffix}` });
  };
  const names: Array<[string, string | undefined]> = [];
  const subject = entry.subject;
  if (subject && typeof subject.name === 'string' && subject.name) names.push([subject.name, subject.kind]);
  for (const key of ['method', 'operation', 'push', 'structure', 'schema']) {
    const value = entry[key];
    if (typeof value === 'string') names.push([value, key === 'schema' ? 'structure' : key]);
  }
  // No structured subject: the backticked names of the text.
  if (!names.length) for (const m of entry.text.matchAll(/`([A-Za-z_][A-Za-z0-9_]*)`/g)) names.push([m[1], undefined]);
  for (const [name, kind] of names) {
    if (kind === 'api') continue;
    add(idx, name, kind);
    if (!links.length && previous) add(previous, name, kind, ` (as in ${previous.id})`);
    if (links.length) break;
  }
  if (!links.length) {
    const protocols = entry.protocols.length ? entry.protocols : ['web', 'rtm'];
    if (protocols.includes('web')) links.push({ href: `${idx.id}/web.html`, label: 'Web reference' });
    if (protocols.includes('rtm')) links.push({ href: `${idx.id}/rtm.html`, label: 'RTM reference' });
  }
  const seen = new Set<string>();
  return links.filter((l) => (seen.has(l.href) ? false : (seen.add(l.href), true)));
}

/** The entry's affected methods and pushes, each linked to its anchor in that version (only the protocols named). */
export function affectedLinks(entry: ChangelogEntry, idx: VersionIndex | undefined): EntryLink[] {
  if (!idx) return [];
  const links: EntryLink[] = [];
  for (const a of entry.affects ?? []) {
    const protocols = a.protocols.length ? a.protocols : ['web', 'rtm'];
    if (a.kind !== 'push' && protocols.includes('web') && idx.web[a.name]) links.push({ href: `${idx.id}/web.html${idx.web[a.name].anchor}`, label: `Web: ${a.name}` });
    if (protocols.includes('rtm') && idx.rtm[a.name]) links.push({ href: `${idx.id}/rtm.html${idx.rtm[a.name].anchor}`, label: `RTM: ${a.name}` });
  }
  return links;
}

/** The entry text without the "Affects ..." and "Migration: ..." sentences the page shows on their own lines. */
export function entryText(entry: ChangelogEntry, affected: EntryLink[]): string {
  let text = entry.text;
  if (entry.breaking && entry.migration && text.endsWith(` Migration: ${entry.migration}`)) text = text.slice(0, -(` Migration: ${entry.migration}`.length));
  if (affected.length) text = text.replace(/ Affects `[^]*?(?= Migration: |$)/, '');
  return text;
}

/** Lower case, runs of anything but a-z/0-9 as one `-`, none at either end: the site's anchor ids. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function changelogAnchor(version: string, area?: string): string {
  return area ? `${version}-${slug(area)}` : version;
}

/** FNV-1a, base 36: a short stable fingerprint of an item's content. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}

/**
 * The anchor of one changelog item: version, subject and a fingerprint of what it says. It stays the same when
 * other items come and go (unlike a position), so links to it keep working across rebuilds.
 */
export function changelogItemId(entry: ChangelogEntry): string {
  const subject = entry.subject && typeof entry.subject.name === 'string' ? entry.subject.name : entry.kind || 'change';
  const key = [entry.version, entry.ruleId ?? entry.kind, subject, entry.path ?? '', entry.text].map(String).join('\u0000');
  return `${entry.version}-${slug(subject) || 'change'}-${fingerprint(key)}`;
}

/** A list item of the changelog page: one change, or a group (item) with its lines as sub-items. */
export interface ChangelogItemView {
  id: string;
  version: string;
  area: string;
  protocols: string[];
  /** The item or one of its lines is breaking. */
  breaking: boolean;
  /** The item's own line is breaking. */
  ownBreaking: boolean;
  text: string;
  migration: string | null;
  /** What links and badges are computed from (the record, or the item's subjects as records). */
  subjects: ChangelogEntry[];
  lines: Array<{ id: string; text: string; breaking: boolean; protocols: string[]; migration: string | null }>;
}

/** `v3.2/structure/Thread` -> `v3.2-structure-Thread`: the item id of changelog.json as an anchor. */
export function itemAnchor(id: string): string {
  return id.replace(/[^A-Za-z0-9_.]+/g, '-').replace(/^-|-$/g, '');
}

/** The line without the trailing " Migration: ..." that the page shows on its own line. */
function withoutMigration(text: string, migration: string | null): string {
  return migration && text.endsWith(` Migration: ${migration}`) ? text.slice(0, -(` Migration: ${migration}`.length)) : text;
}

/**
 * The items of changelog.json when it has them (`items`: groups with lines, each record naming its item; see
 * packages/diff/README.md), else null: the page then shows one item per record.
 */
export function parseChangelogItems(data: unknown): ChangelogItemView[] | null {
  const list = data && typeof data === 'object' && !Array.isArray(data) && Array.isArray((data as any).items) ? ((data as any).items as any[]) : null;
  if (!list) return null;
  const seen = new Map<string, number>();
  return list
    .filter((it) => it && typeof it.version === 'string' && typeof it.text === 'string')
    .map((it, n) => {
      let id = itemAnchor(typeof it.id === 'string' && it.id ? it.id : `${it.version}-item-${n}`);
      const k = (seen.get(id) ?? 0) + 1;
      seen.set(id, k);
      if (k > 1) id = `${id}-${k}`;
      const protocols = Array.isArray(it.protocols) ? it.protocols.map(String) : [];
      const migration = typeof it.migration === 'string' && it.migration.trim() ? it.migration : null;
      const subjects = (Array.isArray(it.subjects) && it.subjects.length ? it.subjects : [null]).map((subject: any) =>
        parseChangelog([{ version: it.version, area: it.area, protocols, kind: subject?.kind ?? '', breaking: it.breaking === true, text: it.text, source: 'diff', subject: subject ?? undefined, affects: Array.isArray(it.affects) ? it.affects : [], migration }])[0],
      );
      const lines = (Array.isArray(it.lines) ? it.lines : [])
        .filter((l: any) => l && typeof l.text === 'string')
        .map((l: any, i: number) => {
          const m = typeof l.migration === 'string' && l.migration.trim() ? l.migration : null;
          return { id: `${id}-${i + 1}`, text: withoutMigration(l.text, m), breaking: l.breaking === true, protocols: Array.isArray(l.protocols) ? l.protocols.map(String) : protocols, migration: m };
        });
      const own = it.breaking === true;
      return {
        id,
        version: it.version,
        area: String(it.area ?? 'Other'),
        protocols,
        breaking: own || it.containsBreaking === true || lines.some((l: { breaking: boolean }) => l.breaking),
        ownBreaking: own,
        text: withoutMigration(it.text, migration),
        migration,
        subjects,
        lines,
      };
    });
}

/** One item per record (changelog.json without `items`), ids stable and unique in page order. */
export function itemsFromEntries(entries: ChangelogEntry[]): ChangelogItemView[] {
  const used = new Map<string, number>();
  return entries.map((e) => {
    const base = changelogItemId(e);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return { id: n === 1 ? base : `${base}-${n}`, version: e.version, area: e.area, protocols: e.protocols, breaking: e.breaking, ownBreaking: e.breaking, text: e.text, migration: e.migration ?? null, subjects: [e], lines: [] };
  });
}

function protocolLabel(protocols: string[]): string {
  const p = protocols.length ? protocols : ['web', 'rtm'];
  return p.map((x) => (x === 'web' ? 'Web' : x === 'rtm' ? 'RTM' : x)).join(' & ');
}

function refLinks(links: EntryLink[]): string {
  return links.map((l) => `<a class="ref" href="${escapeHtml(l.href)}">${escapeHtml(l.label)}</a>`).join(' ');
}

function renderItem(item: ChangelogItemView, versions: VersionInfo[], indexes: Record<string, VersionIndex>, history: History | null | undefined): string {
  const v = item.version;
  const at = versions.findIndex((x) => x.id === v);
  const seen = new Set<string>();
  const links: EntryLink[] = [];
  const affected: EntryLink[] = [];
  let badges = '';
  for (const e of item.subjects) {
    for (const l of entryLinks(e, indexes[v], at > 0 ? indexes[versions[at - 1].id] : undefined)) if (!seen.has(l.href)) (seen.add(l.href), links.push(l));
    for (const l of affectedLinks(e, indexes[v])) if (!seen.has(l.href)) (seen.add(l.href), affected.push(l));
    const subject = e.subject && typeof e.subject.name === 'string' ? e.subject : null;
    const hist = history && subject ? (subject.kind === 'push' ? history.pushes : subject.kind === 'structure' ? history.structures : history.methods)[subject.name!] : undefined;
    badges ||= renderBadges(historyBadges(hist, v).filter((b) => b.cls !== 'hist' && !b.cls.includes('changed')));
  }
  const first = item.subjects[0];
  const text = item.lines.length || !first ? item.text : entryText({ ...first, text: item.text }, affected);
  const source = first?.source === 'note' ? ' <span class="badge note">note</span>' : '';
  return (
    `<li class="${item.breaking ? 'entry breaking' : 'entry'}" id="${escapeHtml(item.id)}" data-version="${escapeHtml(v)}" data-area="${escapeHtml(item.area)}" data-protocols="${escapeHtml((item.protocols.length ? item.protocols : ['web', 'rtm']).join(' '))}" data-breaking="${item.breaking ? '1' : '0'}">` +
    `<a class="anchor" href="#${escapeHtml(item.id)}" aria-label="Link to this change">#</a> ` +
    (item.ownBreaking || (item.breaking && !item.lines.length) ? '<span class="badge breaking" title="Breaking change">Breaking</span> ' : '') +
    `<span class="proto-tag">${escapeHtml(protocolLabel(item.protocols))}</span> ` +
    `<span class="text">${inlineMarkdown(text)}</span>` +
    (badges ? ` ${badges}` : '') +
    source +
    (links.length ? ` <span class="links">${refLinks(links)}</span>` : '') +
    (affected.length ? `<div class="affects">Affects: ${refLinks(affected)}</div>` : '') +
    (item.ownBreaking && item.migration ? `<div class="migration"><strong>Migration:</strong> ${inlineMarkdown(item.migration)}</div>` : '') +
    (item.lines.length
      ? `<ul class="sub">${item.lines
          .map(
            (l) =>
              `<li id="${escapeHtml(l.id)}" class="${l.breaking ? 'line breaking' : 'line'}"><a class="anchor" href="#${escapeHtml(l.id)}" aria-label="Link to this change">#</a> ` +
              (l.breaking ? '<span class="badge breaking" title="Breaking change">Breaking</span> ' : '') +
              `${inlineMarkdown(l.text)}` +
              (l.breaking && l.migration ? `<div class="migration"><strong>Migration:</strong> ${inlineMarkdown(l.migration)}</div>` : '') +
              '</li>',
          )
          .join('')}</ul>`
      : '') +
    '</li>'
  );
}

function filters(entries: ChangelogItemView[], versions: string[]): string {
  const areas = [...new Set(entries.map((e) => e.area))].sort();
  const opt = (value: string, label: string) => `<option value="${escapeHtml(value)}">${escapeHtml(label)}</option>`;
  return (
    `<form class="filters" id="changelog-filters" aria-label="Filter the changelog">` +
    `<label>Version <select name="version"><option value="">All</option>${versions.map((v) => opt(v, v)).join('')}</select></label>` +
    `<label>Protocol <select name="protocol"><option value="">Both</option>${opt('web', 'Web')}${opt('rtm', 'RTM')}</select></label>` +
    `<label>Area <select name="area"><option value="">All</option>${areas.map((a) => opt(a, a)).join('')}</select></label>` +
    `<label class="check"><input type="checkbox" name="breaking" value="1"> Breaking only</label>` +
    `<output id="changelog-count" aria-live="polite">${entries.length} changes</output></form>`
  );
}

export function renderChangelogBody(entries: ChangelogEntry[], versions: VersionInfo[], indexes: Record<string, VersionIndex>, history?: History | null, grouped?: ChangelogItemView[] | null): string {
  const items = grouped ?? itemsFromEntries(entries);
  const order = [...versions].reverse();
  const out: string[] = [];
  const known = new Set(versions.map((v) => v.id));
  const extra = [...new Set(items.map((e) => e.version))].filter((v) => !known.has(v)).sort().reverse();
  const all = [...extra, ...order.map((o) => o.id)];
  out.push(filters(items, all));
  out.push('<nav class="toc" aria-label="Versions"><ul>');
  for (const v of all) {
    const n = items.filter((e) => e.version === v).length;
    out.push(`<li><a href="#${escapeHtml(changelogAnchor(v))}">${escapeHtml(v)}</a> <span class="count">${n} change${n === 1 ? '' : 's'}</span></li>`);
  }
  out.push('</ul></nav>');
  for (const v of all) {
    const info = versions.find((x) => x.id === v);
    const mine = items.filter((e) => e.version === v);
    out.push(`<section class="version" id="${escapeHtml(changelogAnchor(v))}" data-version="${escapeHtml(v)}">`);
    out.push(`<h2>${escapeHtml(v)}${info ? ` <span class="badge ${escapeHtml(info.status)}">${escapeHtml(statusLabel(info.status))}</span>` : ''}</h2>`);
    if (indexes[v]) out.push(`<p class="refs"><a href="${escapeHtml(v)}/web.html">Web reference</a> · <a href="${escapeHtml(v)}/rtm.html">RTM reference</a> · <a href="${escapeHtml(v)}/structures.html">Structures</a></p>`);
    if (history && indexes[v]) out.push(renderMethodsIndex(indexes[v], history));
    if (!mine.length) out.push('<p class="empty">No changes recorded for this version.</p>');
    const areas: string[] = [];
    for (const e of mine) if (!areas.includes(e.area)) areas.push(e.area);
    for (const area of areas) {
      out.push(`<div class="area" data-area="${escapeHtml(area)}"><h3 id="${escapeHtml(changelogAnchor(v, area))}">${escapeHtml(area)}</h3><ul class="entries">`);
      for (const item of mine.filter((x) => x.area === area)) out.push(renderItem(item, versions, indexes, history));
      out.push('</ul></div>');
    }
    out.push('</section>');
  }
  out.push('<p id="changelog-none" class="empty" hidden>No change matches these filters.</p>');
  return out.join('\n');
}

export { statusLabel };
