import { acceptsOldText, admits, finiteValues, formatAdmits, INTEGER_FORMAT_RANGES, urlKey, valueAdmitted, BINDING_DESTINATIONS, escapeToken, isOutline, isScalarType, xmlPayloads, mappingTarget, mediaKey, mediaRelation, outlineAt, patternLengths, patternRelation, avroReadable, type AvroProblem, outlineTagsOf, pointerTokens, wayServes, parentPath as parentOf, widenField, rangeEnd, renamedFromPath, renamedFromPaths, type Field, type Fields, type Model, type Operation, type Relation, type Server, type Structure } from '@ccapi/model';
import type { DiffItem, Direction, Owner } from './types.js';
import { own, textOrder } from './own.js';
import { versionOnlyChange } from './checks/server-version-changed.js';
import { textParameter } from './checks/helpers.js';
import { answersLost, bodyAt, errorStatusesAdded, errorStatusesReplaced, successChanges, successCodes } from './statuses.js';
import { namedBy } from './affects.js';

let groupSeq = 0;

/** Normalised edit similarity of two names, 0..1. */
export function nameSimilarity(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  if (a === b) return 1;
  const m = a.length, n = b.length;
  if (!m || !n) return 0;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return 1 - prev[n] / Math.max(m, n);
}

function signature(f: Field): string {
  return `${f.type ?? ''}|${f.ref ?? ''}|${f.format ?? ''}`;
}

/** Memoised: rename guessing scores every removed entry against every added one. */
const fieldSets = new WeakMap<Fields, Map<string, Set<string>>>();

function fieldSet(fields: Fields, prefix: string): Set<string> {
  let byPrefix = fieldSets.get(fields);
  if (!byPrefix) fieldSets.set(fields, (byPrefix = new Map()));
  let s = byPrefix.get(prefix);
  if (s) return s;
  s = new Set<string>();
  // (an RTM frame's envelope is alike in every frame: it says nothing of which operation is which)
  for (const f of Object.values(fields)) if (f.path && !f.path.startsWith('frame:')) s.add(`${prefix}${f.path}:${signature(f)}`);
  byPrefix.set(prefix, s);
  return s;
}

function jaccard(a: Set<string>, b: Set<string>): { score: number; size: number } {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  const union = a.size + b.size - inter;
  return { score: union ? inter / union : 0, size: union };
}

export { parentPath as parentOf } from '@ccapi/model';

export function leafOf(path: string): string {
  const p = path.replace(/(\[\]|\{\})+$/, '');
  const dot = p.lastIndexOf('.');
  const colon = p.lastIndexOf(':');
  return p.slice(Math.max(dot, colon) + 1);
}

/** Enclosing fields of a path, nearest first (a parameter's subfields stop at the parameter). */
export function ancestors(p: string): string[] {
  const out: string[] = [];
  const prefixed = p.includes(':');
  let cur = p;
  while (cur !== '') {
    const par = parentOf(cur);
    if (par === cur || (prefixed && !par.includes(':'))) break;
    out.push(par);
    cur = par;
  }
  return out;
}

function joinPath(parent: string, leaf: string): string {
  if (!parent) return leaf;
  return `${parent}.${leaf}`;
}

function isUnder(path: string, ancestor: string): boolean {
  if (ancestor === '') return path !== '' && !path.includes(':');
  return path.startsWith(ancestor) && path.length > ancestor.length && /^[.[{]/.test(path[ancestor.length]);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const PAGINATION = /^(page(_?(id|token|number|cursor))?|cursor|next_?page(_?(id|token|url))?|previous_?page(_?(id|token))?|prev_?page(_?(id|token))?|offset|next_?cursor|starting_?after|ending_?before)$/i;

interface Ctx {
  base: Model;
  rev: Model;
  items: DiffItem[];
  /** Security alternatives with only the scheme names that matter kept (see `securityNames`). */
  alts: (a: string[] | undefined) => string[] | undefined;
  structRenames: Map<string, string>;
  /** Structures that a dropped wrapper referred to: their fields now sit where the wrapper was. */
  unwrapped: Set<string>;
  /** `base name \0 revision name` -> do the two named schemas reach the same structure? */
  sameMemo: Map<string, boolean>;
  /**
   * Names that lead elsewhere in the revision (an alias retargeted, or turned into a schema of its
   * own, or the reverse): fields the revision reused from the base (same objects) that name one are
   * compared all the same, since what they reach changed.
   */
  aliasMoved: Set<string>;
  /**
   * OpenAPI: a path prefix moved between the servers and the paths (`https://h/v1` + `/pets` ->
   * `https://h` + `/v1/pets`), every operation keeping its full URL: the base path of each version.
   */
  prefixMoved?: { from: string; to: string };
  /** Memo of everyAddressKept. */
  addressesKept?: boolean;
}

/** Where a chain of alias components starting at `name` ends (`name` itself when it is no alias). */
function aliasEnd(m: Model, name: string): string {
  let n = name;
  for (let hops = 0; hops < 20 && m.aliases && Object.hasOwn(m.aliases, n); hops++) n = m.aliases[n];
  return n;
}

/** Names an alias leads to a different schema in the base than in the revision (see `Ctx.aliasMoved`). */
function aliasesMoved(base: Model, rev: Model): Set<string> {
  const out = new Set<string>();
  for (const m of [base, rev]) for (const n of Object.keys(m.aliases ?? {})) if (aliasEnd(base, n) !== aliasEnd(rev, n)) out.add(n);
  return out;
}

/** Does a field map name (by `$ref` or as an alternative) one of `set`? */
function names(fields: Fields | undefined, set: Set<string>): boolean {
  return !!fields && set.size > 0 && namedBy(fields).some((n) => set.has(n));
}

/** Is an operation the revision reused from the base still to be compared (it names a moved alias)? */
function opNamesMoved(ctx: Ctx, o: Operation): boolean {
  if (!ctx.aliasMoved.size) return false;
  if (names(o.request, ctx.aliasMoved) || names(o.response, ctx.aliasMoved)) return true;
  for (const f of Object.values(o.bodies ?? {})) if (names(f, ctx.aliasMoved)) return true;
  for (const f of Object.values(o.otherPayloads ?? {})) if (names(f, ctx.aliasMoved)) return true;
  return false;
}

/** What a `$ref` to `name` reaches in a model (any schema: owned ones too; an alias, what it leads to). */
function schemaFields(m: Model, name: string): Fields | undefined {
  const n = aliasTarget(m, name);
  return (m.schemas && own(m.schemas, n)) ?? own(m.structures, n)?.fields;
}

/** The schema an alias chain (`A: {$ref: B}`, `B: {$ref: C}`...) ends at; `name` itself when it is no alias. */
function aliasTarget(m: Model, name: string): string {
  let n = name;
  for (let hops = 0; hops < 20; hops++) {
    const f = (m.schemas && own(m.schemas, n)) ?? own(m.structures, n)?.fields;
    const root = f?.[''];
    if (!f || !root || root.ref === undefined || root.ref === n || Object.keys(f).length !== 1 || root.type !== undefined || root.variants || root.enum || root.nullable || Object.keys(root.limits).length) return n;
    n = root.ref;
  }
  return n;
}

/** Field keywords a client can observe (not where the schema sits, nor how it is written). */
function fieldShape(f: Field): string {
  const variants = (f.variants ?? []).map((v) => v.slice(0, v.indexOf(':')) + v.slice(v.indexOf('=')));
  return JSON.stringify([f.type, f.format, f.required, f.nullable, f.enum, f.hasDefault ? f.default : null, f.hasDefault, f.limits, f.pattern ?? null,
    variants, !!f.readOnly, !!f.writeOnly, !!f.closed, f.style ?? null, f.constraints ?? null, !!f.allowEmpty, !!f.allowReserved, f.mapping ?? null, f.xml ?? null]);
}

/**
 * Do two references reach the same structure? Equal names (or a structure rename) do: changes of
 * that structure are reported on it. Different names are compared field by field, recursively,
 * memoised per pair; a pair under comparison counts as equal (recursive structures terminate).
 */
function sameRef(ctx: Ctx, b0: string | undefined, r0: string | undefined): boolean {
  // an alias (`A: {$ref: B}`, any number of hops) is what it leads to, on each side
  const b = b0 === undefined ? b0 : aliasTarget(ctx.base, b0), r = r0 === undefined ? r0 : aliasTarget(ctx.rev, r0);
  // one name, unless it is an alias that leads elsewhere now: then compared by what each side reaches
  if (b === r && (b === undefined || !ctx.aliasMoved.has(b))) return true;
  if (b === undefined || r === undefined) return false;
  if (ctx.structRenames.get(b) === r) return true;
  const key = `${b}\0${r}`;
  const known = ctx.sameMemo.get(key);
  if (known !== undefined) return known;
  const bf = schemaFields(ctx.base, b), rf = schemaFields(ctx.rev, r);
  if (!bf || !rf) { ctx.sameMemo.set(key, false); return false; }
  ctx.sameMemo.set(key, true);
  let same = Object.keys(bf).length === Object.keys(rf).length;
  if (same) for (const [p, f] of Object.entries(bf)) {
    const g = own(rf, p);
    if (!g || fieldShape(f) !== fieldShape(g) || !sameRef(ctx, f.ref, g.ref) || !sameUnion(ctx, f, g)) { same = false; break; }
  }
  ctx.sameMemo.set(key, same);
  return same;
}

/**
 * Do two unions with equal shapes list the same alternatives by what they reach? Alternatives that
 * name different structures must reach the same one; a named one matched by shape with an inline
 * one is not proven equal here (`expandSwitches` compares them field by field).
 */
function sameUnion(ctx: Ctx, b: Field, r: Field): boolean {
  if (!b.variants || !r.variants || sameList(b.variants, r.variants)) return true;
  return matchAlternatives(b.variants, r.variants).pairs.every(([x, y]) => { const xn = altName(x), yn = altName(y); return !!xn && !!yn && sameRef(ctx, xn, yn); });
}

/** Do two flattened payloads reach the same structure (paths, observable keywords, references)? */
function sameFields(ctx: Ctx, a: Fields, b: Fields): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((p) => { const g = own(b, p); return !!g && fieldShape(a[p]) === fieldShape(g) && sameRef(ctx, a[p].ref, g.ref) && sameUnion(ctx, a[p], g); });
}

function joinUnder(p: string, q: string): string {
  if (!q) return p;
  if (!p || p.endsWith(':')) return p + q;
  return /^[[{]/.test(q) ? p + q : `${p}.${q}`;
}

/**
 * The alternatives a field reaches when it is a union (oneOf/anyOf): its own, or those of the
 * structure it names. A reference that is itself the one alternative of a oneOf/anyOf (`ref` and
 * `variants` both set) is compared as an alternative: not a union here.
 */
function unionOf(m: Model, f: Field): string[] | undefined {
  if (f.ref === undefined) return f.variants?.length ? f.variants : undefined;
  if (f.variants?.length) return undefined;
  const root = schemaFields(m, f.ref)?.[''];
  return root?.variants?.length ? root.variants : undefined;
}

/**
 * Where one side refers to a structure and the other side reaches something else (another name
 * with a different structure, an inline object, a scalar), both sides are compared by what they
 * reach: each reference is replaced by the fields of the schema it names, so the existing
 * field-by-field comparison reports what a client sees. Names only label the findings.
 * A union is compared by its alternatives: a reference to a named union on one side and a union on
 * the other (inline, an allOf of a copy, another name) is expanded like any reference; and an
 * alternative matched only by shape (`$ref: A` on one side, an inline copy of A or another name on
 * the other) brings the fields of what it names below the union, the way an inline alternative's
 * properties sit there, so both alternatives are compared by their effective structure.
 * A plain structure becoming a union is not expanded: that is the `wrapped` change.
 */
function expandSwitches(ctx: Ctx, b: Fields, r: Fields): [Fields, Fields] {
  let nb = b, nr = r;
  // only places where either side holds a reference, or two unions differ, can switch (most fields hold neither)
  const queue: string[] = [];
  for (const p in b) {
    const rf = own(r, p);
    if (rf && (b[p].ref !== undefined || rf.ref !== undefined || (b[p].variants && rf.variants && !sameList(b[p].variants!, rf.variants)))) queue.push(p);
  }
  if (!queue.length) return [b, r];
  const queued = new Set(queue);
  const pairAt = new Map<string, string[]>();
  const seen = (p: string, pair: string) => ancestors(p).some((a) => pairAt.get(a)?.includes(pair));
  const mark = (p: string, pair: string) => { const l = pairAt.get(p); if (l) l.push(pair); else pairAt.set(p, [pair]); };
  const fresh: string[] = [];
  const copy = () => {
    if (nb === b) nb = Object.assign(Object.create(null), b);
    if (nr === r) nr = Object.assign(Object.create(null), r);
  };
  /** Adds the fields of `sf` (a schema's flattened fields) below `p`; `asAlternative`: the root is left alone and direct children are optional. */
  const graft = (out: Fields, p: string, leaf: Field, sf: Fields, asAlternative: boolean, grafted?: Set<string>) => {
    for (const [q, f] of Object.entries(sf)) {
      const np = joinUnder(p, q);
      // a place another alternative of this union brought too admits what either admits (see `widenField`)
      if (grafted?.has(np)) { out[np] = widenField(out[np], { ...f, path: np, required: false }); continue; }
      if (q === '') {
        if (asAlternative) continue;
        const root: Field = { ...f, path: p, required: leaf.required, nullable: leaf.nullable || f.nullable, pointer: f.pointer, ref: f.ref, label: leaf.label, renamedFrom: leaf.renamedFrom, deprecated: leaf.deprecated || f.deprecated };
        if (leaf.style) root.style = leaf.style;
        out[p] = root;
      } else if (asAlternative && /^[[{]/.test(q)) continue;
      else if (!Object.hasOwn(out, np)) {
        // an alternative's properties sit below the union as optional ones (see `flatten`)
        out[np] = asAlternative && !/[.[{]/.test(q) ? { ...f, path: np, required: false } : { ...f, path: np };
        fresh.push(np);
        grafted?.add(np);
      }
    }
  };
  for (let qi = 0; qi < queue.length; qi++) {
    const p = queue[qi];
    const bf = nb[p], rf = nr[p];
    if (!bf || !rf) continue;
    fresh.length = 0;
    if ((bf.ref !== undefined || rf.ref !== undefined) && !sameRef(ctx, bf.ref, rf.ref)
      && (!(bf.variants?.length || rf.variants?.length) || (unionOf(ctx.base, bf) && unionOf(ctx.rev, rf)))) {
      const bs = bf.ref !== undefined ? schemaFields(ctx.base, bf.ref) : undefined;
      const rs = rf.ref !== undefined ? schemaFields(ctx.rev, rf.ref) : undefined;
      // a recursive pair met again further down is the same comparison: stop there
      const pair = `${bf.ref ?? ''}\0${rf.ref ?? ''}`;
      if (!((bf.ref !== undefined && !bs) || (rf.ref !== undefined && !rs)) && !seen(p, pair) && p.split('.').length <= 24) {
        mark(p, pair);
        copy();
        if (bs) graft(nb, p, bf, bs, false);
        if (rs) graft(nr, p, rf, rs, false);
        // the expanded root may still name a structure (an alias chain): only its children are new
        if (nb[p].ref === bf.ref) nb[p] = { ...nb[p], ref: undefined };
        if (nr[p].ref === rf.ref) nr[p] = { ...nr[p], ref: undefined };
      } else if (seen(p, pair) && (bf.ref === undefined) !== (rf.ref === undefined)) {
        // a recursive structure met again, now replaced by an inline schema (or the reverse): not
        // expanded again, so the reference side shows the type its structure has
        copy();
        if (bs && bf.type === undefined) nb[p] = { ...bf, type: bs['']?.type };
        if (rs && rf.type === undefined) nr[p] = { ...rf, type: rs['']?.type };
      }
    }
    // two unions: alternatives matched by shape alone are compared by what they reach
    const bu = nb[p].ref === undefined ? nb[p].variants : undefined, ru = nr[p].ref === undefined ? nr[p].variants : undefined;
    if (bu?.length && ru?.length && !sameList(bu, ru) && p.split('.').length <= 24) {
      const graftedB = new Set<string>(), graftedR = new Set<string>();
      for (const [ga, pa] of matchAlternatives(bu, ru).pairs) {
        const gn = altName(ga), pn = altName(pa);
        if (gn && pn && sameRef(ctx, gn, pn)) continue;
        const gs = gn ? schemaFields(ctx.base, gn) : undefined, ps = pn ? schemaFields(ctx.rev, pn) : undefined;
        if ((gn && !gs) || (pn && !ps)) continue;
        const pair = `${gn}\0${pn}`;
        if (seen(p, pair)) continue;
        mark(p, pair);
        copy();
        if (gs) graft(nb, p, nb[p], gs, true, graftedB);
        if (ps) graft(nr, p, nr[p], ps, true, graftedR);
      }
    }
    for (const q of fresh) if (Object.hasOwn(nb, q) && Object.hasOwn(nr, q) && !queued.has(q)) { queued.add(q); queue.push(q); }
  }
  return [nb, nr];
}

/** Compares two models of the same protocol and lists every structural difference. */
export function compareModels(base: Model, rev: Model): DiffItem[] {
  const ctx: Ctx = { base, rev, items: [], alts: securityNames(base, rev), structRenames: new Map(), unwrapped: new Set(), sameMemo: new Map(), aliasMoved: aliasesMoved(base, rev), prefixMoved: prefixMoved(base, rev) };
  const opItems = () => compareOperations(ctx);
  compareStructures(ctx);
  opItems();
  // a structure that only existed as a dropped wrapper's type is not removed on its own: the
  // unwrap finding already says its fields moved up
  ctx.items = ctx.items.filter((i) => !(i.subject === 'structure' && i.change === 'removed' && ctx.unwrapped.has(i.owner.name)));
  if (base.kind === 'asyncapi' || rev.kind === 'asyncapi') {
    compareServers(ctx);
    compareChannels(ctx);
  } else compareOpenApiServers(ctx);
  const added = rev.globalSecurity.filter((s) => !base.globalSecurity.includes(s));
  const anyOpChanged = Object.entries(rev.operations).some(([k, r]) => { const b = own(base.operations, k); return !b || !sameAlternatives(ctx, b, r); });
  if (added.length && anyOpChanged) push(ctx, { subject: 'security', change: 'added', owner: apiOwner(), direction: 'request', to: added, pointer: '/security', file: rev.file });
  compareSchemeScopes(ctx);
  // `xml` says how a value is written in XML: changing it changes nothing where the value is JSON
  if (ctx.items.some((i) => i.change === 'xml')) ctx.items = ctx.items.filter((i) => i.change !== 'xml' || carriedAsXml(ctx, i));
  return ctx.items;
}

/**
 * Does the value of an `xml` change travel as XML: a structure some body carries as XML
 * (`Structure.xml`) in either version, or the body of an operation that has an XML media type on
 * the item's side in either version.
 */
function carriedAsXml(ctx: Ctx, i: DiffItem): boolean {
  if (i.owner.kind === 'structure') return !!(own(ctx.base.structures, i.owner.name)?.xml || own(ctx.rev.structures, i.owner.name)?.xml);
  const side = i.direction === 'request' ? 'request' : 'response';
  return [ctx.base, ctx.rev].some((m) => Object.values(m.operations).some((o) => o.kind === i.owner.kind && o.name === i.owner.name && xmlPayloads(o, side).length > 0));
}

/** An OpenAPI document's servers as origins (`scheme://host:port`) and the one base path they share, if they share one. */
function serverBase(m: Model): { origins: string; path: string } | undefined {
  const list = Object.values(m.servers);
  if (!list.length) return undefined;
  const parts = list.map((s) => /^([a-z][a-z0-9+.-]*:\/\/[^/]*)?(.*)$/i.exec(serverAddress(s))!);
  const path = parts[0][2];
  if (parts.some((p) => p[2] !== path)) return undefined;
  return { origins: [...new Set(parts.map((p) => p[1] ?? ''))].sort().join(' '), path };
}

/**
 * A base path moved between the servers and the paths with nothing else of the addresses changed:
 * every origin of the base still served (a server added beside them is told on its own), and every
 * operation of the base found at the same full path in the revision.
 */
function prefixMoved(base: Model, rev: Model): Ctx['prefixMoved'] {
  if (base.kind !== 'openapi' || rev.kind !== 'openapi') return undefined;
  const b = serverBase(base), r = serverBase(rev);
  if (!b || !r || b.path === r.path) return undefined;
  const served = new Set(r.origins.split(' '));
  if (!b.origins.split(' ').every((o) => served.has(o))) return undefined;
  const now = new Set(Object.values(rev.operations).filter((o) => !o.servers).map((o) => fullKey(r.path, o.key)));
  const ops = Object.values(base.operations).filter((o) => !o.servers && /^[A-Z]+ \//.test(o.key));
  // most operations keep their full URL: the base path moved (the others, a path also edited, are
  // judged one by one)
  const kept = ops.filter((o) => now.has(fullKey(b.path, o.key))).length;
  return kept && kept * 2 > ops.length ? { from: b.path, to: r.path } : undefined;
}

/** An HTTP operation's key (`GET /pets/{}`) with a base path before its path. */
const fullKey = (prefix: string, key: string): string => key.replace(/^([A-Z]+) /, `$1 ${prefix}`);

/**
 * Scopes a used OAuth2 scheme no longer offers. The scheme's list is what its authorization server
 * grants; a client that asks for a scope no operation requires (one it requests up front for all
 * it may do) may now be refused the token (`invalid_scope`), though no operation's requirement
 * changed: it may break, not provably (a scope an operation still requires is judged on the
 * operation). A scheme no operation or the document requires reaches no client; a renamed one is
 * found by its ways.
 */
function compareSchemeScopes(ctx: Ctx): void {
  const { base, rev } = ctx;
  const bs = base.securitySchemes, rs = rev.securitySchemes;
  if (!bs || !rs) return;
  let used: Set<string> | undefined;
  for (const [name, b] of Object.entries(bs)) {
    if (!b.scopes.length) continue;
    const r = own(rs, name) ?? Object.values(rs).find((x) => JSON.stringify(x.ways) === JSON.stringify(b.ways));
    if (!r) continue;
    const gone = b.scopes.filter((s) => !r.scopes.includes(s));
    if (!gone.length) continue;
    used ??= new Set([...base.globalSecurity, ...Object.values(base.operations).flatMap((o) => o.security)]);
    if (!used.has(name)) continue;
    push(ctx, { subject: 'security', change: 'scope-removed', owner: apiOwner(), direction: 'request', path: name, from: gone, pointer: r.pointer, file: rev.file });
  }
}

function schemaStruct(m: Model, name: string): { fields: Fields } | undefined {
  const fields = schemaFields(m, name);
  return fields ? { fields } : undefined;
}

function apiOwner(): Owner {
  return { kind: 'api', name: 'API', area: 'General' };
}

function push(ctx: Ctx, item: Omit<DiffItem, 'protocol' | 'group'> & { group?: number }): void {
  ctx.items.push({ protocol: ctx.rev.protocol, group: item.group ?? ++groupSeq, ...item });
}

function opOwner(o: Operation): Owner {
  return { kind: o.kind, name: o.name, area: o.area, title: o.title };
}

function matchByRename<T extends { renamedFrom?: string }>(
  removed: Map<string, T>, added: Map<string, T>, nameOf: (x: T) => string, compatible: (a: T, b: T) => boolean,
): Array<[T, T]> {
  const pairs: Array<[T, T]> = [];
  for (const [rk, r] of added) {
    if (!r.renamedFrom) continue;
    for (const [bk, b] of removed) {
      if (nameOf(b) === r.renamedFrom && compatible(b, r)) {
        pairs.push([b, r]);
        removed.delete(bk);
        added.delete(rk);
        break;
      }
    }
  }
  return pairs;
}

function guessRenames<T>(removed: Map<string, T>, added: Map<string, T>, score: (a: T, b: T) => number, threshold: number): Array<[T, T]> {
  const cands: Array<{ bk: string; rk: string; s: number }> = [];
  if (removed.size * added.size > 40000) return [];
  for (const [bk, b] of removed) for (const [rk, r] of added) {
    const s = score(b, r);
    if (s >= threshold) cands.push({ bk, rk, s });
  }
  cands.sort((x, y) => y.s - x.s || textOrder(x.bk, y.bk) || textOrder(x.rk, y.rk));
  const pairs: Array<[T, T]> = [];
  for (const c of cands) {
    if (!removed.has(c.bk) || !added.has(c.rk)) continue;
    pairs.push([removed.get(c.bk)!, added.get(c.rk)!]);
    removed.delete(c.bk);
    added.delete(c.rk);
  }
  return pairs;
}

const opFieldSets = new WeakMap<Operation, Set<string>>();

function opFieldSet(o: Operation): Set<string> {
  let s = opFieldSets.get(o);
  if (!s) {
    s = new Set(fieldSet(o.request, 'q:'));
    for (const x of fieldSet(o.response, 's:')) s.add(x);
    opFieldSets.set(o, s);
  }
  return s;
}

function compareOperations(ctx: Ctx): void {
  const { base, rev } = ctx;
  const removed = new Map<string, Operation>();
  const added = new Map<string, Operation>();
  const pairs: Array<[Operation, Operation, 'same' | 'renamed' | 'possibly-renamed' | 'rekeyed' | 'moved' | 'callback-moved']> = [];
  for (const [k, b] of Object.entries(base.operations)) {
    const r = own(rev.operations, k);
    if (r) pairs.push([b, r, 'same']);
    else removed.set(k, b);
  }
  for (const [k, r] of Object.entries(rev.operations)) if (!own(base.operations, k)) added.set(k, r);
  // AsyncAPI operation keys never reach the wire: same channel address, direction, frame and payloads is the same operation
  if (base.kind === 'asyncapi' && rev.kind === 'asyncapi' && removed.size && added.size) {
    const wire = (m: Model, o: Operation) => JSON.stringify([o.kind, o.channel !== undefined ? addressTemplate(own(m.channels, o.channel)?.address ?? o.channel) : null, o.frameAction ?? null, Object.values(o.messages).sort()]);
    for (const [bk, b] of [...removed]) for (const [rk, r] of added) {
      if (wire(base, b) !== wire(rev, r) || !sameFields(ctx, b.request, r.request) || !sameFields(ctx, b.response, r.response)) continue;
      pairs.push([b, r, 'rekeyed']);
      removed.delete(bk);
      added.delete(rk);
      break;
    }
  }
  // ... and one that still flows the same way on the same channel (the only one there, or the only
  // one with that frame `action`) is that operation, whatever else changed in its messages
  if (base.kind === 'asyncapi' && rev.kind === 'asyncapi' && removed.size && added.size) {
    const place = (m: Model, o: Operation) => (o.channel === undefined ? undefined : JSON.stringify([o.kind, addressTemplate(own(m.channels, o.channel)?.address ?? o.channel), o.frameAction ?? null]));
    const count = (m: Model, key: string) => Object.values(m.operations).filter((o) => place(m, o) === key).length;
    for (const [bk, b] of [...removed]) {
      const key = place(base, b);
      if (key === undefined || count(base, key) !== 1 || count(rev, key) !== 1) continue;
      const hit = [...added].find(([, r]) => place(rev, r) === key);
      if (!hit) continue;
      pairs.push([b, hit[1], 'rekeyed']);
      removed.delete(bk);
      added.delete(hit[0]);
    }
  }
  // the same full URL, the base path moved between the servers and the paths: the same operation
  if (ctx.prefixMoved && removed.size && added.size) {
    const { from, to } = ctx.prefixMoved;
    const byFull = new Map([...added].filter(([, r]) => !r.servers).map(([rk, r]) => [fullKey(to, r.key), rk]));
    for (const [bk, b] of [...removed]) {
      const rk = b.servers ? undefined : byFull.get(fullKey(from, b.key));
      if (rk === undefined || !added.has(rk)) continue;
      pairs.push([b, added.get(rk)!, 'rekeyed']);
      removed.delete(bk);
      added.delete(rk);
    }
  }
  // the same full addresses, however they are split between servers and paths or channel addresses:
  // the same operation (when no other operation of either side answers there too)
  if (removed.size && added.size) {
    const keyOf = (m: Model, o: Operation) => fullAddresses(m, o).join(' ');
    const counts = (m: Model) => {
      const c = new Map<string, number>();
      for (const o of Object.values(m.operations)) { const k = keyOf(m, o); if (k) c.set(k, (c.get(k) ?? 0) + 1); }
      return c;
    };
    const inBase = counts(base), inRev = counts(rev);
    const byKey = new Map([...added].map(([rk, r]) => [`${r.kind} ${keyOf(rev, r)}`, rk]));
    for (const [bk, b] of [...removed]) {
      const key = keyOf(base, b);
      const rk = key && inBase.get(key) === 1 && inRev.get(key) === 1 ? byKey.get(`${b.kind} ${key}`) : undefined;
      if (rk === undefined || !added.has(rk)) continue;
      pairs.push([b, added.get(rk)!, 'rekeyed']);
      removed.delete(bk);
      added.delete(rk);
    }
  }
  // an OpenAPI callback is known by the operation that registers it, its method and the URL the
  // provider calls; its name never reaches the wire. The same URL under another name is that
  // callback; the same name at a URL read from elsewhere is that callback with another address
  if (base.kind === 'openapi' && rev.kind === 'openapi' && removed.size && added.size) {
    type Place = NonNullable<Operation['callback']>;
    for (const alike of [(x: Place, y: Place) => x.expression === y.expression, (x: Place, y: Place) => x.name === y.name]) {
      for (const [bk, b] of [...removed]) {
        const bc = b.callback;
        if (!bc) continue;
        const hits = [...added].filter(([, r]) => r.callback && r.callback.parent === bc.parent && r.callback.verb === bc.verb && alike(bc, r.callback));
        if (hits.length !== 1) continue;
        pairs.push([b, hits[0][1], hits[0][1].callback!.expression === bc.expression ? 'rekeyed' : 'callback-moved']);
        removed.delete(bk);
        added.delete(hits[0][0]);
      }
    }
  }
  for (const [b, r] of matchByRename(removed, added, (o) => o.name, (a, c) => a.kind === c.kind)) pairs.push([b, r, 'renamed']);
  // an HTTP operation keeping its operationId under another path or verb: one operation that moved
  if (base.kind === 'openapi' && rev.kind === 'openapi' && removed.size && added.size) {
    for (const [bk, b] of [...removed]) {
      if (!/^[A-Z]+ \//.test(b.key) || b.providerCalls) continue;
      const same = [...added].filter(([rk, r]) => r.name === b.name && r.kind === b.kind && /^[A-Z]+ \//.test(rk) && !r.providerCalls);
      if (same.length !== 1) continue;
      pairs.push([b, same[0][1], 'moved']);
      removed.delete(bk);
      added.delete(same[0][0]);
    }
  }
  const guessed = guessRenames(removed, added, (a, c) => {
    if (a.kind !== c.kind || !sameCallShape(a.key, c.key)) return 0;
    const j = jaccard(opFieldSet(a), opFieldSet(c));
    if (j.size < 3 || j.score < 0.6) return 0;
    const ns = nameSimilarity(a.name, c.name);
    return ns >= 0.3 ? j.score + ns : 0;
  }, 1);
  for (const [b, r] of guessed) pairs.push([b, r, 'possibly-renamed']);

  for (const [, b] of removed) push(ctx, { subject: 'operation', change: 'removed', owner: opOwner(b), direction: 'none', baseOp: b, pointer: b.pointer, file: base.file });
  for (const [, r] of added) {
    // a new callback calling a URL the client already gives (the same expression and method): its
    // endpoint there now receives calls it was not written for
    const cb = r.callback;
    const shared = cb && Object.values(base.operations).some((x) => x.callback && x.callback.parent === cb.parent && x.callback.expression === cb.expression && x.callback.verb === cb.verb);
    push(ctx, { subject: 'operation', change: shared ? 'added-same-address' : 'added', owner: opOwner(r), direction: 'none', revOp: r, path: shared ? cb.expression : undefined, pointer: r.pointer, file: rev.file });
  }
  const globalAdded = rev.globalSecurity.some((s) => !base.globalSecurity.includes(s));
  for (const [b, r, how] of pairs) {
    // the same object on both sides (reused from the base: its sources are equal) has no difference
    // the base path moved into the paths, but not into this one: its full URL lost the base path
    const pm = ctx.prefixMoved;
    const stayed = !!pm && how === 'same' && b.key === r.key && !b.servers && !r.servers && /^[A-Z]+ \//.test(b.key) && !addressesKept(ctx, b, r);
    if (b === r && !opNamesMoved(ctx, b) && !stayed) continue;
    const owner = opOwner(r);
    const at = (change: string, extra: Partial<DiffItem> = {}) =>
      push(ctx, { subject: 'operation', change, owner, direction: 'none', baseOp: b, revOp: r, pointer: r.pointer, file: rev.file, ...extra });
    if (how === 'moved') at(how, { oldPath: b.name, path: r.name, from: callOf(b), to: callOf(r) });
    else if (stayed) at('moved', { oldPath: b.name, path: r.name, from: callOf(b).replace(/^(\S+) /, `$1 ${pm!.from}`), to: callOf(r).replace(/^(\S+) /, `$1 ${pm!.to}`) });
    else if (how === 'callback-moved') at('callback-address', { from: b.callback!.expression, to: r.callback!.expression });
    else if (how !== 'same' && how !== 'rekeyed') at(how, { oldPath: b.name, path: r.name, from: b.name, to: r.name });
    if (b.kind !== r.kind || (b.action && r.action && b.action !== r.action && v2Action(b.action) === v2Action(r.action))) { at('action', { from: b.action ?? b.kind, to: r.action ?? r.kind }); continue; }
    if (how === 'same' && b.name !== r.name) at('operation-id', { from: b.name, to: r.name });
    // an AsyncAPI 3 operation now on another channel at another address: a client still listening
    // (or sending) where it was misses it. The same channel's own address changed is the channel's finding
    const bAddr = channelAddress(base, b), rAddr = channelAddress(rev, r);
    if (b.channel !== r.channel && bAddr !== undefined && rAddr !== undefined && addressTemplate(bAddr) !== addressTemplate(rAddr) && !addressesKept(ctx, b, r)) at('channel', { from: bAddr, to: rAddr });
    // names of path/channel parameters never reach the wire, their places do: the same names in
    // other places mean a value the client puts in one place is now read as another parameter
    for (const where of ['path', 'channel'] as const) {
      const bn = placedNames(b.request, where), rn = placedNames(r.request, where);
      if (bn.length > 1 && bn.length === rn.length && bn.join('\0') !== rn.join('\0') && [...bn].sort().join('\0') === [...rn].sort().join('\0')) {
        at('parameters-reordered', { direction: 'request', path: where, from: bn, to: rn });
      }
    }
    if (!b.deprecated && r.deprecated) at('deprecated');
    if (b.stability && r.stability && stabilityRank(r.stability) < stabilityRank(b.stability)) at('stability', { from: b.stability, to: r.stability });
    // message names that follow the operation name are renamed along with it
    const rename = (m: string) => (how !== 'same' && how !== 'rekeyed' && how !== 'callback-moved' && b.name !== r.name ? m.split(b.name).join(r.name) : m);
    if (r.providerCalls) {
      // the provider presents these credentials to the client's endpoint: no call of the client can
      // be refused; a change is what the client's endpoint now gets (a renamed scheme is no change).
      // Where the base's webhook or callback stated its own security, an endpoint that verifies the
      // caller refuses credentials that hold none of those it was written for (or none at all): the
      // revision's alternatives the base's do not cover, as securityLost reads a client's
      const ba = ctx.alts(b.securityAlternatives), ra = ctx.alts(r.securityAlternatives);
      if (ba && ra && !sameAlternatives(ctx, b, r)) {
        const unverified = b.ownSecurity ? securityLost(ra, ba) : [];
        at(unverified.length ? 'provider-security-unverified' : 'provider-security', { from: ba.map(altLabel), to: ra.map(altLabel), direction: 'response' });
      }
    } else {
      const ba = ctx.alts(b.securityAlternatives), ra = ctx.alts(r.securityAlternatives);
      const lost = securityLost(ba, ra);
      const secAdded = r.security.filter((s) => !b.security.includes(s));
      if (lost.length) at('security-tightened', { from: lost.map(altLabel), to: ra!.map(altLabel), direction: 'request' });
      // a scheme renamed (same kind, place and scopes) is no change on the wire
      else if (!sameAlternatives(ctx, b, r)) {
        // a new way to authenticate: a scheme listed, or another way (OAuth2 flow) of one already listed
        // (a scheme added to the document's own `security` is reported once, for the whole API)
        const to = secAdded.length ? secAdded : globalAdded ? [] : securityGained(ba, ra).map(altLabel);
        if (to.length) at('security-added', { to, direction: 'request' });
      }
    }
    // base message key -> the revision's: names are labels, so an unmatched one is paired by its wire identity
    const msgKey = matchMessages(b, r, rename);
    // the message whose payload fills the operation's side is another one in the revision (the old one
    // removed, or the list reordered): payloads are then compared message by message, not side by side
    const swapped = b.mainMessage !== undefined && r.mainMessage !== undefined && (msgKey.get(b.mainMessage) ?? b.mainMessage) !== r.mainMessage;
    if (!swapped && b.frameAction !== undefined && r.frameAction !== undefined && rename(b.frameAction) !== r.frameAction) at('frame-action', { from: b.frameAction, to: r.frameAction });
    if (swapped) for (const [m, rm] of msgKey) {
      // a message kept under its name whose frame now carries another action
      const was = frameOf(b, m), now = frameOf(r, rm);
      if (was !== undefined && now !== undefined && Object.hasOwn(r.messages, rm) && rename(was) !== now) at('frame-action', { from: was, to: now });
    }
    compareMedia(b.requestMedia, r.requestMedia, 'request', at);
    compareMedia(b.responseMedia, r.responseMedia, 'response', at, r.kind === 'push');
    // an error response's media types, while the status is answered on both sides
    for (const [status, was] of Object.entries(b.errorMedia ?? {})) {
      const now = r.errorMedia && own(r.errorMedia, status);
      if (now) compareMedia(was, now, 'response', (change, extra) => at(change, { ...extra, path: `${status} ${extra.path}` }));
    }
    const sc = successChanges(b, r);
    const bSuccess = new Set(successCodes(b).values());
    const replaced = errorStatusesReplaced(b, r);
    for (const [from, to] of replaced) at('error-status-replaced', { path: from.join(', '), direction: 'response', from, to });
    // statuses of a call the provider makes are what the client's endpoint answers (see answersLost)
    const errorsAdded = r.providerCalls ? [] : errorStatusesAdded(b, r, replaced);
    if (errorsAdded.length) at('error-status-added', { path: errorsAdded.join(', '), direction: 'response', to: errorsAdded });
    for (const s of b.statuses) {
      if (r.statuses.includes(s) || replaced.some(([from]) => from.includes(s))) continue;
      // a success status whose codes are all still answered (`200` -> `2XX`) is not gone for a client
      if (bSuccess.has(s) && !sc.removed.includes(s)) continue;
      const last = sc.noneLeft && sc.removed.includes(s);
      const now = last ? [...new Set(successCodes(r).values())] : [];
      at(last ? 'success-status-removed' : 'status-removed', { path: s, direction: 'response', to: now.length ? now : undefined });
    }
    for (const a of sc.added) at(a.newBody ? 'success-status-added' : 'success-status-added-same-body', { path: a.key, direction: 'response' });
    // another success status than the main one on either side, kept by both: its body is known by its
    // shape (see `successBodies`), so a body that went away is what can be told
    // (`bodyAt`: a 204 or 205 never had a body, whatever the base wrote)
    for (const s of Object.keys(b.successBodies ?? {})) {
      if (s === b.mainSuccess || s === r.mainSuccess || !r.successBodies || !Object.hasOwn(r.successBodies, s)) continue;
      if (bodyAt(b, Number(s), s) && !bodyAt(r, Number(s), s)) at('status-body-removed', { path: s, direction: 'response' });
    }
    // response links (`<status> <name>`): which operation a response leads to, with which values; they
    // never reach the wire, but a client may follow one as documented
    if (b.links || r.links) {
      const bl = b.links ?? {}, rl = r.links ?? {};
      // `path`: the link's name, `oldPath`: the status of the response it is on
      const where = (k: string) => ({ path: k.slice(k.indexOf(' ') + 1), oldPath: k.slice(0, k.indexOf(' ')), direction: 'response' as const });
      for (const k of Object.keys(bl)) {
        if (!Object.hasOwn(rl, k)) at('link-removed', where(k));
        else if (bl[k] !== rl[k]) at('link-changed', { ...where(k), from: JSON.parse(bl[k]), to: JSON.parse(rl[k]) });
      }
      for (const k of Object.keys(rl)) if (!Object.hasOwn(bl, k)) at('link-added', where(k));
    }
    // a call the provider makes: a success answer the client's endpoint gave that is no longer documented
    if (b.answers && r.answers) for (const s of answersLost(b.answers, r.answers)) at('answer-removed', { path: s, direction: 'request', to: r.answers });
    const bm: Record<string, string> = Object.fromEntries(Object.entries(b.messages).map(([k, v]) => [msgKey.get(k)!, v]));
    // which way a message flows, as the client sees it: replies and pushes arrive, the rest is sent;
    // the message rules' levels follow it (request-/response-message-added/-removed)
    const flow = (m: string): Direction => (m.startsWith('reply:') !== (r.kind === 'push') ? 'response' : 'request');
    for (const m of Object.keys(bm)) {
      if (!Object.hasOwn(r.messages, m)) {
        // a message the client receives that now comes only through another operation (a new channel)
        const to = flow(m) === 'response' ? messageMovedTo(ctx, r, m) : undefined;
        if (to) at('message-moved', { path: m, to: channelAddress(ctx.rev, to) ?? to.name, direction: 'response' });
        else at('message-removed', { path: m, direction: flow(m) });
      }
      else if (bm[m] !== r.messages[m]) at('content-type', { path: m, from: bm[m], to: r.messages[m] });
    }
    // a message is added among others of its slot (the sent ones, or the replies); a reply where there
    // was none is a new response, told by the payload rules
    const slot = (m: string) => m.startsWith('reply:');
    for (const m of Object.keys(r.messages)) if (!(m in bm) && Object.keys(bm).some((k) => slot(k) === slot(m))) at('message-added', { path: m, direction: flow(m) });
    for (const [m, rm] of msgKey) {
      if (!Object.hasOwn(r.messages, rm)) continue;
      const dir = flow(rm);
      // a client matching replies reads the correlation id where it was
      const was = b.correlation?.[m], now = r.correlation?.[rm];
      if (was !== undefined && was !== now) at('correlation-id', { path: rm, from: was, to: now ?? 'nowhere', direction: dir });
      // a payload in another schema language is not read into fields: a change is told, not judged
      const bo = b.opaquePayloads?.[m], ro = r.opaquePayloads?.[rm];
      if ((bo !== undefined || ro !== undefined) && bo !== ro) {
        const avro = bo !== undefined && ro !== undefined ? avroChange(bo, ro, dir) : undefined;
        if (!avro) at('opaque-payload', { path: rm, from: bo?.split(' ')[0] ?? 'JSON Schema', to: ro?.split(' ')[0] ?? 'JSON Schema', direction: dir });
        else if (!avro.length) at('avro-compatible', { path: rm, direction: dir });
        // one item per problem, told where in the record it is
        else for (const p of avro) at('avro-incompatible', { path: rm, oldPath: `${p.path ? ` at \`${p.path}\`` : ''}: ${p.message}`, direction: dir });
      }
    }
    if (b.bindings || r.bindings) compareBindings(b, r, msgKey, flow, at);
    // where the reply travels (see `Operation.replyAddress`): the side waiting for it listens there; a
    // reply on the operation's own channel on both sides moves with the channel (told as its move)
    if (b.replyAddress !== undefined && r.replyAddress !== undefined && addressTemplate(b.replyAddress) !== addressTemplate(r.replyAddress)
      && !(b.replyAddress === channelAddress(base, b) && r.replyAddress === channelAddress(rev, r))) {
      at('reply-address', { path: r.name, from: b.replyAddress, to: r.replyAddress, direction: r.kind === 'method' ? 'response' : 'request' });
    }
    const payloadRemoved = b.hasResponsePayload && !r.hasResponsePayload && r.kind === 'method';
    if (payloadRemoved) at('payload-removed', { direction: 'response' });
    const pag = paginationAdded(b, r);
    if (pag) at('pagination', { path: pag });
    const side = r.kind === 'method' ? 'request' : 'response';
    // channel parameters are keyed by their place in the address; in an address of another form
    // (a level added or dropped, told as the channel's move) places say nothing: they pair by name
    const reshaped = channelReshaped(base, b, rev, r);
    const bReq = reshaped ? channelParametersByName(b.request) : b.request, rReq = reshaped ? channelParametersByName(r.request) : r.request;
    // the same for the replies: another main reply (see `Operation.mainReply`) is compared reply by reply
    const replySwapped = b.mainReply !== undefined && r.mainReply !== undefined && (msgKey.get(b.mainReply) ?? b.mainReply) !== r.mainReply;
    // a reply travels the other way from the operation's message: a push's is what the client sends
    const replySide: Direction = side === 'request' ? 'response' : 'request';
    // a push whose reply is compared reply by reply keeps only its own fields in the request
    const ownReq = (f: Fields) => (replySwapped && side === 'response' ? operationLevel(f) : f);
    if (swapped) {
      // what is the operation's own (channel parameters, handshake) is still compared side by side
      if (side === 'request') compareFields(ctx, operationLevel(bReq), operationLevel(rReq), owner, 'request', rev.file);
      else compareFields(ctx, ownReq(bReq), ownReq(rReq), owner, 'request', rev.file);
      for (const [m, rm] of msgKey) {
        if (m.startsWith('reply:')) continue;
        const bf = messagePayload(b, m), rf = messagePayload(r, rm);
        if (bf && rf) compareFields(ctx, ...besideOpaque(b, m, r, rm, bf, rf), owner, side, rev.file);
      }
    } else compareFields(ctx, mainPart(b, r, 'request', ownReq(bReq)), mainPart(b, r, 'request', ownReq(rReq)), owner, 'request', rev.file);
    if (replySwapped && !payloadRemoved) {
      for (const [m, rm] of msgKey) {
        if (!m.startsWith('reply:')) continue;
        const bf = messagePayload(b, m), rf = messagePayload(r, rm);
        if (bf && rf) compareFields(ctx, ...besideOpaque(b, m, r, rm, replyPart(b, r, bf), replyPart(b, r, rf)), owner, replySide, rev.file);
      }
    } else if ((!swapped || side === 'request') && !payloadRemoved) compareFields(ctx, mainStatusPart(b, r, replyPart(b, r, mainPart(b, r, 'response', b.response))), mainStatusPart(b, r, replyPart(b, r, mainPart(b, r, 'response', r.response))), owner, 'response', rev.file);
    compareBodies(ctx, b, r, owner, rev.file);
    if (b.encodings || r.encodings) compareEncodings(ctx, b, r, owner);
    if (!r.providerCalls && (b.servers || r.servers)) compareOperationServers(ctx, b, r, owner);
    // the operation's other messages, matched by name: each is what a client sends or receives too
    for (const [m, bf] of Object.entries(b.otherPayloads ?? {})) {
      const reply = m.startsWith('reply:');
      if (reply ? replySwapped : swapped) continue;
      const rm = msgKey.get(m) ?? rename(m);
      const rf = r.otherPayloads && own(r.otherPayloads, rm);
      if (rf) compareFields(ctx, ...besideOpaque(b, m, r, rm, reply ? replyPart(b, r, bf) : bf, reply ? replyPart(b, r, rf) : rf), owner, reply ? replySide : side, rev.file);
    }
  }
}

/**
 * Protocol binding values of an operation (`Operation.bindings`: its channel's, its own, its
 * messages', messages matched as `msgKey` says). A client's library is configured with them (MQTT
 * `qos`, `retain`; Kafka partitions...), so a change may break it but cannot be proven harmless; one
 * naming where messages go (`BINDING_DESTINATIONS`) sends them, or listens, elsewhere. A message that
 * is gone or new is told by the message rules.
 */
function compareBindings(b: Operation, r: Operation, msgKey: Map<string, string>, flow: (m: string) => Direction, at: (change: string, extra?: Partial<DiffItem>) => void): void {
  const split = (k: string) => { const sp = k.lastIndexOf(' '); return { where: k.slice(0, sp), keyword: k.slice(sp + 1) }; };
  const was = new Map<string, string>();
  for (const [k, v] of Object.entries(b.bindings ?? {})) {
    const { where, keyword } = split(k);
    if (!where.startsWith('message ')) { was.set(k, v); continue; }
    const m = where.slice(8), rm = msgKey.get(m) ?? m;
    if (Object.hasOwn(r.messages, rm)) was.set(`message ${rm} ${keyword}`, v);
  }
  const kept = new Set(msgKey.values());
  const now = new Map(Object.entries(r.bindings ?? {}).filter(([k]) => { const { where } = split(k); return !where.startsWith('message ') || kept.has(where.slice(8)); }));
  for (const k of new Set([...was.keys(), ...now.keys()])) {
    const x = was.get(k), y = now.get(k);
    if (x === y) continue;
    const { where, keyword } = split(k);
    const m = where.startsWith('message ') ? where.slice(8) : undefined;
    const direction: Direction = m !== undefined ? flow(m) : r.kind === 'method' ? 'request' : 'response';
    const from = x === undefined ? undefined : JSON.parse(x), to = y === undefined ? undefined : JSON.parse(y);
    at(BINDING_DESTINATIONS.has(keyword) ? 'binding-destination' : bindingHarmless(keyword, from, to, direction) ? 'binding-harmless' : 'binding', { path: k, from: x === undefined ? undefined : JSON.parse(x), to: y === undefined ? undefined : JSON.parse(y), direction });
  }
}

/**
 * Binding changes no client can notice: the delivery guarantee (MQTT `qos`) of what it receives
 * raised, or of what it sends lowered (a broker delivers at the lower of publisher's and
 * subscriber's QoS); values the broker or the described application own and clients never
 * configure (a Kafka topic's `partitions` and `replicas`, discovered from the broker; an
 * operation's consumer `groupId` and `clientId`, its own identity).
 */
function bindingHarmless(keyword: string, from: unknown, to: unknown, direction: Direction): boolean {
  if (keyword === 'mqtt.qos' && typeof from === 'number' && typeof to === 'number') return direction === 'response' ? to > from : to < from;
  return ['kafka.partitions', 'kafka.replicas', 'kafka.groupId', 'kafka.clientId'].includes(keyword);
}

/**
 * The part of a fields map whose keys do (`keep`) or do not match a prefix pattern, memoised per map
 * and pattern: parameters share a map with the body they go with, and an AsyncAPI operation's own
 * fields (channel parameters, handshake) share one with its main message's payload.
 */
const partsOf = new WeakMap<Fields, Map<string, Fields>>();
function fieldsPart(fields: Fields, prefix: RegExp, keep: boolean): Fields {
  let byPattern = partsOf.get(fields);
  if (!byPattern) partsOf.set(fields, (byPattern = new Map()));
  const key = `${keep}${prefix.source}`;
  let out = byPattern.get(key);
  if (!out) {
    out = Object.create(null) as Fields;
    for (const [p, f] of Object.entries(fields)) if (prefix.test(p) === keep) out[p] = f;
    byPattern.set(key, out);
  }
  return out;
}

/** Fields of an AsyncAPI operation's own: its channel's parameters and WebSocket handshake, in every message's request. */
const OPERATION_LEVEL = /^(channel:|handshake)/;
const operationLevel = (fields: Fields): Fields => fieldsPart(fields, OPERATION_LEVEL, true);
/** One message's payload and headers: the main one is read out of the operation's side without the operation's own fields; the main reply is the response. */
function messagePayload(o: Operation, m: string): Fields | undefined {
  // a push's reply is what the client sends back, beside the channel's parameters
  if (m === o.mainReply) return o.kind === 'method' ? o.response : fieldsPart(o.request, OPERATION_LEVEL, false);
  if (m !== o.mainMessage) return o.otherPayloads && own(o.otherPayloads, m);
  return fieldsPart(o.kind === 'method' ? o.request : o.response, OPERATION_LEVEL, false);
}
/** The constant frame `action` of one of an operation's messages, from its wire identity. */
function frameOf(o: Operation, m: string): string | undefined {
  const w = o.messageWire?.[m];
  return w !== undefined && w.startsWith('action:') ? w.slice(7) : undefined;
}

/**
 * Is an operation's action written in AsyncAPI 2 terms (`publish`/`subscribe`)? Across an upgrade to
 * AsyncAPI 3 the words change with the version, so only the direction (`kind`) is compared then.
 */
function v2Action(action: string): boolean {
  return action === 'publish' || action === 'subscribe';
}

/**
 * Which revision message each base message of an operation is: the one of the same name (after an
 * operation rename), otherwise the one left over with the same wire identity (`Operation.messageWire`:
 * a message's name, title or key never reaches the wire). A base message with neither keeps its name.
 */
function matchMessages(b: Operation, r: Operation, rename: (m: string) => string): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  const pending: string[] = [];
  for (const k of Object.keys(b.messages)) {
    const rk = rename(k);
    if (Object.hasOwn(r.messages, rk)) { out.set(k, rk); taken.add(rk); } else pending.push(k);
  }
  for (const k of pending) {
    const wire = b.messageWire?.[k];
    const reply = k.startsWith('reply:');
    const rk = wire === undefined ? undefined : Object.keys(r.messages).find((x) => !taken.has(x) && !Object.hasOwn(b.messages, x) && x.startsWith('reply:') === reply && r.messageWire?.[x] === wire);
    if (rk !== undefined) taken.add(rk);
    out.set(k, rk ?? rename(k));
  }
  return out;
}

/**
 * Are the bodies read into an operation's `side` map of two media types (the first listed differs:
 * the order changed, or the first one is gone)? Then the map is compared without its body, and the
 * bodies media type by media type (compareBodies).
 */
function mainMoved(b: Operation, r: Operation, side: 'request' | 'response'): boolean {
  const x = b.mainMedia?.[side], y = r.mainMedia?.[side];
  // compared by meaning: `application/json` and `application/json; charset=utf-8` are one type
  return x !== undefined && y !== undefined && x !== y && mediaKey(x) !== mediaKey(y);
}

/**
 * An Avro payload changed within Avro: the problems of reading what one side writes with the other's
 * schema (a message the client sends is written with the base's schema and read with the revision's;
 * one it receives the other way round). Undefined when either is not Avro or not readable as JSON.
 */
function avroChange(was: string, now: string, direction: string): AvroProblem[] | undefined {
  const avro = (o: string) => {
    const at = o.indexOf(' ');
    if (!/^application\/vnd\.apache\.avro([+;]|$)/i.test(o.slice(0, at))) return undefined;
    try { return { schema: JSON.parse(o.slice(at + 1)) as unknown }; } catch { return undefined; }
  };
  const b = avro(was), r = avro(now);
  if (!b || !r) return undefined;
  return direction === 'request' ? avroReadable(b.schema, r.schema) : avroReadable(r.schema, b.schema);
}

/**
 * Is the payload read into an AsyncAPI operation's `side` map written in another schema language
 * (Avro, RAML...) on this side? It is not read into fields, so there is nothing to compare it with:
 * the change of language is told instead (opaque-payload).
 */
function opaqueAt(o: Operation, side: 'request' | 'response'): boolean {
  const m = (o.kind === 'method') === (side === 'request') ? o.mainMessage : o.mainReply;
  return m !== undefined && opaqueMessage(o, m);
}

/** Is one of an operation's messages (by key) written in another schema language? */
const opaqueMessage = (o: Operation, m: string): boolean => o.opaquePayloads !== undefined && own(o.opaquePayloads, m) !== undefined;

/** Keys of what travels beside a body (parameters, headers, channel parameters): `<place>:<name>`; a frame's own fields are part of its payload. */
const BESIDE_BODY = /^(?!frame:)[a-z-]+:/i;

/** Two versions of one message's fields, without the payload when one of them is opaque (see opaqueAt). */
function besideOpaque(b: Operation, m: string, r: Operation, rm: string, bf: Fields, rf: Fields): [Fields, Fields] {
  return opaqueMessage(b, m) || opaqueMessage(r, rm) ? [fieldsPart(bf, BESIDE_BODY, true), fieldsPart(rf, BESIDE_BODY, true)] : [bf, rf];
}

/**
 * An operation's `side` map, without its body when that is compared media type by media type, or
 * when one version's payload is not read into fields (opaqueAt).
 */
const mainPart = (b: Operation, r: Operation, side: 'request' | 'response', fields: Fields): Fields =>
  mainMoved(b, r, side) ? fieldsPart(fields, PARAMETER, true) : opaqueAt(b, side) || opaqueAt(r, side) ? fieldsPart(fields, BESIDE_BODY, true) : fields;

/**
 * A reply's fields, without the frame's `action` when the operation's own action changed (a method
 * renamed on the wire): the replies' action follows it, and that change is told once (frame-action).
 */
const FRAME_ACTION = /^frame:action(?:$|[.[{])/;
const replyPart = (b: Operation, r: Operation, fields: Fields): Fields => (b.frameAction !== r.frameAction ? fieldsPart(fields, FRAME_ACTION, false) : fields);

/**
 * Has the main success status changed (`201` removed, `202` left)? Headers belong to a status: the
 * main one's are read into the response map, the others' into `bodies` (`status <code> headers`).
 * When the main status changes, each version's main headers are compared as its status's headers,
 * so a status answered by both is compared with itself and not with the other one.
 */
const mainStatusMoved = (b: Operation, r: Operation): boolean =>
  !b.providerCalls && !r.providerCalls && b.mainSuccess !== undefined && r.mainSuccess !== undefined && b.mainSuccess !== r.mainSuccess;
const RESPONSE_HEADER = /^header:/;
const mainStatusPart = (b: Operation, r: Operation, fields: Fields): Fields => (mainStatusMoved(b, r) ? fieldsPart(fields, RESPONSE_HEADER, false) : fields);

/** A body's fields without the parameters and headers that share its map. */
const PARAMETER = /^(query|header|path|cookie):/;
const bodyPart = (fields: Fields): Fields => fieldsPart(fields, PARAMETER, false);

/**
 * The bodies beside an operation's main request and response (`Operation.bodies`), matched by key:
 * another media type of the main body is compared with the same media type of the other version
 * (with its main body where that media type shares the main schema there), so a client using it is
 * judged like one using the first; an error response's body is compared by status and media type,
 * judged like a response. One side's own media type or status is reported elsewhere (or not at all).
 */
function compareBodies(ctx: Ctx, b: Operation, r: Operation, owner: Owner, file: string): void {
  const moved = (['request', 'response'] as const).filter((side) => mainMoved(b, r, side));
  if (!b.bodies && !r.bodies && !moved.length && !mainStatusMoved(b, r)) return;
  // bodies of a media type are matched by its meaning (mediaKey): a charset or the case of a
  // type written otherwise is the same body
  const byMeaning = (bodies: Record<string, Fields>) => {
    const out: Record<string, Fields> = Object.create(null);
    for (const k of Object.keys(bodies)) out[bodyKey(k)] = bodies[k];
    return out;
  };
  const bb = byMeaning(b.bodies ?? {}), rb = byMeaning(r.bodies ?? {});
  if (mainStatusMoved(b, r)) {
    for (const [o, out] of [[b, bb], [r, rb]] as const) {
      const headers = fieldsPart(o.response, RESPONSE_HEADER, true);
      if (Object.keys(headers).length) out[`status ${o.mainSuccess} headers`] = headers;
    }
  }
  // where the first media types differ, each one's body is compared with the same media type's
  const mains = moved.flatMap((side) => [bodyKey(`${side} ${b.mainMedia![side]}`), bodyKey(`${side} ${r.mainMedia![side]}`)]);
  for (const k of new Set([...Object.keys(bb), ...Object.keys(rb), ...mains])) {
    let bf = own(bb, k), rf = own(rb, k);
    const sp = k.indexOf(' ');
    const kind = k.slice(0, sp);
    if (kind === 'status') {
      // an error response's headers are compared while the status is answered at all (none left: all removed)
      const status = k.slice(sp + 1, k.indexOf(' ', sp + 1));
      // (an RTM error frame is kept under the status `error`)
      const body = status === 'error' ? 'the error reply' : `the \`${status}\` response`;
      // (in a call the provider makes, the client's endpoint sends that response)
      const dir = r.providerCalls ? 'request' : 'response';
      if (k.endsWith(' headers') && (!bf || !rf) && b.statuses.includes(status) && r.statuses.includes(status)) compareFields(ctx, bf ?? {}, rf ?? {}, owner, dir, file, body);
      else if (bf && rf) compareFields(ctx, replyPart(b, r, bf), replyPart(b, r, rf), owner, dir, file, body);
      continue;
    }
    const side = kind as 'request' | 'response';
    const media = k.slice(sp + 1);
    const list = (o: Operation) => (side === 'request' ? o.requestMedia : o.responseMedia);
    if (!list(b).some((m) => mediaKey(m) === media) || !list(r).some((m) => mediaKey(m) === media)) continue;
    bf ??= bodyPart(b[side]);
    rf ??= bodyPart(r[side]);
    compareFields(ctx, bf, rf, owner, side, file);
  }
}

/** A key of `Operation.bodies` with its media type by meaning: `<side> <mediaKey>`, `status <code> <mediaKey>`. */
function bodyKey(k: string): string {
  let key = bodyKeys.get(k);
  if (key === undefined) {
    const sp = k.startsWith('status ') ? k.indexOf(' ', 7) : k.indexOf(' ');
    const media = k.slice(sp + 1);
    key = k.startsWith('status ') && media === 'headers' ? k : `${k.slice(0, sp)} ${mediaKey(media)}`;
    bodyKeys.set(k, key);
  }
  return key;
}
/** (large documents repeat a few body keys thousands of times) */
const bodyKeys = new Map<string, string>();

/**
 * Form bodies' `encoding` entries of a media type both versions have: a property written another
 * way (a form-urlencoded property without an entry is written `form`, exploded; a multipart part
 * only has a style when one is given) is misread like a parameter whose style changed; a multipart
 * part listing fewer media types refuses parts sent as the others.
 */
function compareEncodings(ctx: Ctx, b: Operation, r: Operation, owner: Owner): void {
  const be = b.encodings ?? {}, re = r.encodings ?? {};
  for (const k of new Set([...Object.keys(be), ...Object.keys(re)])) {
    const [side, media] = k.split(' ', 2) as ['request' | 'response', string];
    const prop = k.slice(side.length + media.length + 2);
    const list = (o: Operation) => (side === 'request' ? o.requestMedia : o.responseMedia);
    if (!list(b).includes(media) || !list(r).includes(media)) continue;
    const bx = own(be, k), rx = own(re, k);
    // an entry on one side only is judged where both bodies show the property (a new property's entry is no change)
    const has = (o: Operation) => Object.hasOwn((o.bodies && own(o.bodies, `${side} ${media}`)) ?? o[side], prop);
    if (!(bx && rx) && !(has(b) && has(r))) continue;
    // a style only shapes arrays and objects: a scalar is written `name=value` whatever it says
    const field = (o: Operation) => own((o.bodies && own(o.bodies, `${side} ${media}`)) ?? o[side], prop);
    const styled = !scalarOnly(field(b)) || !scalarOnly(field(r));
    const dflt = media === 'application/x-www-form-urlencoded' || bx?.style || rx?.style ? FORM_STYLE : undefined;
    const bs = bx?.style ?? dflt, rs = rx?.style ?? dflt;
    const at = { subject: 'field' as const, owner, direction: side, path: prop, pointer: r.pointer, file: ctx.rev.file };
    if (bs !== rs && styled) push(ctx, { ...at, change: 'style', from: bs, to: rs });
    // a multipart part without a `contentType` is sent as its kind's default (OpenAPI: bytes as
    // application/octet-stream, other scalars as text/plain, objects and arrays as JSON)
    const multipart = media.startsWith('multipart/');
    const types = bx?.types ?? (rx?.types && multipart ? [partDefault(field(b))] : undefined);
    const now = rx?.types ?? (bx?.types && multipart ? [partDefault(field(r))] : undefined);
    if (types && now) {
      const lost = types.filter((t) => !now.some((x) => x === t || x === '*/*' || (x.endsWith('/*') && t.startsWith(x.slice(0, -1)))));
      if (lost.length) push(ctx, { ...at, change: 'part-types', from: lost, to: now });
    }
    // a part header both describe that admits other values: judged like a keyword not compared precisely
    for (const [name, was] of Object.entries(bx?.headerSchemas ?? {})) {
      const is = rx?.headerSchemas && own(rx.headerSchemas, name);
      if (is !== undefined && is !== was) push(ctx, { ...at, change: 'constraint', oldPath: `part header ${name}`, from: was, to: is });
    }
    // header names are case-insensitive
    const had = new Set((bx?.headers ?? []).map((x) => x.toLowerCase()));
    const newHeaders = (rx?.headers ?? []).filter((x) => !had.has(x.toLowerCase()));
    if (newHeaders.length && side === 'request') push(ctx, { ...at, change: 'part-headers-required', to: newHeaders });
  }
}

/** The media type a multipart part is sent as when its encoding names none. */
function partDefault(f: Field | undefined): string {
  // (a structure named by `$ref`, or a schema of no one type, is read as an object's)
  if (!f || f.ref !== undefined || !f.type || f.type === 'object' || f.type === 'array' || f.type.includes('|')) return 'application/json';
  return f.type === 'string' && (f.format === 'binary' || f.format === 'byte') ? 'application/octet-stream' : 'text/plain';
}

const SCALAR = /^(string|integer|number|boolean)$/;
/** Does a field only ever hold scalars (by its type, or every oneOf/anyOf alternative's)? Unknown is no. */
function scalarOnly(f: Field | undefined): boolean {
  if (!f || f.ref !== undefined) return false;
  if (f.type) return f.type.split('|').every((t) => SCALAR.test(t));
  return !!f.variants?.length && f.variants.every((v) => SCALAR.test(v.slice(v.indexOf('=') + 1).split(' ')[0]));
}

/**
 * Servers a path item or operation lists instead of the document's: a client of the operation
 * connects where the effective list says. An address of the base's list that the revision's no
 * longer offers moved the operation (like a server's base path changing, for that operation only).
 */
function compareOperationServers(ctx: Ctx, b: Operation, r: Operation, owner: Owner): void {
  const { base, rev } = ctx;
  const bl = b.servers ?? Object.values(base.servers), rl = r.servers ?? Object.values(rev.servers);
  if (!bl.length || !rl.length) return;
  const { pairs, unmatched, left } = matchServers(bl, rl);
  // a server kept (by URL or address) whose variables changed: told for the operation only when the
  // list is its own on a side (the document's servers are compared once, for the whole API)
  if (b.servers || r.servers) for (const [x, y] of pairs) compareVariables(ctx, x, y, y.url, owner);
  // (a list moved between the document, the path item and the operation, or a base path moved
  // between a server and the path, that leaves every full address where it was, moved nothing)
  if (addressesKept(ctx, b, r)) return;
  for (const s of unmatched) {
    // the replacement: a revision server left unmatched, else the first
    const to = left.shift() ?? rl[0];
    const versionOnly = versionOnlyChange(s.url, to.url, base.apiVersion, rev.apiVersion);
    push(ctx, {
      subject: versionOnly ? 'server' : 'operation', change: versionOnly ? 'url-version' : 'server', owner, direction: 'none',
      path: s.url, from: s.url, to: to.url, pointer: r.servers ? to.pointer : r.pointer, file: rev.file, baseOp: b, revOp: r,
    });
  }
}

/** A requirement `<kind>:<where>[<scopes>]` -> its scheme and scopes. */
function requirement(x: string): [string, string[]] {
  const i = x.lastIndexOf('[');
  return i < 0 ? [x, []] : [x.slice(0, i), x.slice(i + 1, -1).split(',').filter(Boolean)];
}

/**
 * The media types of one side of an operation, compared by meaning (`mediaRelation`). A request
 * type stays accepted when the revision accepts it or a range matching it. A response type the
 * client knew that is now only a range matching it (`application/json` -> `*\/*`) may now be
 * answered with types the client cannot read: `media-widened`; one the revision narrowed
 * (`audio/*` -> `audio/mpeg`) only answers with fewer. A type no longer matched at all is removed;
 * one that matches no type of the base is added (a request range that replaced types it matches too);
 * added to what a push brings (`pushed`), it is one the client may now receive.
 */
function compareMedia(was: string[], now: string[], side: 'request' | 'response', at: (change: string, extra: Partial<DiffItem>) => void, pushed = false): void {
  if (!was.length && !now.length) return;
  const widenedTo = new Set<string>();
  for (const m of was) {
    const rel = now.map((n) => mediaRelation(m, n));
    if (rel.includes('same')) continue;
    if (side === 'request' ? rel.includes('wider') : rel.includes('narrower')) continue;
    const wider = now.filter((_, i) => rel[i] === 'wider');
    if (side === 'response' && wider.length) {
      wider.forEach((n) => widenedTo.add(n));
      at('media-widened', { path: m, from: m, to: wider, direction: side });
    } else at('media-removed', { path: m, direction: side });
  }
  if (!was.length) return;
  // a response type narrowed from a range the client already reads is nothing new to it
  const known = (m: string) => was.some((w) => { const rel = mediaRelation(w, m); return rel === 'same' || (side === 'response' && rel === 'narrower'); });
  // what a push brings (a webhook's or callback's body) comes in the type its sender picks, with no
  // Accept header to ask for another: a new one may arrive at a client that cannot read it
  for (const m of now) if (!widenedTo.has(m) && !known(m)) at(side === 'response' && pushed ? 'media-added-pushed' : 'media-added', { path: m, direction: side });
}

/** Can a client holding the credentials of alternative `have` satisfy alternative `need`? */
function satisfies(have: string, need: string): boolean {
  if (need === '') return true;
  const held = have === '' ? [] : have.split(' & ').map(requirement);
  return need.split(' & ').map(requirement).every(([scheme, scopes]) => held.some(([s, sc]) => wayServes(s, scheme) && scopes.every((x) => sc.includes(x))));
}

/** Revision alternatives no base alternative's client already satisfies: new ways to authenticate. */
function securityGained(b: string[] | undefined, r: string[] | undefined): string[] {
  if (!b || !r || b === r) return [];
  return r.filter((need) => !b.some((have) => satisfies(have, need)));
}

/** Base alternatives a client may be using that the revision no longer accepts. */
export function securityLost(b: string[] | undefined, r: string[] | undefined): string[] {
  if (!b || !r || b === r) return [];
  // operations mostly share their alternatives: judge each pair of lists once
  const key = `${b.join('\n')}\0${r.join('\n')}`;
  let lost = lostMemo.get(key);
  if (!lost) {
    lost = key.startsWith(`${r.join('\n')}\0`) && b.length === r.length ? [] : b.filter((have) => !r.some((need) => satisfies(have, need)));
    lostMemo.set(key, lost);
  }
  return lost;
}
const lostMemo = new Map<string, string[]>();

function sameAlternatives(ctx: Ctx, b: Operation, r: Operation): boolean {
  const ba = ctx.alts(b.securityAlternatives), ra = ctx.alts(r.securityAlternatives);
  return !!ba && !!ra && (ba === ra || JSON.stringify(ba) === JSON.stringify(ra));
}

/**
 * Scheme names do not reach the wire, so a scheme is known by its kind, place and flows (a rename is
 * no change). Two schemes of one kind that both versions declare apart are two credentials, though
 * (an admin token and a user token, both bearer): their names stay in the alternatives, so one
 * replacing the other, or both now required together, is a change. The model writes every name
 * (`way<name>[scopes]`); this keeps those that matter and drops the rest, once per list.
 */
function securityNames(base: Model, rev: Model): (a: string[] | undefined) => string[] | undefined {
  const shared = (m: Model, name: string) => {
    const mine = m.securitySchemes?.[name]?.ways ?? [];
    return Object.entries(m.securitySchemes ?? {}).some(([k, s]) => k !== name && s.ways.some((w) => mine.includes(w)));
  };
  const kept = new Set(Object.keys(base.securitySchemes ?? {}).filter((n) => Object.hasOwn(rev.securitySchemes ?? {}, n) && (shared(base, n) || shared(rev, n))));
  const memo = new Map<string[], string[]>();
  return (a) => {
    if (!a) return a;
    let out = memo.get(a);
    if (!out) {
      out = [...new Set(a.map((x) => x.split(' & ').map((y) => y.replace(/<([^<>]*)>/g, (whole, n: string) => (kept.has(n) ? whole : ''))).sort().join(' & ')))].sort();
      memo.set(a, out);
    }
    return out;
  };
}

function altLabel(a: string): string {
  return a === '' ? 'no credentials' : a.replace(/\[\]/g, '').replace(/<([^<>]*)>/g, ' ($1)');
}

function stabilityRank(s: string): number {
  return ({ draft: 0, alpha: 1, beta: 2, stable: 3 } as Record<string, number>)[s] ?? 3;
}

function paginationAdded(b: Operation, r: Operation): string | undefined {
  const has = (o: Operation) => [...Object.keys(o.request), ...Object.keys(o.response)].filter((p) => PAGINATION.test(leafOf(p)));
  let before: Set<string> | undefined;
  // a path the base has too cannot be the answer (its leaf is already there): only new paths are tested
  for (const m of [r.request, r.response]) for (const p of Object.keys(m)) {
    if (Object.hasOwn(b.request, p) || Object.hasOwn(b.response, p) || !PAGINATION.test(leafOf(p))) continue;
    before ??= new Set(has(b).map(leafOf));
    if (!before.has(leafOf(p))) return p;
  }
  return undefined;
}

function compareStructures(ctx: Ctx): void {
  const { base, rev } = ctx;
  const removed = new Map<string, Structure>();
  const added = new Map<string, Structure>();
  const pairs: Array<[Structure, Structure, string]> = [];
  for (const [k, b] of Object.entries(base.structures)) {
    const r = own(rev.structures, k);
    if (r) pairs.push([b, r, 'same']);
    else removed.set(k, b);
  }
  for (const [k, r] of Object.entries(rev.structures)) if (!own(base.structures, k)) added.set(k, r);
  for (const [b, r] of matchByRename(removed, added, (s) => s.name, () => true)) pairs.push([b, r, 'renamed']);
  for (const [b, r] of guessRenames(removed, added, (a, c) => {
    const j = jaccard(fieldSet(a.fields, ''), fieldSet(c.fields, ''));
    return j.size >= 3 && j.score >= 0.8 ? j.score : 0;
  }, 0.8)) pairs.push([b, r, 'possibly-renamed']);
  const owner = (s: Structure): Owner => ({ kind: 'structure', name: s.name, area: 'Data structures' });
  for (const [b, r, how] of pairs) if (how !== 'same') ctx.structRenames.set(b.name, r.name);
  for (const [, b] of removed) push(ctx, { subject: 'structure', change: 'removed', owner: owner(b), direction: 'none', pointer: b.pointer, file: base.file });
  for (const [, r] of added) push(ctx, { subject: 'structure', change: 'added', owner: owner(r), direction: 'none', pointer: r.pointer, file: rev.file });
  for (const [b, r, how] of pairs) {
    if (how !== 'same') push(ctx, { subject: 'structure', change: how, owner: owner(r), direction: 'none', oldPath: b.name, path: r.name, from: b.name, to: r.name, pointer: r.pointer, file: rev.file });
    // judged on the sides it is used on in both versions: an operation that stopped (or started)
    // sending or receiving it is judged on its own, by what it sends or receives instead
    const both = (r.usage.request && b.usage.request) || (r.usage.response && b.usage.response);
    const req = both ? r.usage.request && b.usage.request : r.usage.request || b.usage.request;
    const res = both ? r.usage.response && b.usage.response : r.usage.response || b.usage.response || !req;
    const dirs: Direction[] = [];
    if (req) dirs.push('request');
    if (res) dirs.push('response');
    compareFields(ctx, b.fields, r.fields, owner(r), dirs, rev.file);
  }
}

function compareServers(ctx: Ctx): void {
  const { base, rev } = ctx;
  const owner = apiOwner();
  // a server listed under a new name at the same address (and protocol) is the same server: names never reach the wire
  const renamed = new Map<string, Server>();
  const newNames = Object.entries(rev.servers).filter(([name]) => !own(base.servers, name));
  for (const [name, b] of Object.entries(base.servers)) {
    if (own(rev.servers, name)) continue;
    const i = newNames.findIndex(([, r]) => (r.protocol ?? '') === (b.protocol ?? '') && serverAddress(r) === serverAddress(b));
    if (i >= 0) renamed.set(name, newNames.splice(i, 1)[0][1]);
  }
  const taken = new Set([...renamed.values()]);
  for (const [name, b] of Object.entries(base.servers)) {
    const r = own(rev.servers, name) ?? renamed.get(name);
    // (a named server removed is told, as @asyncapi/diff does, even where another at its address stays)
    if (!r) { push(ctx, { subject: 'server', change: 'removed', owner, direction: 'none', path: name, pointer: b.pointer, file: base.file }); continue; }
    if (b.url !== r.url && serverAddress(b) !== serverAddress(r) && !everyAddressKept(ctx)) push(ctx, { subject: 'server', change: versionOnlyChange(b.url, r.url, base.apiVersion, rev.apiVersion) ? 'url-version' : 'url', owner, direction: 'none', path: name, from: b.url, to: r.url, pointer: r.pointer, file: rev.file });
    const lost = securityLost(ctx.alts(b.securityAlternatives), ctx.alts(r.securityAlternatives));
    if (lost.length) push(ctx, { subject: 'server', change: 'security-tightened', owner, direction: 'request', path: name, from: lost.map(altLabel), to: ctx.alts(r.securityAlternatives)!.map(altLabel), pointer: r.pointer, file: rev.file });
    if ((b.protocol ?? '') !== (r.protocol ?? '')) push(ctx, { subject: 'server', change: 'protocol', owner, direction: 'none', path: name, from: b.protocol, to: r.protocol, pointer: r.pointer, file: rev.file });
    // the same protocol in another version: a client library speaks one (an MQTT 5 client is refused by a 3.1.1 broker)
    else if (b.protocolVersion !== undefined && r.protocolVersion !== undefined && versionKey(b.protocolVersion) !== versionKey(r.protocolVersion)) push(ctx, { subject: 'server', change: 'protocol-version', owner, direction: 'none', path: name, from: b.protocolVersion, to: r.protocolVersion, pointer: r.pointer, file: rev.file });
    compareVariables(ctx, b, r, name, owner);
  }
  for (const [name, r] of Object.entries(rev.servers)) if (!own(base.servers, name) && !taken.has(r)) push(ctx, { subject: 'server', change: 'added', owner, direction: 'none', path: name, pointer: r.pointer, file: rev.file });
}

/** How a form body's property is written when its `encoding` entry gives no style. */
const FORM_STYLE = 'form/explode';

/** A protocol version compared by its numbers (`5` is `5.0`, `0-9-1` is `0.9.1`). */
const versionKey = (v: string): string => v.trim().toLowerCase().replace(/^v/, '').split(/[.\-_]/).join('.').replace(/(\.0+)+$/, '');

/**
 * Where a client connects to a server by default: its URL with every variable replaced by its
 * default, as `urlKey` writes it (scheme and host in lower case, the scheme's default port and
 * trailing slashes dropped). A relative URL stays relative; a URL without a scheme that does not
 * start with `/` (AsyncAPI `host` + `pathname`) starts with its host, and takes the server's
 * `protocol` as its scheme when it has one.
 * OpenAPI and AsyncAPI servers are compared by it.
 */
export function serverAddress(s: Pick<Server, 'url' | 'variables'> & { protocol?: string }): string {
  let memo = addressMemo.get(s);
  if (memo !== undefined) return memo;
  memo = urlKey(s.url.replace(/\{([^}]*)\}/g, (all, v: string) => own(s.variables, v)?.default ?? all), s.protocol);
  addressMemo.set(s, memo);
  return memo;
}
const addressMemo = new WeakMap<object, string>();

/**
 * OpenAPI servers are a list: matched by URL as written, then by the address their defaults give
 * (a server rewritten with variables, or moved in the list, is still offered), then in order. A
 * matched server whose address changed (scheme, host, port or base path) leaves its clients
 * connecting to the old one; a server gone with no replacement leaves them nowhere to connect.
 */
function compareOpenApiServers(ctx: Ctx): void {
  const { base, rev } = ctx;
  const owner = apiOwner();
  const { pairs, unmatched, left } = matchServers(Object.values(base.servers), Object.values(rev.servers));
  for (const b of unmatched) {
    const r = left.shift();
    if (!r) { if (!everyAddressKept(ctx)) push(ctx, { subject: 'server', change: 'removed', owner, direction: 'none', path: b.url, pointer: b.pointer, file: base.file }); continue; }
    pairs.push([b, r]);
    // (a base path that moved into the paths, every operation keeping its full URL, is no move)
    const moved = ctx.prefixMoved && serverAddress(b).slice(0, serverAddress(b).length - ctx.prefixMoved.from.length) === serverAddress(r).slice(0, serverAddress(r).length - ctx.prefixMoved.to.length);
    if (serverAddress(b) !== serverAddress(r) && !moved && !everyAddressKept(ctx)) push(ctx, { subject: 'server', change: versionOnlyChange(b.url, r.url, base.apiVersion, rev.apiVersion) ? 'url-version' : 'url', owner, direction: 'none', path: b.url, from: b.url, to: r.url, pointer: r.pointer, file: rev.file });
  }
  for (const r of left) push(ctx, { subject: 'server', change: 'added', owner, direction: 'none', path: r.url, pointer: r.pointer, file: rev.file });
  for (const [b, r] of pairs) compareVariables(ctx, b, r, r.url, owner);
}

/**
 * The variables of a server kept in the revision (`name`: how it is named, its key or URL): a new
 * default moves the clients that choose no value, an allowed value gone refuses those that chose it.
 */
function compareVariables(ctx: Ctx, b: Server, r: Server, name: string, owner: Owner): void {
  for (const [v, bv] of Object.entries(b.variables)) {
    const rv = own(r.variables, v);
    if (!rv) {
      // the variable written into the URL as one of its values: the others are gone
      if (!r.url.includes(`{${v}}`) && b.url.includes(`{${v}}`) && bv.enum && bv.enum.length > 1) {
        const offered = addressesOf(r);
        const gone = bv.enum.filter((x) => !offered.includes(serverAddress({ ...b, variables: { ...b.variables, [v]: { ...bv, default: x } } })));
        if (gone.length < bv.enum.length && gone.length) push(ctx, { subject: 'server', owner, direction: 'none', path: name, oldPath: v, change: 'variable-enum-removed', from: gone, pointer: r.pointer, file: ctx.rev.file });
      }
      continue;
    }
    const at = { subject: 'server', owner, direction: 'none', path: name, oldPath: v, pointer: `${r.pointer}/variables/${escapeToken(v)}`, file: ctx.rev.file } as const;
    if (bv.default !== rv.default) push(ctx, { ...at, change: 'variable-default', from: bv.default, to: rv.default });
    const gone = (bv.enum ?? []).filter((x) => rv.enum && !rv.enum.includes(x));
    if (gone.length) push(ctx, { ...at, change: 'variable-enum-removed', from: gone });
  }
}

/**
 * OpenAPI servers of two versions matched: by URL as written, then by the address their variables'
 * defaults give (a server rewritten with variables, or moved in the list, is still offered). What is
 * left on each side is matched in order by the caller, or gone. No servers (or an empty list) is
 * one server at `/`, as OpenAPI says: the same as listing only that one.
 */
function matchServers(bs0: Server[], rs0: Server[]): { pairs: Array<[Server, Server]>; unmatched: Server[]; left: Server[] } {
  const root = (s: Server) => serverAddress(s) === '';
  const bs = !rs0.length && bs0.every(root) ? [] : bs0, rs = !bs0.length && rs0.every(root) ? [] : rs0;
  const left = [...rs];
  const pairs: Array<[Server, Server]> = [];
  let unmatched = bs;
  for (const same of [(b: Server, r: Server) => r.url === b.url, (b: Server, r: Server) => serverAddress(r) === serverAddress(b)]) {
    const rest: Server[] = [];
    for (const b of unmatched) {
      const i = left.findIndex((r) => same(b, r));
      if (i >= 0) pairs.push([b, left.splice(i, 1)[0]]);
      else rest.push(b);
    }
    unmatched = rest;
  }
  // a server whose address a revision server's variables can still give (fixed servers written as
  // one URL with a variable listing their hosts): still offered
  if (unmatched.length) unmatched = unmatched.filter((b) => {
    const r = rs.find((x) => addressesOf(x).includes(serverAddress(b)));
    if (r) pairs.push([b, r]);
    return !r;
  });
  return { pairs, unmatched, left };
}

/** Every address a server's variables can give: each combination of their `enum` values (a variable without one, its default), at most 256. */
function addressesOf(s: Server): string[] {
  let urls = [s.url];
  for (const [name, v] of Object.entries(s.variables)) {
    const values = v.enum?.length ? v.enum : v.default !== undefined ? [v.default] : [];
    if (!values.length || urls.length * values.length > 256) continue;
    urls = urls.flatMap((u) => values.map((x) => u.split(`{${name}}`).join(x)));
  }
  return urls.map((url) => serverAddress({ ...s, url }));
}


/** Do two versions of an AsyncAPI operation sit on channels whose addresses have another form? */
function channelReshaped(base: Model, b: Operation, rev: Model, r: Operation): boolean {
  if (b.channel === undefined || r.channel === undefined) return false;
  const x = channelAddress(base, b), y = channelAddress(rev, r);
  return x !== undefined && y !== undefined && addressTemplate(x) !== addressTemplate(y);
}

/** A request map with its channel parameters keyed by name (`channel:#1` -> `channel:<name>`) instead of place. */
function channelParametersByName(fields: Fields): Fields {
  const out: Fields = Object.create(null);
  for (const [p, f] of Object.entries(fields)) {
    const m = /^channel:#\d+/.exec(p);
    const name = m ? own(fields, m[0])?.label : undefined;
    if (!m || name === undefined) { out[p] = f; continue; }
    const key = `channel:${name}${p.slice(m[0].length)}`;
    out[key] = { ...f, path: key };
  }
  return out;
}

/**
 * The revision's operation that now brings a message `r` (a push, or a method's reply) no longer
 * carries: another operation of the same kind that carries a message of that name, which its base
 * version (if any) did not. A client listening where the message came stops receiving it.
 */
function messageMovedTo(ctx: Ctx, r: Operation, m: string): Operation | undefined {
  if (m.startsWith('reply:')) return undefined;
  return Object.values(ctx.rev.operations).find((x) => x !== r && x.kind === r.kind && Object.hasOwn(x.messages, m)
    && !(own(ctx.base.operations, x.key) && Object.hasOwn(own(ctx.base.operations, x.key)!.messages, m)));
}

/** The address of an AsyncAPI operation's channel (undefined when it has none or it is dynamic). */
function channelAddress(m: Model, o: Operation): string | undefined {
  const c = o.channel !== undefined ? own(m.channels, o.channel) : undefined;
  return c && !c.dynamic ? c.address : undefined;
}

/**
 * A channel address as the wire sees it: parameter names are placeholders for the values a client
 * fills in (`/rooms/{room}` and `/rooms/{id}` are the same address; the values are compared as the
 * operations' `channel:#<n>` request fields).
 */
function addressTemplate(address: string): string {
  return address.includes('{') ? address.replace(/\{[^}]*\}/g, '{}') : address;
}

/** The servers offering a channel: those it lists, else every server of the document (names never reach the wire). */
function channelServers(m: Model, c: Model['channels'][string]): Server[] {
  return (c.servers ?? Object.keys(m.servers)).map((n) => own(m.servers, n)).filter((x): x is Server => x !== undefined);
}

/** Schemes whose channel address is the path of the URL a client opens; other protocols name a topic or queue beside the server. */
const PATH_SCHEMES = /^(wss?|https?):/;

/**
 * The full addresses a client uses for a channel: each server offering it (no list: every server;
 * by the address its variables' defaults give, see serverAddress) with the channel's address after
 * it, as the URL's path for WebSocket and HTTP, as a topic beside the server otherwise. A channel
 * whose address a request gives at run time, or that has none, has no full address.
 */
function channelFull(m: Model, c: Model['channels'][string] | undefined): string[] {
  if (!c || c.dynamic || c.runtime) return [];
  const addr = addressTemplate(c.address);
  const servers = channelServers(m, c);
  if (!servers.length) return [addr];
  return [...new Set(servers.map((s) => {
    const at = serverAddress(s);
    return PATH_SCHEMES.test(at) ? `${at}${addr.startsWith('/') ? '' : '/'}${addr}` : `${at} ${addr}`;
  }))].sort();
}

const fullMemo = new WeakMap<Model, Map<Operation, string[]>>();
/**
 * The full addresses a client sends an operation to or connects to for it: OpenAPI, its method with
 * each server offering it (its own list, its path item's, else the document's) joined with its path;
 * AsyncAPI, its channel's (channelFull), after its kind. How an address is split between the servers
 * and the paths or channels never reaches the wire: this is what does. Empty for a call the provider
 * makes (a callback's or webhook's URL is the client's own).
 */
function fullAddresses(m: Model, o: Operation): string[] {
  let memo = fullMemo.get(m);
  if (!memo) fullMemo.set(m, (memo = new Map()));
  let out = memo.get(o);
  if (out) return out;
  if (m.kind === 'openapi') {
    const call = /^([A-Z]+) (\/.*)$/.exec(o.key);
    const servers = o.servers ?? Object.values(m.servers);
    out = !call || o.providerCalls ? [] : [...new Set((servers.length ? servers.map((s) => serverAddress(s)) : ['']).map((at) => `${call[1]} ${at}${call[2]}`))].sort();
  } else {
    const full = channelFull(m, o.channel !== undefined ? own(m.channels, o.channel) : undefined);
    out = full.map((a) => `${o.kind} ${a}`);
  }
  memo.set(o, out);
  return out;
}

/** Does the revision's operation answer at every full address the base's did (and at some)? */
function addressesKept(ctx: Ctx, b: Operation, r: Operation): boolean {
  const was = fullAddresses(ctx.base, b);
  if (!was.length) return false;
  const now = new Set(fullAddresses(ctx.rev, r));
  return was.every((a) => now.has(a));
}

/**
 * Does every operation of the base still answer at each of its full addresses in the revision (by
 * whichever operation)? Then servers, paths and channel addresses were only written another way,
 * as a whole: a server's URL that lost a base path every path gained is no server moved.
 */
function everyAddressKept(ctx: Ctx): boolean {
  if (ctx.addressesKept !== undefined) return ctx.addressesKept;
  const now = new Set(Object.values(ctx.rev.operations).flatMap((o) => fullAddresses(ctx.rev, o)));
  let some = false;
  ctx.addressesKept = Object.values(ctx.base.operations).every((o) => fullAddresses(ctx.base, o).every((a) => ((some = true), now.has(a)))) && some;
  return ctx.addressesKept;
}

function compareChannels(ctx: Ctx): void {
  const { base, rev } = ctx;
  const owner = apiOwner();
  // a channel key never reaches the wire: a key renamed with the same address is no change
  const revAddresses = new Set(Object.values(rev.channels).map((c) => addressTemplate(c.address)));
  const baseAddresses = new Set(Object.values(base.channels).map((c) => addressTemplate(c.address)));
  // channels without an address are told apart only by their keys: a renamed one is the same channel
  const goneDynamic = Object.entries(base.channels).filter(([id, c]) => c.dynamic && !own(rev.channels, id)).map(([id]) => id);
  const newDynamic = Object.entries(rev.channels).filter(([id, c]) => c.dynamic && !own(base.channels, id)).map(([id]) => id);
  const rekeyed = new Set([...goneDynamic.slice(0, newDynamic.length), ...newDynamic.slice(0, goneDynamic.length)]);
  // a channel whose operations moved to another address is told by them (operation-channel-changed)
  const moves = ctx.items.filter((i) => i.subject === 'operation' && i.change === 'channel' && typeof i.from === 'string' && typeof i.to === 'string');
  const left = new Set(moves.map((i) => addressTemplate(i.from as string))), arrived = new Set(moves.map((i) => addressTemplate(i.to as string)));
  // full addresses (servers and channel address joined) still offered: a channel written another way
  const revFull = new Set(Object.values(rev.channels).flatMap((c) => channelFull(rev, c)));
  const baseFull = new Set(Object.values(base.channels).flatMap((c) => channelFull(base, c)));
  const fullKept = (m: Model, c: Model['channels'][string], other: Set<string>) => { const f = channelFull(m, c); return f.length > 0 && f.every((a) => other.has(a)); };
  for (const [id, b] of Object.entries(base.channels)) {
    const r = own(rev.channels, id);
    if (fullKept(base, b, revFull)) continue;
    if (!r && (revAddresses.has(addressTemplate(b.address)) || rekeyed.has(id) || left.has(addressTemplate(b.address)))) continue;
    if (!r) push(ctx, { subject: 'channel', change: 'removed', owner, direction: 'none', path: b.address, pointer: b.pointer, file: base.file });
    // a reply channel whose address a request gives at run time has none of its own to compare (its
    // key is no address): the operations' reply addresses are compared instead
    else if (!b.runtime && !r.runtime && addressTemplate(r.address) !== addressTemplate(b.address)) push(ctx, { subject: 'channel', change: 'address', owner, direction: 'none', path: id, from: b.address, to: r.address, pointer: r.pointer, file: rev.file });
  }
  for (const [id, r] of Object.entries(rev.channels)) if (!own(base.channels, id) && !baseAddresses.has(addressTemplate(r.address)) && !rekeyed.has(id) && !arrived.has(addressTemplate(r.address)) && !fullKept(rev, r, baseFull)) push(ctx, { subject: 'channel', change: 'added', owner, direction: 'none', path: r.address, pointer: r.pointer, file: rev.file });
  // the servers offering a channel, by address (server names never reach the wire); no list is every server
  const offered = (m: Model, c: Model['channels'][string]) => new Set(channelServers(m, c).map((x) => serverAddress(x)));
  const baseAll = new Set(Object.values(base.servers).map((x) => serverAddress(x)));
  const revAll = new Set(Object.values(rev.servers).map((x) => serverAddress(x)));
  for (const [id, b] of Object.entries(base.channels)) {
    const r = own(rev.channels, id) ?? Object.values(rev.channels).find((c) => addressTemplate(c.address) === addressTemplate(b.address));
    if (!r || (!b.servers && !r.servers)) continue;
    const was = offered(base, b), now = offered(rev, r);
    // a server gone altogether is reported as a removed server; one new altogether as an added one
    const lost = [...was].filter((a) => !now.has(a) && revAll.has(a));
    const gained = [...now].filter((a) => !was.has(a) && baseAll.has(a));
    if (lost.length) push(ctx, { subject: 'channel', change: 'servers-restricted', owner, direction: 'none', path: r.address, from: lost, pointer: r.pointer, file: rev.file });
    if (gained.length) push(ctx, { subject: 'channel', change: 'servers-widened', owner, direction: 'none', path: r.address, to: gained, pointer: r.pointer, file: rev.file });
  }
}

/**
 * Does a field stay out of one side in both versions: never sent (`readOnly`, itself or an enclosing
 * object) when `side` is the request, never received (`writeOnly`) when it is the response?
 */
function outOfSide(b: Fields, r: Fields, path: string, side: Direction): boolean {
  const key = side === 'request' ? 'readOnly' : side === 'response' ? 'writeOnly' : undefined;
  if (!key) return false;
  const out = (m: Fields) => [path, ...ancestors(path)].some((p) => own(m, p)?.[key] === true);
  return out(b) && out(r);
}

/** Does the array at `arr` admit no items past its positions (`items: false`: its maxItems says how many)? */
function closedTuple(fields: Fields, arr: string): boolean {
  const max = own(fields, arr)?.limits.maxItems;
  return max !== undefined && (max === 0 || Object.hasOwn(fields, `${arr}[0]`));
}

/** Removes a field and the fields under it from a map of unmatched fields. */
function dropSubtree(m: Map<string, Field>, path: string): void {
  for (const k of [...m.keys()]) if (k === path || isUnder(k, path)) m.delete(k);
}

/**
 * Compares two flattened field maps. `dirs` says from which side(s) the change is judged: a data
 * structure used in requests and responses gets one item per side, sharing a group.
 */
export function compareFields(ctx: Ctx, b0: Fields, r0: Fields, owner: Owner, dirs: Direction | Direction[], file: string, body?: string): void {
  // the revision's model reuses the base's fields where their sources are equal: nothing to compare,
  // unless a name they hold leads elsewhere now
  if (b0 === r0 && !names(b0, ctx.aliasMoved)) return;
  const [b, r] = expandSwitches(ctx, b0, r0);
  const directions = Array.isArray(dirs) ? dirs : [dirs];
  // `at`: the file the item's pointer is in (a removal points into the base)
  const emit = (item: Omit<DiffItem, 'protocol' | 'group' | 'direction' | 'owner' | 'file'>, f?: Field, at = file) => {
    const g = ++groupSeq;
    const presence = item.change === 'added' || item.change === 'removed' || item.change === 'required';
    for (const d of directions) {
      // readOnly fields are never sent, writeOnly fields never received: their presence is not judged there
      if (presence && f && d === 'request' && f.readOnly) continue;
      if (presence && f && d === 'response' && f.writeOnly) continue;
      // nor is any other change of a field that stays out of that side in both versions (itself or
      // an enclosing object readOnly / writeOnly)
      if (!presence && item.path !== undefined && outOfSide(b, r, item.path, d)) continue;
      push(ctx, body ? { ...item, owner, direction: d, group: g, file: at, body } : { ...item, owner, direction: d, group: g, file: at });
    }
  };
  const removed = new Map<string, Field>();
  const added = new Map<string, Field>();
  const pairs: Array<[Field, Field]> = [];
  for (const p of Object.keys(b)) {
    if (Object.hasOwn(r, p)) pairs.push([b[p], r[p]]);
    else removed.set(p, b[p]);
  }
  for (const p of Object.keys(r)) if (!Object.hasOwn(b, p)) added.set(p, r[p]);
  // a field whose type changed (a structure became a scalar, or back) takes its old or new children
  // with it: the type change is the finding, not one removal per child
  if (removed.size || added.size) {
    for (const [bf, rf] of pairs) {
      if (!bf.type || !rf.type || bf.type === rf.type) continue;
      for (const m of [removed, added]) for (const q of [...m.keys()]) if (isUnder(q, bf.path)) m.delete(q);
    }
    // the elements past a tuple's positions, gone because the tuple closed (`items: false`): its new
    // maxItems is the finding, and every element left is still described by its position
    for (const q of [...removed.keys()]) {
      if (!q.endsWith('[]')) continue;
      if (closedTuple(r, q.slice(0, -2))) dropSubtree(removed, q);
    }
    // a tuple's position on one side where the other describes every item (`items`): the element at
    // that position was (or is) an item, so the position is compared with the items, subfields with
    // theirs (3.0's `items` written as 3.1's `prefixItems` per position: a bound moved or narrowed on
    // one position is a change, the same bound on each is none)
    for (const [m, other, gone] of [[removed, r, true], [added, b, false]] as const) {
      for (const q of [...m.keys()]) {
        const position = /^(.*)\[\d+\]$/.exec(q);
        if (!position || !m.has(q) || !Object.hasOwn(other, `${position[1]}[]`)) continue;
        for (const k of [...m.keys()]) {
          if (k !== q && !isUnder(k, q)) continue;
          const found = own(other, `${position[1]}[]${k.slice(q.length)}`);
          if (!found) continue;
          // (whether the element is there at all is the array's minItems, compared on the array)
          const twin = k === q ? { ...found, required: m.get(k)!.required } : found;
          pairs.push(gone ? [m.get(k)!, twin] : [twin, m.get(k)!]);
          m.delete(k);
        }
      }
    }
    // map values whose schema went away (`additionalProperties: {type: integer}` -> `true` or
    // absent) under an object still open, or came where there was none: values of any type on the
    // other side, so a type change from or to `any` (the values' own fields go with it)
    // (the same for an array's items: `items` dropped admits any item)
    for (const [m, other, gone] of [[removed, r, true], [added, b, false]] as const) {
      for (const q of [...m.keys()]) {
        const map = q.endsWith('{}'), list = q.endsWith('[]');
        if (!map && !list) continue;
        const obj = other[q.slice(0, -2)];
        if (!obj) continue;
        // a union on the other side keeps its values or items in its alternatives: judged with them
        if (obj.variants?.length) { dropSubtree(m, q); continue; }
        if ((map && (obj.closed || (obj.type !== undefined && obj.type !== 'object'))) || (list && obj.type !== 'array')) continue;
        // a closed tuple admits no items past its positions (its maxItems says how many), not any
        if (list && closedTuple(other, q.slice(0, -2))) continue;
        const f = m.get(q)!;
        const any: Field = { ...f, type: 'any', pointer: obj.pointer };
        pairs.push(gone ? [f, any] : [any, f]);
        dropSubtree(m, q);
      }
    }
    // a key only listed as required, now or before, under an object that takes unlisted keys on the
    // other side: the key was (or is) accepted there with any value, so only its being required changed
    for (const [m, other, gone] of [[removed, r, true], [added, b, false]] as const) {
      for (const [q, f] of [...m]) {
        const obj = other[parentOf(q)];
        if (!f.undeclared || !m.has(q) || !obj || obj.closed || (obj.type !== undefined && obj.type !== 'object')) continue;
        const optional: Field = { ...f, required: false };
        pairs.push(gone ? [f, optional] : [optional, f]);
        dropSubtree(m, q);
      }
    }
    // values or items described where the base admitted none (a closed object became a map, a closed
    // tuple got `items`): nothing was sent or received there before, so the schema narrows nothing;
    // the opening itself is told by `closed` and `maxItems`
    for (const q of [...added.keys()]) {
      const map = q.endsWith('{}'), list = q.endsWith('[]');
      const obj = map || list ? b[q.slice(0, -2)] : undefined;
      if (!obj || !(map ? obj.closed : obj.type === 'array' && closedTuple(b, q.slice(0, -2)))) continue;
      dropSubtree(added, q);
    }
    // a property of one version that the other reads as a value of its map (`{percent: integer}`
    // closed -> `additionalProperties: integer`, or back): the same key on the wire, compared with
    // the map's values (whose presence no key is promised); subfields map onto the values' subfields
    for (const [m, other, gone] of [[removed, r, true], [added, b, false]] as const) {
      for (const q of [...m.keys()]) {
        const parent = parentOf(q), values = `${parent}{}`;
        if (!m.has(q) || q.includes(':') || !Object.hasOwn(other, parent) || !Object.hasOwn(other, values) || (parent ? `${parent}.${leafOf(q)}` : leafOf(q)) !== q) continue;
        for (const k of [...m.keys()]) {
          if (k !== q && !isUnder(k, q)) continue;
          const twin = own(other, values + k.slice(q.length));
          if (!twin) continue;
          const f = m.get(k)!;
          const v: Field = { ...twin, path: k, required: k === q ? false : twin.required };
          pairs.push(gone ? [f, v] : [v, f]);
          m.delete(k);
        }
      }
    }
  }
  if (removed.size === 0 && added.size === 0) {
    for (const [bf, rf] of pairs) compareField(bf, rf, b, r, emit, (x, y) => sameRef(ctx, x, y), (v, c) => alternativesDisjoint(ctx.rev, v, c), (v, c) => alternativesDisjoint(ctx.base, v, c));
    return;
  }

  /** Children of wrapped-away objects claimed by a declared rename (not reported as removed). */
  const claimed = new Set<string>();
  /**
   * `<w>.<name>` for a removed object `w` under `parent`: a path still in `removed` (inline object),
   * or the field of the structure `w` referred to (`base` set, with its subfields in `below`).
   */
  const wrapperChild = (parent: string, name: string): { path: string; base?: Field; below: Array<[string, Field]> } | undefined => {
    for (const [w, wf] of removed) {
      if (!w || w.includes(':') || parentOf(w) !== parent) continue;
      const path = `${w}.${name}`;
      if (removed.has(path)) return { path, below: [] };
      const struct = wf.ref !== undefined ? schemaStruct(ctx.base, wf.ref) : undefined;
      const base = struct ? own(struct.fields, name) : undefined;
      if (!struct || !base) continue;
      claimed.add(path);
      const below = Object.entries(struct.fields).filter(([q]) => q.startsWith(name) && /^[.[{]/.test(q.slice(name.length, name.length + 1))).map(([q, qf]) => [q.slice(name.length), qf] as [string, Field]);
      return { path, base, below };
    }
    return undefined;
  };
  // declared renames: the new field names its old name; children follow their parent
  const renamedRoots: Array<[string, string]> = [];
  for (const [p, f] of [...added]) {
    if (!f.renamedFrom || !added.has(p)) continue;
    const places = renamedFromPaths(p, f.renamedFrom);
    let old = places.find((x) => removed.has(x)) ?? places[0];
    const parameter = p.includes(':') && !p.includes('.');
    if (!removed.has(old) && !parameter) {
      // the old field may sit inside a wrapper object that is gone (its fields moved up one level)
      const inWrapper = wrapperChild(parentOf(p), f.renamedFrom);
      if (inWrapper?.base) {
        emit({ subject: 'field', change: 'renamed', path: p, oldPath: inWrapper.path, from: inWrapper.path, to: leafOf(p), base: inWrapper.base, revision: f, pointer: f.pointer }, f);
        pairs.push([inWrapper.base, f]);
        added.delete(p);
        for (const [q, qf] of inWrapper.below) {
          const np = p + q;
          const nf = added.get(np);
          if (nf) { pairs.push([qf, nf]); added.delete(np); }
        }
        continue;
      }
      if (inWrapper) old = inWrapper.path;
    }
    if (!removed.has(old)) continue;
    emit({ subject: 'field', change: 'renamed', path: p, oldPath: old, from: leafOf(old), to: leafOf(p), base: removed.get(old), revision: f, pointer: f.pointer }, f);
    renamedRoots.push([old, p]);
  }
  for (const [old, now] of renamedRoots) {
    for (const [p, f] of [...removed]) {
      if (p !== old && !isUnder(p, old)) continue;
      const np = now + p.slice(old.length);
      const nf = added.get(np);
      removed.delete(p);
      if (nf) { added.delete(np); pairs.push([f, nf]); }
    }
    added.delete(now);
  }

  // top-level removals/additions only (children of a removed/added field are implied)
  const tops = (m: Map<string, Field>) => [...m.keys()].filter((p) => !ancestors(p).some((a) => m.has(a)));
  // wrapped: fields that sat at one level now sit inside a new object there (the inverse of
  // unwrapped): one change, not a removal per field plus a new field
  for (const w of tops(added)) {
    const wf = added.get(w);
    if (!wf || w === '' || w.includes(':')) continue;
    const ws = wf.ref !== undefined ? schemaFields(ctx.rev, wf.ref) : undefined;
    const inner = (q: string): Field | undefined => (ws ? own(ws, q) : added.get(`${w}.${q}`));
    const moved = tops(removed).filter((q) => q !== '' && !q.includes(':') && parentOf(q) === parentOf(w) && q !== w)
      .filter((q) => { const c = inner(leafOf(q)); return !!c && signature(c) === signature(removed.get(q)!); });
    // one field nested under a new object is a move (field-moved); several are the wrapper's doing
    if (moved.length < 2) continue;
    for (const q of moved) {
      const bf = removed.get(q)!;
      const np = `${w}.${leafOf(q)}`;
      const rf = added.get(np) ?? { ...inner(leafOf(q))!, path: np };
      pairs.push([{ ...bf, path: np }, rf]);
      dropSubtree(removed, q);
      added.delete(np);
    }
    added.delete(w);
    emit({ subject: 'field', change: 'moved-into', path: w, from: moved.map(leafOf).sort(), to: w, revision: wf, pointer: wf.pointer }, wf);
  }
  // moved: a removed field that shows up elsewhere with the same leaf name and shape
  const byLeaf = new Map<string, string[]>();
  for (const ap of added.keys()) if (!ap.includes(':')) {
    const l = leafOf(ap);
    const list = byLeaf.get(l);
    if (list) list.push(ap); else byLeaf.set(l, [ap]);
  }
  for (const p of tops(removed)) {
    const f = removed.get(p);
    if (!f || p === '' || p.includes(':')) continue;
    const cands = (byLeaf.get(leafOf(p)) ?? []).filter((ap) => added.has(ap) && ap !== p && signature(added.get(ap)!) === signature(f));
    const best = cands.filter((ap) => ap.endsWith(`.${p}`) || p.endsWith(`.${ap}`));
    const ap = best.length === 1 ? best[0] : cands.length === 1 ? cands[0] : undefined;
    if (!ap) continue;
    const af = added.get(ap)!;
    emit({ subject: 'field', change: 'moved', path: ap, oldPath: p, from: p, to: ap, base: f, revision: af, pointer: af.pointer }, f);
    dropSubtree(removed, p);
    dropSubtree(added, ap);
  }
  // un-nested: fields of a removed object that now sit elsewhere (e.g. one level up) with the same shape
  const moves: Array<[Parameters<typeof emit>[0], Field]> = [];
  const removedTops = new Set(tops(removed).filter((p) => p !== '' && !p.includes(':')));
  const addedTops = new Set(tops(added));
  if (removedTops.size && addedTops.size) {
    for (const cp of [...removed.keys()]) {
      const cf = removed.get(cp);
      if (!cf) continue;
      const top = ancestors(cp).find((x) => removedTops.has(x));
      if (top === undefined) continue;
      const rest = cp.slice(top.length + 1);
      if (!rest || /^[[{]/.test(rest) || !addedTops.has(rest)) continue;
      const target = added.get(rest);
      if (!target || signature(target) !== signature(cf)) continue;
      moves.push([{ subject: 'field', change: 'moved', path: rest, oldPath: cp, from: cp, to: rest, base: cf, revision: target, pointer: target.pointer }, cf]);
      for (const x of [...removed.keys()]) if (x === cp || isUnder(x, cp)) removed.delete(x);
      for (const x of [...added.keys()]) if (x === rest || isUnder(x, rest)) added.delete(x);
      addedTops.delete(rest);
    }
    // the removed object was a reference to a data structure: its fields may now sit at the top
    for (const p of removedTops) {
      const ref = own(b, p)?.ref;
      const struct = ref !== undefined ? schemaStruct(ctx.base, ref) : undefined;
      if (!struct) continue;
      for (const [q, qf] of Object.entries(struct.fields)) {
        if (!q || ancestors(q).length > 1 || !addedTops.has(q)) continue;
        const target = added.get(q);
        if (!target || signature(target) !== signature(qf)) continue;
        moves.push([{ subject: 'field', change: 'moved', path: q, oldPath: `${p}.${q}`, from: `${p}.${q}`, to: q, base: qf, revision: target, pointer: target.pointer }, qf]);
        dropSubtree(added, q);
        addedTops.delete(q);
      }
    }
  }
  // unwrapped: a removed object whose fields moved up one level is one change (the wrapper went
  // away), not one move per field plus the wrapper's removal; its other fields are reported removed
  for (const w of removedTops) {
    const wf = removed.get(w);
    if (!wf) continue;
    const struct = wf.ref !== undefined ? schemaStruct(ctx.base, wf.ref) : undefined;
    const direct = (q: string) => !!q && !q.includes('.') && !/[[{]/.test(q);
    const children = struct
      ? Object.keys(struct.fields).filter(direct)
      : Object.keys(b).filter((q) => parentOf(q) === w && direct(q.slice(w.length + 1))).map((q) => q.slice(w.length + 1));
    const up = parentOf(w);
    const mine = moves.filter(([m]) => m.oldPath === `${w}.${leafOf(m.oldPath!)}` && m.path === joinPath(up, leafOf(m.oldPath!)));
    const renamedOut = children.filter((q) => claimed.has(`${w}.${q}`) || renamedRoots.some(([old]) => old === `${w}.${q}`));
    if (!mine.length) continue;
    for (const m of mine) moves.splice(moves.indexOf(m), 1);
    removed.delete(w);
    const moved = new Set(mine.map(([m]) => leafOf(m.oldPath!)));
    for (const q of renamedOut) moved.add(q);
    if (struct && wf.ref !== undefined && !own(ctx.rev.structures, wf.ref)) ctx.unwrapped.add(wf.ref);
    if (struct) for (const q of children) if (!moved.has(q)) removed.set(`${w}.${q}`, struct.fields[q]);
    emit({ subject: 'field', change: 'unwrapped', path: w, oldPath: w, from: w, to: mine.map(([m]) => m.path!).sort(), base: wf, pointer: wf.pointer }, wf, ctx.base.file);
  }
  for (const [item, f] of moves) emit(item, f);

  // a parameter read from another location under the same name (query -> header): one move; its
  // other changes are compared as usual, except how it is written, which follows the location
  for (const [p, bf] of [...removed]) {
    const m = LOCATED_PARAMETER.exec(p);
    if (!m || !removed.has(p)) continue;
    const ap = [...added.keys()].find((q) => { const n = LOCATED_PARAMETER.exec(q); return !!n && n[1] !== m[1] && n[2].toLowerCase() === m[2].toLowerCase(); });
    if (ap === undefined) continue;
    const af = added.get(ap)!;
    emit({ subject: 'field', change: 'location', path: ap, oldPath: p, from: m[1], to: LOCATED_PARAMETER.exec(ap)![1], base: bf, revision: af, pointer: af.pointer }, bf);
    for (const [q, qf] of [...removed]) {
      if (q !== p && !isUnder(q, p)) continue;
      const aq = ap + q.slice(p.length);
      const aqf = added.get(aq);
      if (aqf) { pairs.push([q === p ? { ...qf, style: aqf.style, allowEmpty: aqf.allowEmpty, allowReserved: aqf.allowReserved } : qf, aqf]); added.delete(aq); removed.delete(q); }
    }
  }

  // undeclared renames: same parent, same shape, similar name
  const topRemoved = new Map(tops(removed).filter((p) => p !== '').map((p) => [p, removed.get(p)!]));
  const topAdded = new Map(tops(added).filter((p) => p !== '').map((p) => [p, added.get(p)!]));
  for (const [bf, rf] of guessRenames(topRemoved, topAdded, (x, y) => {
    if (parentOf(x.path) !== parentOf(y.path) || signature(x) !== signature(y)) return 0;
    if (x.path.includes(':') !== y.path.includes(':')) return 0;
    const s = nameSimilarity(leafOf(x.path), leafOf(y.path));
    return s >= 0.5 ? s : 0;
  }, 0.5)) {
    // a parameter is named as written (header keys are in lower case)
    emit({ subject: 'field', change: 'possibly-renamed', path: rf.path, oldPath: bf.path, from: bf.label ?? leafOf(bf.path), to: rf.label ?? leafOf(rf.path), base: bf, revision: rf, pointer: rf.pointer }, bf);
    dropSubtree(removed, bf.path);
    dropSubtree(added, rf.path);
  }
  for (const p of tops(removed)) {
    const f = removed.get(p)!;
    // a property of an object that no longer admits unlisted ones: a value that still carries it is refused
    const refused = !p.includes(':') && !/(\[\]|\{\}|\])$/.test(p) && own(r, parentOf(p))?.closed === true;
    emit({ subject: 'field', change: 'removed', path: p, base: f, pointer: f.pointer, ...(refused ? { refused } : {}) }, f, ctx.base.file);
  }
  for (const p of tops(added)) {
    const f = added.get(p)!;
    emit({ subject: 'field', change: 'added', path: p, revision: f, pointer: f.pointer }, f);
  }
  for (const [bf, rf] of pairs) compareField(bf, rf, b, r, emit, (x, y) => sameRef(ctx, x, y), (v, c) => alternativesDisjoint(ctx.rev, v, c), (v, c) => alternativesDisjoint(ctx.base, v, c));
}

/** A parameter the client may send in one of several locations under one name: location, name. */
const LOCATED_PARAMETER = /^(query|header|cookie):([^.[{]+)$/;

/** An alternative without its keyword: `oneOf:Name=shape` -> `Name=shape` (what it accepts). */
const alternative = (v: string) => v.slice(v.indexOf(':') + 1);

/**
 * Alternatives match by what they are, whichever keyword lists them: exact signature, then the
 * structure they name (its own changes are reported on the structure), then shape (an inline schema
 * replaced by an equivalent $ref). The keyword (`oneOf`/`anyOf`) is judged on its own. `pairs` are the
 * alternatives matched by shape alone (`Name=shape` on each side, one name possibly empty): what
 * they reach is compared below them (see `expandSwitches`).
 */
function matchAlternatives(b: string[], r: string[]): { gone: string[]; plus: string[]; pairs: Array<[string, string]> } {
  let gone = multisetMinus(b.map(alternative), r.map(alternative));
  const plus = multisetMinus(r.map(alternative), b.map(alternative));
  const pairs: Array<[string, string]> = [];
  for (const key of [altName, altShape]) {
    const g2: string[] = [];
    for (const g of gone) {
      const i = plus.findIndex((p) => key(p) === key(g) && (key === altShape || key(g) !== ''));
      if (i < 0) { g2.push(g); continue; }
      if (key === altShape) pairs.push([g, plus[i]]);
      plus.splice(i, 1);
    }
    gone = g2;
  }
  return { gone, plus, pairs };
}

const altName = (a: string) => a.slice(0, a.indexOf('='));
const altShape = (a: string) => a.slice(a.indexOf('='));

function variantDiff(b: string[], r: string[]): [string[], string[]] {
  const { gone, plus } = matchAlternatives(b, r);
  return [gone, plus];
}

/** `Name=shape` (or `oneOf:Name=shape`) -> `Name`; inline alternatives -> their shape. */
function variantLabel(v: string): string {
  const a = alternative(v);
  const name = a.slice(0, a.indexOf('='));
  return name || a.slice(a.indexOf('=') + 1);
}

/** Do two flattened schemas list the same fields with the same observable keywords? */
function sameContent(a: Fields, b: Fields, sameRef: (x?: string, y?: string) => boolean): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((p) => { const g = own(b, p); return !!g && fieldShape(a[p]) === fieldShape(g) && sameRef(a[p].ref, g.ref); });
}

/** The JSON type of an inline alternative (`=string maxLength...` -> `string`); undefined for a named one. */
function inlineKind(a: string): string | undefined {
  const x = alternative(a);
  return x.indexOf('=') === 0 ? x.slice(1).split(' ')[0] : undefined;
}

/** What the alternative `a` (without its keyword) of a union field admits, when it is inline. */
function contentOf(f: Field, a: string): Fields | null {
  const i = (f.variants ?? []).findIndex((v) => alternative(v) === a);
  return (i >= 0 && f.alternatives?.[i]) || null;
}

/**
 * What one alternative of a union admits compared with the plain schema (`was`, in the map `wasIn`)
 * that the union replaced: by its content when inline, by the structure it names, and an inline
 * object (whose properties are fields of the union's path, compared as such) as the same object.
 */
function alternativeRelation(wasIn: Fields, was: Field, variant: string, content: Fields | null, sameRef: (b?: string, r?: string) => boolean): Relation {
  // an inline object alternative against the object it replaced: by outline (required, closed)
  if (content && isOutline(content)) return was.ref === undefined ? admits(outlineAt(wasIn, was.path), '', content, '', sameRef) : 'unknown';
  if (content) return admits(wasIn, was.path, content, '', sameRef);
  const a = alternative(variant);
  const name = a.slice(0, a.indexOf('='));
  if (name) return was.ref !== undefined && sameRef(was.ref, name) ? 'same' : 'unknown';
  return was.type === 'object' && was.ref === undefined && inlineKind(variant) === 'object' ? 'same' : 'unknown';
}

/** A field of several scalar types (`integer|string`) as one field per type, or undefined. */
function scalarParts(f: Field): Field[] | undefined {
  if (!f.type?.includes('|')) return undefined;
  const types = f.type.split('|');
  return types.every(isScalarType) ? types.map((type) => ({ ...f, type })) : undefined;
}

/** The same relation seen from the other side. */
const mirrored = (r: Relation): Relation => (r === 'wider' ? 'narrower' : r === 'narrower' ? 'wider' : r);

/**
 * What the plain schema (`now`, in the map `nowIn`) that replaced a union admits compared with one of
 * the union's alternatives (`wider`: it admits all of the alternative): alternativeRelation seen from
 * the other side (the base's names stay the first ones `sameRef` gets).
 */
function unwrapRelation(variant: string, content: Fields | null, now: Field, nowIn: Fields, sameRef: (b?: string, r?: string) => boolean): Relation {
  return mirrored(alternativeRelation(nowIn, now, variant, content, (x, y) => sameRef(y, x)));
}

/** `f` with only the value keywords (enum, pattern, format, limits) that `other` has too. */
function ownKeywords(f: Field, other: Field): Field {
  return { ...f, enum: other.enum && f.enum, pattern: other.pattern === undefined ? undefined : f.pattern, format: other.format === undefined ? undefined : f.format,
    limits: Object.fromEntries(Object.entries(f.limits).filter(([k]) => other.limits[k] !== undefined)) };
}

/**
 * Could an HTTP operation be another's undeclared successor? Only with the same verb, as many path
 * parameters and a path word in common besides version prefixes (`GET /v1/orders/{}` is not
 * `GET /v1/tax/settings`, however alike their bodies are; `/v1/orders/{}` may be `/v2/purchase-orders/{}`).
 * Keys that are not `VERB /path` (AsyncAPI operations) always can.
 */
function sameCallShape(a: string, b: string): boolean {
  const x = /^([A-Z]+) (\/.*)$/.exec(a), y = /^([A-Z]+) (\/.*)$/.exec(b);
  if (!x || !y) return true;
  if (x[1] !== y[1] || x[2].split('{}').length !== y[2].split('{}').length) return false;
  const words = (p: string) => new Set(p.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w && !/^(v\d+|api)$/.test(w)));
  const wx = words(x[2]), wy = words(y[2]);
  return !wx.size || !wy.size || [...wx].some((w) => wy.has(w));
}

/** How a client calls an HTTP operation, as written (`POST /v1/berths/{id}`), from where it sits. */
function callOf(o: Operation): string {
  const t = pointerTokens(o.pointer);
  return t.length === 3 && t[0] === 'paths' ? `${t[2].toUpperCase()} ${t[1]}` : o.key;
}

/** The names of an operation's `path:#n` / `channel:#n` parameters, in their places in the address. */
function placedNames(request: Fields, where: 'path' | 'channel'): string[] {
  const out: string[] = [];
  const prefix = `${where}:#`;
  // (a key loop, not Object.entries: this runs on every request of every operation compared)
  for (const k in request) {
    if (k.startsWith(prefix) && /^\d+$/.test(k.slice(prefix.length))) out[Number(k.slice(prefix.length))] = request[k].label ?? '';
  }
  return out.every((x) => x) ? out : [];
}

/** The one keyword listing every alternative of a field, if there is one. */
function variantKeyword(vs: string[]): string | undefined {
  const k = vs.length ? vs[0].slice(0, vs[0].indexOf(':')) : undefined;
  return k !== undefined && vs.every((v) => v.startsWith(`${k}:`)) ? k : undefined;
}

const typeSets = (t: string | undefined) => (t && t !== 'any' && t !== 'object' ? new Set(t.split('|').map((x) => (x === 'integer' ? 'number' : x))) : t === 'object' ? new Set(['object']) : undefined);
const enumsDisjoint = (a: Field['enum'], b: Field['enum']) => !!a && !!b && !a.some((x) => b.includes(x));

/**
 * Can no value match two of these alternatives? (Then `oneOf` and `anyOf` accept the same values.)
 * Provable cases only: different JSON types, disjoint enums or consts at the top, or a property
 * both require with disjoint values (a discriminator). Anything else counts as overlapping.
 */
function alternativesDisjoint(m: Model, variants: string[], contents?: Array<Fields | null>): boolean {
  const alts = variants.map((v, i) => {
    const a = alternative(v);
    const name = a.slice(0, a.indexOf('='));
    const shape = a.slice(a.indexOf('=') + 1);
    return { fields: name ? schemaFields(m, name) : contents?.[i] ?? undefined, type: shape.split(' ')[0] };
  });
  /** A closed object admits no value that carries a property it does not list (which `other` requires). */
  const excludes = (closed: Fields, other: Fields) => !!closed['']?.closed && Object.keys(other).some((p) => p && !/[.[{]/.test(p) && other[p].required && !own(closed, p));
  const pair = (x: typeof alts[number], y: typeof alts[number]): boolean => {
    const tx = typeSets(x.fields?.['']?.type ?? x.type), ty = typeSets(y.fields?.['']?.type ?? y.type);
    if (tx && ty && ![...tx].some((t) => ty.has(t))) return true;
    if (!x.fields || !y.fields) return false;
    if (excludes(x.fields, y.fields) || excludes(y.fields, x.fields)) return true;
    if (enumsDisjoint(x.fields['']?.enum, y.fields['']?.enum)) return true;
    // (an inline alternative's outline keeps its required properties' values apart: outlineTagsOf)
    const tagsX = outlineTagsOf(x.fields), tagsY = outlineTagsOf(y.fields);
    for (const p in x.fields) {
      if (!p || p.includes('.') || /[[{]/.test(p)) continue;
      const fx = x.fields[p], fy = own(y.fields, p);
      if (fx.required && fy?.required && enumsDisjoint(fx.enum ?? tagsX?.[p], fy.enum ?? tagsY?.[p])) return true;
    }
    return false;
  };
  for (let i = 0; i < alts.length; i++) for (let j = i + 1; j < alts.length; j++) if (!pair(alts[i], alts[j])) return false;
  return true;
}

function multisetMinus(a: string[], b: string[]): string[] {
  const left = [...b];
  return a.filter((x) => {
    const i = left.indexOf(x);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

/** Equal scalars in the same order (enum values and variant signatures are scalars). */
function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The same scalars, in any order. */
/** The values of one list missing from the other, either way, compared as JSON (order and repeats aside). */
function listDelta<T>(a: readonly T[], b: readonly T[]): { gone: T[]; plus: T[] } {
  const as = new Set(a.map((v) => JSON.stringify(v)));
  const bs = new Set(b.map((v) => JSON.stringify(v)));
  return { gone: a.filter((v) => !bs.has(JSON.stringify(v))), plus: b.filter((v) => !as.has(JSON.stringify(v))) };
}

function sameSet(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (sameList(a, b)) return true;
  const { gone, plus } = listDelta(a, b);
  return !gone.length && !plus.length;
}

/** Do two fields admit the same few values (`finiteValues`), however each writes them (an enum, a range, a pattern)? */
function sameValues(a: Field, b: Field): boolean {
  const x = finiteValues(a), y = finiteValues(b);
  return !!x && !!y && x.length > 0 && sameSet(x, y);
}

function limitsDiffer(a: Field['limits'], b: Field['limits']): boolean {
  for (const k in a) if (a[k] !== b[k]) return true;
  for (const k in b) if (a[k] !== b[k]) return true;
  return false;
}

/** The JSON types a value keyword constrains (others pass it). */
const NUMBERS = ['number', 'integer'];
const KEYWORD_TYPE: Record<string, string[]> = {
  minimum: NUMBERS, maximum: NUMBERS, exclusiveMinimum: NUMBERS, exclusiveMaximum: NUMBERS, multipleOf: NUMBERS,
  minLength: ['string'], maxLength: ['string'], pattern: ['string'],
  minItems: ['array'], maxItems: ['array'], uniqueItems: ['array'], minProperties: ['object'], maxProperties: ['object'],
};

/**
 * Is a field a reference back to the schema it is written in (`Category.children[]` -> `Category`)?
 * Two of them at the same place are the same recursion, whatever the schema's name (a renamed
 * recursive schema): what changed inside is reported where it was flattened.
 */
function backRef(f: Field): boolean {
  if (f.ref === undefined) return false;
  const m = /^\/(?:components\/schemas|definitions)\//.exec(f.pointer);
  return !!m && f.pointer.startsWith(`${m[0]}${escapeToken(f.ref)}/`);
}

const RANGE_SIDE: Record<string, 'lower' | 'upper'> = { minimum: 'lower', exclusiveMinimum: 'lower', maximum: 'upper', exclusiveMaximum: 'upper' };

/** Does an alternative's shape (`<keyword>:<name>=<shape>`) say it is a closed object (`additionalProperties: false`)? */
const closedShape = (v: string): boolean => / closed(?= |$)/.test(v.slice(v.indexOf('=') + 1));

/**
 * Is this a property that an inline object alternative of a union puts below the union, on a side
 * where the other version has a plain schema there? Its own required flag then says nothing: which
 * alternative requires it is compared with the union's alternatives.
 */
function besideUnion(b0: Field, r0: Field, bm: Fields, rm: Fields): boolean {
  const par = parentOf(r0.path);
  if (par === r0.path) return false;
  const bu = bm[par], ru = rm[par];
  if (!!bu?.variants?.length === !!ru?.variants?.length) return false;
  const [u, x] = bu?.variants?.length ? [bu, b0] : [ru!, r0];
  return x.pointer.startsWith(`${u.pointer}/oneOf/`) || x.pointer.startsWith(`${u.pointer}/anyOf/`);
}

/**
 * A change of the keywords `keys` that no value can show, because an enum pins the values: every
 * value the revision's enum lists meets the base's keywords, and every value the base's enum listed
 * meets the revision's (`valueAdmitted` on a field holding those keywords alone). Whether the enum
 * itself changed is told on its own. A response status narrowed from `100..599` to a list of codes
 * inside it admits no value it did not admit before.
 */
function pinnedByEnum(b: Field, r: Field, keys: readonly string[]): boolean {
  if (!b.enum && !r.enum) return false;
  const only = (f: Field): Field => {
    const limits: Field['limits'] = {};
    for (const k of keys) if (f.limits[k] !== undefined) limits[k] = f.limits[k];
    return { path: f.path, pointer: f.pointer, required: false, nullable: true, hasDefault: false, limits, ...(keys.includes('pattern') && f.pattern !== undefined ? { pattern: f.pattern } : {}) };
  };
  const meetAll = (values: Field['enum'], other: Field) => !values || values.every((v) => valueAdmitted(v, only(other)));
  return meetAll(r.enum, b) && meetAll(b.enum, r);
}
const LOWER_KEYS = ['minimum', 'exclusiveMinimum'] as const, UPPER_KEYS = ['maximum', 'exclusiveMaximum'] as const;

/** A string field's length bound with what its pattern already implies taken in (`patternLengths`). */
function lengthEnd(f: Field, k: 'maxLength' | 'minLength'): number {
  const implied = f.pattern !== undefined ? patternLengths(f.pattern) : undefined;
  return k === 'maxLength' ? Math.min(f.limits.maxLength ?? Infinity, implied?.max ?? Infinity) : Math.max(f.limits.minLength ?? 0, implied?.min ?? 0);
}

/** An integer field's range end with what its format already bounds taken in (`int32` ends at 2^31 - 1). */
function formatEnd(f: Field, side: 'lower' | 'upper'): ReturnType<typeof rangeEnd> {
  const e = rangeEnd(f, side);
  const range = f.type === 'integer' && f.format !== undefined ? own(INTEGER_FORMAT_RANGES, f.format) : undefined;
  if (!range) return e;
  // (read as rangeEnd reads a written bound, so the two compare equal: 2^63 - 1 is rounded alike)
  const bound = rangeEnd({ limits: side === 'lower' ? { minimum: range[0] } : { maximum: range[1] }, type: 'integer' }, side)!;
  return e && (side === 'lower' ? e.value >= bound.value : e.value <= bound.value) ? e : bound;
}

/** Two integer fields whose formats (`int32`, `int64` or none) and bounds together admit the same, finite, range. */
function sameIntegerRange(b: Field, r: Field): boolean {
  if (b.type !== 'integer' || r.type !== 'integer' || [b.format, r.format].some((x) => x !== undefined && !own(INTEGER_FORMAT_RANGES, x))) return false;
  for (const side of ['lower', 'upper'] as const) {
    const x = formatEnd(b, side), y = formatEnd(r, side);
    if (!x || !y || x.value !== y.value || x.exclusive !== y.exclusive) return false;
  }
  return true;
}

function compareField(b0: Field, r0: Field, bm: Fields, rm: Fields, emit: (item: any, f?: Field) => void, sameRef: (b?: string, r?: string) => boolean, disjoint: (variants: string[], contents?: Array<Fields | null>) => boolean, disjointWas: (variants: string[], contents?: Array<Fields | null>) => boolean): void {
  const base = { subject: 'field', path: r0.path, base: b0, revision: r0, pointer: r0.pointer };
  const f = r0.readOnly || r0.writeOnly ? r0 : b0;
  const bv = b0.variants ?? [], rv = r0.variants ?? [];
  const wrapped = !bv.length && rv.length > 1 && !b0.allOf;
  // a schema that became a union: the keywords it had moved into the alternatives, where they are
  // judged (below) by what each alternative admits; only those the union keeps itself compare here.
  // The same the other way: a union that became a plain schema took its keywords from an alternative.
  const b = wrapped ? ownKeywords(b0, r0) : b0;
  const r = bv.length && !rv.length && !r0.allOf ? ownKeywords(r0, b0) : r0;
  const retyped = !!b.type && !!r.type && b.type !== r.type;
  // a scalar parameter retyped as a string whose keywords accept the text of every value it had (an
  // integer 0..100 now a string matching `^[0-9]{1,3}%?$`: `20` is written `20` either way): those
  // keywords (a pattern, lengths, an enum of the texts) refuse nothing a client sent, and the type
  // change is judged by the same test
  const textsFit = retyped && r.type === 'string' && textParameter(r0.path, (root) => own(rm, root)) && acceptsOldText(b, r);
  if (retyped) emit({ ...base, change: 'type', from: b.type, to: r.type }, f);
  else if (b.ref && r.ref && !sameRef(b.ref, r.ref) && !(backRef(b) && backRef(r))) emit({ ...base, change: 'type', from: b.ref, to: r.ref }, f);
  // (a format beside the same enum on both sides checks values that cannot change)
  // (nor one whose values the bounds alone already pin: `int32` to `int64` between 0 and 5000)
  // (nor a format new beside an enum's values, or where an enum was, that every one of them meets:
  // the values the field had are still admitted; an enum dropped is told on its own)
  const enumMeets = !b.format && r.format !== undefined && !!b.enum?.length && (!r.enum || b.enum.every((v) => r.enum!.includes(v))) && b.enum.every((v) => formatAdmits(r.format!, v));
  if ((b.format ?? '') !== (r.format ?? '') && b.type === r.type && !(b.enum && r.enum && sameSet(b.enum, r.enum)) && !sameIntegerRange(b, r) && !enumMeets) emit({ ...base, change: 'format', from: b.format, to: r.format }, f);
  // a property of a union's inline object sits below the union as optional; which alternative
  // requires it is the alternative's (compared with the union): against a plain object on the other
  // side, its own flag says nothing
  if (b.required !== r.required && !besideUnion(b0, r0, bm, rm)) emit({ ...base, change: 'required', from: b.required, to: r.required }, f);
  // a required readOnly field is required in responses only: no longer readOnly, requests must carry it
  else if (r.required && b.readOnly && !r.readOnly && !r.writeOnly) emit({ ...base, change: 'required', from: false, to: true }, r);
  // to or from `any` (which admits null), the type change says it
  if (b.nullable !== r.nullable && (b.type === 'any') === (r.type === 'any')) emit({ ...base, change: 'nullable', from: b.nullable, to: r.nullable }, f);
  // (with textsFit, the new enum of texts, or none, admits every old value)
  if (!textsFit && b.enum && r.enum) {
    // the same values in the same order (the common case) need no set comparison
    if (!sameList(b.enum, r.enum)) {
      const { gone, plus } = listDelta(b.enum, r.enum);
      // no value left of the old list: every value now is one a client never saw (a const replaced)
      if (gone.length && gone.length === b.enum.length && plus.length) emit({ ...base, change: 'enum-replaced', from: gone, to: plus }, f);
      else {
        if (gone.length) emit({ ...base, change: 'enum-removed', from: gone }, f);
        if (plus.length) emit({ ...base, change: 'enum-added', to: plus }, f);
      }
    }
  // a list of values written out that the other side admits exactly (a range 1..5 as `[1, 2, 3, 4, 5]`,
  // `const: SEPA` as `^SEPA$`, a boolean as `[true, false]`): the same values, another spelling
  } else if (!textsFit && !b.enum && r.enum && !sameValues(b, r)) emit({ ...base, change: 'became-enum', to: r.enum }, f);
  else if (!textsFit && b.enum && !r.enum && !sameValues(b, r)) emit({ ...base, change: 'enum-dropped', from: b.enum }, f);
  // (a parameter writes its default as text: `20` and `"20"` are the same default there)
  const sameText = (x: unknown, y: unknown) => x !== null && y !== null && typeof x !== 'object' && typeof y !== 'object' && String(x) === String(y) && textParameter(r0.path, (root) => own(rm, root));
  if (b.hasDefault !== r.hasDefault || (b.hasDefault && b.default !== r.default && !same(b.default, r.default) && !sameText(b.default, r.default))) emit({ ...base, change: 'default', from: b.default, to: r.default }, f);
  // after a type change, a keyword the new type does not take went with the old type (a `minimum`
  // of an integer that became a string): part of that change, not a bound of its own. A bound of
  // the new type is still told.
  // And where the type was widened to a list that keeps the old one (`number` -> `number|string`), a
  // keyword of the added type only (a `pattern`) constrains values the field never had.
  const widenedType = retyped && b.type !== 'any' && r.type !== 'any' && b.type!.split('|').every((t) => r.type!.split('|').some((x) => x === t || (t === 'integer' && x === 'number')));
  const applies = (k: string) => {
    const ts = KEYWORD_TYPE[k];
    if (textsFit && ts?.includes('string')) return false;
    const takes = (type: string) => type === 'any' || type.split('|').some((t) => ts!.includes(t));
    return !retyped || !ts || (takes(r.type!) && (!widenedType || takes(b.type!)));
  };
  if (limitsDiffer(b.limits, r.limits)) {
    const keys = new Set([...Object.keys(b.limits), ...Object.keys(r.limits)]);
    const ends = new Set<string>();
    for (const k of [...keys].sort()) {
      if (b.limits[k] === r.limits[k] || !applies(k)) continue;
      // a length the pattern already holds to (`^[A-Z]{3}$` and `maxLength: 3`) is no bound of its own
      if ((k === 'maxLength' || k === 'minLength') && lengthEnd(b, k) === lengthEnd(r, k)) continue;
      const side = RANGE_SIDE[k];
      if (!side) {
        if (!pinnedByEnum(b, r, [k])) emit({ ...base, change: 'limit', path: r.path, oldPath: k, from: b.limits[k], to: r.limits[k] }, f);
        continue;
      }
      // a numeric range end is one bound, inclusive or exclusive: one item per end
      if (ends.has(side)) continue;
      ends.add(side);
      if (pinnedByEnum(b, r, side === 'lower' ? LOWER_KEYS : UPPER_KEYS)) continue;
      // judged by the values admitted (on an integer field `> 0` is `>= 1`); shown as written
      const wasAdmits = formatEnd(b, side), nowAdmits = formatEnd(r, side);
      if (wasAdmits?.value === nowAdmits?.value && wasAdmits?.exclusive === nowAdmits?.exclusive) continue;
      const was = rangeEnd({ limits: b.limits }, side), now = rangeEnd({ limits: r.limits }, side);
      const key = (e: { exclusive: boolean }) => (side === 'lower' ? (e.exclusive ? 'exclusiveMinimum' : 'minimum') : (e.exclusive ? 'exclusiveMaximum' : 'maximum'));
      if (was && now && was.exclusive !== now.exclusive) {
        const show = (e: { value: number; exclusive: boolean }) => `${side === 'lower' ? '>' : '<'}${e.exclusive ? '' : '='} ${e.value}`;
        emit({ ...base, change: 'limit', path: r.path, oldPath: side === 'lower' ? 'minimum' : 'maximum', from: show(was), to: show(now) }, f);
      } else emit({ ...base, change: 'limit', path: r.path, oldPath: key((now ?? was)!), from: was?.value, to: now?.value }, f);
    }
  }
  if (b.constraints || r.constraints) {
    const bc = b.constraints ?? {}, rc = r.constraints ?? {};
    for (const k of [...new Set([...Object.keys(bc), ...Object.keys(rc)])].sort()) if (bc[k] !== rc[k]) emit({ ...base, change: 'constraint', oldPath: k, from: bc[k], to: rc[k] }, f);
  }
  if ((b.pattern ?? '') !== (r.pattern ?? '') && applies('pattern') && !pinnedByEnum(b, r, ['pattern'])) {
    // a pattern replaced by one that provably admits more, fewer or the same strings (see patternRelation)
    const cap = b.limits.maxLength !== undefined && b.limits.maxLength === r.limits.maxLength ? b.limits.maxLength : Infinity;
    const rel = b.pattern && r.pattern ? patternRelation(b.pattern, r.pattern, cap) : 'unknown';
    if (rel !== 'same') emit({ ...base, change: 'pattern', from: b.pattern, to: r.pattern, ...(rel === 'unknown' ? {} : { covers: { old: rel === 'wider', all: rel === 'narrower' } }) }, f);
  }
  if (wrapped) {
    // what a client sent is still accepted when one alternative admits all of it (and, under oneOf,
    // no value can match two); what it received is unchanged when every alternative admits no more
    const rels = rv.map((v, j) => alternativeRelation(bm, b0, v, r.alternatives?.[j] ?? null, sameRef));
    const keeps = (rs: Relation[]) => rs.some((x) => x === 'same' || x === 'wider');
    // a list of scalar types is kept when each of its types is admitted in full by some alternative
    // (`type: [string, integer]` -> `anyOf: [{type: string}, {type: integer}, {type: object}]`)
    const parts = scalarParts(b0);
    const covered = parts
      ? parts.every((p) => keeps(rv.map((v, j) => alternativeRelation(Object.assign(Object.create(null), bm, { [p.path]: p }), p, v, r.alternatives?.[j] ?? null, sameRef))))
      : keeps(rels);
    const old = covered && (variantKeyword(rv) === 'anyOf' || disjoint(rv, r.alternatives));
    emit({ ...base, change: 'wrapped', to: rv.length, covers: { old, all: rels.every((x) => x === 'same' || x === 'narrower') } }, f);
  } else if (bv.length || rv.length) {
    const listedAlike = sameList(bv, rv);
    let [gone, plus] = listedAlike ? [[], []] : variantDiff(bv, rv);
    // alternatives changed inside: judged by what they admit, not as one removed and another added
    const narrowed: string[] = [], widened: string[] = [], adjusted: string[] = [];
    const judge = (label: string, rel: Relation, c: Fields | null, d: Fields | null) => {
      if (rel === 'narrower' || rel === 'unknown') narrowed.push(label);
      if (rel === 'wider' || rel === 'unknown') widened.push(label);
      // admitting the same values, written otherwise (an optional property more): still a change to list
      // (an object's outline: its properties are this path's fields, reported as such)
      if (rel === 'same' && c && d && !isOutline(c) && !sameContent(c, d, sameRef)) adjusted.push(label);
    };
    if (b.alternatives || r.alternatives) {
      const taken = new Set<number>();
      bv.forEach((v, i) => {
        const j = rv.findIndex((w, k) => !taken.has(k) && alternative(w) === alternative(v));
        if (j < 0) return;
        taken.add(j);
        const c = b.alternatives?.[i], d = r.alternatives?.[j];
        if (c && d && c !== d) judge(variantLabel(v), admits(c, '', d, '', sameRef), c, d);
      });
    }
    // an inline alternative gone and another of the same JSON type added: the same alternative, changed
    for (const g of [...gone]) {
      const kind = inlineKind(g);
      if (!kind || gone.filter((x) => inlineKind(x) === kind).length !== 1) continue;
      const ps = plus.filter((x) => inlineKind(x) === kind);
      if (ps.length !== 1) continue;
      gone = gone.filter((x) => x !== g);
      plus = plus.filter((x) => x !== ps[0]);
      const c = contentOf(b, g), d = contentOf(r, ps[0]);
      // inline objects' properties are fields of this path, compared as such; whether the object
      // accepts properties it does not list is the alternative's own (its shape says `closed`)
      const closedRel = (): Relation => (closedShape(g) === closedShape(ps[0]) ? 'same' : closedShape(ps[0]) ? 'narrower' : 'wider');
      judge(variantLabel(ps[0]), c && d ? admits(c, '', d, '', sameRef) : !c && !d ? closedRel() : 'unknown', c, d);
    }
    if (narrowed.length) emit({ ...base, change: 'variant-narrowed', from: narrowed }, f);
    if (widened.length) emit({ ...base, change: 'variant-widened', from: widened }, f);
    if (adjusted.length) emit({ ...base, change: 'variant-adjusted', from: adjusted }, f);
    // a union that became a plain schema: a request still accepts every alternative it admits in full
    const unwrapRels = !rv.length && !r.allOf ? bv.map((v, i) => unwrapRelation(v, b.alternatives?.[i] ?? null, r0, rm, sameRef)) : undefined;
    const keeps = unwrapRels ? bv.filter((_, i) => unwrapRels[i] === 'same' || unwrapRels[i] === 'wider') : undefined;
    // and a response receives no more than before when an alternative admits all of it; one that
    // admits less of it (the kept alternative lost a required property, say) widened. Null is the
    // union's own (`nullable` beside `anyOf`), or, when it came with the change, its own finding
    const notNull = unwrapRels && r0.nullable ? { ...r0, nullable: false } : undefined;
    const widenRels = notNull ? bv.map((v, i) => unwrapRelation(v, b.alternatives?.[i] ?? null, notNull, Object.assign(Object.create(null), rm, { [r0.path]: notNull }), sameRef)) : unwrapRels;
    // (`covers.old`: a request accepts all it did; the removed alternatives are told apart)
    if (widenRels?.includes('wider') && !widenRels.some((x) => x === 'same' || x === 'narrower')) emit({ ...base, change: 'variant-widened', from: bv.filter((_, i) => widenRels[i] === 'wider').map(variantLabel), covers: { old: true, all: false } }, f);
    const unwrapped = keeps ? { old: keeps.length === bv.length, all: false } : undefined;
    // the alternatives the plain schema still admits in full are not gone (`[string, integer]` -> `string`)
    if (keeps && keeps.length < bv.length) gone = gone.filter((g) => !keeps.some((k) => alternative(k) === alternative(g)));
    if (gone.length && bv.length) emit({ ...base, change: 'variant-removed', from: gone.map(variantLabel), ...(unwrapped ? { covers: unwrapped } : {}) }, f);
    if (plus.length && bv.length) emit({ ...base, change: 'variant-added', to: plus.map(variantLabel) }, f);
    // oneOf <-> anyOf: the same values are accepted when no value can match two alternatives
    const bk = variantKeyword(bv), rk = variantKeyword(rv);
    // alternatives added to a oneOf that could not overlap, and now can: a value matching two is refused
    if (plus.length && bv.length && bk === 'oneOf' && rk === 'oneOf' && rv.length > 1 && disjointWas(bv, b.alternatives) && !disjoint(rv, r.alternatives)) emit({ ...base, change: 'variant-overlap', to: plus.map(variantLabel) }, f);
    if (!listedAlike && bk && rk && bk !== rk && rv.length > 1 && !disjoint(rv, r.alternatives)) emit({ ...base, change: 'variant-keyword', from: bk, to: rk }, f);
  }
  if (b.mapping && r.mapping && !sameList(b.mapping, r.mapping)) {
    // a value is kept when the other side maps it to the same structure (or one reaching the same)
    const target = (m: string[], v: string) => { const e = m.find((x) => x.slice(0, x.lastIndexOf('=')) === v); return e === undefined ? undefined : mappingTarget(e); };
    const values = (m: string[]) => m.map((x) => x.slice(0, x.lastIndexOf('=')));
    // a structure no value maps any more is an alternative gone (judged by the variant rules), not a value renamed
    const stillMapped = (t: string | undefined) => r.mapping!.some((x) => sameRef(t, mappingTarget(x)));
    const gone = values(b.mapping).filter((v) => { const bt = target(b.mapping!, v), t = target(r.mapping!, v); return t === undefined ? stillMapped(bt) : !sameRef(bt, t); });
    const plus = values(r.mapping).filter((v) => target(b.mapping!, v) === undefined);
    if (gone.length) emit({ ...base, change: 'mapping-removed', from: gone, to: values(r.mapping) }, f);
    if (plus.length) emit({ ...base, change: 'mapping-added', to: plus }, f);
    // a base type's discriminator (no oneOf/anyOf to judge) that no longer selects a subtype at all:
    // that subtype is an alternative gone
    const unmapped = b.variants?.length ? [] : [...new Set(b.mapping.map(mappingTarget).filter((t) => !stillMapped(t)))];
    if (unmapped.length) emit({ ...base, change: 'variant-removed', from: unmapped }, f);
  }
  if (!b.deprecated && r.deprecated) emit({ ...base, change: 'deprecated' }, f);
  if (!!b.closed !== !!r.closed) emit({ ...base, change: 'closed', from: !!b.closed, to: !!r.closed }, f);
  // (kept only where the value travels as XML: see carriedAsXml)
  if ((b.xml ?? '') !== (r.xml ?? '')) emit({ ...base, change: 'xml', from: b.xml ?? 'element', to: r.xml ?? 'element' }, f);
  if (b.style && r.style && b.style !== r.style) emit({ ...base, change: 'style', from: b.style, to: r.style }, f);
  // `?flag=` no longer accepted: the same request is now misread (or refused)
  else if (b.allowEmpty && !r.allowEmpty) emit({ ...base, change: 'style', from: `${b.style}, empty value allowed`, to: r.style }, f);
  // `?path=a/b&c` written as the client had it now splits or is misread: the value must be percent-encoded
  else if (b.allowReserved && !r.allowReserved) emit({ ...base, change: 'style', from: `${b.style}, reserved characters unencoded`, to: r.style }, f);
  const access = (x: Field) => (x.readOnly ? 'readOnly' : x.writeOnly ? 'writeOnly' : 'read-write');
  if (access(b) !== access(r)) emit({ ...base, change: 'access', from: access(b), to: access(r) }, f);
}
