import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LIMITS, readSource } from '../src/index.js';

function read(text: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'merge-')), 'spec.yaml');
  writeFileSync(file, text);
  return readSource(file);
}
const value = (text: string) => {
  const r = read(text);
  assert.deepEqual(r.diagnostics, []);
  return r.source!.value as Record<string, Record<string, unknown>>;
};

test('a `<<` key merges a mapping: keys written in the mapping win wherever they stand, merged values are shared', () => {
  const v = value(['base: &b {type: object, description: base, properties: {id: {type: string}}}', 'before: {description: own, <<: *b}', 'after: {<<: *b, description: own}', ''].join('\n'));
  for (const k of ['before', 'after']) {
    assert.equal(v[k].description, 'own', k);
    assert.equal(v[k].type, 'object', k);
    assert.equal(v[k].properties, v.base.properties, `${k}: the merged value is the anchored one, not a copy`);
    assert.ok(!('<<' in v[k]), `${k}: no key named <<`);
  }
});

test('a list of mappings merges with the earlier ones first, as YAML 1.1 says', () => {
  const v = value(['a: &a {x: 1, y: 1}', 'b: &b {y: 2, z: 2}', 'm: {<<: [*a, *b], z: 3}', 'n: {<<: [*b, *a]}', ''].join('\n'));
  assert.deepEqual(v.m, { x: 1, y: 1, z: 3 });
  assert.deepEqual(v.n, { y: 2, z: 2, x: 1 });
});

test('block style, nested merges and a merge inside a merged mapping', () => {
  const v = value(['x-props: &p', '  name: {type: string}', 'x-base: &base', '  type: object', '  properties: &props', '    <<: *p', '    id: {type: integer}', 'S:', '  <<: *base', '  required: [id]', ''].join('\n'));
  assert.deepEqual(Object.keys(v.S.properties as object).sort(), ['id', 'name']);
  assert.deepEqual(v.S.required, ['id']);
});

test('a quoted "<<" is a key like any other', () => {
  const v = value('a: &a {x: 1}\nm: {"<<": *a}\n');
  assert.deepEqual(v.m, { '<<': { x: 1 } });
});

test('a merge of a scalar, a merge of itself and two `<<` keys are refused with their place', () => {
  for (const [text, code, line] of [
    ['s: &s text\nm:\n  <<: *s\n', 'yaml-merge', 3],
    ['m: {<<: [{x: 1}, 2]}\n', 'yaml-merge', 1],
    ['m: &m\n  x: 1\n  <<: *m\n', 'yaml-alias', 3],
    ['a: &a {x: 1}\nm:\n  <<: *a\n  <<: *a\n', 'duplicate-key', 4],
  ] as const) {
    const r = read(text);
    assert.equal(r.source, undefined, text);
    assert.equal(r.diagnostics[0]?.code, code, `${text}: ${JSON.stringify(r.diagnostics)}`);
    assert.equal(r.diagnostics[0]?.line, line, text);
    assert.ok(r.diagnostics[0]?.hint, text);
  }
});

test('a pointer into a merged key is located where the merged mapping writes it', () => {
  const r = read(['x-base: &base', '  type: object', '  properties:', '    id: {type: string}', 'S:', '  <<: *base', '  description: s', ''].join('\n'));
  assert.deepEqual(r.source!.locate('#/S/description'), { line: 7, column: 3 });
  assert.deepEqual(r.source!.locate('#/S/properties/id'), { line: 4, column: 5 });
});

test('merges that copy too many keys are refused at the limit, in linear time', () => {
  // 10,000 keys merged into 300 mappings: 3,000,000 copies, over the budget of copies
  const keys = Array.from({ length: LIMITS.keysPerMapping }, (_, i) => `k${i}: ${i}`).join(', ');
  const text = `big: &big {${keys}}\n` + Array.from({ length: 300 }, (_, i) => `m${i}: {<<: *big}`).join('\n') + '\n';
  const t0 = performance.now();
  const r = read(text);
  const ms = performance.now() - t0;
  assert.equal(r.diagnostics[0]?.code, 'yaml-alias', JSON.stringify(r.diagnostics));
  assert.match(r.diagnostics[0].message, new RegExp(`limit ${LIMITS.mergedKeys}\\)`));
  assert.equal(r.diagnostics[0].line, 12, 'the merge that crossed the budget');
  // a generous bound (the old quadratic path took 30 s on 104 KB): only a super-linear regression trips it
  assert.ok(ms < 15_000, `${ms} ms`);
});

test('a DAG of merges locates a missing key without exploring every path', () => {
  let text = 'l0: &l0 {a: 1}\n';
  for (let i = 1; i <= 40; i++) text += `l${i}: &l${i} {<<: [*l${i - 1}, *l${i - 1}]}\n`.replace(`[*l${i - 1}, *l${i - 1}]`, i > 1 ? `[*l${i - 1}, *l${i - 2}]` : `[*l0]`);
  const r = read(text);
  assert.deepEqual(r.diagnostics, []);
  assert.equal((r.source!.value as Record<string, Record<string, unknown>>).l40.a, 1);
  const t0 = performance.now();
  assert.deepEqual(r.source!.locate('#/l40/a'), { line: 1, column: 10 });
  r.source!.locate('#/l40/missing');
  assert.ok(performance.now() - t0 < 5_000);
});
