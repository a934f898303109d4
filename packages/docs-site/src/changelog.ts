/** The changelog page: generated/changelog.json grouped per version and area, each entry linked to the reference. */
import { escapeHtml } from './escape.js';
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

/** Inline Markdown of one changelog line (code spans, bold, emphasis, links); everything is escaped first. */
export function inlineMarkdown(text: string): string {
  const parts = text.split(/(`+[^`]*?`+)/g);
  return parts
    .map((part) => {
      const code = /^(`+)([^`]*?)\1$/.exec(part);
      if (code) return `<code>${escapeHtml(code[2].trim() || code[2])}</code>`;
      let html = escapeHtml(part);
      html = html.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_m, label: string, url: string) => {
        const raw = url.replace(/&amp;/g, '&');
        return /^(https?:|#|\.{0,2}\/|[a-z0-9_.-]+\.html)/i.test(raw) && !/^javascript:/i.test(raw) ? `<a href="${url}">${label}</a>` : label;
      });
      html = html.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
      html = html.replace(/(^|[^*\w])\*([^*\s][^*]*)\*(?!\w)/g, '$1<em>$2</em>');
      return html;
    })
    .join('');
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
    if ((kind === 'structure' || (!at.web[name] && !at.rtm[name])) && at.schemas[name]) links.push({ href: `${v}/rtm.html${at.schemas[name]}`, label: `Structure: ${name}${suffix}` });
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

export function renderChangelogBody(entries: ChangelogEntry[], versions: VersionInfo[], indexes: Record<string, VersionIndex>, history?: History | null): string {
  const order = [...versions].reverse();
  const out: string[] = [];
  const known = new Set(versions.map((v) => v.id));
  const extra = [...new Set(entries.map((e) => e.version))].filter((v) => !known.has(v)).sort().reverse();
  out.push('<nav class="toc"><ul>');
  for (const v of [...extra, ...order.map((o) => o.id)]) {
    const n = entries.filter((e) => e.version === v).length;
    out.push(`<li><a href="#${escapeHtml(changelogAnchor(v))}">${escapeHtml(v)}</a> <span class="count">${n} change${n === 1 ? '' : 's'}</span></li>`);
  }
  out.push('</ul></nav>');
  for (const v of [...extra, ...order.map((o) => o.id)]) {
    const info = versions.find((x) => x.id === v);
    const mine = entries.filter((e) => e.version === v);
    out.push(`<section class="version" id="${escapeHtml(changelogAnchor(v))}">`);
    out.push(`<h2>${escapeHtml(v)}${info ? ` <span class="badge ${escapeHtml(info.status)}">${escapeHtml(statusLabel(info.status))}</span>` : ''}</h2>`);
    if (indexes[v]) out.push(`<p class="refs"><a href="${escapeHtml(v)}/web.html">Web reference</a> · <a href="${escapeHtml(v)}/rtm.html">RTM reference</a></p>`);
    if (history && indexes[v]) out.push(renderMethodsIndex(indexes[v], history));
    if (!mine.length) out.push('<p class="empty">No changes recorded for this version.</p>');
    const areas: string[] = [];
    for (const e of mine) if (!areas.includes(e.area)) areas.push(e.area);
    for (const area of areas) {
      out.push(`<h3 id="${escapeHtml(changelogAnchor(v, area))}">${escapeHtml(area)}</h3><ul class="entries">`);
      for (const e of mine.filter((x) => x.area === area)) {
        const at = versions.findIndex((x) => x.id === v);
        const links = entryLinks(e, indexes[v], at > 0 ? indexes[versions[at - 1].id] : undefined);
        const cls = e.breaking ? 'entry breaking' : 'entry';
        const affected = affectedLinks(e, indexes[v]);
        const subject = e.subject && typeof e.subject.name === 'string' ? e.subject : null;
        const item = history && subject ? (subject.kind === 'push' ? history.pushes : subject.kind === 'structure' ? history.structures : history.methods)[subject.name!] : undefined;
        const badges = renderBadges(historyBadges(item, v).filter((b) => b.cls !== 'hist' && !b.cls.includes('changed')));
        out.push(
          `<li class="${cls}" data-kind="${escapeHtml(e.kind)}">` +
            (e.breaking ? '<span class="badge breaking" title="Breaking change">Breaking</span> ' : '') +
            `<span class="text">${inlineMarkdown(entryText(e, affected))}</span>` +
            (badges ? ` ${badges}` : '') +
            (e.source === 'note' ? ' <span class="badge note">note</span>' : '') +
            (links.length ? ` <span class="links">${links.map((l) => `<a class="ref" href="${escapeHtml(l.href)}">${escapeHtml(l.label)}</a>`).join(' ')}</span>` : '') +
            (affected.length ? `<div class="affects">Affects: ${affected.map((l) => `<a class="ref" href="${escapeHtml(l.href)}">${escapeHtml(l.label)}</a>`).join(' ')}</div>` : '') +
            (e.breaking && e.migration ? `<div class="migration"><strong>Migration:</strong> ${inlineMarkdown(e.migration)}</div>` : '') +
            '</li>',
        );
      }
      out.push('</ul>');
    }
    out.push('</section>');
  }
  return out.join('\n');
}

export function statusLabel(status: string): string {
  return status === 'preview' ? 'developer preview' : status;
}
