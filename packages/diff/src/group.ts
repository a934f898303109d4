import type { Protocol } from '@ccapi/model';
import type { Affected } from './types.js';
import { affectsText, mergeAllAffects } from './affects.js';
import { textOrder } from './own.js';

/**
 * Grouping of atomic changelog records into the items a reader sees (the published changelog's
 * shape): one item per changed subject (method, push, data structure, the general format, the
 * endpoints), with sub-items (`lines`) when it changed in several ways; the same change made to
 * several sibling subjects is one item naming them; renames come first. Grouping is only a
 * rendering step: every record stays in `changelog.json` and points at its item with `item`.
 * docs/changelog-wording.md describes each grouping rule with an example.
 */

/** What grouping needs to know about one atomic record. */
export interface Atom {
  area: string;
  protocols: Protocol[];
  breaking: boolean;
  ruleId: string | null;
  kind: string;
  /** `method`, `push`, `structure`, `general` (API-wide, shared parameters), `server`, `note`. */
  subjectKind: string;
  subjectName: string;
  /** Changed field or parameter path, server name... */
  path: string | null;
  /** The whole sentence (subject included, no protocol tag, no migration). */
  text: string;
  /** The same change without its subject ("has a new field `queue`."), or null when it cannot stand alone. */
  rest: string | null;
  /** `verb` when `rest` continues "The X ..." (has/no longer/...), `clause` when it followed "In the X, ...". */
  restForm: 'verb' | 'clause' | null;
  migration: string | null;
  affects: Affected[] | null;
  /** Old name of a renamed method, push or structure. */
  oldName?: string;
  /** For a server whose address changed with the documents' own version only: the new address. */
  endpoint?: string;
}

/** One sub-item of an item. */
export interface ItemLine {
  /** Markdown inline text: the change, its protocol tag when it differs from the item's, its migration hint. */
  text: string;
  breaking: boolean;
  protocols: Protocol[];
  migration: string | null;
  /** Positions of the records (in `entries`) this line stands for. */
  entries: number[];
}

/** One top-level list item of the changelog. */
export interface ChangelogItem {
  /** `<version>/<subject kind>/<name>[+<name>...]`: stable as long as the subjects are. */
  id: string;
  version: string;
  area: string;
  /** What the item is about; several when one change was made to sibling subjects. */
  subjects: Array<{ kind: string; name: string }>;
  protocols: Protocol[];
  /** The item's own line is a breaking change (a single change, or a breaking rename heading). */
  breaking: boolean;
  /** Some line of the item (or the item itself) is breaking. */
  containsBreaking: boolean;
  /** Markdown inline text of the item's own line (without the `**Breaking:**` mark). */
  text: string;
  migration: string | null;
  affects: Affected[] | null;
  /** Sub-items, in order (empty when the item is a single change). */
  lines: ItemLine[];
  /** Positions of every record (in `entries`) grouped under this item. */
  entries: number[];
}

const TAG: Record<string, string> = { web: '(Web)', rtm: '(RTM)', 'web,rtm': '(Web & RTM)' };
const order = (p: Protocol[]) => [...p].sort((a, b) => (a === 'web' ? -1 : b === 'web' ? 1 : 0));
const tag = (p: Protocol[]) => TAG[order(p).join(',')] ?? '';
const samePro = (a: Protocol[], b: Protocol[]) => a.length === b.length && a.every((p) => b.includes(p));
const union = (lists: Protocol[][]): Protocol[] => (['web', 'rtm'] as Protocol[]).filter((p) => lists.some((l) => l.includes(p)));
const NOUN: Record<string, [string, string]> = { method: ['method', 'methods'], push: ['push', 'pushes'], structure: ['data structure', 'data structures'] };
/** Name suffixes of a data structure's request form (`<Name>Input`): one subject with `<Name>`. */
const FORMS = ['Input', 'Request'];
const isRename = (a: Atom) => /-renamed$/.test(a.kind) && a.ruleId?.startsWith(a.subjectKind) === true;
const isAdded = (a: Atom) => /^(method|push|structure)-added$/.test(a.ruleId ?? '');

function names(list: string[]): string {
  const q = list.map((n) => `\`${n}\``);
  return q.length <= 2 ? q.join(' and ') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

function heading(kind: string, subjects: string[]): string {
  const noun = NOUN[kind] ?? ['subject', 'subjects'];
  return subjects.length === 1 ? `The \`${subjects[0]}\` ${noun[0]}` : `The ${names(subjects)} ${noun[1]}`;
}

function finishLine(text: string, protocols: Protocol[] | null, affects: Affected[] | null, breaking: boolean, migration: string | null, tags: boolean): string {
  let t = protocols?.length ? `${text} ${tag(protocols)}` : text;
  const a = affectsText(affects ?? undefined, tags);
  if (a) t += ` ${a[0].toUpperCase()}${a.slice(1)}.`;
  if (breaking && migration) t += ` Migration: ${migration}`;
  return t;
}

/** A sub-item in the making: `text` under a heading, `full` when it stands alone as the item. */
interface LineDraft {
  idx: number[];
  text: string;
  full: string;
  protocols: Protocol[];
  breaking: boolean;
  migration: string | null;
  rename: boolean;
}

interface Draft {
  id: string;
  area: string;
  kind: string;
  subjects: string[];
  /** Own heading (several lines); the default names the subjects. */
  header?: string;
  lines: LineDraft[];
  idx: number[];
  /** Comes first in its area (a renamed subject). */
  rank: number;
  /** The corresponding push whose changes this method's item also lists. */
  pairedPush?: string;
}

/**
 * Groups one version's atoms (given in record order) into items. `ids` are the record positions
 * (in the full `entries` list) of the atoms.
 */
export function groupAtoms(version: string, atoms: Atom[], ids: number[], tags = true): { items: ChangelogItem[]; itemOf: string[] } {
  // one document on each side: every change is on its one protocol, no tag needed
  const finish = (text: string, protocols: Protocol[] | null, affects: Affected[] | null, breaking: boolean, migration: string | null) =>
    finishLine(text, tags ? protocols : null, affects, breaking, migration, tags);
  const line = (i: number[], text: string, full: string): LineDraft => {
    const a = atoms[i[0]];
    return { idx: i, text, full, protocols: union(i.map((k) => atoms[k].protocols)), breaking: a.breaking, migration: a.breaking ? a.migration : null, rename: isRename(a) };
  };
  // a data structure and its request form are one subject when both changed
  const structures = new Set(atoms.filter((a) => a.subjectKind === 'structure').map((a) => a.subjectName));
  const subjectOf = (a: Atom): { name: string; form: string } => {
    if (a.subjectKind !== 'structure') return { name: a.subjectName, form: '' };
    for (const f of FORMS) if (a.subjectName.endsWith(f) && structures.has(a.subjectName.slice(0, -f.length))) return { name: a.subjectName.slice(0, -f.length), form: f };
    return { name: a.subjectName, form: '' };
  };
  const drafts: Draft[] = [];
  const bySubject = new Map<string, number[]>();
  const singles: number[] = [];
  const notes: number[] = [];
  const general: number[] = [];
  const servers: number[] = [];
  atoms.forEach((a, i) => {
    if (a.subjectKind === 'note') return void notes.push(i);
    if (a.subjectKind === 'server') return void servers.push(i);
    if (a.subjectKind === 'general') return void general.push(i);
    if (!a.rest) return void singles.push(i);
    const key = JSON.stringify([a.area, a.subjectKind, subjectOf(a).name]);
    (bySubject.get(key) ?? bySubject.set(key, []).get(key)!).push(i);
  });

  // 1. the same change (same wording once the subject is taken out, same protocols and severity) made
  //    to several subjects of one kind and area is one sibling item; a subject's own rename never is
  const sig = (a: Atom) => JSON.stringify([a.area, a.subjectKind, subjectOf(a).form, a.rest, a.protocols, a.breaking]);
  const holders = new Map<string, Set<string>>();
  for (const list of bySubject.values()) for (const i of list) {
    if (isRename(atoms[i])) continue;
    const s = sig(atoms[i]);
    (holders.get(s) ?? holders.set(s, new Set()).get(s)!).add(subjectOf(atoms[i]).name);
  }
  interface Bucket { kind: string; area: string; subjects: string[]; changes: number[][] }
  const buckets = new Map<string, Bucket>();
  // how many buckets name each subject (a bucket's subjects are distinct)
  const holding = new Map<string, number>();
  const bucket = (kind: string, area: string, subjects: string[]): Bucket => {
    const key = JSON.stringify([area, kind, subjects]);
    let b = buckets.get(key);
    if (!b) {
      buckets.set(key, (b = { kind, area, subjects, changes: [] }));
      for (const name of subjects) holding.set(name, (holding.get(name) ?? 0) + 1);
    }
    return b;
  };
  for (const list of bySubject.values()) for (const i of list) {
    const a = atoms[i];
    const h = isRename(a) ? undefined : holders.get(sig(a));
    const b = bucket(a.subjectKind, a.area, h && h.size > 1 ? [...h].sort(textOrder) : [subjectOf(a).name]);
    const at = b.changes.findIndex((c) => !isRename(a) && sig(atoms[c[0]]) === sig(a));
    if (at >= 0) b.changes[at].push(i);
    else b.changes.push([i]);
  }
  // a sibling item is kept only when it leaves at least two of its subjects with nothing else to say
  // (it then replaces two or more items); otherwise its subjects keep their own items
  for (let changed = true; changed;) {
    changed = false;
    for (const [key, b] of buckets) {
      if (b.subjects.length < 2) continue;
      // subjects no other bucket names
      const full = b.subjects.filter((name) => holding.get(name) === 1).length;
      if (full >= 2) continue;
      buckets.delete(key);
      for (const name of b.subjects) holding.set(name, holding.get(name)! - 1);
      for (const c of b.changes) for (const i of c) bucket(b.kind, b.area, [subjectOf(atoms[i]).name]).changes.push([i]);
      changed = true;
      break;
    }
  }
  for (const b of buckets.values()) {
    const many = b.subjects.length > 1;
    const multiForm = new Set(b.changes.flat().map((i) => atoms[i].subjectName)).size > 1;
    const lines = b.changes.map((c) => {
      const a = atoms[c[0]];
      const form = subjectOf(a).form;
      if (isRename(a)) return line(c, a.text, a.text);
      if (!many && multiForm) return line(c, a.restForm === 'verb' ? `\`${a.subjectName}\` ${a.rest}` : `\`${a.subjectName}\`: ${a.rest}`, a.text);
      if (!many) return line(c, a.rest!, a.text);
      const noun = `${NOUN[b.kind][1]}${form ? ` (their \`${form}\` forms)` : ''}`;
      const full = a.restForm === 'verb' ? `Each of the ${names(b.subjects)} ${noun} ${a.rest}` : `In each of the ${names(b.subjects)} ${noun}, ${a.rest}`;
      return line(c, a.rest!, full);
    });
    // the subject's own rename first, then renamed and moved fields, then the rest
    const weight = (l: LineDraft) => (l.rename ? 0 : /^field-(renamed|moved)$|^fields-unwrapped$/.test(atoms[l.idx[0]].kind) ? 1 : 2);
    lines.sort((x, y) => weight(x) - weight(y));
    const forms = [...new Set(b.changes.flat().map((i) => atoms[i].subjectName))].sort(textOrder);
    drafts.push({
      id: `${version}/${b.kind}/${b.subjects.join('+')}`, area: b.area, kind: b.kind, subjects: b.subjects, lines, idx: b.changes.flat(), rank: lines[0].rename ? 0 : 1,
      header: !many && forms.length > 1 ? heading(b.kind, forms) : many ? `Each of the ${names(b.subjects)} ${NOUN[b.kind][1]}` : undefined,
    });
  }

  // 2. one family of subjects (same last name word, same kind and area) that all changed at one place
  //    in the same kind of way, values aside (say `type` of three sibling structures got new values,
  //    each its own), and in no way that needs its own heading: one item
  const lone = new Map<string, Draft[]>();
  for (const d of drafts) {
    // (data structures only: method and push names share words like `chat` without being siblings)
    if (d.kind !== 'structure' || d.subjects.length !== 1 || d.lines.some((l) => l.rename || l.idx.length !== 1) || d.idx.some((i) => !atoms[i].restForm || atoms[i].subjectName !== d.subjects[0])) continue;
    // siblings of one family only: the same last word of the name (`Item`, `NewItem`)
    const family = /([A-Z][a-z0-9]*|[a-z0-9]+)$/.exec(d.subjects[0])?.[1] ?? d.subjects[0];
    const key = JSON.stringify([d.area, d.kind, family]);
    (lone.get(key) ?? lone.set(key, []).get(key)!).push(d);
  }
  const places = (d: Draft) => new Set(d.idx.map((i) => `${atoms[i].path}`));
  for (const group of lone.values()) {
    // every member changed at (at least) one same place
    if (group.length < 2 || ![...places(group[0])].some((p) => group.every((d) => places(d).has(p)))) continue;
    group.sort((x, y) => textOrder(x.subjects[0], y.subjects[0]));
    const subjects = group.map((d) => d.subjects[0]);
    const lines = group.flatMap((d) => d.idx.map((i) => {
      const a = atoms[i];
      return line([i], a.restForm === 'verb' ? `\`${d.subjects[0]}\` ${a.rest}` : `\`${d.subjects[0]}\`: ${a.rest}`, a.text);
    }));
    for (const d of group) drafts.splice(drafts.indexOf(d), 1);
    drafts.push({ id: `${version}/${group[0].kind}/${subjects.join('+')}`, area: group[0].area, kind: group[0].kind, subjects, lines, idx: group.flatMap((d) => d.idx), rank: 1, header: heading(group[0].kind, subjects) });
  }

  // a push named like a method (`x_closed` for `close_x`, same words) is that method's corresponding
  // push: when both changed, one item (the method's) says both
  const stem = (name: string) => name.toLowerCase().split(/[_\W]+/).filter(Boolean).map((w) => w.replace(/ed$/, '').replace(/e$/, '')).sort().join(' ');
  const known = (d: Draft) => [d.subjects[0], ...d.idx.map((i) => atoms[i].oldName).filter((n): n is string => !!n)].map(stem);
  for (const p of drafts.filter((d) => d.kind === 'push' && d.subjects.length === 1)) {
    const pk = known(p);
    const m = drafts.find((d) => d.kind === 'method' && d.subjects.length === 1 && d.area === p.area && known(d).some((k) => pk.includes(k)));
    if (!m) continue;
    drafts.splice(drafts.indexOf(p), 1);
    const [first, ...others] = p.lines;
    const a = atoms[first.idx[0]];
    const said = first.rename ? `The corresponding push, \`${a.oldName}\`, was renamed to \`${a.subjectName}\`.` : first.full;
    m.lines.push({ ...first, text: said, full: said, rename: false }, ...others.map((l) => ({ ...l, text: l.full })));
    m.idx.push(...p.idx);
    m.pairedPush = p.subjects[0];
  }

  // removed methods, pushes and data structures of one area, each changed in no other way: one item
  const removed = new Map<string, Draft[]>();
  for (const d of drafts) {
    if (d.subjects.length !== 1 || d.idx.length !== 1 || !/^(method|push|structure)-removed/.test(atoms[d.idx[0]].ruleId ?? '')) continue;
    (removed.get(d.area) ?? removed.set(d.area, []).get(d.area)!).push(d);
  }
  for (const [area, group] of removed) {
    if (group.length < 2) continue;
    group.sort((x, y) => textOrder(x.subjects[0], y.subjects[0]));
    for (const d of group) drafts.splice(drafts.indexOf(d), 1);
    const kinds = [...new Set(group.map((d) => d.kind))].sort();
    drafts.push({
      id: `${version}/removed/${group.map((d) => d.subjects[0]).join('+')}`, area, kind: kinds.join('+'), subjects: group.map((d) => d.subjects[0]), idx: group.flatMap((d) => d.idx), rank: 1,
      lines: group.map((d) => ({ ...d.lines[0], text: `the \`${d.subjects[0]}\` ${NOUN[d.kind][0]}` })),
      header: `These ${kinds.map((k) => NOUN[k][1]).join(' and ')} were removed`,
    });
  }

  // 3. new methods, pushes and data structures of one area: one item listing them
  const added = new Map<string, number[]>();
  for (const i of singles) {
    const a = atoms[i];
    if (isAdded(a)) (added.get(a.area) ?? added.set(a.area, []).get(a.area)!).push(i);
    else drafts.push({ id: `${version}/${a.subjectKind}/${a.subjectName}/${i}`, area: a.area, kind: a.subjectKind, subjects: [a.subjectName], lines: [line([i], a.text, a.text)], idx: [i], rank: 1 });
  }
  for (const [area, list] of added) {
    list.sort((x, y) => textOrder(atoms[x].subjectName, atoms[y].subjectName));
    const kinds = [...new Set(list.map((i) => atoms[i].subjectKind))].sort();
    const what = kinds.map((k) => NOUN[k][1]).join(' and ');
    drafts.push({
      id: `${version}/added/${list.map((i) => atoms[i].subjectName).join('+')}`, area, kind: kinds.join('+'), subjects: list.map((i) => atoms[i].subjectName),
      lines: list.map((i) => line([i], `the \`${atoms[i].subjectName}\` ${NOUN[atoms[i].subjectKind][0]}`, atoms[i].text)), idx: list, rank: 1,
      header: `There are new ${what}`,
    });
  }

  // 4. the general request and push format (API-wide changes, shared parameters, the area's notes)
  if (general.length) {
    const area = atoms[general[0]].area;
    const withNotes = [...general, ...notes.filter((i) => atoms[i].area === area)];
    notes.splice(0, notes.length, ...notes.filter((i) => atoms[i].area !== area));
    drafts.push({ id: `${version}/general`, area, kind: 'general', subjects: [], lines: withNotes.map((i) => line([i], atoms[i].text, atoms[i].text)), idx: withNotes, rank: 2, header: 'The general request and push format' });
  }

  // 5. servers: an address that changed with the documents' own version only is the new version's
  //    endpoint, one informational line; any other server change is a line of its own
  if (servers.length) {
    const moved = servers.filter((i) => atoms[i].endpoint);
    const other = servers.filter((i) => !atoms[i].endpoint);
    const lines: LineDraft[] = [];
    if (moved.length) {
      const parts = (['rtm', 'web'] as Protocol[]).map((p) => {
        const on = moved.filter((i) => atoms[i].protocols.includes(p)).map((i) => `\`${atoms[i].endpoint}\``).sort();
        return on.length ? `${p === 'rtm' ? 'RTM' : 'Web'} endpoint${on.length > 1 ? 's' : ''}: ${on.join(', ')}` : '';
      }).filter(Boolean);
      const t = `${parts.join('; ')} (the new version's address${moved.length > 1 ? 'es' : ''}).`;
      lines.push(line(moved, t, t));
    }
    for (const i of other) lines.push(line([i], atoms[i].text, atoms[i].text));
    drafts.push({ id: `${version}/servers`, area: atoms[servers[0]].area, kind: 'server', subjects: servers.map((i) => atoms[i].subjectName).sort(), lines, idx: servers, rank: 3, header: 'Servers' });
  }

  // 6. a note that starts by naming one subject joins that subject's item; the others stand alone
  notes.forEach((i, n) => {
    const a = atoms[i];
    const named = /^(?:The )?`([^`]+)` /.exec(a.text)?.[1];
    const home = named === undefined ? undefined : drafts.find((d) => d.area === a.area && d.subjects.length === 1 && d.subjects[0] === named && d.kind !== 'server');
    if (home) {
      home.lines.push(line([i], a.text, a.text));
      home.idx.push(i);
    } else drafts.push({ id: `${version}/note/${n + 1}`, area: a.area, kind: 'note', subjects: [], lines: [line([i], a.text, a.text)], idx: [i], rank: 4 });
  });

  // lines of one item saying the same of different fields ("has a new field `a`", "... `b`"): one line
  for (const d of drafts) if (d.lines.length > 1) d.lines = mergeLines(d.lines, atoms);

  // render: one line is the item itself; several get a heading and sub-items
  const itemOf: string[] = new Array(atoms.length);
  const items = drafts.map((d): ChangelogItem => {
    const all = d.idx.map((i) => atoms[i]);
    const protocols = union(all.map((a) => a.protocols));
    const affects = mergeAllAffects(all.map((a) => a.affects ?? undefined));
    const itemAffects = affects?.length ? affects : null;
    const subjects = d.kind === 'note' || d.kind === 'general' ? [] : d.subjects.map((name, k) => ({ kind: d.kind.includes('+') || d.kind === 'server' ? (d.kind === 'server' ? 'server' : atoms[d.idx[k]].subjectKind) : d.kind, name }));
    if (d.pairedPush) subjects.push({ kind: 'push', name: d.pairedPush });
    const entries = d.idx.map((i) => ids[i]).sort((x, y) => x - y);
    for (const i of d.idx) itemOf[i] = d.id;
    const base = { id: d.id, version, area: d.area, subjects, protocols, containsBreaking: all.some((a) => a.breaking), affects: itemAffects, entries };
    if (d.lines.length === 1) {
      const l = d.lines[0];
      if (!l.full) {
        // lines merged into one: "has new fields `a` and `b`" under the subject's heading
        const a = atoms[l.idx[0]];
        const head = d.header ?? heading(d.kind, d.subjects);
        l.full = /^`/.test(l.text) || !a.restForm ? l.text : a.restForm === 'verb' ? `${head} ${l.text}` : `In ${head[0].toLowerCase()}${head.slice(1)}, ${l.text}`;
      }
      return { ...base, breaking: l.breaking, migration: l.migration, text: finish(l.full, protocols, itemAffects, l.breaking, l.migration), lines: [] };
    }
    const head = d.lines[0].rename && d.subjects.length === 1 ? d.lines[0] : null;
    const rest = head ? d.lines.slice(1) : d.lines;
    const differ = rest.some((l) => !samePro(l.protocols, protocols));
    const text = head
      ? `${finish(head.full, samePro(head.protocols, protocols) ? protocols : head.protocols, itemAffects, head.breaking, head.migration)} Other changes to \`${d.subjects[0]}\`:`
      : finish(`${d.header ?? heading(d.kind, d.subjects)}:`, differ ? null : protocols, itemAffects, false, null);
    return {
      ...base, breaking: head?.breaking ?? false, migration: head?.migration ?? null, text,
      lines: rest.map((l) => ({ text: finish(l.text, differ ? l.protocols : null, null, l.breaking, l.migration), breaking: l.breaking, protocols: order(l.protocols), migration: l.migration, entries: l.idx.map((i) => ids[i]).sort((x, y) => x - y) })),
    };
  });
  const rank = new Map(drafts.map((d) => [d.id, d.rank]));
  items.sort((x, y) => textOrder(x.area, y.area) || rank.get(x.id)! - rank.get(y.id)! || textOrder(x.subjects[0]?.name ?? '', y.subjects[0]?.name ?? '') || textOrder(x.id, y.id));
  return { items, itemOf };
}

/** "field `a`" said of several fields: "fields `a`, `b` and `c`", the verb in the plural; null when the wording has no plural here. */
function plural(template: string, names: string[]): string | null {
  const listed = names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const rules: Array<[RegExp, string, Array<[RegExp, string]>]> = [
    [/\ba new ((?:optional |required )?(?:request |response )?(?:frame )?)field \u0000/, `new $1fields ${listed}`, []],
    [/\b((?:the optional |the deprecated )?(?:request |response )?(?:frame )?)field \u0000/, `$1fields ${listed}`, [[/ is (now|no longer) /, ' are $1 ']]],
    [/^There's a new server, \u0000/, `There are new servers, ${listed}`, []],
    [/^The server \u0000/, `The servers ${listed}`, [[/ no longer accepts /, ' no longer accept '], [/; it accepts /, '; they accept '], [/ was removed/, ' were removed'], [/ changed /, ' changed ']]],
  ];
  for (const [re, by, verbs] of rules) {
    if (!re.test(template)) continue;
    let t = template.replace(re, by);
    for (const [v, w] of verbs) t = t.replace(v, w);
    return t.includes('\u0000') ? null : t;
  }
  return null;
}

/** Joins lines that differ only in the one name they give (same rule, severity, protocols and hint). */
function mergeLines(lines: LineDraft[], atoms: Atom[]): LineDraft[] {
  const SPAN = /`[^`]+`/g;
  const templates = new Map<string, LineDraft[]>();
  const keysOf = new Map<LineDraft, string[]>();
  for (const l of lines) {
    if (l.rename || l.idx.length !== 1) continue;
    const a = atoms[l.idx[0]];
    const spans = [...l.text.matchAll(SPAN)];
    const keys = spans.map((m) => JSON.stringify([l.text.slice(0, m.index) + '\u0000' + l.text.slice(m.index! + m[0].length), a.ruleId, l.breaking, order(l.protocols), l.migration]));
    keysOf.set(l, keys);
    for (const k of keys) (templates.get(k) ?? templates.set(k, []).get(k)!).push(l);
  }
  // the largest groups first; a line joins one group at most
  const taken = new Map<LineDraft, LineDraft[]>();
  for (const [key, group] of [...templates].sort((x, y) => y[1].length - x[1].length)) {
    const free = group.filter((l) => !taken.has(l));
    if (free.length < 2) continue;
    const template = JSON.parse(key)[0] as string;
    const at = template.indexOf('\u0000'); // the same text before the name in every line of the group
    const names = free.map((l) => /^`[^`]+`/.exec(l.text.slice(at))![0]);
    const text = plural(template, names);
    if (!text) continue;
    const l = free[0];
    // standing alone, the line needs its subject again: the item's heading supplies it (see render)
    const merged: LineDraft = { ...l, idx: free.flatMap((x) => x.idx), text, full: '', migration: l.migration?.replace(/\bits\b/g, 'their').replace(/\bit\b/g, 'them') ?? null };
    for (const x of free) taken.set(x, x === l ? [merged] : []);
  }
  return lines.flatMap((l) => taken.get(l) ?? [l]);
}

/** Markdown of one item with its sub-items. */
export function itemMarkdown(it: ChangelogItem): string {
  const out = [`- ${it.breaking ? '**Breaking:** ' : ''}${it.text}`];
  for (const l of it.lines) out.push(`  - ${l.breaking ? '**Breaking:** ' : ''}${l.text}`);
  return out.join('\n');
}
