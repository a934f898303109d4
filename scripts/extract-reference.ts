/**
 * Builds the committed reference index of packages/spec-check from the official API reference pages.
 *
 *   npx tsx scripts/extract-reference.ts [path/to/reference]   (default: ../shared/reference from the repo root)
 *
 * Writes packages/spec-check/reference/v3.x.json (one per version) and copies reference/examples/** into
 * packages/spec-check/reference/examples/. Output is deterministic: same input, same bytes.
 * Only this script reads the reference folder; builds and tests read the committed files.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { structureName } from '../packages/spec-check/src/names.ts';
import type { RefField, RefIndex, RefMethod, RefProtocol, RefPush, RefStructure } from '../packages/spec-check/src/types.ts';

// ---------- markdown helpers ----------

interface Block {
  kind: 'heading' | 'table' | 'code' | 'text';
  line: number;
  level?: number;
  text?: string;
  rows?: string[][];
  lang?: string;
}

/** Splits a page into headings, tables, fenced code blocks and other lines (fences are never read as headings). */
function blocks(src: string): Block[] {
  const lines = src.split(/\r?\n/);
  const out: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const l = lines[i];
    const fence = /^\s*```(\w*)/.exec(l);
    if (fence) {
      const start = i;
      const body: string[] = [];
      i++;
      while (i < lines.length && !/^\s*```/.test(lines[i])) body.push(lines[i++]);
      i++;
      out.push({ kind: 'code', line: start + 1, text: body.join('\n'), lang: fence[1] });
      continue;
    }
    const h = /^(#{1,6})\s+(.*?)\s*$/.exec(l);
    if (h) {
      out.push({ kind: 'heading', line: i + 1, level: h[1].length, text: h[2] });
      i++;
      continue;
    }
    if (/^\s*\|/.test(l)) {
      const start = i;
      const rows: string[][] = [];
      while (i < lines.length && /^\s*\|/.test(lines[i])) {
        const cells = splitRow(lines[i]);
        if (!cells.every((c) => /^:?-+:?$/.test(c) || c === '')) rows.push(cells);
        else if (rows.length === 0) rows.push(cells); // keep an empty header row position
        i++;
      }
      out.push({ kind: 'table', line: start + 1, rows });
      continue;
    }
    if (l.trim()) out.push({ kind: 'text', line: i + 1, text: l });
    i++;
  }
  return out;
}

function splitRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const cells: string[] = [];
  let cur = '';
  let inCode = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && s[i + 1] === '|') {
      cur += '|';
      i++;
      continue;
    }
    if (c === '`') inCode = !inCode;
    if (c === '|' && !inCode) {
      cells.push(cur.trim());
      cur = '';
      continue;
    }
    cur += c;
  }
  cells.push(cur.trim());
  return cells;
}

function ticks(s: string): string[] {
  return [...s.matchAll(/`([^`]+)`/g)].map((m) => m[1].trim());
}

function plain(s: string): string {
  return s
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function headingName(h: string): string {
  return plain(h).replace(/`/g, '').trim();
}

// ---------- table interpretation ----------

type Col = 'name' | 'required' | 'type' | 'notes' | 'other';

function classifyHeader(cells: string[]): Col[] {
  return cells.map((c, idx) => {
    const t = plain(c).toLowerCase();
    if (idx === 0) return 'name';
    if (t === 'required' || t === 'req./opt.' || t === 'returned') return 'required';
    if (t === 'type' || t === 'data type') return 'type';
    if (t === 'notes' || t === 'note' || t === '') return 'notes';
    return 'other';
  });
}

function parseRequired(text: string): boolean | null {
  const t = plain(text).toLowerCase();
  if (!t) return null;
  if (/^(yes|required|always)$/.test(t)) return true;
  if (/^(no|optional|optionally)$/.test(t) || t.startsWith('only') || t.includes('optional')) return false;
  return null;
}

function possibleValues(notes: string): string[] | undefined {
  const m = /possible values?( are)?:?\s*(.*)$/i.exec(notes);
  if (!m) return undefined;
  // the list ends with the sentence: cut at ". " followed by a capital letter (outside backticks)
  let seg = m[2];
  const end = /\.\s+(?=[A-Z])/.exec(seg.replace(/`[^`]*`/g, (x) => 'x'.repeat(x.length)));
  if (end) seg = seg.slice(0, end.index);
  const vals = ticks(seg);
  return vals.length ? vals : undefined;
}

/** Defaults and limits written in the notes ("Default: 10, maximum: 25", "default `false`", "Range: 1-100"). */
function limits(notes: string): Pick<RefField, 'default' | 'maximum' | 'minimum'> {
  const out: Pick<RefField, 'default' | 'maximum' | 'minimum'> = {};
  const d = /\bdefaults?(?: is|:)?\s*`?(-?\d+|true|false)`?(?![\w.])/i.exec(notes);
  if (d) out.default = /^-?\d+$/.test(d[1]) ? Number(d[1]) : d[1] === 'true';
  else {
    const s = /`([^`]+)`[^`(]*\(default\)/.exec(notes);
    if (s) out.default = s[1];
  }
  const max = /\bmaximum(?: is|:)?\s*(\d+)(?![\w.])/i.exec(notes);
  if (max) out.maximum = Number(max[1]);
  const range = /\brange:?\s*(\d+)\s*-\s*(\d+)/i.exec(notes);
  if (range) {
    out.minimum = Number(range[1]);
    out.maximum = Number(range[2]);
  }
  return out;
}

/** Turns a field table into fields; a name cell with several backticked names gives one field per name. */
function tableFields(rows: string[][]): RefField[] | null {
  if (rows.length < 1 || !plain(rows[0][0] ?? '')) return null; // headerless tables are notes, not field lists
  const cols = classifyHeader(rows[0]);
  const out: RefField[] = [];
  for (const row of rows.slice(1)) {
    const nameCell = row[0] ?? '';
    let names = ticks(nameCell);
    if (!names.length) {
      const p = plain(nameCell);
      if (!p) continue;
      names = [p];
    }
    let required: boolean | null = null;
    let requiredText: string | undefined;
    let type: string | null = null;
    const notes: string[] = [];
    cols.forEach((c, i) => {
      const cell = row[i] ?? '';
      if (c === 'required') {
        requiredText = plain(cell);
        required = parseRequired(cell);
      } else if (c === 'type') type = plain(cell).replace(/`/g, '') || null;
      else if (c === 'notes' || c === 'other') {
        if (plain(cell)) notes.push(plain(cell));
      }
    });
    const n = notes.join(' ');
    // "yes"/"always" qualified by the notes ("Required only for ...", "Unless ...", "For `group_chooser`") is conditional
    if (required === true && /\b(required only|only (for|if|when)|unless)\b|^for `/i.test(n)) required = null;
    for (const name of names) {
      const f: RefField = { path: name, required, type, notes: n, source: 'table' };
      if (requiredText !== undefined) f.requiredText = requiredText;
      const e = possibleValues(n);
      if (e) f.enum = e;
      Object.assign(f, limits(n));
      out.push(f);
    }
  }
  return out;
}

/** Key/value rows of a "Specifics" table (the header row may itself be the first pair). */
function specifics(rows: string[][]): Map<string, string> {
  const m = new Map<string, string>();
  for (const r of rows) {
    const k = plain(r[0] ?? '').toLowerCase();
    if (k && r.length > 1) m.set(k, r[1]);
  }
  return m;
}

function namesIn(cell: string | undefined): string[] {
  if (!cell) return [];
  return ticks(cell).filter((n) => /^[a-z_][a-z0-9_]*$/.test(n));
}

/** Top-level keys of a JSON/JS sample (comments, placeholders and broken commas tolerated). */
function sampleKeys(code: string): string[] {
  const src = code.replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*/g, (m, str) => (str ? str : ''));
  const keys: string[] = [];
  let depth = 0;
  const stack: string[] = [];
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      const str = src.slice(i + 1, j);
      i = j;
      if (depth === 1 && stack[0] === '{') {
        const rest = src.slice(j + 1).match(/^\s*:/);
        if (rest && !keys.includes(str)) keys.push(str);
      }
      continue;
    }
    if (c === '{' || c === '[') {
      stack.push(c);
      depth++;
    } else if (c === '}' || c === ']') {
      stack.pop();
      depth--;
    }
  }
  return keys;
}

function sampleFields(code: string, unwrap?: string): RefField[] {
  let keys = sampleKeys(code);
  if (!unwrap && keys.includes('action') && keys.includes('payload') && keys.includes('type')) unwrap = 'payload'; // a whole push frame
  if (unwrap && keys.includes(unwrap) && (keys.length === 1 || unwrap === 'payload')) {
    // a sample wrapped in its own name ({"access": {...}}): read the inner object
    const inner = code.slice(code.indexOf('{', code.indexOf(`"${unwrap}"`)));
    keys = sampleKeys(inner);
  }
  return keys
    .filter((k) => !k.includes('<') && !k.startsWith('__priv'))
    .map((k) => ({ path: k, required: null, type: null, notes: '', source: 'sample' as const }));
}

/**
 * The "Form fields" / "Filled form fields" tables list `fields` (an array of objects) first and then the keys of
 * one array item without the `fields.` prefix (`type`, `id`, `answer.id`, ...). Those rows describe the items,
 * so they get the prefix; tables that already write `fields.type` are left alone.
 */
function nestUnderFields(fields: RefField[]): RefField[] {
  const [first, ...rest] = fields;
  if (!first || first.path !== 'fields' || !/array/.test(first.type ?? '')) return fields;
  if (rest.some((f) => f.path.startsWith('fields.'))) return fields;
  return [first, ...rest.map((f) => ({ ...f, path: `fields.${f.path}` }))];
}

/** A push's "Possible reasons" table lists the values of its `reason` field. */
function addReasons(push: RefPush, rows: string[][]): void {
  const values = rows.slice(1).map((r) => ticks(r[0] ?? '')[0]).filter((x): x is string => !!x);
  if (!values.length) return;
  let f = push.fields.find((x) => x.path === 'reason');
  if (!f) {
    f = { path: 'reason', required: null, type: null, notes: '', source: 'table' };
    push.fields.push(f);
  }
  f.source = 'table';
  f.enum = values;
}

// ---------- v3.1+ pages (web.mdx / rtm.mdx) ----------

const STRUCTURE_GROUPS = new Set(['Events', 'Users', 'Other common structures']);

export function parseMdx(src: string, file: string, protocol: 'web' | 'rtm'): RefProtocol {
  const bs = blocks(src);
  const res: RefProtocol = { source: file, methods: [], pushes: [], structures: [], errors: [] };
  let h1 = '';
  let h2 = '';
  let h3 = '';
  let h4 = '';
  let method: RefMethod | null = null;
  let push: RefPush | null = null;
  let structure: RefStructure | null = null;
  const getStruct = (name: string, title: string, line: number): RefStructure => {
    let s = res.structures.find((x) => x.name === name);
    if (!s) {
      s = { name, title, group: h1, fields: [], line };
      res.structures.push(s);
    }
    return s;
  };
  let pendingPushSample = false;
  for (const b of bs) {
    if (b.kind === 'heading') {
      const t = headingName(b.text!);
      if (b.level === 1) [h1, h2, h3, h4] = [t, '', '', ''];
      else if (b.level === 2) [h2, h3, h4] = [t, '', ''];
      else if (b.level === 3) [h3, h4] = [t, ''];
      else if (b.level === 4) h4 = t;
      if (b.level! <= 3) {
        method = null;
        push = null;
        structure = null;
      }
      if (h1 === 'Methods' && b.level === 3) {
        method = {
          name: '',
          title: t,
          area: h2 || null,
          equivalent: null,
          pushes: [],
          webhooks: [],
          request: [],
          response: [],
          line: b.line,
        };
        res.methods.push(method);
      }
      if (h1 === 'Pushes' && b.level === 3 && /`/.test(b.text!)) {
        push = { name: t, title: t, area: h2 || null, webhooks: [], fields: [], line: b.line };
        res.pushes.push(push);
      }
      if (STRUCTURE_GROUPS.has(h1) && b.level === 2) {
        structure = getStruct(structureName(t), t, b.line);
      }
      if (STRUCTURE_GROUPS.has(h1) && b.level === 3 && h2 && /^request$/i.test(t)) {
        structure = getStruct(structureName(h2) + 'Input', h2, b.line);
      }
      if (STRUCTURE_GROUPS.has(h1) && b.level === 3 && h2 && /^response$/i.test(t)) {
        structure = getStruct(structureName(h2), h2, b.line);
      }
      continue;
    }
    if (b.kind === 'text') {
      const e = /<Errors errors="([^"]*)"/.exec(b.text!);
      if (e) res.errors = e[1].split(',').map((x) => x.trim()).filter(Boolean);
      if (push && /CodeResponse[^>]*Sample push payload/i.test(b.text!)) pendingPushSample = true;
      continue;
    }
    if (b.kind === 'code') {
      if (push && pendingPushSample) {
        for (const f of sampleFields(b.text!)) if (!push.fields.some((x) => x.path === f.path)) push.fields.push(f);
      }
      pendingPushSample = false;
      continue;
    }
    // table
    const rows = b.rows!;
    if (method) {
      if (/^specifics$/i.test(h4)) {
        const kv = specifics(rows);
        const url = kv.get('method url');
        const action = kv.get('action');
        if (url) method.name = (ticks(url)[0] ?? '').split('/').pop()!.trim();
        else if (action) method.name = ticks(action)[0] ?? '';
        const http = kv.get('http method');
        if (http) method.httpMethod = /get/i.test(http) ? 'GET' : 'POST';
        else if (protocol === 'web') method.httpMethod = 'POST';
        const eq = kv.get('rtm api equivalent') ?? kv.get('web api equivalent');
        method.equivalent = namesIn(eq)[0] ?? null;
        method.pushes = namesIn(kv.get('push message'));
        method.webhooks = namesIn(kv.get('webhook'));
      } else if (/^request$/i.test(h4)) {
        method.request.push(...(tableFields(rows) ?? []));
      } else if (/^response$/i.test(h4)) {
        method.response.push(...(tableFields(rows) ?? []));
      }
      continue;
    }
    if (push) {
      if (/^specifics$/i.test(h4)) {
        const kv = specifics(rows);
        push.webhooks = namesIn(kv.get('webhook equivalent') ?? kv.get('webhook'));
        const action = kv.get('action');
        if (action && ticks(action)[0]) push.name = ticks(action)[0];
      } else if (/possible reasons/i.test(h4)) {
        addReasons(push, rows);
      } else if (/payload/i.test(h4)) {
        for (const f of tableFields(rows) ?? []) {
          const i = push.fields.findIndex((x) => x.path === f.path);
          if (i >= 0) push.fields[i] = f;
          else push.fields.push(f);
        }
      }
      continue;
    }
    if (structure) {
      const header = classifyHeader(rows[0] ?? []);
      if (header.length > 1) structure.fields.push(...nestUnderFields(tableFields(rows) ?? []));
    }
  }
  return res;
}

// ---------- v3.0 page (web-and-rtm.md) ----------

export function parseV30(src: string, file: string): { web: RefProtocol; rtm: RefProtocol } {
  const bs = blocks(src);
  const web: RefProtocol = { source: file, methods: [], pushes: [], structures: [], errors: [] };
  const rtm: RefProtocol = { source: file, methods: [], pushes: [], structures: [], errors: [] };
  const avail = new Map<RefMethod, { web: boolean; rtm: boolean }>();
  const structures: RefStructure[] = [];
  let h1 = '';
  let h2 = '';
  let label = '';
  let method: RefMethod | null = null;
  let push: RefPush | null = null;
  let structure: RefStructure | null = null;
  let lastTitle = '';
  let lastLine = 0;
  for (const b of bs) {
    if (b.kind === 'heading') {
      const t = headingName(b.text!);
      if (push && b.level === 3 && /possible reasons/i.test(t)) {
        label = 'possible reasons';
        continue;
      }
      if (b.level === 1) [h1, h2] = [t, ''];
      else if (b.level === 2) h2 = t;
      label = '';
      method = null;
      push = null;
      structure = null;
      lastTitle = t;
      lastLine = b.line;
      if (h1 === 'Methods' && b.level === 2) {
        method = { name: '', title: t, area: null, equivalent: null, pushes: [], webhooks: [], request: [], response: [], line: b.line };
      }
      if (h1 === 'Pushes' && b.level === 2) {
        push = { name: '', title: t, area: null, webhooks: [], fields: [], line: b.line };
        rtm.pushes.push(push);
      }
      continue;
    }
    if (b.kind === 'text') {
      const bold = /^\*\*([^*]+)\*\*\s*$/.exec(b.text!.trim());
      if (bold) label = bold[1].trim().toLowerCase();
      if (structure) {
        const m = /^\s*\*\s+`([^`]+)` is (optional|required)\b(?!\s+only)/.exec(b.text!);
        if (m) {
          const f = structure.fields.find((x) => x.path === m[1]);
          if (f) f.required = m[2] === 'required';
        }
      }
      continue;
    }
    if (b.kind === 'code') {
      if (h1 === 'Objects' && lastTitle !== 'Sample properties' && lastTitle !== 'Objects') {
        structure = {
          name: structureName(lastTitle),
          title: lastTitle,
          group: h2 && h2 !== lastTitle ? h2 : 'Objects',
          fields: sampleFields(b.text!, lastTitle.toLowerCase()),
          line: lastLine,
        };
        structures.push(structure);
      } else if (method && label === 'sample response payload') {
        for (const f of sampleFields(b.text!)) if (!method.response.some((x) => x.path === f.path)) method.response.push(f);
      } else if (push && label === 'sample push payload') {
        for (const f of sampleFields(b.text!)) if (!push.fields.some((x) => x.path === f.path)) push.fields.push(f);
      }
      label = '';
      continue;
    }
    const rows = b.rows!;
    const head = (rows[0] ?? []).map((c) => plain(c).toLowerCase());
    if (h1 === 'Errors handling' && head[0] === 'type') {
      const errs = rows.slice(1).map((r) => ticks(r[0] ?? '')[0]).filter(Boolean).sort();
      web.errors = errs;
      rtm.errors = [...errs];
      continue;
    }
    if (method && head[0] === 'action') {
      const r = rows[1] ?? [];
      method.name = ticks(r[0] ?? '')[0] ?? '';
      const has = (c: string | undefined) => /✓/.test(c ?? '');
      const a = { rtm: has(r[head.indexOf('rtm api')]), web: has(r[head.indexOf('web api')]) };
      avail.set(method, a);
      method.pushes = namesIn(r[head.indexOf('push message')]);
      if (a.rtm) rtm.methods.push(method);
      if (a.web) web.methods.push(method);
      continue;
    }
    if (method && label === 'request payload') {
      method.request.push(...(tableFields(rows) ?? []));
      continue;
    }
    if (push && head[0] === 'action') {
      const r = rows[1] ?? [];
      push.name = ticks(r[0] ?? '')[0] ?? '';
      if (/✓/.test(r[head.indexOf('webhook')] ?? '')) push.webhooks = [push.name];
      continue;
    }
    if (push && label === 'possible reasons') {
      addReasons(push, rows);
      continue;
    }
    if (push && label === 'push payload') {
      for (const f of tableFields(rows) ?? []) {
        const i = push.fields.findIndex((x) => x.path === f.path);
        if (i >= 0) push.fields[i] = f;
        else push.fields.push(f);
      }
    }
  }
  // one page for both protocols: each method appears in the protocols its availability table ticks
  web.methods = web.methods.map((m) => ({ ...m, equivalent: avail.get(m)?.rtm ? m.name : null, httpMethod: 'POST' as const }));
  rtm.methods = rtm.methods.map((m) => ({ ...m, equivalent: avail.get(m)?.web ? m.name : null }));
  web.structures = structures.map((s) => structuredClone(s));
  rtm.structures = structures.map((s) => structuredClone(s));
  return { web, rtm };
}

// ---------- output ----------

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) o[k] = sortKeys((v as Record<string, unknown>)[k]);
    return o;
  }
  return v;
}

function finish(p: RefProtocol): RefProtocol {
  // page order is kept for methods/pushes/structures/fields (stable); errors are sorted
  p.errors = [...new Set(p.errors)].sort();
  return p;
}

function counts(p: RefProtocol): string {
  const params = p.methods.reduce((n, m) => n + m.request.length, 0);
  const fields =
    p.methods.reduce((n, m) => n + m.response.length, 0) +
    p.pushes.reduce((n, x) => n + x.fields.length, 0) +
    p.structures.reduce((n, s) => n + s.fields.length, 0);
  const enums = [...p.methods.flatMap((m) => [...m.request, ...m.response]), ...p.pushes.flatMap((x) => x.fields), ...p.structures.flatMap((s) => s.fields)].filter((f) => f.enum).length;
  return `${p.methods.length} methods, ${p.pushes.length} pushes, ${p.structures.length} structures, ${params} request parameters, ${fields} response/push/structure fields, ${enums} value lists, ${p.errors.length} error types`;
}

function main(): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const refDir = resolve(root, process.argv[2] ?? '../shared/reference');
  const docs = join(refDir, 'livechat-docs');
  if (!existsSync(docs)) {
    console.error(`reference not found: ${docs}`);
    process.exit(2);
  }
  const outDir = join(root, 'packages/spec-check/reference');
  mkdirSync(outDir, { recursive: true });
  const versions = readdirSync(docs).filter((d) => /^v\d+\.\d+$/.test(d)).sort();
  for (const v of versions) {
    const version = v.slice(1);
    let index: RefIndex;
    if (existsSync(join(docs, v, 'web-and-rtm.md'))) {
      const { web, rtm } = parseV30(readFileSync(join(docs, v, 'web-and-rtm.md'), 'utf8'), `${v}/web-and-rtm.md`);
      index = { version, web: finish(web), rtm: finish(rtm) };
    } else {
      const web = parseMdx(readFileSync(join(docs, v, 'web.mdx'), 'utf8'), `${v}/web.mdx`, 'web');
      const rtm = parseMdx(readFileSync(join(docs, v, 'rtm.mdx'), 'utf8'), `${v}/rtm.mdx`, 'rtm');
      index = { version, web: finish(web), rtm: finish(rtm) };
    }
    for (const p of ['web', 'rtm'] as const) {
      const bad = index[p].methods.filter((m) => !m.name);
      if (bad.length) console.warn(`${v} ${p}: methods without a wire name: ${bad.map((m) => m.title).join(', ')}`);
      const badp = index[p].pushes.filter((m) => !m.name);
      if (badp.length) console.warn(`${v} ${p}: pushes without a name: ${badp.map((m) => m.title).join(', ')}`);
    }
    writeFileSync(join(outDir, `${v}.json`), JSON.stringify(sortKeys(index), null, 2) + '\n');
    console.log(`${v} web: ${counts(index.web)}`);
    console.log(`${v} rtm: ${counts(index.rtm)}`);
  }
  const exSrc = join(refDir, 'examples');
  const exOut = join(outDir, 'examples');
  rmSync(exOut, { recursive: true, force: true });
  cpSync(exSrc, exOut, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(exOut, 'manifest.json'), 'utf8'));
  console.log(`examples: ${manifest.files.length} files, ${manifest.skipped.length} skipped (copied to ${exOut})`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
