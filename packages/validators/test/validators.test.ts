import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ValidationResult, Validators } from '../src/runtime.js';
import { corpusAvailable, knownBad, load, manifest, repoRoot, route, versions, type ManifestEntry } from './corpus.js';

type S = Record<string, unknown>;
const loaded = new Map<string, { v: Validators; defs: Record<string, S>; base: string }>();

async function forVersion(version: string) {
  let hit = loaded.get(version);
  if (!hit) {
    const mod = (await import(`../src/v${version}/index.js`)) as { validators: Validators };
    const json = JSON.parse(readFileSync(join(repoRoot, 'packages', 'validators', 'src', `v${version}`, 'schemas.json'), 'utf8'));
    hit = { v: mod.validators, defs: json.definitions, base: json.base };
    loaded.set(version, hit);
  }
  return hit;
}

const isObj = (x: unknown): x is S => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Follows $ref and merges allOf so that properties/required/enum can be read. */
function resolve(defs: Record<string, S>, base: string, s: unknown, depth = 0): S | null {
  if (!isObj(s) || depth > 10) return null;
  if (typeof s.$ref === 'string') return resolve(defs, base, defs[s.$ref.slice(base.length)], depth + 1);
  if (Array.isArray(s.allOf)) {
    const out: S = { properties: {}, required: [] as string[] };
    for (const part of [s, ...(s.allOf as unknown[])]) {
      const r = part === s ? { ...s, allOf: undefined } : resolve(defs, base, part, depth + 1);
      if (!r) continue;
      Object.assign(out.properties as S, r.properties ?? {});
      (out.required as string[]).push(...((r.required as string[]) ?? []));
      if (r.type) out.type = r.type;
    }
    return out;
  }
  return s;
}

function wrongValue(type: unknown): unknown {
  switch (type) {
    case 'string':
      return 12345;
    case 'integer':
    case 'number':
      return 'not a number';
    case 'boolean':
      return 'yes';
    case 'array':
      return { not: 'an array' };
    case 'object':
      return 'not an object';
    default:
      return undefined;
  }
}

interface Mutation {
  kind: 'required' | 'type' | 'enum';
  path: string;
  apply: (payload: S) => void;
}

function mutations(defs: Record<string, S>, base: string, schemaName: string, payload: unknown): Mutation[] {
  const out: Mutation[] = [];
  const root = resolve(defs, base, defs[schemaName]);
  if (!root || !isObj(payload)) return out;
  const walk = (schema: S, data: S, path: string[], depth: number) => {
    const req = (schema.required as string[] | undefined) ?? [];
    const props = (schema.properties as S | undefined) ?? {};
    for (const key of req) {
      if (key in data && !out.some((m) => m.kind === 'required')) {
        const p = [...path, key];
        out.push({ kind: 'required', path: '/' + p.join('/'), apply: (x) => delete (at(x, path) as S)[key] });
      }
    }
    for (const [key, sub] of Object.entries(props)) {
      if (!(key in data)) continue;
      const ps = resolve(defs, base, sub);
      if (!ps) continue;
      const p = [...path, key];
      if (Array.isArray(ps.enum) && ps.enum.every((x) => typeof x === 'string') && !out.some((m) => m.kind === 'enum')) {
        out.push({ kind: 'enum', path: '/' + p.join('/'), apply: (x) => ((at(x, path) as S)[key] = 'not-a-listed-value') });
      }
      const bad = wrongValue(ps.type);
      if (bad !== undefined && ps.const === undefined && !out.some((m) => m.kind === 'type')) {
        out.push({ kind: 'type', path: '/' + p.join('/'), apply: (x) => ((at(x, path) as S)[key] = bad) });
      }
      if (depth < 3 && isObj(data[key]) && (ps.type === 'object' || ps.properties)) walk(ps, data[key] as S, p, depth + 1);
    }
  };
  walk(root, payload, [], 0);
  return out;
}

function at(x: unknown, path: string[]): unknown {
  let cur = x;
  for (const k of path) cur = (cur as S)[k];
  return cur;
}

function pointer(x: unknown, p: string): unknown {
  return p === '' ? x : at(x, p.slice(1).split('/'));
}

const haveCorpus = corpusAvailable();
const entries: ManifestEntry[] = haveCorpus ? manifest() : [];

for (const version of versions()) {
  test(`v${version}: every reference example validates (except the documented known-bad ones)`, { skip: !haveCorpus && 'reference examples not committed yet' }, async () => {
    const { v } = await forVersion(version);
    const bad = knownBad(version);
    let checked = 0;
    const failures: string[] = [];
    const unexpectedPass: string[] = [];
    let badRejected = 0;
    for (const e of entries.filter((x) => x.version === version)) {
      const data = load(e);
      const r = route(v, e, data);
      if (!r) continue;
      const res = r.check(data);
      checked++;
      if (bad.has(e.file)) {
        if (res.valid) unexpectedPass.push(e.file);
        else badRejected++;
      } else if (!res.valid) failures.push(`${e.file} (${r.target}): ${res.message}`);
    }
    const all = entries.filter((x) => x.version === version).length;
    assert.equal(checked, all, `only ${checked} of ${all} v${version} examples could be routed to a validator`);
    assert.deepEqual(failures, [], `examples rejected:\n${failures.join('\n')}`);
    // a known-bad file that validates is the spec team's list to prune, not a validator defect
    console.log(`v${version}: ${checked} examples routed, ${checked - failures.length - badRejected} accepted, ${badRejected} known-bad rejected, ${unexpectedPass.length} known-bad accepted`);
  });

  test(`v${version}: mutated examples are rejected with the path of the mutation`, { skip: !haveCorpus && 'reference examples not committed yet' }, async () => {
    const { v, defs, base } = await forVersion(version);
    const bad = knownBad(version);
    const counts = { required: 0, type: 0, enum: 0 };
    const problems: string[] = [];
    for (const e of entries.filter((x) => x.version === version && !bad.has(x.file))) {
      const data = load(e);
      const r = route(v, e, data);
      if (!r || !r.schemaName || !r.check(data).valid) continue;
      const payload = pointer(data, r.payloadPointer);
      for (const m of mutations(defs, base, r.schemaName, payload)) {
        const copy = structuredClone(data);
        m.apply(pointer(copy, r.payloadPointer) as S);
        const res: ValidationResult = r.check(copy);
        const full = r.payloadPointer + m.path;
        if (res.valid) {
          problems.push(`${e.file}: ${m.kind} mutation at ${full} accepted`);
          continue;
        }
        if (!res.errors.some((i) => i.path === full || i.path === m.path)) {
          problems.push(`${e.file}: ${m.kind} mutation at ${full} reported at ${res.errors.map((i) => i.path).join(', ')}`);
          continue;
        }
        counts[m.kind]++;
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(counts.required > 5 && counts.type > 5, `too few mutations exercised: ${JSON.stringify(counts)}`);
    console.log(`v${version} mutations rejected: ${JSON.stringify(counts)}`);
  });
}

test('RTM frames dispatch on action and type', async () => {
  const { v } = await forVersion('3.3');
  assert.equal(v.validateRtmFrame({ action: 'chat_deactivated', type: 'push', payload: { chat_id: 'C', thread_id: 'T' } }).valid, true);
  const wrong = v.validateRtmFrame({ action: 'chat_deactivated', type: 'push', payload: { chat_id: 7, thread_id: 'T' } });
  assert.equal(wrong.valid, false);
  assert.deepEqual(
    wrong.valid ? [] : wrong.errors.map((e) => [e.path, e.expected, e.value]),
    [['/payload/chat_id', 'type string', 7]],
  );
  const unknownPush = v.validateRtmFrame({ action: 'no_such_push', type: 'push', payload: {} });
  assert.equal(unknownPush.valid, false);
  assert.equal(unknownPush.valid ? '' : unknownPush.errors[0]!.path, '/action');
  const err = v.validateRtmFrame({ action: 'login', type: 'response', success: false, payload: { error: { type: 'authentication', message: 'no' } } });
  assert.equal(err.valid, true);
  const req = v.validateRtmOutgoingFrame({ action: 'get_chat', payload: {} });
  assert.equal(req.valid, false);
  assert.equal(req.valid ? '' : req.errors[0]!.path, '/payload/chat_id');
  assert.match(req.valid ? '' : req.message, /\/payload\/chat_id: expected required property "chat_id", got nothing/);
});

test('event unions report the problem inside the matching branch, not every alternative', async () => {
  const { v } = await forVersion('3.3');
  const r = v.validateRtmRequest('send_event', { chat_id: 'C', event: { type: 'message', text: 5 } });
  assert.equal(r.valid, false);
  if (!r.valid) assert.ok(r.errors.some((e) => e.path === '/event/text' && e.expected === 'type string' && e.value === 5), r.message);
});

test('structures and unknown names', async () => {
  const { v } = await forVersion('3.3');
  assert.equal(v.validateStructure('Chat', { id: 'C' }).valid, false);
  assert.equal(v.validateStructure('Nope', {}).valid, false);
  assert.equal(v.validateWebRequest('no_method', {}).valid, false);
  assert.equal(v.validateWebRequest('list_chats', { sort_order: 'asc', limit: 5 }).valid, true);
  const e = v.validateWebRequest('list_chats', { limit: 500 });
  assert.equal(e.valid, false);
  if (!e.valid) assert.equal(e.errors[0]!.path, '/limit');
});

test('generated modules carry the banner and compile nothing at run time', () => {
  for (const version of versions()) {
    const src = readFileSync(join(repoRoot, 'packages', 'validators', 'src', `v${version}`, 'standalone.ts'), 'utf8');
    assert.ok(src.includes(`auto-generated by @ccapi/codegen from specs/v${version} — do not edit`));
    assert.ok(!/new Ajv|from "ajv"|require\(/.test(src), 'standalone module must not construct ajv');
  }
});
