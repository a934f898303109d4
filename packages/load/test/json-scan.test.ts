import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure, scanRefs } from '../src/index.js';
import { expandedSize } from '../src/read.js';
import { countJsonStrings, jsonTreeFacts, scanJsonText } from '../src/json-keys.js';

/** A small deterministic generator (no dependency, same cases every run). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const TRICKY = ['', ',', '[', '{}', '"', '\\', 'a,b]', '\\"x\\",', '\u00e9,{'];

function gen(r: () => number, depth: number): unknown {
  const pick = r();
  if (depth > 4 || pick < 0.35) {
    const s = r();
    return s < 0.3 ? Math.floor(r() * 100) : s < 0.6 ? TRICKY[Math.floor(r() * TRICKY.length)] : s < 0.8 ? null : r() < 0.5;
  }
  const n = Math.floor(r() * 5); // 0: an empty container
  if (pick < 0.65) return Array.from({ length: n }, () => gen(r, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) o[`${TRICKY[i % TRICKY.length]}k${i}`] = gen(r, depth + 1);
  return o;
}

function empties(v: unknown): number {
  if (!v || typeof v !== 'object') return 0;
  const children = Object.values(v);
  return (children.length === 0 ? 1 : 0) + children.reduce((n: number, c) => n + empties(c), 0);
}

test('scanJsonText: `values` bounds the parsed tree (the expansion check skips its measure on it)', () => {
  for (let seed = 1; seed <= 400; seed++) {
    const r = rng(seed);
    const value = gen(r, 0);
    for (const text of [JSON.stringify(value), JSON.stringify(value, null, 2)]) {
      const scan = scanJsonText(text);
      const size = measure(JSON.parse(text)).size;
      assert.ok(scan.values >= size, `seed ${seed}: ${scan.values} < ${size} for ${text}`);
      // exact but for empty containers, each counted once more (1 + commas + brackets)
      assert.equal(scan.values, size + empties(JSON.parse(text)), `seed ${seed}`);
    }
  }
});

/** JSON text written directly, so an object can repeat a key (JSON.stringify never would). */
function genText(r: () => number, depth: number, dup: { left: number }, pretty: boolean): string {
  const pick = r();
  if (depth > 4 || pick < 0.35) {
    const s = r();
    return s < 0.3 ? String(Math.floor(r() * 100)) : s < 0.6 ? JSON.stringify(TRICKY[Math.floor(r() * TRICKY.length)]) : s < 0.8 ? 'null' : String(r() < 0.5);
  }
  const n = Math.floor(r() * 5);
  const sep = pretty ? ',\n' + '  '.repeat(depth + 1) : ',';
  if (pick < 0.65) return `[${Array.from({ length: n }, () => genText(r, depth + 1, dup, pretty)).join(sep)}]`;
  const keys = Array.from({ length: n }, (_, i) => `${TRICKY[i % TRICKY.length]}k${i}`);
  // now and then a key comes back (possibly with a scalar value, the case with fewest strings lost)
  if (n && dup.left > 0 && r() < 0.3) { keys.push(keys[Math.floor(r() * n)]); dup.left--; }
  return `{${keys.map((k) => `${JSON.stringify(k)}${pretty ? ': ' : ':'}${r() < 0.5 ? '0' : genText(r, depth + 1, dup, pretty)}`).join(sep)}}`;
}

test('duplicate keys are seen by counting strings (text vs tree) exactly when the text scan finds one; the walk agrees with the scan on nesting, keys and values', () => {
  let withDuplicate = 0;
  for (let seed = 1; seed <= 2000; seed++) {
    const r = rng(seed);
    const text = genText(r, 0, { left: seed % 2 }, seed % 3 === 0);
    const scan = scanJsonText(text);
    const value = JSON.parse(text);
    const facts = jsonTreeFacts(value);
    assert.equal(facts.strings !== countJsonStrings(text), scan.duplicate !== undefined, `seed ${seed}: ${text}`);
    if (scan.duplicate) { withDuplicate++; continue; }
    assert.equal(facts.maxNesting, scan.maxNesting, `seed ${seed}`);
    assert.equal(facts.maxKeys, scan.maxKeys, `seed ${seed}`);
    assert.equal(facts.values, measure(value).size, `seed ${seed}`);
  }
  assert.ok(withDuplicate > 200, `only ${withDuplicate} cases with a duplicate key`);
});

test('countJsonStrings: escaped quotes and escaped backslashes before a closing quote', () => {
  for (const v of ['a"b', 'a\\', '\\"', '"', '\\\\"x"', '', { '"': ['\\'] }]) {
    const text = JSON.stringify({ k: v });
    assert.equal(countJsonStrings(text), jsonTreeFacts(JSON.parse(text)).strings, text);
  }
});

test('a document whose refs all name schemas is still refused when its own values exceed the expansion budget', () => {
  const dir = mkdtempSync(join(tmpdir(), 'load-scan-'));
  const file = join(dir, 'big.json');
  const doc = {
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: {},
    components: { schemas: { A: { type: 'object', example: new Array(1_000_001).fill(0) }, B: { $ref: '#/components/schemas/A' } } },
  };
  writeFileSync(file, JSON.stringify(doc));
  const scan = scanRefs(file);
  assert.deepEqual(
    scan.diagnostics.map((d) => d.code),
    ['ref-expansion-too-large'],
  );
});

test('refs to named schemas are never inlined, so a DAG of them that would be 2^40 values inlined loads (Stripe-like); the same through unnamed refs is refused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dag-'));
  const named: Record<string, unknown> = { S40: { type: 'string' } };
  const unnamed: Record<string, unknown> = { S40: { type: 'string' } };
  for (let i = 39; i >= 0; i--) {
    named[`S${i}`] = { type: 'object', properties: { a: { $ref: `#/components/schemas/S${i + 1}` }, b: { $ref: `#/components/schemas/S${i + 1}` } } };
    // a ref to a part of a schema (not a named schema) is inlined by the model: this one doubles at each level
    unnamed[`S${i}`] = { type: 'object', properties: { a: { $ref: `#/components/schemas/S${i + 1}/properties` }, b: { $ref: `#/components/schemas/S${i + 1}/properties` } } };
  }
  unnamed.S40 = { type: 'object', properties: { x: { type: 'string' } } };
  const doc = (schemas: unknown) => JSON.stringify({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {}, components: { schemas } });
  writeFileSync(join(dir, 'named.json'), doc(named));
  writeFileSync(join(dir, 'unnamed.json'), doc(unnamed));
  assert.deepEqual(scanRefs(join(dir, 'named.json')).diagnostics.filter((d) => d.severity === 'error'), []);
  assert.ok(scanRefs(join(dir, 'unnamed.json')).diagnostics.some((d) => d.code === 'ref-expansion-too-large'));
});

test('expandedSize: the size `measure` gives, remembering only ref targets (random trees with refs, shared targets and cycles)', () => {
  for (let seed = 1; seed <= 600; seed++) {
    const r = rng(seed);
    const value = gen(r, 0);
    if (!value || typeof value !== 'object') continue;
    // every object of the tree, in document order
    const all: object[] = [];
    const walk = (v: unknown) => { if (v && typeof v === 'object') { all.push(v); for (const c of Object.values(v)) walk(c); } };
    walk(value);
    // a few objects become refs to random objects (ancestors too: cycles), some as named schemas (not followed)
    const edges = new Map<object, { to: object; named: boolean }>();
    for (const o of all) if (!Array.isArray(o) && r() < 0.3) edges.set(o, { to: all[Math.floor(r() * all.length)], named: r() < 0.3 });
    const children = (o: object): unknown[] => {
      const e = edges.get(o);
      if (!e) return Object.values(o);
      return e.named ? [] : [e.to, ...Object.values(o)];
    };
    const targets = new Set([...edges.values()].map((e) => e.to));
    assert.equal(expandedSize(value, children, (o) => targets.has(o)), measure(value, children).size, `seed ${seed}`);
  }
});

test('hasBadShape (run on every object) says yes exactly when badShapes (which builds the diagnostics) finds a keyword of the wrong type', async () => {
  const { badShapes, hasBadShape } = await import('../src/keywords.js');
  const values: unknown[] = [null, true, 0, 'string', [], ['a'], {}, { type: 'string' }, undefined];
  const keys = ['items', 'properties', 'required', 'allOf', 'oneOf', 'anyOf', 'type'];
  let seed = 7;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
  let bad = 0;
  for (let i = 0; i < 3000; i++) {
    const o: Record<string, unknown> = {};
    for (const k of keys) if (rnd(3) === 0) { const v = values[rnd(values.length)]; if (v !== undefined) o[k] = v; }
    const expected = badShapes(o).length > 0;
    if (expected) bad++;
    assert.equal(hasBadShape(o, 'keywords'), expected, JSON.stringify(o));
    assert.equal(hasBadShape(o, 'names'), false);
  }
  assert.ok(bad > 500 && bad < 2900, `${bad} of 3000 generated objects are bad`);
});
