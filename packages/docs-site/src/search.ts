/**
 * The offline search index (assets/search-index.js, loaded by nav.js on the first keystroke): every version's
 * methods, pushes, structures and their fields, and the changelog items. Each item carries the names it has in
 * the other versions, so an old name (`activate_chat`) finds the new one and the reverse.
 */
import type { ChangelogItemView } from './changelog.js';
import { markdownText } from './markdown.js';
import { schemaAnchor, type NavData, type VersionIndex, type VersionInfo } from './model.js';
import type { ReferenceVersion } from './reference.js';
import { fieldId, structuresOf } from './render.js';

/** [name, kind, version, href from the site root, other names (space separated), short text] */
export type SearchItem = [string, string, string, string, string, string];

function short(text: string, max = 90): string {
  const t = markdownText(text).replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

export function buildSearchIndex(versions: VersionInfo[], refs: Record<string, ReferenceVersion>, indexes: Record<string, VersionIndex>, nav: NavData, changes: ChangelogItemView[] | null): SearchItem[] {
  const items: SearchItem[] = [];
  const aliases = (v: string, name: string, extra?: string): string => {
    const names = new Set<string>();
    if (extra) names.add(extra);
    for (const table of Object.values(nav.renames[v] ?? {})) {
      const there = table[name];
      if (typeof there === 'string' && there !== name) names.add(there);
    }
    return [...names].join(' ');
  };
  for (const v of versions) {
    const ref = refs[v.id];
    const idx = indexes[v.id];
    if (!ref || !idx) continue;
    for (const m of ref.web) items.push([m.name, 'Web method', v.id, `${v.id}/web.html${idx.web[m.name]?.anchor ?? ''}`, aliases(v.id, m.name, m.renamedFrom), short(m.title)]);
    for (const op of ref.rtm) items.push([op.name, op.kind === 'push' ? 'push' : 'RTM method', v.id, `${v.id}/rtm.html${idx.rtm[op.name]?.anchor ?? ''}`, aliases(v.id, op.name, op.renamedFrom), short(op.kind === 'push' ? op.description || op.title : op.title)]);
    for (const s of structuresOf(ref)) {
      items.push([s.name, 'structure', v.id, `${v.id}/structures.html${schemaAnchor(s.name)}`, aliases(v.id, s.name, s.renamedFrom), short(s.description)]);
      for (const f of s.fields) items.push([`${s.name}.${f.name}`, 'field', v.id, `${v.id}/structures.html#${fieldId(s.name, f.name)}`, f.renamedFrom ? `${s.name}.${f.renamedFrom}` : '', short(f.description, 60)]);
    }
  }
  for (const c of changes ?? []) {
    items.push([short(c.text, 120), c.ownBreaking ? 'breaking change' : 'change', c.version, `changelog.html#${c.id}`, '', c.area]);
    for (const l of c.lines) items.push([short(l.text, 120), l.breaking ? 'breaking change' : 'change', c.version, `changelog.html#${l.id}`, '', short(c.text, 60)]);
  }
  return items;
}
