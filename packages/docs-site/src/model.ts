/** What the site needs to know about each version: its operations, structures, anchors and renames. */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { apiVersionOf, type ApiPush, type ApiVersion, type RtmSide } from '@ccapi/model';

export type Status = 'stable' | 'deprecated' | 'preview';
export interface VersionInfo { id: string; status: Status; released?: string }

type Json = Record<string, any>;

export interface WebOp { name: string; title: string; tag: string; anchor: string; rtm?: string; renamedFrom?: string }
export interface RtmOp { name: string; title: string; tag: string; kind: 'method' | 'push'; anchor: string; web?: string; renamedFrom?: string }
export interface VersionIndex {
  id: string;
  web: Record<string, WebOp>;
  rtm: Record<string, RtmOp>;
  /** Structure name -> anchor on the RTM page (the AsyncAPI component lists every component schema). */
  schemas: Record<string, string>;
  /** New name -> old name, for operations and structures renamed in this version. */
  renamedFrom: Record<string, string>;
}

export function readVersions(file: string): VersionInfo[] {
  const doc = parseYaml(readFileSync(file, 'utf8')) as { versions?: VersionInfo[] };
  if (!doc || !Array.isArray(doc.versions)) throw new Error(`${file}: expected a "versions" list`);
  for (const v of doc.versions) {
    if (!/^v\d+\.\d+$/.test(String(v.id))) throw new Error(`${file}: bad version id ${JSON.stringify(v.id)}`);
    if (!['stable', 'deprecated', 'preview'].includes(v.status)) throw new Error(`${file}: bad status for ${v.id}: ${v.status}`);
  }
  return doc.versions;
}

/** Redoc (v3) routes an operation as `#/<tag slug>/<operationId>`. */
export function redocSlug(text: string): string {
  return text.trim().toLowerCase().replace(/[^a-z0-9_]+/g, '-').replace(/^-+|-+$/g, '');
}
export function webAnchor(tag: string, operationId: string): string {
  return tag ? `#/${redocSlug(tag)}/${operationId}` : `#/${operationId}`;
}
/**
 * The AsyncAPI React component's element id of an operation: `operation-<request|send|reply|receive>-<id>`
 * (send with a reply = request, send without = send, receive with a reply = reply, receive without = receive).
 */
export function rtmAnchor(kind: 'method' | 'push', name: string, hasReply = kind === 'method'): string {
  const verb = kind === 'push' ? (hasReply ? 'reply' : 'receive') : hasReply ? 'request' : 'send';
  return `#operation-${verb}-${name}`;
}
export function schemaAnchor(name: string): string {
  return `#schema-${name}`;
}

/** The site's index of one version, from the project view of `@ccapi/model` (no reading of its own). */
export function indexVersion(id: string, web: Json, rtm: Json): VersionIndex {
  return indexOf(id, apiVersionOf(web, rtm, { version: id.replace(/^v/, '') }));
}

export function indexOf(id: string, view: ApiVersion): VersionIndex {
  const index: VersionIndex = { id, web: Object.create(null), rtm: Object.create(null), schemas: Object.create(null), renamedFrom: Object.create(null) };
  const rename = (name: string, from: string | undefined) => {
    if (from !== undefined) index.renamedFrom[name] = from;
  };
  // in document order, as the pages list them
  const paths = Object.keys(view.documents.web.paths ?? {});
  const webSides = view.methods.flatMap((m) => (m.web ? [m.web] : [])).sort((a, b) => paths.indexOf(a.path) - paths.indexOf(b.path));
  for (const w of webSides) {
    index.web[w.name] = { name: w.name, title: w.title ?? w.name, tag: w.tag, anchor: webAnchor(w.tag, w.name), rtm: w.equivalent, renamedFrom: w.renamedFrom };
    rename(w.name, w.renamedFrom);
  }
  // keyed by operation id (the AsyncAPI component's element ids), in document order
  const rtmSides: (RtmSide | ApiPush)[] = [...view.methods.flatMap((m) => (m.rtm ? [m.rtm] : [])), ...view.pushes];
  const order = Object.keys(view.documents.rtm.operations ?? {});
  rtmSides.sort((a, b) => order.indexOf(opId(a)) - order.indexOf(opId(b)));
  for (const s of rtmSides) {
    const name = opId(s);
    const kind = 'operation' in s ? 'push' : 'method';
    index.rtm[name] = { name, title: s.title ?? name, tag: s.tag, kind, anchor: rtmAnchor(kind, name, s.hasReply), web: s.equivalent, renamedFrom: s.renamedFrom };
    rename(name, s.renamedFrom);
  }
  // the AsyncAPI component lists every component schema of the RTM document
  for (const name of Object.keys(view.names.rtm)) {
    index.schemas[name] = schemaAnchor(name);
    const st = Object.prototype.hasOwnProperty.call(view.structures, name) ? view.structures[name] : undefined;
    if (st?.rtm) rename(name, st.renamedFrom);
  }
  return index;
}

function opId(s: RtmSide | ApiPush): string {
  return 'operation' in s ? s.operation : s.name;
}

/**
 * The name that `name` (an operation or structure of version `from`) has in version `to`, following
 * `x-renamed-from` chains forwards or backwards one version at a time; null when it does not exist there.
 * `versions` is in release order.
 */
export function translateName(name: string, from: string, to: string, versions: string[], indexes: Record<string, VersionIndex>): string | null {
  const a = versions.indexOf(from);
  const b = versions.indexOf(to);
  if (a < 0 || b < 0) return null;
  let current: string | null = name;
  if (b > a) {
    for (let i = a + 1; i <= b && current; i++) {
      const idx = indexes[versions[i]];
      const renamedTo = Object.entries(idx.renamedFrom).find(([, old]) => old === current);
      if (renamedTo) current = renamedTo[0];
      else if (!exists(idx, current)) current = null;
    }
  } else if (b < a) {
    for (let i = a; i > b && current; i--) {
      const idx = indexes[versions[i]];
      const prev = indexes[versions[i - 1]];
      const old: string = idx.renamedFrom[current] ?? current;
      current = exists(prev, old) ? old : null;
    }
  }
  return current && exists(indexes[to], current) ? current : null;
}

function exists(idx: VersionIndex, name: string): boolean {
  return name in idx.web || name in idx.rtm || name in idx.schemas;
}

export interface NavData {
  versions: VersionInfo[];
  /** version -> {web: {name: anchor}, rtm: {...}, schemas: {...}, xWeb: rtm op -> web op, xRtm: web op -> rtm op} */
  pages: Record<string, { web: Record<string, string>; rtm: Record<string, string>; schemas: Record<string, string>; webToRtm: Record<string, string>; rtmToWeb: Record<string, string> }>;
  /** from version -> to version -> name -> name there (only entries that differ or are missing). */
  renames: Record<string, Record<string, Record<string, string | null>>>;
}

export function buildNavData(versions: VersionInfo[], indexes: Record<string, VersionIndex>): NavData {
  const ids = versions.map((v) => v.id);
  const nav: NavData = { versions, pages: {}, renames: {} };
  for (const id of ids) {
    const idx = indexes[id];
    const page = { web: {} as Record<string, string>, rtm: {} as Record<string, string>, schemas: { ...idx.schemas }, webToRtm: {} as Record<string, string>, rtmToWeb: {} as Record<string, string> };
    for (const op of Object.values(idx.web)) {
      page.web[op.name] = op.anchor;
      const rtm = op.rtm && idx.rtm[op.rtm] ? op.rtm : idx.rtm[op.name]?.kind === 'method' ? op.name : undefined;
      if (rtm) page.webToRtm[op.name] = rtm;
    }
    for (const op of Object.values(idx.rtm)) {
      page.rtm[op.name] = op.anchor;
      const web = op.web && idx.web[op.web] ? op.web : op.kind === 'method' && idx.web[op.name] ? op.name : undefined;
      if (web) page.rtmToWeb[op.name] = web;
    }
    nav.pages[id] = page;
  }
  for (const from of ids) {
    nav.renames[from] = {};
    const names = new Set([...Object.keys(indexes[from].web), ...Object.keys(indexes[from].rtm), ...Object.keys(indexes[from].schemas)]);
    for (const to of ids) {
      if (to === from) continue;
      const table: Record<string, string | null> = {};
      for (const name of names) {
        const there = translateName(name, from, to, ids, indexes);
        if (there !== name) table[name] = there;
      }
      nav.renames[from][to] = table;
    }
  }
  return nav;
}
