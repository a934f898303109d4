/**
 * Mutation test of the generated validators (issue 8). Every reference example of every version (manifest of
 * packages/spec-check/reference/examples, minus specs/v3.x/known-example-errors.yaml) is walked together with
 * its schema (schemas.json of @ccapi/validators: through $ref, allOf, the oneOf branch the example belongs to and
 * the if/then branch that applies). For each place the schema constrains, one mutant breaks it:
 *   required - a required property is removed;
 *   type     - a value is replaced by a value of a type the schema does not allow;
 *   enum     - a value is replaced by a value outside the enum;
 *   extra    - an unknown property is added to an object whose schema says additionalProperties: false
 *              (or unevaluatedProperties: false).
 * The schema is the oracle: a mutant is kept only when the schema surely forbids it (inside a oneOf, every other
 * branch must also refuse the mutated value). Each mutant goes through the version's public validator, which
 * must reject it and name the mutated path.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ValidationResult, Validators } from '@ccapi/validators/runtime';
import { knownBad, load, manifest, route, versions, type ManifestEntry } from '../../validators/test/corpus.js';

const require = createRequire(import.meta.url);
type J = unknown;
type S = Record<string, unknown>;
const isObj = (x: unknown): x is S => typeof x === 'object' && x !== null && !Array.isArray(x);
const EXTRA = 'mutant_extra_property';

type Kind = 'required' | 'type' | 'enum' | 'extra';
const KINDS: Kind[] = ['required', 'type', 'enum', 'extra'];

interface Mutant {
  kind: Kind;
  /** JSON pointer (inside the routed payload) of the value the validator must name. */
  path: string;
  apply: (root: unknown) => void;
}

/** A oneOf the walk went through: the mutant is forbidden only if every other branch refuses the mutated value. */
interface Union {
  at: string[];
  others: S[];
}

class Oracle {
  constructor(
    private defs: Record<string, S>,
    private base: string,
  ) {}

  deref(s: unknown, depth = 0): S | null {
    if (!isObj(s)) return s === true ? {} : null;
    if (typeof s.$ref === 'string' && depth < 20) {
      const target = this.defs[s.$ref.slice(this.base.length)];
      const rest = { ...s };
      delete rest.$ref;
      if (Object.keys(rest).length === 0) return this.deref(target, depth + 1);
      return { allOf: [target, rest] };
    }
    return s;
  }

  /** JSON types a value has (an integer is also a number). */
  static typesOf(v: J): string[] {
    if (v === null) return ['null'];
    if (Array.isArray(v)) return ['array'];
    if (typeof v === 'number') return Number.isInteger(v) ? ['integer', 'number'] : ['number'];
    return [typeof v];
  }

  /** True only when the schema certainly refuses `v` (used to rule branches out). */
  rejects(schema: unknown, v: J, depth = 0): boolean {
    const s = this.deref(schema);
    if (!s || depth > 6) return false;
    if (s.const !== undefined && JSON.stringify(s.const) !== JSON.stringify(v)) return true;
    if (Array.isArray(s.enum) && !s.enum.some((e) => JSON.stringify(e) === JSON.stringify(v))) return true;
    if (s.type !== undefined) {
      const allowed = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
      if (!Oracle.typesOf(v).some((t) => allowed.includes(t))) return true;
    }
    if (isObj(v)) {
      for (const r of (s.required as string[] | undefined) ?? []) if (!Object.hasOwn(v, r)) return true;
      const props = isObj(s.properties) ? s.properties : {};
      for (const [k, ps] of Object.entries(props)) if (Object.hasOwn(v, k) && this.rejects(ps, v[k], depth + 1)) return true;
      if (s.additionalProperties === false && !isObj(s.patternProperties)) for (const k of Object.keys(v)) if (!Object.hasOwn(props, k)) return true;
    }
    if (Array.isArray(v) && s.items !== undefined) for (const it of v) if (this.rejects(s.items, it, depth + 1)) return true;
    if (Array.isArray(s.allOf) && s.allOf.some((p) => this.rejects(p, v, depth + 1))) return true;
    for (const key of ['oneOf', 'anyOf']) {
      const list = s[key];
      if (Array.isArray(list) && list.every((b) => this.rejects(b, v, depth + 1))) return true;
    }
    return false;
  }

  /** 'yes' / 'no' when an `if` schema surely matches or surely fails, else 'unknown'. */
  matches(schema: unknown, v: J): 'yes' | 'no' | 'unknown' {
    if (this.rejects(schema, v)) return 'no';
    const s = this.deref(schema);
    if (!s) return 'unknown';
    // only the simple form used by the specs: required keys and properties with const/enum/type
    const allowedKeys = new Set(['required', 'properties', 'type']);
    if (!Object.keys(s).every((k) => allowedKeys.has(k))) return 'unknown';
    for (const ps of Object.values(isObj(s.properties) ? s.properties : {})) {
      const p = this.deref(ps);
      if (!p || !Object.keys(p).every((k) => ['const', 'enum', 'type'].includes(k))) return 'unknown';
    }
    return 'yes';
  }
}

interface Applicator {
  schema: S;
  /** came from a `then`/`else`: its rules depend on the keys its `if` reads */
  conditional: string[] | null;
  unions: Union[];
}

/** Every schema that applies to `v` (the branch it matches), or null where that cannot be told. */
function expand(o: Oracle, schema: unknown, v: J, at: string[], unions: Union[], conditional: string[] | null, out: Applicator[], ambiguous: { n: number }, depth = 0): void {
  const s = o.deref(schema);
  if (!s || depth > 20) return;
  out.push({ schema: s, conditional, unions });
  if (Array.isArray(s.allOf)) for (const p of s.allOf) expand(o, p, v, at, unions, conditional, out, ambiguous, depth + 1);
  for (const key of ['oneOf', 'anyOf']) {
    const list = s[key];
    if (!Array.isArray(list)) continue;
    const fits = list.filter((b) => !o.rejects(b, v));
    if (fits.length !== 1) {
      ambiguous.n++;
      continue;
    }
    const others = list.filter((b) => b !== fits[0]).map((b) => o.deref(b)!).filter(Boolean);
    // anyOf: the other branches must refuse too, exactly as for oneOf
    expand(o, fits[0], v, at, [...unions, { at, others }], conditional, out, ambiguous, depth + 1);
  }
  if (s.if !== undefined) {
    const m = o.matches(s.if, v);
    const ifSchema = o.deref(s.if);
    const keys = [...Object.keys(isObj(ifSchema?.properties) ? ifSchema!.properties : {}), ...(((ifSchema?.required as string[]) ?? []) as string[])];
    const branch = m === 'yes' ? s.then : m === 'no' ? s.else : undefined;
    if (m === 'unknown') ambiguous.n++;
    if (branch !== undefined) expand(o, branch, v, at, unions, [...(conditional ?? []), ...keys], out, ambiguous, depth + 1);
  }
}

function pointer(path: string[]): string {
  return path.map((p) => '/' + p.replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

function get(root: unknown, path: string[]): unknown {
  let cur = root;
  for (const k of path) cur = (cur as S)[k];
  return cur;
}

/** A value of a JSON type none of `allowed` covers. */
function otherType(allowed: Set<string>): J {
  const candidates: Array<[J, string[]]> = [
    [12345, ['integer', 'number']],
    ['mutant string', ['string']],
    [true, ['boolean']],
    [{ mutant: 1 }, ['object']],
    [['mutant'], ['array']],
    [null, ['null']],
  ];
  for (const [v, types] of candidates) if (!types.some((t) => allowed.has(t))) return v;
  return undefined;
}

const ALL_TYPES = ['integer', 'number', 'string', 'boolean', 'object', 'array', 'null'];

/** Types a schema allows, or null when it does not say (then no type mutant). */
function allowedTypes(o: Oracle, schema: unknown, depth = 0): Set<string> | null {
  const s = o.deref(schema);
  if (!s || depth > 10) return null;
  let out: Set<string> | null = null;
  const meet = (t: Set<string> | null) => {
    if (!t) return;
    out = out ? new Set([...out].filter((x) => t.has(x))) : t;
  };
  if (s.type !== undefined) {
    const list = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    meet(new Set(list.includes('number') ? [...list, 'integer'] : list));
  }
  if (s.const !== undefined) meet(new Set(Oracle.typesOf(s.const)));
  if (Array.isArray(s.enum)) meet(new Set(s.enum.flatMap((e) => Oracle.typesOf(e))));
  if (Array.isArray(s.allOf)) for (const p of s.allOf) meet(allowedTypes(o, p, depth + 1));
  for (const key of ['oneOf', 'anyOf']) {
    const list = s[key];
    if (!Array.isArray(list)) continue;
    const each = list.map((b) => allowedTypes(o, b, depth + 1));
    if (each.every(Boolean)) meet(new Set(each.flatMap((x) => [...x!])));
  }
  return out && (out as Set<string>).size < ALL_TYPES.length ? out : null;
}

function enumOf(o: Oracle, schema: unknown, depth = 0): J[] | null {
  const s = o.deref(schema);
  if (!s || depth > 10) return null;
  if (Array.isArray(s.enum)) return s.enum as J[];
  if (Array.isArray(s.allOf)) for (const p of s.allOf) {
    const e = enumOf(o, p, depth + 1);
    if (e) return e;
  }
  return null;
}

function outsideEnum(values: J[], like: J): J {
  if (typeof like === 'number') {
    for (let n = 987654; ; n++) if (!values.includes(n)) return n;
  }
  for (let i = 0; ; i++) {
    const s = `mutant-not-listed-${i}`;
    if (!values.includes(s)) return s;
  }
}

interface Stats {
  mutants: Record<Kind, number>;
  rejected: Record<Kind, number>;
  /** places the oracle cannot decide (a value fitting several branches, an undecidable `if`, another branch accepting the mutant) */
  undecided: number;
  examples: number;
  /** mutants inside a oneOf branch (checked against the other branches) */
  inUnion: number;
}

/** Mutants of `payload` that `schema` forbids. */
function mutantsOf(o: Oracle, schema: unknown, payload: J, stats: Stats): Mutant[] {
  const out: Mutant[] = [];
  const seen = new Set<string>();
  const ambiguous = { n: 0 };
  const forbidden = (unions: Union[], mutate: (copy: unknown) => void): boolean => {
    if (unions.length === 0) return true;
    const copy = structuredClone(payload);
    mutate(copy);
    return unions.every((u) => u.others.every((b) => o.rejects(b, get(copy, u.at))));
  };
  const add = (kind: Kind, path: string[], unions: Union[], apply: (root: unknown) => void) => {
    const key = `${kind} ${pointer(path)}`;
    if (seen.has(key)) return;
    if (!forbidden(unions, apply)) {
      stats.undecided++;
      return;
    }
    seen.add(key);
    if (unions.length) stats.inUnion++;
    out.push({ kind, path: pointer(path), apply });
  };

  const walk = (schemas: Applicator[], v: J, at: string[], depth: number) => {
    if (depth > 30) return;
    const apps: Applicator[] = [];
    for (const a of schemas) expand(o, a.schema, v, at, a.unions, a.conditional, apps, ambiguous);
    if (isObj(v)) {
      // required
      for (const a of apps) {
        for (const k of (a.schema.required as string[] | undefined) ?? []) {
          if (!Object.hasOwn(v, k)) continue;
          if (a.conditional?.includes(k)) continue; // dropping it could switch the condition off
          add('required', [...at, k], a.unions, (root) => delete (get(root, at) as S)[k]);
        }
      }
      // extra property
      for (const a of apps) {
        const closed = a.schema.additionalProperties === false || a.schema.unevaluatedProperties === false;
        const patterns = isObj(a.schema.patternProperties) ? Object.keys(a.schema.patternProperties) : [];
        if (!closed || patterns.some((p) => new RegExp(p, 'u').test(EXTRA))) continue;
        add('extra', [...at, EXTRA], a.unions, (root) => ((get(root, at) as S)[EXTRA] = 'mutant'));
      }
      // every property: type, enum, and the value's own constraints
      for (const k of Object.keys(v)) {
        const subs: Applicator[] = [];
        for (const a of apps) {
          const props = isObj(a.schema.properties) ? a.schema.properties : {};
          if (a.conditional?.includes(k)) continue;
          if (Object.hasOwn(props, k)) subs.push({ schema: o.deref(props[k]) ?? {}, conditional: a.conditional, unions: a.unions });
          // a map: every other key follows additionalProperties
          else if (isObj(a.schema.additionalProperties)) subs.push({ schema: o.deref(a.schema.additionalProperties) ?? {}, conditional: a.conditional, unions: a.unions });
        }
        if (subs.length === 0) continue;
        const path = [...at, k];
        for (const sub of subs) {
          const types = allowedTypes(o, sub.schema);
          if (types) {
            const bad = otherType(types);
            if (bad !== undefined) add('type', path, sub.unions, (root) => ((get(root, at) as S)[k] = structuredClone(bad)));
          }
          const values = enumOf(o, sub.schema);
          if (values) {
            const bad = outsideEnum(values, v[k]);
            add('enum', path, sub.unions, (root) => ((get(root, at) as S)[k] = bad));
          }
        }
        walk(subs, v[k], path, depth + 1);
      }
    } else if (Array.isArray(v)) {
      const subs: Applicator[] = [];
      for (const a of apps) if (a.schema.items !== undefined && a.schema.items !== true) subs.push({ schema: o.deref(a.schema.items) ?? {}, conditional: null, unions: a.unions });
      if (subs.length === 0) return;
      v.forEach((item, i) => {
        const path = [...at, String(i)];
        for (const sub of subs) {
          const types = allowedTypes(o, sub.schema);
          if (types) {
            const bad = otherType(types);
            if (bad !== undefined) add('type', path, sub.unions, (root) => ((get(root, at) as J[])[i] = structuredClone(bad)));
          }
          const values = enumOf(o, sub.schema);
          if (values) add('enum', path, sub.unions, (root) => ((get(root, at) as J[])[i] = outsideEnum(values, item)));
        }
        walk(subs, item, path, depth + 1);
      });
    }
  };
  walk([{ schema: o.deref(schema) ?? {}, conditional: null, unions: [] }], payload, [], 0);
  stats.undecided += ambiguous.n;
  return out;
}

function at(root: unknown, p: string): unknown {
  return p === '' ? root : get(root, p.slice(1).split('/'));
}

const entries: ManifestEntry[] = manifest();

for (const version of versions()) {
  test(`v${version}: every mutant of every reference example that the schema forbids is rejected at its path`, async () => {
    const v = (await import(`@ccapi/validators/v${version}`)).validators as Validators;
    const json = JSON.parse(readFileSync(require.resolve(`@ccapi/validators/v${version}/schemas.json`), 'utf8')) as { base: string; definitions: Record<string, S> };
    const o = new Oracle(json.definitions, json.base);
    const bad = knownBad(version);
    const stats: Stats = { mutants: { required: 0, type: 0, enum: 0, extra: 0 }, rejected: { required: 0, type: 0, enum: 0, extra: 0 }, undecided: 0, examples: 0, inUnion: 0 };
    const problems: string[] = [];
    for (const e of entries.filter((x) => x.version === version && !bad.has(x.file))) {
      const data = load(e);
      const r = route(v, e, data);
      if (!r || !r.schemaName) continue;
      assert.equal(r.check(data).valid, true, `${e.file} is valid before mutation`);
      stats.examples++;
      const payload = at(data, r.payloadPointer);
      for (const m of mutantsOf(o, json.definitions[r.schemaName], payload, stats)) {
        const copy = structuredClone(data);
        m.apply(at(copy, r.payloadPointer));
        stats.mutants[m.kind]++;
        const res: ValidationResult = r.check(copy);
        const full = r.payloadPointer + m.path;
        if (res.valid) {
          problems.push(`${e.file} (${r.target}): ${m.kind} mutant at ${full} accepted`);
          continue;
        }
        if (!res.errors.some((i) => i.path === full || i.path === m.path)) {
          problems.push(`${e.file} (${r.target}): ${m.kind} mutant at ${full} reported only at ${res.errors.map((i) => i.path || '/').join(', ')}`);
          continue;
        }
        stats.rejected[m.kind]++;
      }
    }
    const total = KINDS.reduce((n, k) => n + stats.mutants[k], 0);
    const rejected = KINDS.reduce((n, k) => n + stats.rejected[k], 0);
    console.log(
      `v${version}: ${stats.examples} examples, ${total} mutants (${KINDS.map((k) => `${k} ${stats.rejected[k]}/${stats.mutants[k]}`).join(', ')}), ${rejected} rejected at their path, ${stats.inUnion} inside a oneOf branch, ${stats.undecided} places left undecided by the oracle`,
    );
    assert.deepEqual(problems.slice(0, 40), [], `${problems.length} mutants not rejected at their path`);
    // the corpus has hundreds of typed and required fields, a few enums and a few closed objects per version
    for (const k of ['required', 'type'] as const) assert.ok(stats.mutants[k] > 100, `too few ${k} mutants: ${stats.mutants[k]}`);
    for (const k of ['enum', 'extra'] as const) assert.ok(stats.mutants[k] > 0, `no ${k} mutant`);
    assert.ok(stats.inUnion > 0, 'no mutant inside a oneOf branch');
  });
}

test('the mutant generator follows $ref, oneOf branches and if/then, and keeps only what the schema forbids', () => {
  const base = 'https://x/';
  const defs: Record<string, S> = {
    Msg: { type: 'object', required: ['type', 'text'], properties: { type: { const: 'message' }, text: { type: 'string' } }, additionalProperties: false },
    File: { type: 'object', required: ['type'], properties: { type: { const: 'file' }, url: { type: 'string' } } },
    // `text` is not typed in Loose: a type mutant of Msg.text would still match Loose, so it is not forbidden
    Loose: { type: 'object', required: ['kind'], properties: { kind: { enum: ['a', 'b'] } } },
    Root: {
      type: 'object',
      required: ['event', 'n'],
      properties: {
        event: { oneOf: [{ $ref: `${base}Msg` }, { $ref: `${base}File` }] },
        n: { type: 'integer' },
        any: { oneOf: [{ $ref: `${base}Msg` }, { type: 'object' }] },
        mode: { enum: ['x', 'y'] },
      },
      allOf: [{ if: { properties: { mode: { const: 'x' } }, required: ['mode'] }, then: { required: ['extra_when_x'], properties: { extra_when_x: { type: 'boolean' } } } }],
    },
  };
  const o = new Oracle(defs, base);
  const stats: Stats = { mutants: { required: 0, type: 0, enum: 0, extra: 0 }, rejected: { required: 0, type: 0, enum: 0, extra: 0 }, undecided: 0, examples: 0, inUnion: 0 };
  const data = { event: { type: 'message', text: 'hi' }, n: 1, any: { type: 'message', text: 'x' }, mode: 'x', extra_when_x: true };
  const got = mutantsOf(o, defs.Root, data, stats)
    .map((m) => `${m.kind} ${m.path}`)
    .sort();
  assert.deepEqual(got, [
    'enum /mode',
    'extra /event/mutant_extra_property',
    'required /event',
    'required /event/text',
    'required /event/type',
    'required /extra_when_x',
    'required /n',
    'type /any',
    'type /event',
    'type /event/text',
    'type /event/type',
    'type /extra_when_x',
    'type /mode',
    'type /n',
  ]);
  // `any` fits both of its branches: nothing inside it is claimed (only that it is an object)
  assert.ok(stats.undecided >= 1);
  // a validator that accepts everything would be caught: every mutant is a real change of the data
  for (const m of mutantsOf(o, defs.Root, data, stats)) {
    const copy = structuredClone(data);
    m.apply(copy);
    assert.notDeepEqual(copy, data, `${m.kind} ${m.path}`);
  }
});
