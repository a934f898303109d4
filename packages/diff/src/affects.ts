import type { Fields, Model, Protocol } from '@ccapi/model';
import type { Affected, Finding, Owner } from './types.js';
import { itemOf } from './classify.js';
import { render } from './messages.js';

const VARIANT_REF = /^(?:oneOf|anyOf):([^=]+)=/;

/** Names of the structures the fields of one payload point at directly. */
function refsOf(fields: Fields, out: Set<string>): void {
  for (const k in fields) {
    const f = fields[k];
    if (f.ref) out.add(f.ref);
    if (f.variants) for (const v of f.variants) {
      const m = VARIANT_REF.exec(v);
      if (m) out.add(m[1]);
    }
  }
}

/**
 * For every structure of a model, the operations (methods and pushes) whose request or response
 * reaches it, directly or through other structures. One breadth-first walk per operation over the
 * structure graph (each structure's direct references are computed once).
 */
export function structureUsers(model: Model): Map<string, Array<{ kind: 'method' | 'push'; name: string }>> {
  const direct = new Map<string, Set<string>>();
  for (const [name, s] of Object.entries(model.structures)) {
    const set = new Set<string>();
    refsOf(s.fields, set);
    direct.set(name, set);
  }
  const users = new Map<string, Array<{ kind: 'method' | 'push'; name: string }>>();
  for (const op of Object.values(model.operations)) {
    const seen = new Set<string>();
    refsOf(op.request, seen);
    refsOf(op.response, seen);
    const queue = [...seen];
    while (queue.length) {
      const s = queue.pop()!;
      for (const t of direct.get(s) ?? []) if (!seen.has(t)) seen.add(t), queue.push(t);
    }
    for (const s of seen) {
      let list = users.get(s);
      if (!list) users.set(s, (list = []));
      list.push({ kind: op.kind, name: op.name });
    }
  }
  return users;
}

/**
 * Adds to each finding on a structure the operations it affects: those reaching the structure in the
 * revision, plus those that reached it in the base only (a removed method was affected too).
 */
export function annotateAffects(findings: Finding[], base: Model, revision: Model, protocol: Protocol): Finding[] {
  if (!findings.some((f) => f.owner.kind === 'structure')) return findings;
  const rev = structureUsers(revision);
  const old = structureUsers(base);
  // a base operation renamed in the revision is listed once, under its new name
  const renamed = new Set(Object.values(revision.operations).map((o) => o.renamedFrom).filter((x): x is string => !!x));
  for (const f of findings) {
    if (f.owner.kind !== 'structure') continue;
    const names = new Map<string, Affected>();
    const oldName = f.kind === 'structure-renamed' && typeof f.from === 'string' ? f.from : f.owner.name;
    for (const u of [...(rev.get(f.owner.name) ?? []), ...(old.get(oldName) ?? []).filter((o) => !renamed.has(o.name))]) {
      const key = `${u.kind}:${u.name}`;
      if (!names.has(key)) names.set(key, { kind: u.kind, name: u.name, protocols: [protocol] });
    }
    f.affects = [...names.values()].sort(compareAffected);
  }
  return findings;
}

export function compareAffected(a: Affected, b: Affected): number {
  return a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'method' ? -1 : 1;
}

/** Union of two affected lists (Web and RTM views of one change). */
export function mergeAffects(a: Affected[] | undefined, b: Affected[] | undefined): Affected[] | undefined {
  if (!a) return b?.map((x) => ({ ...x, protocols: [...x.protocols] }));
  if (!b) return a;
  const byKey = new Map(a.map((x) => [`${x.kind}:${x.name}`, x]));
  for (const x of b) {
    const cur = byKey.get(`${x.kind}:${x.name}`);
    if (!cur) byKey.set(`${x.kind}:${x.name}`, { ...x, protocols: [...x.protocols] });
    else for (const p of x.protocols) if (!cur.protocols.includes(p)) cur.protocols.push(p);
  }
  const out = [...byKey.values()];
  for (const x of out) x.protocols.sort((p, q) => (p === 'web' ? -1 : q === 'web' ? 1 : 0));
  return out.sort(compareAffected);
}

const TAG: Record<string, string> = { 'web,rtm': 'Web & RTM', web: 'Web', rtm: 'RTM' };

/**
 * "affects `a`, `b` (Web & RTM), `c` (RTM)": operation names grouped by the protocols
 * they are affected on; without protocol tags when the changelog is of one document.
 */
export function affectsText(affects: Affected[] | undefined, withProtocols: boolean, max = 12): string {
  if (!affects?.length) return '';
  const shown = affects.slice(0, max);
  const more = affects.length - shown.length;
  const tail = more > 0 ? ` and ${more} more` : '';
  if (!withProtocols) return `affects ${shown.map((a) => `\`${a.name}\``).join(', ')}${tail}`;
  const groups: string[] = [];
  let i = 0;
  while (i < shown.length) {
    const tag = shown[i].protocols.join(',');
    const run: string[] = [];
    while (i < shown.length && shown[i].protocols.join(',') === tag) run.push(`\`${shown[i++].name}\``);
    groups.push(`${run.join(', ')} (${TAG[tag] ?? tag})`);
  }
  return `affects ${groups.join(', ')}${tail}`;
}

/**
 * How many (operation, protocol) places a per-path diff would list for these findings: a change to a
 * structure counts once per operation reaching it, any other change once per protocol.
 */
export function changedPathCount(findings: Finding[]): number {
  let n = 0;
  for (const f of findings) {
    const viaOps = f.affects?.reduce((s, a) => s + a.protocols.length, 0) ?? 0;
    n += Math.max(viaOps, f.protocols.length, 1);
  }
  return n;
}

const SHARED_PARAM = /^\/components\/parameters\/([^/]+)/;

/**
 * A change to a shared parameter (`components/parameters/X`) shows up once per operation using it:
 * those findings become one finding on the parameter that lists the operations it affects.
 */
export function groupSharedParameters(findings: Finding[], protocol: Protocol): Finding[] {
  const groups = new Map<string, Finding[]>();
  const out: Finding[] = [];
  for (const f of findings) {
    // only changes of the definition itself: an operation that starts or stops using the parameter is its own change
    const item = itemOf.get(f);
    const shared = (f.owner.kind === 'method' || f.owner.kind === 'push') && /^(query|header|path|cookie):/.test(f.path ?? '') && !!item?.base && !!item.revision;
    const m = shared ? SHARED_PARAM.exec(f.location.pointer) : null;
    if (!m) {
      out.push(f);
      continue;
    }
    const key = JSON.stringify([f.ruleId, m[1], f.path, f.oldPath, f.from, f.to]);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(f);
  }
  for (const g of groups.values()) {
    if (g.length < 2) {
      out.push(...g);
      continue;
    }
    const first = g[0];
    const name = decodeURIComponent(SHARED_PARAM.exec(first.location.pointer)![1].replace(/~1/g, '/').replace(/~0/g, '~'));
    const areas = new Set(g.map((f) => f.area));
    const owner: Owner = { kind: 'parameter', name, area: areas.size === 1 ? first.area : 'General' };
    const item = itemOf.get(first);
    const text = item ? render(first.ruleId, { ...item, owner }) : first.text;
    const migration = item && first.migration ? render(`${first.ruleId}-comment`, { ...item, owner }) : first.migration;
    const affects = g.map((f) => ({ kind: f.owner.kind as 'method' | 'push', name: f.owner.name, protocols: [protocol] })).sort(compareAffected);
    const merged: Finding = { ...first, owner, area: owner.area, text, affects, ...(migration ? { migration } : {}) };
    if (item) itemOf.set(merged, { ...item, owner });
    out.push(merged);
  }
  return out;
}
