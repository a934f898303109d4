import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSpec } from '../src/index.js';

/** An OpenAPI 3.1 document whose one response schema is `res`, with `schemas` as components. */
function spec(res: unknown, schemas: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'anchors-'));
  const file = join(dir, 'spec.json');
  writeFileSync(file, JSON.stringify({
    openapi: '3.1.0', info: { title: 't', version: '1' },
    paths: { '/x': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: res } } } } } } },
    components: { schemas },
  }, null, 1));
  return file;
}
const responseSchema = (doc: any) => doc.paths['/x'].get.responses['200'].content['application/json'].schema;

test('a $ref to an $anchor, to a schema\'s $id and to draft-07\'s `$id: #name` reads as the JSON pointer of that schema', async () => {
  for (const [ref, schemas, want] of [
    ['#unit', { Unit: { $anchor: 'unit', type: 'string' } }, '#/components/schemas/Unit'],
    ['https://example.com/schemas/unit', { Unit: { $id: 'https://example.com/schemas/unit', type: 'string' } }, '#/components/schemas/Unit'],
    ['https://example.com/schemas/unit#/properties/code', { Unit: { $id: 'https://example.com/schemas/unit', type: 'object', properties: { code: { type: 'string' } } } }, '#/components/schemas/Unit/properties/code'],
    ['https://example.com/schemas/unit#code', { Unit: { $id: 'https://example.com/schemas/unit', type: 'object', properties: { code: { $anchor: 'code', type: 'string' } } } }, '#/components/schemas/Unit/properties/code'],
    ['#legacy', { Unit: { $id: '#legacy', type: 'string' } }, '#/components/schemas/Unit'],
    ['#dyn', { Unit: { $dynamicAnchor: 'dyn', type: 'string' } }, '#/components/schemas/Unit'],
  ] as const) {
    const r = await loadSpec(spec({ $ref: ref }, schemas));
    assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), [], ref);
    assert.equal(responseSchema(r.document).$ref, want, ref);
  }
});

test('inside a schema with its own $id, a pointer ref resolves within that schema; outside, within the file', async () => {
  const r = await loadSpec(spec({ $ref: '#/components/schemas/Box' }, {
    Box: { $id: 'https://example.com/box', type: 'object', properties: { inner: { $ref: '#/$defs/inner' }, outer: { $ref: 'https://example.com/box#/$defs/inner' } }, $defs: { inner: { type: 'integer' } } },
  }));
  assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), []);
  const box = (r.document as any).components.schemas.Box;
  assert.equal(box.properties.inner.$ref, '#/components/schemas/Box/$defs/inner');
  assert.equal(box.properties.outer.$ref, '#/components/schemas/Box/$defs/inner');
  assert.equal(responseSchema(r.document).$ref, '#/components/schemas/Box');
});

test('an anchor no schema declares, and a URL no $id names, are errors that say so (nothing is fetched)', async () => {
  const missing = await loadSpec(spec({ $ref: '#nope' }, { Unit: { $anchor: 'unit', type: 'string' } }));
  const e = missing.diagnostics.find((d) => d.code === 'ref-unresolved');
  assert.ok(e, JSON.stringify(missing.diagnostics));
  assert.match(e!.message, /\$anchor "nope"/);
  assert.ok(e!.line && e!.hint);
  const remote = await loadSpec(spec({ $ref: 'https://example.com/schemas/other' }, { Unit: { $id: 'https://example.com/schemas/unit', type: 'string' } }));
  assert.equal(remote.diagnostics.find((d) => d.severity === 'error')?.code, 'ref-remote');
});

test('`$id` and `$anchor` that are property names or example data name no schema', async () => {
  const r = await loadSpec(spec({ $ref: '#unit' }, {
    Doc: { type: 'object', properties: { $anchor: { type: 'string' }, $id: { type: 'string' } }, example: { $anchor: 'unit', $id: 'https://example.com/u' } },
  }));
  assert.equal(r.diagnostics.find((d) => d.severity === 'error')?.code, 'ref-unresolved');
});
