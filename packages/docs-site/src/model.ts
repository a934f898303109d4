/** What the site needs to know about each version: its operations, structures, anchors and renames. */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

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

function tagName(tag: unknown, doc: Json): string {
  if (typeof tag === 'string') return tag;
  if (tag && typeof tag === 'object') {
    const t = tag as Json;
    if (typeof t.name === 'string') return t.name;
    if (typeof t.$ref === 'string') {
      const target = resolvePointer(doc, t.$ref);
      if (target && typeof target.name === 'string') return target.name;
    }
  }
  return '';
}

function resolvePointer(doc: Json, ref: string): Json | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: any = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = node?.[key];
  }
  return node;
}

export function indexVersion(id: string, web: Json, rtm: Json): VersionIndex {
  const index: VersionIndex = { id, web: Object.create(null), rtm: Object.create(null), schemas: Object.create(null), renamedFrom: Object.create(null) };
  for (const pathItem of Object.values<Json>(web.paths ?? {})) {
    for (const [method, op] of Object.entries<Json>(pathItem)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method) || !op?.operationId) continue;
      const tag = Array.isArray(op.tags) && op.tags.length ? String(op.tags[0]) : '';
      index.web[op.operationId] = {
        name: op.operationId,
        title: String(op.summary ?? op.operationId),
        tag,
        anchor: webAnchor(tag, op.operationId),
        rtm: typeof op['x-rtm-equivalent'] === 'string' ? op['x-rtm-equivalent'] : undefined,
        renamedFrom: typeof op['x-renamed-from'] === 'string' ? op['x-renamed-from'] : undefined,
      };
      if (typeof op['x-renamed-from'] === 'string') index.renamedFrom[op.operationId] = op['x-renamed-from'];
    }
  }
  for (const [name, op] of Object.entries<Json>(rtm.operations ?? {})) {
    const kind = op.action === 'receive' ? 'push' : 'method';
    index.rtm[name] = {
      name,
      title: String(op.summary ?? op.title ?? name),
      tag: Array.isArray(op.tags) && op.tags.length ? tagName(op.tags[0], rtm) : '',
      kind,
      anchor: rtmAnchor(kind, name, op.reply !== undefined && op.reply !== null),
      web: typeof op['x-web-equivalent'] === 'string' ? op['x-web-equivalent'] : undefined,
      renamedFrom: typeof op['x-renamed-from'] === 'string' ? op['x-renamed-from'] : undefined,
    };
    if (typeof op['x-renamed-from'] === 'string') index.renamedFrom[name] = op['x-renamed-from'];
  }
  for (const [name, schema] of Object.entries<Json>(rtm.components?.schemas ?? {})) {
    index.schemas[name] = schemaAnchor(name);
    if (schema && typeof schema['x-renamed-from'] === 'string') index.renamedFrom[name] = schema['x-renamed-from'];
  }
  return index;
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
