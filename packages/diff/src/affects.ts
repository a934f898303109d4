import { mappingTarget, pointerTokens, type Fields, type Model, type Protocol } from '@ccapi/model';
import type { Affected, Finding, Owner } from './types.js';
import { own, textOrder } from './own.js';
import { itemOf } from './classify.js';
import { messages, render } from './messages.js';

const VARIANT_REF = /^(?:oneOf|anyOf):([^=]+)=/;

/** Names of the structures the fields of one payload point at directly. */
function refsOf(fields: Fields, out: Set<string>): void {
  for (const r of namedBy(fields)) out.add(r);
}

// per fields object: a revision's model shares the fields it reused with the base's
const named = new WeakMap<Fields, string[]>();
/** The names a field map holds: `$ref`s and oneOf/anyOf alternatives that are named schemas (memoised per map). */
export function namedBy(fields: Fields): string[] {
  let list = named.get(fields);
  if (list) return list;
  const set = new Set<string>();
  for (const k in fields) {
    const f = fields[k];
    if (f.ref) set.add(f.ref);
    // the structures a discriminator selects
    if (f.mapping) for (const m of f.mapping) set.add(mappingTarget(m));
    if (f.variants) for (const v of f.variants) {
      const m = VARIANT_REF.exec(v);
      if (m) set.add(m[1]);
    }
  }
  named.set(fields, (list = [...set]));
  return list;
}

type User = { kind: 'method' | 'push'; name: string };

/**
 * For every structure, the set of operations (methods and pushes) whose request or response reaches
 * it, directly or through other structures, as a bitset over `ops`. Computed for all structures at
 * once: each structure starts with the operations that name it and takes over those of every
 * structure containing it, until nothing changes (recursive structures converge too).
 */
export function structureUsers(model: Model, ops: Map<string, number>, words: number): Map<string, Uint32Array> {
  const bits = new Map<string, Uint32Array>();
  const bitsOf = (name: string) => bits.get(name) ?? bits.set(name, new Uint32Array(words)).get(name)!;
  // parent -> the structures it contains: a change of a parent's users flows down to them
  const children = new Map<string, string[]>();
  for (const [name, s] of Object.entries(model.structures)) {
    const set = new Set<string>();
    refsOf(s.fields, set);
    set.delete(name);
    children.set(name, [...set]);
    for (const t of set) bitsOf(t);
  }
  for (const op of Object.values(model.operations)) {
    const i = ops.get(`${op.kind}:${op.name}`);
    if (i === undefined) continue;
    const set = new Set<string>();
    refsOf(op.request, set);
    refsOf(op.response, set);
    for (const t of set) bitsOf(t)[i >>> 5] |= 1 << (i & 31);
  }
  // Strongly connected components (recursive structures) share one set of users; Tarjan's algorithm
  // (iterative) yields them children first, so walking its output backwards visits parents first and
  // one pass settles everything.
  const names = [...bits.keys()];
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const sccs: string[][] = [];
  let counter = 0;
  for (const root of names) {
    if (index.has(root)) continue;
    const work: Array<[string, number]> = [[root, 0]];
    index.set(root, counter), low.set(root, counter++), stack.push(root), onStack.add(root);
    while (work.length) {
      const top = work[work.length - 1];
      const [v] = top;
      const kids = children.get(v) ?? [];
      if (top[1] < kids.length) {
        const w = kids[top[1]++];
        if (!index.has(w)) {
          index.set(w, counter), low.set(w, counter++), stack.push(w), onStack.add(w);
          work.push([w, 0]);
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const u = work[work.length - 1][0];
        low.set(u, Math.min(low.get(u)!, low.get(v)!));
      }
      if (low.get(v) === index.get(v)) {
        const comp: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
        } while (w !== v);
        sccs.push(comp);
      }
    }
  }
  for (let k = sccs.length - 1; k >= 0; k--) {
    const comp = sccs[k];
    // one set for the whole component (its members reach each other)
    const shared = bits.get(comp[0])!;
    for (let m = 1; m < comp.length; m++) {
      const mb = bits.get(comp[m])!;
      for (let w = 0; w < words; w++) shared[w] |= mb[w];
    }
    for (let m = 1; m < comp.length; m++) bits.set(comp[m], shared);
    for (const member of comp) {
      for (const c of children.get(member) ?? []) {
        const cb = bits.get(c)!;
        if (cb === shared) continue;
        for (let w = 0; w < words; w++) cb[w] |= shared[w];
      }
    }
  }
  return bits;
}

/**
 * Adds to each finding on a structure the operations it affects: those reaching the structure in the
 * revision, plus those that reached it in the base only (a removed method was affected too; a
 * renamed one is listed once, under its new name).
 */
export function annotateAffects(findings: Finding[], base: Model, revision: Model, protocol: Protocol): Finding[] {
  if (!findings.some((f) => f.owner.kind === 'structure')) return findings;
  // one index over the operations of both sides, in output order (methods first, then by name)
  const all = new Map<string, User>();
  for (const m of [revision, base]) for (const op of Object.values(m.operations)) all.set(`${op.kind}:${op.name}`, { kind: op.kind, name: op.name });
  const renamed = new Set(Object.values(revision.operations).map((o) => o.renamedFrom).filter((x): x is string => !!x));
  const order = [...all.values()].sort(compareAffected);
  const ops = new Map(order.map((u, i) => [`${u.kind}:${u.name}`, i]));
  // one shared Affected object per operation: lists only hold references (merging copies)
  const shared = order.map((u) => ({ kind: u.kind, name: u.name, protocols: [protocol] }) as Affected);
  const words = (order.length + 31) >>> 5;
  const rev = structureUsers(revision, ops, words);
  const old = structureUsers(base, ops, words);
  const skip = new Uint32Array(words);
  for (const u of order) if (renamed.has(u.name) && !own(revision.operations, u.name)) {
    const i = ops.get(`${u.kind}:${u.name}`)!;
    skip[i >>> 5] |= 1 << (i & 31);
  }
  const lists = new Map<string, Affected[]>();
  // a change inside a structure that no operation reaches in both versions (its name now stands for
  // another schema: two names swapped, a name given to a new schema after a rename) reaches no
  // client: each operation's own comparison tells what it now sends or receives
  const moot = new Set<Finding>();
  // (only operations both versions have under one name: one renamed, or an AsyncAPI operation whose
  // key changed, is matched elsewhere and may still reach the structure under its new name)
  const names = (m: Model) => new Set(Object.values(m.operations).map((op) => `${op.kind}:${op.name}`));
  const inBase = names(base), inRev = names(revision);
  const kept = new Uint32Array(words);
  for (const [k, i] of ops) if (inBase.has(k) && inRev.has(k)) kept[i >>> 5] |= 1 << (i & 31);
  for (const f of findings) {
    if (f.owner.kind !== 'structure') continue;
    const oldName = f.kind === 'structure-renamed' && typeof f.from === 'string' ? f.from : f.owner.name;
    if (!/^structure-(renamed|removed|added)$/.test(f.kind)) {
      const r = rev.get(f.owner.name), o = old.get(oldName);
      // every operation that reached it is still there, and none reaches it now
      let both = 0, had = 0, gone = 0;
      for (let w = 0; w < words; w++) {
        const ow = o ? o[w] : 0;
        both |= (r ? r[w] : 0) & ow, had |= ow, gone |= ow & ~kept[w];
      }
      if (had && !both && !gone) { moot.add(f); continue; }
    }
    const key = `${f.owner.name}\0${oldName}`;
    let list = lists.get(key);
    if (!list) {
      list = [];
      const r = rev.get(f.owner.name), o = old.get(oldName);
      for (let w = 0; w < words; w++) {
        let v = (r ? r[w] : 0) | ((o ? o[w] : 0) & ~skip[w]);
        while (v) {
          const bit = 31 - Math.clz32(v & -v);
          list.push(shared[(w << 5) + bit]);
          v &= v - 1;
        }
      }
      lists.set(key, list);
    }
    f.affects = list;
  }
  return moot.size ? findings.filter((f) => !moot.has(f)) : findings;
}

export function compareAffected(a: Pick<Affected, "kind" | "name">, b: Pick<Affected, "kind" | "name">): number {
  return a.kind === b.kind ? textOrder(a.name, b.name) : a.kind === 'method' ? -1 : 1;
}

/** Union of two affected lists (Web and RTM views of one change); a new list, the inputs are left alone. */
export function mergeAffects(a: Affected[] | undefined, b: Affected[] | undefined): Affected[] | undefined {
  if (!a) return b;
  if (!b) return a;
  const byKey = new Map(a.map((x) => [`${x.kind}:${x.name}`, { ...x, protocols: [...x.protocols] }]));
  for (const x of b) {
    const cur = byKey.get(`${x.kind}:${x.name}`);
    if (!cur) byKey.set(`${x.kind}:${x.name}`, { ...x, protocols: [...x.protocols] });
    else for (const p of x.protocols) if (!cur.protocols.includes(p)) cur.protocols.push(p);
  }
  const out = [...byKey.values()];
  for (const x of out) x.protocols.sort((p, q) => (p === 'web' ? -1 : q === 'web' ? 1 : 0));
  return out.sort(compareAffected);
}

/**
 * mergeAffects folded over many lists, in one pass (an item with thousands of atoms re-sorted its
 * list per atom): the same result, as the fold keeps the first copy of each entry, adds protocols
 * in order of appearance and sorts at the end.
 */
export function mergeAllAffects(lists: Iterable<Affected[] | undefined>): Affected[] | undefined {
  let first: Affected[] | undefined;
  let byKey: Map<string, Affected> | undefined;
  // lists of one protocol share their entry objects: an entry met again adds nothing
  const added = new Set<Affected>();
  const add = (list: Affected[]) => {
    for (const x of list) {
      if (added.has(x)) continue;
      added.add(x);
      const key = `${x.kind}:${x.name}`;
      const cur = byKey!.get(key);
      if (!cur) byKey!.set(key, { ...x, protocols: [...x.protocols] });
      else for (const p of x.protocols) if (!cur.protocols.includes(p)) cur.protocols.push(p);
    }
  };
  // findings on one structure share one list: adding it again would change nothing
  const seen = new Set<Affected[]>();
  for (const list of lists) {
    if (!list) continue;
    if (seen.has(list)) {
      if (!byKey) {
        byKey = new Map();
        add(first!);
      }
      continue;
    }
    seen.add(list);
    if (!first) {
      first = list;
      continue;
    }
    if (!byKey) {
      byKey = new Map();
      add(first);
    }
    add(list);
  }
  if (!byKey) return first;
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
 * Keeps the findings `keyOf` leaves alone (undefined) and merges each group of two or more findings
 * that share a key into one (a group of one stays as it is). Order: ungrouped first, then groups.
 */
function mergeGroups(findings: Finding[], keyOf: (f: Finding) => string | undefined, merge: (group: Finding[]) => Finding): Finding[] {
  const groups = new Map<string, Finding[]>();
  const out: Finding[] = [];
  for (const f of findings) {
    const key = keyOf(f);
    if (key === undefined) {
      out.push(f);
      continue;
    }
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(f);
  }
  for (const g of groups.values()) out.push(...(g.length < 2 ? g : [merge(g)]));
  return out;
}

function affectedBy(group: Finding[], protocol: Protocol): Affected[] {
  return group.map((f) => ({ kind: f.owner.kind as 'method' | 'push', name: f.owner.name, protocols: [protocol] })).sort(compareAffected);
}

/**
 * A change to a shared parameter (`components/parameters/X`) shows up once per operation using it:
 * those findings become one finding on the parameter that lists the operations it affects.
 */
export function groupSharedParameters(findings: Finding[], protocol: Protocol): Finding[] {
  const keyOf = (f: Finding): string | undefined => {
    // changes of the definition itself; operations that start or stop using the parameter are grouped
    // too (one entry for "every Web method takes the new X-Region header"), worded by a `-grouped` message
    const item = itemOf.get(f);
    const definition = !!item?.base && !!item.revision;
    const shared = (f.owner.kind === 'method' || f.owner.kind === 'push') && /^(query|header|path|cookie|channel|handshake-query|handshake-header|handshake):/.test(f.path ?? '') && !!item && (definition || !!messages()[`${f.ruleId}-grouped`]);
    const m = shared ? SHARED_PARAM.exec(f.location.pointer) : null;
    return m ? JSON.stringify([f.ruleId, m[1], f.path, f.oldPath, f.from, f.to]) : undefined;
  };
  return mergeGroups(findings, keyOf, (g) => {
    const first = g[0];
    const name = pointerTokens(`#/${SHARED_PARAM.exec(first.location.pointer)![1]}`)[0]!;
    const areas = new Set(g.map((f) => f.area));
    const owner: Owner = { kind: 'parameter', name, area: areas.size === 1 ? first.area : 'General' };
    const item = itemOf.get(first);
    const usage = !!item && !(item.base && item.revision);
    const text = item ? render(usage ? `${first.ruleId}-grouped` : first.ruleId, { ...item, owner }) : first.text;
    const migration = item && first.migration ? render(`${first.ruleId}-comment`, { ...item, owner }) : first.migration;
    const merged: Finding = { ...first, owner, area: owner.area, text, affects: affectedBy(g, protocol), ...(migration ? { migration } : {}) };
    if (item) itemOf.set(merged, { ...item, owner });
    return merged;
  });
}

/**
 * The same change to an RTM frame's own field (`frame:version` added to every request frame, the
 * `request_id` type changed in all of them) is one change of the frame format, and the same change
 * to the WebSocket handshake is one change of the connection every operation on it shares: the
 * findings of several methods (or pushes) become one, "Each of N methods ...", listing the
 * operations it affects.
 */
export function groupFrameFields(findings: Finding[], protocol: Protocol): Finding[] {
  const keyOf = (f: Finding): string | undefined =>
    (f.owner.kind === 'method' || f.owner.kind === 'push') && f.path !== undefined && /^(frame|handshake|handshake-query|handshake-header):/.test(f.path)
      ? JSON.stringify([f.owner.kind, f.ruleId, f.direction, f.path, f.oldPath, f.from, f.to, itemOf.get(f)?.body ?? null]) : undefined;
  return mergeGroups(findings, keyOf, (g) => apiWide(g, protocol, `each of ${g.length} ${g[0].owner.kind === 'method' ? 'methods' : 'pushes'}`, g[0].ruleId));
}

/**
 * One API-wide finding for a group of alike ones: the first one's, its owner the API (titled
 * `title`, when given) in the area they share (else General), worded by the message `messageId`,
 * listing the operations they affect, the group kept as its `parts`.
 */
function apiWide(g: Finding[], protocol: Protocol, title: string | undefined, messageId: string, extra: { to?: string[] } = {}): Finding {
  const first = g[0];
  const areas = new Set(g.map((f) => f.area));
  const owner: Owner = { kind: 'api', name: '', ...(title ? { title } : {}), area: areas.size === 1 ? first.area : 'General' };
  const item = itemOf.get(first);
  const text = item ? render(messageId, { ...item, owner, ...extra }) : first.text;
  const merged: Finding = { ...first, owner, area: owner.area, text, affects: affectedBy(g, protocol), parts: g, ...extra };
  if (item) itemOf.set(merged, { ...item, owner, ...extra });
  return merged;
}

/**
 * The same wrapper dropped by several operations (e.g. a request envelope given up API-wide) is one
 * change: those findings become one API-wide finding listing the operations it affects. `to` holds
 * every field that moved up; `parts` keeps the per-operation findings for the history.
 */
export function groupUnwrapped(findings: Finding[], protocol: Protocol): Finding[] {
  const keyOf = (f: Finding): string | undefined =>
    f.kind === 'fields-unwrapped' && (f.owner.kind === 'method' || f.owner.kind === 'push') ? JSON.stringify([f.ruleId, f.path, f.direction]) : undefined;
  return mergeGroups(findings, keyOf, (g) => {
    const moved = [...new Set(g.flatMap((f) => (Array.isArray(f.to) ? (f.to as string[]) : [])))].sort();
    return apiWide(g, protocol, undefined, `${g[0].ruleId}-grouped`, { to: moved });
  });
}
