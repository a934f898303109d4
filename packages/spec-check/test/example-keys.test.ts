/**
 * Every key of every reference example (committed copy in reference/examples) is named by the schema it belongs
 * to in the bundled documents of its version. Validation cannot see a forgotten field (our objects are open), so
 * this walks the example alongside the schema (src/keys.ts). Keys left out on purpose are the `keys` of the
 * example's entry in specs/v3.x/known-example-errors.yaml, held exact so the list cannot rot.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadManifest, readExample, targetOf } from '../src/examples.ts';
import { missingKeys } from '../src/keys.ts';
import { loadKnownExamples } from '../src/known.ts';
import { generatedVersions, loadGenerated } from '../src/load.ts';

const manifest = loadManifest();
const versions = generatedVersions();

function countKeys(x: unknown): number {
  if (!x || typeof x !== 'object') return 0;
  const vals = Object.values(x as object);
  return (Array.isArray(x) ? 0 : vals.length) + vals.reduce((n: number, v) => n + countKeys(v), 0);
}

for (const v of versions) {
  test(`v${v}: every key of the reference examples is in its schema`, () => {
    const docs = loadGenerated(v);
    const known = loadKnownExamples(v);
    const problems: string[] = [];
    let examples = 0;
    let keys = 0;
    let waived = 0;
    for (const e of manifest.files.filter((f) => f.version === v)) {
      const target = targetOf(e, docs);
      if (typeof target === 'string') continue; // reported by examples.test.ts
      const value = readExample(e);
      const missing = missingKeys(docs[target.protocol], { $ref: target.pointer }, value);
      const expected = known.get(e.file)?.keys ?? [];
      examples++;
      keys += countKeys(value);
      waived += expected.length;
      const extra = missing.filter((k) => !expected.includes(k));
      const stale = expected.filter((k) => !missing.includes(k));
      if (extra.length) problems.push(`${e.file}: not in ${target.protocol}${target.pointer}: ${extra.join(', ')}`);
      if (stale.length) problems.push(`${e.file}: known-example-errors.yaml lists keys the schema now has: ${stale.join(', ')}`);
    }
    console.log(`v${v}: ${examples} examples, ${keys} keys walked, ${waived} left out on purpose (known-example-errors.yaml)`);
    assert.ok(examples > 0);
    assert.deepEqual(problems, []);
  });
}

// The walker itself, on a hand-made document: each case changes one thing.
const doc = {
  components: {
    schemas: {
      Message: { type: 'object', properties: { type: { const: 'message' }, text: { type: 'string' } } },
      File: { type: 'object', properties: { type: { const: 'file' }, url: { type: 'string' } } },
      Event: { oneOf: [{ $ref: '#/components/schemas/Message' }, { $ref: '#/components/schemas/File' }] },
      Chat: {
        allOf: [{ type: 'object', properties: { id: { type: 'string' } } }],
        properties: {
          events: { type: 'array', items: { $ref: '#/components/schemas/Event' } },
          properties: { type: 'object', additionalProperties: { type: 'object', additionalProperties: true } },
          tags: { type: 'object', additionalProperties: { type: 'string' } },
          people: { type: 'object', additionalProperties: { type: 'object', properties: { name: { type: 'string' } } } },
          opaque: { type: 'object' },
          anything: { description: 'any JSON value' },
        },
      },
    },
  },
};
const chat = { $ref: '#/components/schemas/Chat' };

test('missingKeys: a fully described value has no missing key', () => {
  const value = { id: 'c', events: [{ type: 'message', text: 'hi' }, { type: 'file', url: 'u' }], properties: { ns: { a: { deep: 1 } } }, tags: { x: 'y' }, anything: { z: 1 } };
  assert.deepEqual(missingKeys(doc, chat, value), []);
});

test('missingKeys: an unknown key is reported with its path, at any depth', () => {
  assert.deepEqual(missingKeys(doc, chat, { id: 'c', colour: 'red' }), ['colour']);
  assert.deepEqual(missingKeys(doc, chat, { events: [{ type: 'message', text: 'hi', extra: 1 }] }), ['events[].extra']);
});

test('missingKeys: a union branch is picked by `type`, so another branch does not excuse a key', () => {
  // `url` belongs to File, not to Message
  assert.deepEqual(missingKeys(doc, chat, { events: [{ type: 'message', url: 'u' }] }), ['events[].url']);
});

test('missingKeys: a map value schema is walked; an object without properties is not a map', () => {
  assert.deepEqual(missingKeys(doc, chat, { tags: { x: 'y' }, people: { bob: { name: 'Bob' } } }), []);
  assert.deepEqual(missingKeys(doc, chat, { people: { bob: { name: 'Bob', age: 3 } } }), ['people.bob.age']);
  assert.deepEqual(missingKeys(doc, chat, { opaque: { k: 1 } }), ['opaque.k']);
});

test('missingKeys: placeholder keys (`<version>`) are not fields', () => {
  assert.deepEqual(missingKeys(doc, chat, { '<anything>': 1 }), []);
});
