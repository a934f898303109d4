// What a model of the next version reuses from the earlier one: parts whose sources differ only in
// what this model never reads (documentation keywords, extensions it does not know).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalise } from '../src/index.ts';
import { READ_EXTENSIONS, sameWire } from '../src/normalise.ts';

const S = { type: 'string' };
const doc = (edit: (d: any) => void = () => {}) => {
  const d: any = {
    openapi: '3.1.0', info: { title: 't', version: '1' },
    paths: {
      '/items': {
        post: {
          operationId: 'createItem', summary: 'Create an item', description: 'Makes one.', 'x-owner': 'team-a',
          requestBody: { content: { 'application/json': { schema: { type: 'object', description: 'The item.', properties: { name: S, description: { type: 'string', maxLength: 10 } }, example: { name: 'a' } } } } },
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } } },
        },
      },
    },
    components: { schemas: { Item: { type: 'object', description: 'An item.', properties: { id: S, tag: { type: 'string', enum: ['a', 'b'] } }, 'x-internal': true } } },
  };
  edit(d);
  return d;
};
const body = (d: any) => d.paths['/items'].post.requestBody.content['application/json'].schema;

test('sameWire passes over documentation and unread extensions where they are keywords, and nothing else', () => {
  const same = (edit: (d: any) => void) => sameWire(doc(), doc(edit));
  assert.equal(same((d) => { d.paths['/items'].post.description = 'Makes exactly one.'; }), true);
  assert.equal(same((d) => { body(d).example = { name: 'b' }; body(d).description = 'Another.'; }), true);
  assert.equal(same((d) => { d.paths['/items'].post['x-owner'] = 'team-b'; d.components.schemas.Item['x-internal'] = false; }), true);
  assert.equal(same((d) => { d.components.schemas.Item.externalDocs = { url: 'https://example.com' }; }), true);
  // a property called `description` is a schema, not prose
  assert.equal(same((d) => { body(d).properties.description.maxLength = 20; }), false);
  // what the model reads: the summary (an operation's title), extensions it knows, literal data
  assert.equal(same((d) => { d.paths['/items'].post.summary = 'Make an item'; }), false);
  assert.equal(same((d) => { d.components.schemas.Item.properties.tag['x-renamed-from'] = 'label'; }), false);
  assert.equal(same((d) => { d.components.schemas.Item.properties.tag.enum = ['a', 'c']; }), false);
  assert.equal(same((d) => { d.components.schemas.Item.properties.tag.description = 'x'; d.components.schemas.Item.properties.tag.enum = ['a']; }), false);
});

test('a revision that only rewrites documentation reuses the earlier model\'s operations and fields; a real change beside it is still read', () => {
  const base = normalise(doc(), 'openapi');
  const prose = normalise(doc((d) => { d.paths['/items'].post.description = 'Reworded.'; body(d).description = 'Reworded.'; d.components.schemas.Item.description = 'Reworded.'; }), 'openapi', { reuse: base });
  assert.equal(prose.operations['POST /items'], base.operations['POST /items']);
  assert.equal(prose.schemas!.Item, base.schemas!.Item);
  const real = normalise(doc((d) => { d.paths['/items'].post.description = 'Reworded.'; body(d).properties.name = { type: 'string', maxLength: 5 }; }), 'openapi', { reuse: base });
  assert.notEqual(real.operations['POST /items'], base.operations['POST /items']);
  assert.equal(real.operations['POST /items'].request.name.limits.maxLength, 5);
});

test('every specification extension this package reads is listed in READ_EXTENSIONS (reuse passes over the others)', () => {
  const src = join(import.meta.dirname, '..', 'src');
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const read = new Set<string>();
  for (const f of files) for (const m of readFileSync(join(src, f), 'utf8').matchAll(/['"](x-[a-z][a-z0-9-]*)['"]/gi)) read.add(m[1]);
  assert.ok(read.size >= 3, `found ${[...read]}`);
  for (const x of read) assert.ok(READ_EXTENSIONS.has(x), `${x} is read in src/ but not listed in READ_EXTENSIONS`);
});
