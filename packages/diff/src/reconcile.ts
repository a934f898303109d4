import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { loadModels, type Diagnostic, type Model } from '@ccapi/model';
import { diffPaths } from './diff.js';
import { versionFolders } from './generate-changelog.js';
import { toEntries, type ChangelogEntry } from './render.js';

// `yaml` is loaded on first use: the other api-diff commands never pay for it.
const parseYaml = (text: string): unknown => (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(text);

/** One item of a hand-written changelog, with the names it mentions. */
export interface HandEntry {
  version: string;
  area: string;
  text: string;
  /** Methods, pushes and structures it names (current names, old names resolved per version pair). */
  subjects: string[];
  /** Field, parameter and value names it names (code spans and snake_case words), lower case. */
  names: string[];
  /** Names the specs do not have, taken for a subject with the same tail (`old_item_set ~ item_set`). */
  similar?: string[];
}

export interface VersionReconcile {
  version: string;
  handEntries: number;
  computedEntries: number;
  /** Hand-written entries no computed change of that version supports. */
  unsupported: HandEntry[];
  /** Hand-written entries that name nothing the specs could confirm (prose only). */
  unchecked: HandEntry[];
  /** Computed changes no hand-written entry of that version mentions. */
  unmentioned: ChangelogEntry[];
  /** Entries that matched only after taking an unknown name for a similar one (listed for review). */
  similar: HandEntry[];
  /** Entries (or parts of them) that the reference contradicts, with the page and section saying otherwise. */
  contradicted: Contradiction[];
}

/**
 * A hand-written line the reference contradicts, from `<version>/changelog-contradictions.yaml`
 * (`{match, subject, names, check, page, section, finding}`); `holds` says whether the specs still
 * say what `check` claims.
 */
export interface Contradiction {
  text: string;
  subject: string;
  names: string[];
  check: 'absent' | 'present-before' | 'behaviour';
  page: string;
  section: string;
  finding: string;
  holds: boolean;
}

interface ContradictionRecord { match: string[]; subject: string; names: string[]; check: Contradiction['check']; page: string; section: string; finding: string }

function readContradictions(folder: string, diagnostics: Diagnostic[]): ContradictionRecord[] {
  const file = join(folder, 'changelog-contradictions.yaml');
  if (!existsSync(file)) return [];
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (e) {
    diagnostics.push({ severity: 'error', message: `not valid YAML: ${(e as Error).message.split('\n')[0]}`, file, hint: 'Fix the YAML: a list of {match, subject, names, check, page, section, finding}.' });
    return [];
  }
  const out: ContradictionRecord[] = [];
  (Array.isArray(raw) ? raw : []).forEach((r: any, i: number) => {
    const ok = r && Array.isArray(r.match) && typeof r.subject === 'string' && Array.isArray(r.names) && ['absent', 'present-before', 'behaviour'].includes(r.check) && typeof r.page === 'string' && typeof r.section === 'string';
    if (!ok) diagnostics.push({ severity: 'error', message: `record #${i + 1} needs match, subject, names, check (absent|present-before|behaviour), page and section`, file, pointer: `/${i}`, hint: 'See the comment at the top of the file.' });
    else out.push({ ...r, finding: String(r.finding ?? '') });
  });
  return out;
}

/** Does the subject (method, push or structure) of these models have a field ending in `name`? */
function hasField(models: Model[], subject: string, name: string): boolean {
  const clean = (p: string) => p.replace(/\[\]|\{\}/g, '');
  const match = (paths: string[]) => paths.some((p) => clean(p) === name || clean(p).endsWith(`.${name}`));
  for (const m of models) {
    const s = m.structures[subject];
    if (s && Object.prototype.hasOwnProperty.call(m.structures, subject) && match(Object.keys(s.fields))) return true;
    for (const op of Object.values(m.operations)) if (op.name === subject && match([...Object.keys(op.request), ...Object.keys(op.response)])) return true;
  }
  return false;
}

export interface ReconcileResult {
  versions: VersionReconcile[];
  diagnostics: Diagnostic[];
}

const VERSION_HEAD = /^\s*#*\s*\[?(v\d+(?:\.\d+)*)\]?(?:\s|$)/;

/**
 * Splits a hand-written changelog into entries per version. Works on Markdown (`## [v3.3]`,
 * `### Area`, `- item` with `code` spans) and on text scraped from a web page, where list markers
 * run into the text and each code span sits on a line of its own.
 */
export function parseHandChangelog(text: string): Array<{ version: string; area: string; text: string; child: boolean }> {
  const out: Array<{ version: string; area: string; text: string; child: boolean }> = [];
  let version: string | undefined;
  let area = '';
  let buf: string[] = [];
  const flush = () => {
    if (!version || !buf.length) return (buf = []);
    const joined = buf.join(' ').replace(/\s+/g, ' ').replace(/ ([.,:;])/g, '$1');
    buf = [];
    // list markers: "- " at the start or after a sentence end
    for (const raw of joined.split(/(?:^|(?<=[.,:;]) |(?<=\S) (?=- [A-Za-z`]))- /)) {
      const t = raw.trim();
      if (t.length < 3) continue;
      out.push({ version, area, text: t, child: /^[a-z]/.test(t) });
    }
  };
  for (const line0 of text.split(/\r?\n/)) {
    const line = line0.trim();
    if (!line) continue;
    const v = VERSION_HEAD.exec(line);
    if (v && (line.startsWith('[') || line.startsWith('#'))) {
      flush();
      version = v[1];
      area = '';
      continue;
    }
    if (!version) continue;
    const md = /^#{2,6}\s+(.*)$/.exec(line);
    // a heading: Markdown `###`, or a short capitalised line without punctuation between entries
    const prev = buf.length ? buf[buf.length - 1] : '';
    if (md || (/^[A-Z][A-Za-z &]{1,30}$/.test(line) && (!prev || /[.:]$/.test(prev) || !buf.length))) {
      flush();
      area = md ? md[1] : line;
      continue;
    }
    // a line that is a single token is a code span the scrape put on its own line
    buf.push(/^[^\s]+$/.test(line) && !/^[-.,:;]/.test(line) && /[a-z_]/.test(line) && !/^[A-Z][a-z]+[.,:]?$/.test(line) ? `\`${line.replace(/[.,:;]+$/, '')}\`${/[.,:;]$/.test(line) ? line.slice(-1) : ''}` : line);
  }
  flush();
  return out;
}

/** Dictionary of the subjects of two models: name, title and spaced-out name, lower case -> name. */
function subjectDictionary(models: Model[]): Map<string, string> {
  const dict = new Map<string, string>();
  const add = (k: string, name: string) => {
    if (k && !dict.has(k)) dict.set(k, name);
  };
  for (const m of models) {
    for (const op of Object.values(m.operations)) {
      add(op.name.toLowerCase(), op.name);
      if (op.title) add(op.title.toLowerCase(), op.name);
    }
    for (const s of Object.keys(m.structures)) {
      add(s.toLowerCase(), s);
      add(s.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase(), s);
    }
  }
  return dict;
}

/** For each structure, the structures that contain it (directly or deeper). */
function containersOf(models: Model[]): Map<string, Set<string>> {
  const parents = new Map<string, Set<string>>();
  for (const m of models) {
    for (const [name, s] of Object.entries(m.structures)) {
      for (const f of Object.values(s.fields)) {
        const targets = [f.ref, ...(f.variants ?? []).map((v) => /^(?:oneOf|anyOf):([^=]+)=/.exec(v)?.[1])];
        for (const t of targets) if (t && t !== name) (parents.get(t) ?? parents.set(t, new Set()).get(t)!).add(name);
      }
    }
  }
  const out = new Map<string, Set<string>>();
  for (const start of parents.keys()) {
    const seen = new Set<string>();
    const queue = [start];
    while (queue.length) for (const p of parents.get(queue.pop()!) ?? []) if (!seen.has(p)) seen.add(p), queue.push(p);
    out.set(start, seen);
  }
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function namesIn(text: string, dict: Map<string, string>): { subjects: Set<string>; names: Set<string>; similar: string[] } {
  const similar: string[] = [];
  const subjects = new Set<string>();
  const names = new Set<string>();
  const lower = text.toLowerCase();
  // longest titles first; a title counts where it stands as whole words
  for (const [k, name] of [...dict].sort((a, b) => b[0].length - a[0].length)) {
    if (!lower.includes(k)) continue;
    const oneWord = !/[ _]/.test(k);
    // one-word structure names count only capitalised ("the Order data structure", not "the order")
    const hit = oneWord
      ? [name, k[0].toUpperCase() + k.slice(1)].some((w) => new RegExp(`(?<![\\w.])${escapeRe(w)}(?![\\w])`).test(text))
      : new RegExp(`(?<![\\w.])${escapeRe(k)}(?![\\w])`, 'i').test(text);
    if (hit) subjects.add(name);
  }
  const addName = (raw: string) => {
    const n = raw.replace(/^[^\w]+|[^\w]+$/g, '').toLowerCase();
    if (!n) return;
    names.add(n);
    // the scrape glues an inline code span to the word before it ("instead ofitem_list"): also try without it
    const glued = /^(into|of|to|the|as|and|with|for|a|an)([a-z][a-z0-9_]+)$/.exec(n);
    if (glued) names.add(glued[2]);
  };
  for (const m of text.matchAll(/`([^`]+)`/g)) for (const part of m[1].split(/[.\s(),]/)) if (part) addName(part);
  for (const m of text.matchAll(/(?<![`\w])([a-z][a-z0-9]*(?:_[a-z0-9]+)+)(?![\w`])/gi)) {
    const n = m[1].toLowerCase();
    const known = dict.get(n);
    if (known) subjects.add(known);
    else addName(n);
  }
  // a value glued after a comma ("a new possible value,subject")
  for (const m of text.matchAll(/\w,([a-z][a-z0-9_]+)/g)) addName(m[1]);
  // an unknown snake_case name whose tail is a known subject (`old_item_set` -> `item_set`): similar name
  for (const n of [...names]) {
    const tail = /^[a-z0-9]+_(.+)$/.exec(n)?.[1];
    const glued = /^(into|of|to|the|as|and|with|for|a|an)([a-z][a-z0-9_]+)$/.exec(n)?.[2];
    for (const t of [tail, glued]) {
      const known = t && !dict.has(n) ? dict.get(t) : undefined;
      // only a multi-word tail (`item_set`), never a single word such as `item`
      if (known && t && /_/.test(n) && (t === glued || /_/.test(t))) {
        subjects.add(known);
        names.delete(n);
        if (t !== glued) similar.push(`${n} ~ ${known}`);
      }
    }
  }
  for (const x of subjects) names.delete(x.toLowerCase());
  return { subjects, names, similar };
}

/** The names a computed entry is about: subject, affected operations, path segments, old/new names. */
function entryNames(e: ChangelogEntry, containers: Map<string, Set<string>>): { subjects: Set<string>; names: Set<string> } {
  const subjects = new Set<string>();
  const names = new Set<string>();
  if (e.subject) subjects.add(e.subject.name);
  // a change to a structure is also a change to the structures that contain it (Item -> ItemList)
  if (e.subject?.kind === 'structure') for (const c of containers.get(e.subject.name) ?? []) subjects.add(c);
  for (const a of e.affects ?? []) subjects.add(a.name);
  for (const m of e.text.matchAll(/`([^`]+)`/g)) {
    for (const part of m[1].split(/[.\s[\]{}:]+/)) if (part) names.add(part.toLowerCase()), subjects.add(part);
  }
  for (const part of (e.path ?? '').split(/[.[\]{}:]+/)) if (part) names.add(part.toLowerCase());
  return { subjects, names };
}

const intersects = (a: Set<string>, b: Iterable<string>) => {
  for (const x of b) if (a.has(x)) return true;
  return false;
};

/**
 * Compares a hand-written changelog with the changes computed from a specs folder: which
 * hand-written entries the specs do not support, and which computed changes the text does not
 * mention. An entry is supported when a computed change of its version names one of its subjects
 * (or affects it) and, if the entry names fields, one of those fields.
 */
export function reconcile(handText: string, specsDir: string): ReconcileResult {
  const diagnostics: Diagnostic[] = [];
  const versions = versionFolders(specsDir);
  const hand = parseHandChangelog(handText);
  const result: VersionReconcile[] = [];
  for (let i = versions.length - 1; i >= 1; i--) {
    const v = versions[i];
    const r = diffPaths(join(specsDir, versions[i - 1]), join(specsDir, v));
    diagnostics.push(...r.diagnostics);
    const computed = toEntries(r, v);
    const models = [...loadModels(join(specsDir, v)).models, ...loadModels(join(specsDir, versions[i - 1])).models];
    const dict = subjectDictionary(models);
    const mine: HandEntry[] = [];
    let parent: HandEntry | undefined;
    for (const h of hand.filter((x) => x.version === v)) {
      const { subjects, names, similar } = namesIn(h.text, dict);
      // a sub-item ("- has a new field, `x`") is about its parent's subject
      if (h.child && parent && !subjects.size) for (const s of parent.subjects) subjects.add(s);
      const entry: HandEntry = { version: v, area: h.area, text: h.text, subjects: [...subjects].sort(), names: [...names].sort(), ...(similar.length ? { similar } : {}) };
      if (!h.child) parent = entry;
      mine.push(entry);
    }
    const containers = containersOf(models);
    const cnames = computed.map((e) => entryNames(e, containers));
    const supports = (h: HandEntry, j: number) => {
      const c = cnames[j];
      const subjOk = !h.subjects.length || intersects(c.subjects, h.subjects);
      const namesOk = !h.names.length || intersects(c.names, h.names) || intersects(c.subjects, h.names);
      return subjOk && namesOk;
    };
    const unsupported: HandEntry[] = [];
    const unchecked: HandEntry[] = [];
    for (const h of mine) {
      if (!h.subjects.length && !h.names.length) unchecked.push(h);
      else if (!computed.some((_, j) => supports(h, j))) unsupported.push(h);
    }
    const unmentioned = computed.filter((c, j) => !mine.some((h) => (h.subjects.length || h.names.length) && supports(h, j) && (h.subjects.length ? intersects(cnames[j].subjects, h.subjects) : true)));
    // lines the reference contradicts (recorded per version folder, checked against the specs)
    const revModels = loadModels(join(specsDir, v)).models, baseModels = loadModels(join(specsDir, versions[i - 1])).models;
    const contradicted: Contradiction[] = [];
    const texts = hand.filter((x) => x.version === v);
    for (const c of readContradictions(join(specsDir, v), diagnostics)) {
      let parentText = '';
      const hit = texts.find((h) => {
        if (!h.child) parentText = h.text;
        const whole = `${h.child ? `${parentText} ` : ''}${h.text}`;
        return c.match.every((w) => whole.includes(w));
      });
      // `behaviour`: what no schema shows (which push a method triggers); only the line is checked
      const holds = c.check === 'behaviour' || c.names.every((n) => (c.check === 'absent' ? !hasField(revModels, c.subject, n) : hasField(baseModels, c.subject, n)));
      contradicted.push({ text: hit?.text ?? `(no line of the changelog matches ${c.match.join(' + ')})`, subject: c.subject, names: c.names, check: c.check, page: c.page, section: c.section, finding: c.finding, holds: holds && !!hit });
    }
    result.push({ version: v, handEntries: mine.length, computedEntries: computed.length, unsupported, unchecked, unmentioned, similar: mine.filter((h) => h.similar?.length), contradicted });
  }
  return { versions: result, diagnostics };
}

export function reconcileFile(file: string, specsDir: string): ReconcileResult {
  return reconcile(readFileSync(file, 'utf8'), specsDir);
}

/** The report as Markdown: per version, counts, then the three lists. */
export function renderReconcile(r: ReconcileResult, source: string): string {
  const lines = [
    '<!-- auto-generated by `api-diff reconcile`; do not edit. -->',
    '',
    '# Hand-written changelog vs. specs',
    '',
    `Source: \`${source}\`. An entry is supported when a change computed from the specs for that version names one of its methods, pushes or structures and, if it names fields, one of those fields. Entries that name nothing checkable are listed apart.`,
    '',
    '| version | hand-written entries | computed entries | unsupported | contradicted by the reference | unchecked | computed, not mentioned |',
    '|---|---|---|---|---|---|---|',
    ...r.versions.map((v) => `| ${v.version} | ${v.handEntries} | ${v.computedEntries} | ${v.unsupported.length} | ${v.contradicted.length} | ${v.unchecked.length} | ${v.unmentioned.length} |`),
    '',
  ];
  for (const v of r.versions) {
    lines.push(`## [${v.version}]`, '');
    lines.push(`### Hand-written entries the specs do not support (${v.unsupported.length})`, '');
    lines.push(...(v.unsupported.length ? v.unsupported.map((h) => `- ${h.text}`) : ['None.']), '');
    if (v.similar.length) {
      lines.push(`### Entries matched through a similar name (${v.similar.length})`, '');
      lines.push(...v.similar.map((h) => `- ${h.similar!.map((x) => `\`${x.replace(' ~ ', '` taken for `')}\``).join(', ')}: ${h.text}`), '');
    }
    if (v.contradicted.length) {
      lines.push(`### Hand-written entries the reference contradicts (${v.contradicted.length})`, '');
      lines.push(...v.contradicted.map((c) => `- ${c.text}\n  - ${c.names.map((n) => `\`${c.subject}\` \`${n}\``).join(', ')}: ${c.check === 'absent' ? `not in ${v.version}` : c.check === 'behaviour' ? 'behaviour' : 'already in the previous version'}. Contradicted by ${c.page}, section "${c.section}": ${c.finding}${c.holds ? '' : ' **(no longer holds: the specs or the changelog changed; update changelog-contradictions.yaml)**'}`), '');
    }
    lines.push(`### Hand-written entries with nothing to check (${v.unchecked.length})`, '');
    lines.push(...(v.unchecked.length ? v.unchecked.map((h) => `- ${h.text}`) : ['None.']), '');
    lines.push(`### Computed changes the hand-written changelog does not mention (${v.unmentioned.length})`, '');
    lines.push(...(v.unmentioned.length ? v.unmentioned.map((e) => `- ${e.breaking ? '**Breaking:** ' : ''}${e.text}`) : ['None.']), '');
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
