/**
 * Unions tagged by `type` are dispatched on it (ajv `discriminator`, added by codegen): a bad value is reported
 * against the one branch its `type` names, not with the missing fields of every other branch.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Validators } from '../src/runtime.js';
import { repoRoot, versions } from './corpus.js';

type S = Record<string, unknown>;
const isObj = (x: unknown): x is S => typeof x === 'object' && x !== null && !Array.isArray(x);

async function load(version: string) {
  const mod = (await import(`../src/v${version}/index.js`)) as { validators: Validators };
  const json = JSON.parse(readFileSync(join(repoRoot, 'packages', 'validators', 'src', `v${version}`, 'schemas.json'), 'utf8')) as { base: string; definitions: Record<string, S> };
  return { v: mod.validators, defs: json.definitions, base: json.base };
}

/** Minimal valid member of each event type, per the Event union of the version (built from its schemas). */
function required(defs: Record<string, S>, base: string, name: string): string[] {
  return ((defs[name]?.required as string[]) ?? []).slice();
}

for (const version of versions()) {
  test(`v${version}: every union of structures is tagged by a required \`type\` const/enum (ajv's discriminator rules)`, async () => {
    const { defs, base } = await load(version);
    for (const union of ['Event', 'EventInput', 'User']) {
      const oneOf = defs[union]?.oneOf;
      assert.ok(Array.isArray(oneOf), `v${version} ${union} is a oneOf`);
      const tags = new Set<string>();
      for (const b of oneOf as S[]) {
        const name = String(b.$ref).slice(base.length);
        const sch = defs[name]!;
        const prop = (sch.properties as S | undefined)?.type as S | undefined;
        assert.ok(isObj(prop), `v${version} ${union} > ${name} has properties.type`);
        assert.ok((sch.required as string[] | undefined)?.includes('type'), `v${version} ${union} > ${name} requires type`);
        const values = 'const' in prop ? [prop.const] : (prop.enum as unknown[] | undefined) ?? [];
        assert.ok(values.length > 0, `v${version} ${union} > ${name}: type has const or enum`);
        for (const t of values) {
          assert.ok(typeof t === 'string' && !tags.has(t), `v${version} ${union}: tag ${String(t)} is a unique string`);
          tags.add(t);
        }
      }
    }
  });

  test(`v${version}: a bad event is reported against the branch its type names only`, async () => {
    const { v, defs, base } = await load(version);
    const branches = ((defs.Event!.oneOf as S[]) ?? []).map((b) => String(b.$ref).slice(base.length));
    const message = branches.find((n) => ((defs[n]!.properties as S).type as S).const === 'message')!;
    const needed = required(defs, base, message).filter((k) => k !== 'type');
    assert.ok(needed.includes('text'), `v${version} Message requires text`);
    // a message without `text`: every other required field is there
    const value: S = { type: 'message' };
    for (const k of needed) if (k !== 'text') value[k] = k === 'created_at' ? (version === '3.0' ? 1 : '2020-01-01T00:00:00.000000Z') : 'x';
    const r = v.validateStructure('Event', value);
    assert.equal(r.valid, false);
    if (r.valid) return;
    assert.deepEqual(
      r.errors.map((e) => [e.path, e.expected]),
      [['/text', 'required property "text"']],
      `v${version}: ${r.message}`,
    );
    // the fields other branches need are not mentioned
    for (const other of ['url', 'template_id', 'form_id', 'elements', 'content']) assert.ok(!r.message.includes(`"${other}"`), r.message);
    // an unknown type names the tag, not the fields of every branch
    const u = v.validateStructure('Event', { ...value, type: 'no_such_event' });
    assert.equal(u.valid, false);
    if (!u.valid) assert.deepEqual(u.errors.map((e) => [e.path, e.keyword]), [['/type', 'discriminator']], u.message);
    // a missing tag is reported where it belongs
    const { type: _t, ...untagged } = value;
    const m = v.validateStructure('Event', untagged);
    assert.equal(m.valid, false);
    if (!m.valid) assert.deepEqual(m.errors.map((e) => [e.path, e.expected]), [['/type', 'required property "type"']], m.message);
    // a value that is no object at all is still refused (ajv's discriminator only looks at objects)
    for (const notObject of [42, 'message', null, [value]]) assert.equal(v.validateStructure('Event', notObject).valid, false, JSON.stringify(notObject));
  });
}
