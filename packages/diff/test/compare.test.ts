// Table-driven checks of the structural compare on small in-memory documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { modelOf } from '@ccapi/model';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffModels, diffPaths } from '../src/diff.ts';
import { annotateAffects, groupFrameFields } from '../src/affects.ts';

const api = (res: unknown, req: unknown = { type: 'object' }, schemas: Record<string, unknown> = {}) => ({
  openapi: '3.1.0', info: { title: 't', version: '1' },
  paths: { '/x': { post: { operationId: 'x', requestBody: { content: { 'application/json': { schema: req } } }, responses: { '200': { description: 'ok', content: { 'application/json': { schema: res } } } } } } },
  components: { schemas },
});
/** `api()` whose path item lists its own server, with a `region` variable. */
function withPathServers(region: unknown) {
  const doc: any = api({ type: 'object' });
  doc.paths['/x'].servers = [{ url: 'https://{region}.api.example.com', variables: { region } }];
  return doc;
}
const obj = (properties: Record<string, unknown>, required?: string[]) => ({ type: 'object', properties, ...(required ? { required } : {}) });
/** AsyncAPI 2.6: two messages clients publish share one headers schema (`asPayload`: a pushed message's payload is that schema too). */
function sentHeaders(required: string[], asPayload = false) {
  const message = (name: string) => ({ name, headers: { $ref: '#/components/schemas/ClientHeaders' }, payload: { type: 'object', properties: { text: { type: 'string' } } } });
  return {
    asyncapi: '2.6.0', info: { title: 't', version: '1' },
    channels: {
      posts: { publish: { operationId: 'post', message: message('post') } },
      presence: { publish: { operationId: 'presence', message: message('presence') } },
      ...(asPayload ? { echo: { subscribe: { operationId: 'echo', message: { payload: { $ref: '#/components/schemas/ClientHeaders' } } } } } : {}),
    },
    components: { schemas: { ClientHeaders: { type: 'object', properties: { 'x-client-id': { type: 'string' } }, ...(required.length ? { required } : {}) } } },
  };
}
const S = { type: 'string' };

const cases: Array<[string, { base: unknown; revision: unknown; want: string[] }]> = [
  ['fields un-nested from a referenced structure: the wrapper went away (one finding, not a move per field nor a removed structure)', {
    base: api(obj({ user: { $ref: '#/components/schemas/User' } }), undefined, { User: obj({ name: S, email: S }) }),
    revision: api(obj({ name: S, email: S }), undefined, { User: obj({ name: S, email: S }) }),
    want: ['fields-unwrapped:user'],
  }],
  ['a declared rename whose old field sat in a wrapper that went away (referenced and inline)', {
    base: api(obj({ w: { $ref: '#/components/schemas/W' } }), obj({ args: obj({ id: S, ts: { type: 'integer' } }) }), { W: obj({ id: S, ts: { type: 'integer' } }) }),
    revision: api(obj({ id: S, seen: { type: 'string', 'x-renamed-from': 'ts' } }), obj({ id: S, seen: { type: 'string', 'x-renamed-from': 'ts' } })),
    want: ['fields-unwrapped:args', 'fields-unwrapped:w', 'field-renamed:seen', 'field-renamed:seen', 'request-field-type-changed:seen', 'response-field-type-changed:seen'].sort(),
  }],
  ['a field moved up out of an object that stays is a move, not an unwrap', {
    base: api(obj({ user: obj({ name: S, email: S }) })),
    revision: api(obj({ user: obj({ email: S }), name: S })),
    want: ['field-moved:name'],
  }],
  ['a similar same-typed sibling is a possible rename', {
    base: api(obj({ image_url: S })), revision: api(obj({ image_uri: S })),
    want: ['field-possibly-renamed:image_uri'],
  }],
  ['a structure used in requests and responses keeps the worse verdict', {
    base: api(obj({ a: { $ref: '#/components/schemas/T' } }), obj({ a: { $ref: '#/components/schemas/T' } }), { T: obj({ k: { type: 'string', enum: ['p'] } }) }),
    revision: api(obj({ a: { $ref: '#/components/schemas/T' } }), obj({ a: { $ref: '#/components/schemas/T' } }), { T: obj({ k: { type: 'string', enum: ['p', 'q'] } }) }),
    want: ['response-enum-value-added:k'],
  }],
  ['unrelated names are not renames', {
    base: api(obj({ size: S })), revision: api(obj({ colour: S })),
    want: ['response-field-added:colour', 'response-optional-field-removed:size'],
  }],  // OpenAPI: no `servers` (or an empty list) is one server at `/`
  ['`type: string` in a propertyNames schema says nothing (keys are strings), and a schema left empty constrains no key', {
    base: api(obj({}), obj({ m: { type: 'object', additionalProperties: S }, n: { type: 'object', additionalProperties: S, propertyNames: { maxLength: 8 } } })),
    revision: api(obj({}), obj({ m: { type: 'object', additionalProperties: S, propertyNames: { type: 'string' } }, n: { type: 'object', additionalProperties: S, propertyNames: { type: 'string', maxLength: 8 } } })),
    want: [],
  }],
  ['a headers schema shared by the messages a client sends is no data structure: a header made optional is told once, on the messages, as a request widened', {
    base: sentHeaders(['x-client-id']), revision: sentHeaders([]),
    want: ['request-field-became-optional:header:x-client-id', 'request-field-became-optional:header:x-client-id'],
  }],
  ['a headers schema also used as a payload stays a data structure', {
    base: sentHeaders(['x-client-id'], true), revision: sentHeaders([], true),
    want: ['request-field-became-optional:header:x-client-id', 'request-field-became-optional:header:x-client-id', 'response-field-became-optional:x-client-id'],
  }],
  ['an enum that pins the values: a response status narrowed from 100..599 to codes inside it, and `format: uri` dropped beside the same URIs, admit no new value', {
    base: api(obj({ status: { type: 'integer', minimum: 100, maximum: 599 }, type: { type: 'string', format: 'uri', enum: ['https://e.x/a', 'https://e.x/b'] } })),
    revision: api(obj({ status: { type: 'integer', enum: [200, 207, 409, 500] }, type: { type: 'string', enum: ['https://e.x/b', 'https://e.x/a'] } })),
    want: ['response-field-became-enum:status'],
  }],
  ['an enum that lets a value through a bound dropped beside it: the bound is told', {
    base: api(obj({ status: { type: 'integer', minimum: 100, maximum: 599 } })),
    revision: api(obj({ status: { type: 'integer', enum: [200, 700] } })),
    want: ['response-field-became-enum:status', 'response-limit-relaxed:status'],
  }],
  ['a request pattern tightened beside an enum whose values all still match it: no value refused', {
    base: api(obj({}), obj({ code: { type: 'string', enum: ['ab', 'cd'] } })),
    revision: api(obj({}), obj({ code: { type: 'string', enum: ['ab', 'cd'], pattern: '^[a-z]{2}$', maxLength: 2 } })),
    want: [],
  }],
  ['a server at `/` written out or dropped is no change', {
    base: { ...api(obj({ a: S })), servers: [{ url: '/' }] }, revision: { ...api(obj({ a: S })), servers: [] },
    want: [],
  }],
  ['a server at `/` dropped: no servers is that server', {
    base: { ...api(obj({ a: S })), servers: [{ url: '/' }] }, revision: api(obj({ a: S })),
    want: [],
  }],
  ['a path item\'s own server loses a variable value: told for the operation', {
    base: withPathServers({ default: 'eu', enum: ['eu', 'us', 'ap'] }), revision: withPathServers({ default: 'eu', enum: ['eu', 'us'] }),
    want: ['server-changed:https://{region}.api.example.com'],
  }],
  // Stripe's `metadata`: a map or `""`; its map values sit in an alternative, not under the union
  ['a union of a map and a scalar reduced to the map: only the scalar alternative is gone (request)', {
    base: api({ type: 'object' }, obj({ m: { anyOf: [{ type: 'object', additionalProperties: S }, { type: 'string', enum: [''] }] } })),
    revision: api({ type: 'object' }, obj({ m: { anyOf: [{ type: 'object', additionalProperties: S }] } })),
    want: ['request-variant-removed:m'],
  }],
  ['a map that became a union of itself and a scalar: one alternative more (response), its values unchanged', {
    base: api(obj({ m: { type: 'object', additionalProperties: S } })),
    revision: api(obj({ m: { anyOf: [{ type: 'object', additionalProperties: S }, { type: 'string', enum: [''] }] } })),
    want: ['field-wrapped-in-one-of:m'],
  }],
  ['an array that became a union of itself and a scalar keeps its items (request, widens)', {
    base: api({ type: 'object' }, obj({ l: { type: 'array', items: S } })),
    revision: api({ type: 'object' }, obj({ l: { oneOf: [{ type: 'array', items: S }, { type: 'string', enum: [''] }] } })),
    want: ['request-field-widened-to-union:l'],
  }],
  ['a union of an object and a scalar reduced to the object: its properties keep their required flags', {
    base: api(obj({ m: { anyOf: [obj({ a: S }, ['a']), { type: 'string', enum: [''] }] } }), obj({ m: { anyOf: [obj({ a: S }, ['a']), { type: 'string', enum: [''] }] } })),
    revision: api(obj({ m: obj({ a: S }, ['a']) }), obj({ m: obj({ a: S }, ['a']) })),
    want: ['field-variant-changed:m', 'request-variant-removed:m'],
  }],
  ['a response union reduced to its object, which no longer requires a property: what is received widened', {
    base: api(obj({ m: { anyOf: [obj({ a: S }, ['a']), { type: 'string', enum: [''] }] } })),
    revision: api(obj({ m: obj({ a: S }) })),
    want: ['field-variant-changed:m', 'response-variant-widened:m'],
  }],
  // a `.` inside a property name is not a step of the path: `a.b` beside `a` -> `b` are two fields
  ['a property named `a.b` beside a nested `a` -> `b`: a change to either is its own', {
    base: api(obj({ 'a.b': S, a: obj({ b: { type: 'integer' } }, ['b']) }, ['a.b', 'a'])),
    revision: api(obj({ 'a.b': { type: 'integer' }, a: obj({ b: { type: 'integer' } }) }, ['a'])),
    want: ['response-field-became-optional:a.b', 'response-field-became-optional:a\u2024b', 'response-field-type-changed:a\u2024b'],
  }],
  ['a path item\'s own server gets another default: its variable, not the server, changed', {
    base: withPathServers({ default: 'eu', enum: ['eu', 'us'] }), revision: withPathServers({ default: 'us', enum: ['eu', 'us'] }),
    want: ['server-changed:https://{region}.api.example.com'],
  }],
];

for (const [name, { base, revision, want }] of cases) {
  test(name, () => {
    const got = diffModels(modelOf(base)!, modelOf(revision)!).map((f) => `${f.ruleId}:${f.path}`).sort();
    assert.deepEqual(got, want);
  });
}

test('a body of a type without structure of its own is bytes whether its schema is written (3.0) or left out (3.1)', () => {
  const doc = (version: string, schema: unknown, media = 'application/pdf') => ({
    openapi: version, info: { title: 't', version: '1' },
    paths: { '/doc': {
      get: { operationId: 'get', responses: { '200': { description: 'ok', content: { [media]: schema === undefined ? {} : { schema } } } } },
      put: { operationId: 'put', requestBody: { required: true, content: { [media]: schema === undefined ? {} : { schema } } }, responses: { '204': { description: 'ok' } } },
    } },
  });
  const rules = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => f.ruleId).sort();
  const bytes = { type: 'string', format: 'binary' };
  assert.deepEqual(rules(doc('3.0.3', bytes), doc('3.1.0', undefined)), []);
  assert.deepEqual(rules(doc('3.1.0', undefined), doc('3.0.3', bytes)), []);
  assert.deepEqual(rules(doc('3.0.3', { type: 'string' }, 'text/csv'), doc('3.1.0', undefined, 'text/csv')), []);
  // a JSON body without a schema still says nothing of its structure: the one with a schema is compared as before
  assert.deepEqual(rules(doc('3.1.0', obj({ a: S })), doc('3.1.0', undefined, 'application/json')), ['media-type-added', 'media-type-added', 'request-media-type-removed', 'response-media-type-removed', 'response-payload-removed']);
});

test('a tuple position where the other version describes every item is compared with the items', () => {
  const coords = (a: unknown) => obj({ at: a });
  const items = { type: 'array', items: { type: 'number', minimum: -180, maximum: 180 }, minItems: 2, maxItems: 2 };
  const tuple = (first: Record<string, unknown>) => ({ type: 'array', prefixItems: [{ type: 'number', minimum: -180, maximum: 180, ...first }, { type: 'number', minimum: -180, maximum: 180 }], items: false, minItems: 2, maxItems: 2 });
  const rules = (b: unknown, r: unknown) => diffModels(modelOf(api(obj({}), coords(b)))!, modelOf(api(obj({}), coords(r)))!).map((f) => `${f.ruleId} ${f.path}`).sort();
  assert.deepEqual(rules(items, tuple({})), []);
  assert.deepEqual(rules(tuple({}), items), []);
  assert.deepEqual(rules(items, tuple({ minimum: -90, maximum: 90 })), ['request-limit-tightened at[0]', 'request-limit-tightened at[0]']);
  assert.deepEqual(rules(tuple({ minimum: -90, maximum: 90 }), items), ['request-limit-relaxed at[]', 'request-limit-relaxed at[]']);
});

test('uniqueItems (kept as a limit of 1) is worded as what it means, in both directions', () => {
  const tags = (unique: boolean) => obj({ tags: { type: 'array', items: S, ...(unique ? { uniqueItems: true } : {}) } });
  const text = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => `${f.ruleId}: ${f.text}${f.migration ? ` | ${f.migration}` : ''}`);
  assert.deepEqual(text(api(obj({}), tags(false)), api(obj({}), tags(true))), ['request-limit-added: In the `x` method, the items of request field `tags` must now be unique. | Send each item only once.']);
  assert.deepEqual(text(api(tags(true)), api(tags(false))), ['response-limit-relaxed: In the `x` method, the items of response field `tags` are no longer always unique. | Accept repeated items.']);
});

test('an HTTP operation is guessed to be a removed one\'s successor only with the same verb and as many path parameters', () => {
  const order = obj({ id: S, object: S, amount: { type: 'integer' }, currency: S, status: S }, ['id', 'object']);
  const doc = (paths: Record<string, unknown>) => ({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths });
  const get = (operationId: string) => ({ get: { operationId, responses: { '200': { description: 'ok', content: { 'application/json': { schema: order } } } } } });
  const rules = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => f.ruleId).sort();
  // same body and a similar name, but another call: GET /orders/{id} is not GET /order/settings
  assert.deepEqual(rules(doc({ '/orders/{id}': get('GetOrdersId') }), doc({ '/order/settings': get('GetOrderSettings') })), ['method-added', 'method-removed']);
  assert.deepEqual(rules(doc({ '/orders/{id}': get('GetOrdersId') }), doc({ '/orders/{id}': { post: get('PostOrdersId').get } })), ['method-added', 'method-removed']);
  assert.deepEqual(rules(doc({ '/orders/{id}': get('GetOrdersId') }), doc({ '/settings/{id}': get('GetOrderSettingsId') })), ['method-added', 'method-removed'], 'no path word in common');
  // the same call shape under a new path sharing a word: still a possible rename
  assert.deepEqual(rules(doc({ '/v1/orders/{id}': get('GetOrdersId') }), doc({ '/v2/purchase-orders/{id}': get('GetPurchaseOrdersId') })), ['method-possibly-renamed']);
});

test('an HTTP operation keeping its operationId under another path is one move; an AsyncAPI operation keeps its identity by channel and direction', () => {
  const doc = (prefix: string) => ({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { [`${prefix}/berths/{id}`]: { get: { operationId: 'getBerth', parameters: [{ name: 'id', in: 'path', required: true, schema: S }], responses: { '204': { description: 'ok' } } } } } });
  const found = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => `${f.ruleId}: ${f.text}`);
  assert.deepEqual(found(doc('/v1'), doc('/v2')), ['method-moved: The `getBerth` method moved: it is now called as `GET /v2/berths/{id}` instead of `GET /v1/berths/{id}`.']);
  const async = (op: string, extra: Record<string, unknown>) => ({
    asyncapi: '2.6.0', info: { title: 't', version: '1' },
    channels: { 'fleet/{truck}/doors': { parameters: { truck: { schema: S } }, subscribe: { operationId: op, message: { payload: obj({ door: S, ...extra }, ['door']) } } } },
  });
  // renamed (a key never on the wire) and given an optional field the client may ignore: nothing breaks
  assert.deepEqual(diffModels(modelOf(async('onDoorEvent', {}))!, modelOf(async('handleDoorEvent', { at: S }))!).filter((f) => f.breaking).map((f) => f.ruleId), []);
});

test('AsyncAPI 3: a version whose operations first say which side wrote it (a `reply`) decides the side for both versions', () => {
  const doc = (reply: boolean) => JSON.stringify({
    asyncapi: '3.0.0', info: { title: 't', version: '1' },
    channels: {
      readings: { address: 'readings', messages: { Reading: { payload: { type: 'object', properties: { unit: { type: 'string' } } } } } },
      alerts: { address: 'alerts', messages: { Alert: { payload: { type: 'string' } } } },
      acks: { address: 'acks', messages: { Ack: { payload: { type: 'string' } } } },
    },
    operations: {
      takeReading: { action: 'receive', channel: { $ref: '#/channels/readings' }, messages: [{ $ref: '#/channels/readings/messages/Reading' }] },
      publishAlert: {
        action: 'send', channel: { $ref: '#/channels/alerts' }, messages: [{ $ref: '#/channels/alerts/messages/Alert' }],
        ...(reply ? { reply: { channel: { $ref: '#/channels/acks' }, messages: [{ $ref: '#/channels/acks/messages/Ack' }] } } : {}),
      },
    },
  });
  const dir = mkdtempSync(join(tmpdir(), 'side-'));
  writeFileSync(join(dir, 'one-way.json'), doc(false));
  writeFileSync(join(dir, 'with-reply.json'), doc(true));
  const rules = (a: string, b: string) => diffPaths(join(dir, a), join(dir, b)).findings.map((f) => `${f.ruleId}:${f.owner.name}`).sort();
  // gaining a reply adds one; it turns no operation around
  assert.deepEqual(rules('one-way.json', 'with-reply.json'), ['response-field-added:publishAlert']);
  assert.deepEqual(rules('with-reply.json', 'one-way.json'), ['response-message-removed:publishAlert', 'response-payload-removed:publishAlert']);
});

test('a field of an error response is named with its status, and the same change in two error responses is two findings', () => {
  const problem = { type: 'object', properties: { code: { type: 'string' }, detail: { type: 'string' } } };
  const doc = (err: unknown) => JSON.stringify({
    openapi: '3.1.0', info: { title: 't', version: '1' },
    paths: { '/pay': { post: { operationId: 'pay', responses: {
      '201': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } },
      '400': { description: 'bad', content: { 'application/json': { schema: err } } },
      default: { description: 'other', content: { 'application/json': { schema: err } } },
    } } } },
  });
  const dir = mkdtempSync(join(tmpdir(), 'error-body-'));
  writeFileSync(join(dir, 'base.json'), doc(problem));
  writeFileSync(join(dir, 'revision.json'), doc({ ...problem, properties: { code: { type: 'string' } } }));
  const texts = diffPaths(join(dir, 'base.json'), join(dir, 'revision.json')).findings.map((f) => f.text).sort();
  assert.deepEqual(texts, [
    'The `pay` method no longer returns the optional response field `detail` of the `400` response.',
    'The `pay` method no longer returns the optional response field `detail` of the `default` response.',
  ]);
});

test('AsyncAPI 3: one operation turned around is that operation\'s change, even when it tips the balance of which side wrote the document; every operation turned is the same document from the other side', () => {
  const doc = (actions: Record<string, [string, boolean]>) => JSON.stringify({
    asyncapi: '3.0.0', info: { title: 't', version: '1' },
    channels: { c: { address: 'c', messages: Object.fromEntries(Object.keys(actions).flatMap((k) => [[k, { payload: { type: 'object', properties: { [k]: { type: 'string' } } } }], [`${k}_reply`, { payload: { type: 'string' } }]])) } },
    operations: Object.fromEntries(Object.entries(actions).map(([k, [action, reply]]) => [k, {
      action, channel: { $ref: '#/channels/c' }, messages: [{ $ref: `#/channels/c/messages/${k}` }],
      ...(reply ? { reply: { channel: { $ref: '#/channels/c' }, messages: [{ $ref: `#/channels/c/messages/${k}_reply` }] } } : {}),
    }])),
  });
  // one request answered, one asked (a tie), so the one-way operations decide: mostly sent, a server
  const base = { q1: ['receive', true], q2: ['send', true], e1: ['send', false], e2: ['send', false], e3: ['receive', false] } as Record<string, [string, boolean]>;
  const dir = mkdtempSync(join(tmpdir(), 'turned-'));
  writeFileSync(join(dir, 'base.json'), doc(base));
  writeFileSync(join(dir, 'one.json'), doc({ ...base, e1: ['receive', false] }));
  writeFileSync(join(dir, 'all.json'), doc(Object.fromEntries(Object.entries(base).map(([k, [a, r]]) => [k, [a === 'send' ? 'receive' : 'send', r]]))));
  const rules = (b: string) => diffPaths(join(dir, 'base.json'), join(dir, b)).findings.map((f) => `${f.ruleId}:${f.owner.name}`).sort();
  assert.deepEqual(rules('one.json'), ['operation-action-changed:e1']);
  assert.deepEqual(rules('all.json'), []);
});

test('a request union reduced to one plain alternative names only the alternatives it lost', () => {
  const u = (alts: unknown[]) => api({ type: 'object' }, obj({ f: { type: 'array', items: alts.length > 1 ? { oneOf: alts } : alts[0] } }));
  const list = { type: 'array', items: S };
  const got = diffModels(modelOf(u([S, { type: 'integer' }, list]))!, modelOf(u([S]))!).map((f) => [f.ruleId, f.from]);
  assert.deepEqual(got, [['request-variant-removed', ['array [string]', 'integer']]]);
  // alternatives that are each one scalar type are a type list: the type that went is told as such
  const scalar = diffModels(modelOf(u([S, { type: 'integer' }]))!, modelOf(u([S]))!).map((f) => [f.ruleId, f.from, f.to]);
  assert.deepEqual(scalar, [['request-field-type-changed', 'integer|string', 'string']]);
});

test('a union of disjoint scalar types and the type list with the same keywords are one schema, either way and in either direction', () => {
  const union = { oneOf: [{ type: 'string', pattern: '^[0-9]{8}$' }, { type: 'integer', minimum: 0 }] };
  const list = { type: ['string', 'integer'], pattern: '^[0-9]{8}$', minimum: 0 };
  const doc = (f: unknown) => api({ type: 'object' }, obj({ f }));
  for (const [a, b] of [[union, list], [list, union], [union, { anyOf: union.oneOf }]]) assert.deepEqual(diffModels(modelOf(doc(a))!, modelOf(doc(b))!), []);
  // a list of scalar types still accepted by a union holding one alternative per type, and more
  const wider = diffModels(modelOf(doc(list))!, modelOf(doc({ anyOf: [...union.oneOf, { type: 'array', items: S }] }))!).map((f) => [f.ruleId, f.level]);
  assert.deepEqual(wider, [['request-field-widened-to-union', 'INFO']]);
});

test('a field kept out of one side (readOnly, writeOnly) is not judged there, in a structure used on both', () => {
  const T = (id: object, pw: object, role: object) => ({ T: obj({ id: { type: 'string', readOnly: true, ...id }, pw: { type: 'string', writeOnly: true, ...pw }, role: { type: 'string', readOnly: true, ...role } }) });
  const doc = (t: Record<string, unknown>) => api({ $ref: '#/components/schemas/T' }, { $ref: '#/components/schemas/T' }, t);
  const base = doc(T({}, { maxLength: 64 }, { enum: ['admin', 'user'] }));
  const breaking = (revision: unknown) => diffModels(modelOf(base)!, modelOf(revision)!).filter((f) => f.level !== 'INFO').map((f) => `${f.ruleId}:${f.path}`);
  assert.deepEqual(breaking(doc(T({ format: 'uuid' }, { maxLength: 64 }, { enum: ['admin', 'user'] }))), [], 'a readOnly field gets a format');
  assert.deepEqual(breaking(doc(T({}, { maxLength: 128 }, { enum: ['admin', 'user'] }))), [], 'a writeOnly field accepts longer values');
  assert.deepEqual(breaking(doc(T({}, { maxLength: 64 }, { enum: ['user'] }))), [], 'a readOnly field takes fewer values');
  // still judged where it travels
  assert.deepEqual(breaking(doc(T({}, { maxLength: 64 }, { enum: ['admin', 'user', 'auditor'] }))), ['response-enum-value-added:role']);
});

test('the headers of a response other than the main success one are compared (a redirect, a 206)', () => {
  const withHeaders = (h: Record<string, unknown>) => {
    const d: any = api(obj({ a: S }));
    d.paths['/x'].post.responses['301'] = { description: 'moved', headers: h };
    return d;
  };
  const got = diffModels(modelOf(withHeaders({ Location: { required: true, schema: S } }))!, modelOf(withHeaders({}))!).map((f) => `${f.level} ${f.ruleId}:${f.path}`);
  assert.deepEqual(got, ['ERR response-required-field-removed:header:location']);
});

test('when the main success status changes, each status\'s headers are compared with the same status\'s (blind set 37: 201 dropped, 202 left)', () => {
  const H = (required: boolean) => ({ required, schema: S });
  // a 201 with a body, and a 202 with headers; the main success is the first 2xx with a body
  const doc = (with201: boolean, h202: Record<string, unknown>) => {
    const d: any = api(obj({ a: S }));
    const ok = d.paths['/x'].post.responses['200'];
    delete d.paths['/x'].post.responses['200'];
    if (with201) d.paths['/x'].post.responses['201'] = ok;
    d.paths['/x'].post.responses['202'] = { ...ok, headers: h202 };
    return d;
  };
  const got = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => `${f.level} ${f.ruleId}:${f.path ?? ''}`).sort();
  const both = { Location: H(true), 'Retry-After': H(false) };
  // 202 keeps its headers: only the status dropped is told, and the reverse only the status added
  assert.deepEqual(got(doc(true, both), doc(false, both)), ['INFO response-status-removed:201']);
  assert.deepEqual(got(doc(false, both), doc(true, both)).filter((f) => f.includes('header')), []);
  // a header the 202 really lost is still told, as the 202's
  assert.deepEqual(got(doc(true, both), doc(false, { 'Retry-After': H(false) })), ['ERR response-required-field-removed:header:location', 'INFO response-status-removed:201']);
});

test('a named group of alternatives inside a union stands for its members: flattening it or naming it is no change; a member it loses still is (blind set 38)', () => {
  const ref = (n: string) => ({ $ref: `#/components/schemas/${n}` });
  const kinds = { P: obj({ t: { const: 'p' }, text: S }, ['t']), I: obj({ t: { const: 'i' }, url: S }, ['t']), V: obj({ t: { const: 'v' }, src: S }, ['t']) };
  const nested = (media: unknown, key = 'oneOf') => api(ref('Block'), ref('Block'), { ...kinds, Block: { [key]: [ref('P'), ref('Media')] }, Media: media });
  const flat = (key = 'oneOf') => api(ref('Block'), ref('Block'), { ...kinds, Block: { [key]: [ref('P'), ref('I'), ref('V')] } });
  const got = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).filter((f) => f.level !== 'INFO').map((f) => `${f.level} ${f.ruleId}:${(f.from as string[] | undefined)?.join(',') ?? ''}`).sort();
  const group = { description: 'image or video', oneOf: [ref('I'), ref('V')] };
  assert.deepEqual(got(nested(group), flat()), []);
  assert.deepEqual(got(flat(), nested(group)), []);
  assert.deepEqual(got(nested({ anyOf: [ref('I'), ref('V')] }, 'anyOf'), flat('anyOf')), []);
  // the group loses a member: the union lost it, as if written flat
  assert.deepEqual(got(nested(group), nested({ oneOf: [ref('I')] })), got(flat(), api(ref('Block'), ref('Block'), { ...kinds, Block: { oneOf: [ref('P'), ref('I')] } })));
  assert.ok(got(nested(group), nested({ oneOf: [ref('I')] })).some((f) => f.startsWith('ERR request-variant-removed')));
  // a group that admits null, or selects by its own discriminator, is an alternative of its own
  assert.notDeepEqual(got(nested({ ...group, nullable: true }), flat()), []);
  assert.notDeepEqual(got(nested({ ...group, discriminator: { propertyName: 't' } }), flat()), []);
});

test('a subtype re-declaring an inherited $ref property with constraints merges them into what the $ref names (blind set 38)', () => {
  const ref = (n: string) => ({ $ref: `#/components/schemas/${n}` });
  const Price = obj({ amount: { type: 'number', minimum: 0 }, currency: S }, ['amount']);
  const Base = obj({ name: S, price: ref('Price') }, ['price']);
  // the subtype's own part, with or without a re-declared price; its parts in either order
  const doc = (own: Record<string, unknown>, parentFirst = true) => {
    const parts = [ref('Base'), obj({ file: S, ...own })];
    return api(ref('Digital'), ref('Digital'), { Price, Base, Digital: { allOf: parentFirst ? parts : parts.reverse() } });
  };
  const got = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => `${f.level} ${f.ruleId}:${f.path}`).sort();
  const capped = { price: obj({ amount: { type: 'number', maximum: 500 } }) };
  assert.deepEqual(got(doc({}), doc(capped)), ['WARN request-limit-added:price.amount']);
  assert.deepEqual(got(doc({}), doc(capped, false)), ['WARN request-limit-added:price.amount']);
  assert.deepEqual(got(doc(capped), doc({})), ['ERR response-limit-relaxed:price.amount']);
  // what the inherited structure already says, or a description alone, changes nothing
  assert.deepEqual(got(doc({}), doc({ price: { type: 'object' } })), []);
  assert.deepEqual(got(doc({}), doc({ price: { description: 'What the file costs.' } })), []);
});

test('a structure is judged on the sides it keeps: operations that now send another one are judged by it', () => {
  const ab = obj({ a: S, b: S });
  const res = obj({ x: { $ref: '#/components/schemas/S' }, y: { $ref: '#/components/schemas/S' } });
  const base = api(res, { $ref: '#/components/schemas/S' }, { S: ab });
  // S gains a required field: new to what S's responses carry; the request now sends S2, unchanged
  const revision = api(res, { $ref: '#/components/schemas/S2' }, { S: obj({ a: S, b: S, c: S }, ['c']), S2: ab });
  const got = diffModels(modelOf(base)!, modelOf(revision)!).map((f) => `${f.level} ${f.ruleId}:${f.path ?? ''}`);
  assert.deepEqual(got, ['INFO response-field-added:c']);
});

test('a body under a media type written with a charset is the same body: a change in it is judged (blind set 22)', () => {
  const doc = (media: string, schema: unknown) => ({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/e': { get: { operationId: 'events', responses: { '200': { description: 'ok', content: { [media]: { schema } } } } } } } });
  const list = { type: 'array', items: S }, wrapped = obj({ events: list }, ['events']);
  const rules = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => `${f.ruleId}:${f.path}`).sort();
  assert.deepEqual(rules(doc('application/json', list), doc('application/json; charset=utf-8', wrapped)), rules(doc('application/json', list), doc('application/json', wrapped)));
  assert.ok(rules(doc('application/json', list), doc('application/json; charset=utf-8', wrapped)).includes('response-field-type-changed:'));
  assert.deepEqual(rules(doc('application/json', list), doc('Application/JSON; charset=utf-8', list)), []);
});

test('a text body sent in another charset is another media type; UTF-8 written or not, and any charset on JSON, is the same (blind set 53)', () => {
  const doc = (media: string) => ({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/n': { post: { operationId: 'note', requestBody: { required: true, content: { [media]: { schema: S } } }, responses: { '204': { description: 'ok' } } } } } });
  const rules = (b: string, r: string) => diffModels(modelOf(doc(b))!, modelOf(doc(r))!).map((f) => `${f.level} ${f.ruleId}`).sort();
  assert.deepEqual(rules('text/plain; charset=utf-8', 'text/plain; charset=ISO-8859-1'), ['ERR request-media-type-removed', 'INFO media-type-added']);
  assert.deepEqual(rules('text/plain', 'text/plain; charset=UTF-8'), []);
  assert.deepEqual(rules('text/plain; charset=iso-8859-1', 'Text/Plain; Charset="ISO-8859-1"'), []);
  assert.deepEqual(rules('application/json; charset=utf-16', 'application/json'), []);
  assert.deepEqual(rules('application/problem+json', 'application/problem+json; charset=utf-8'), []);
});

test('value sets read by what they admit: map keys held to a list, a keyword that came with a new type, a format every old enum value meets (blind sets 56, 57)', () => {
  const levels = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => `${f.level} ${f.ruleId}`);
  const breaks = (b: unknown, r: unknown) => levels(b, r).filter((x) => !x.startsWith('INFO'));
  const keys = (k: string[]) => ({ type: 'object', propertyNames: { enum: k }, additionalProperties: { type: 'integer' } });
  const sent = (p: Record<string, unknown>) => api(obj({}), obj(p)), received = (p: Record<string, unknown>) => api(obj(p));
  // map keys: more keys accepted from the client is no break, fewer is; received, the other way
  assert.deepEqual(breaks(sent({ m: keys(['a', 'b']) }), sent({ m: keys(['a', 'b', 'c']) })), []);
  assert.notDeepEqual(breaks(sent({ m: keys(['a', 'b']) }), sent({ m: keys(['a']) })), []);
  assert.deepEqual(breaks(received({ m: keys(['a', 'b']) }), received({ m: keys(['a']) })), []);
  assert.notDeepEqual(breaks(received({ m: keys(['a']) }), received({ m: keys(['a', 'b']) })), []);
  // an amount sent as a number that may now also be a decimal string: the pattern only constrains the strings
  assert.deepEqual(breaks(sent({ amount: { type: 'number' } }), sent({ amount: { oneOf: [{ type: 'number' }, { type: 'string', pattern: '^[0-9]+(\\.[0-9]{1,2})?$' }] } })), []);
  // ... but a pattern added where strings were sent before is a new rule for them
  assert.notDeepEqual(breaks(sent({ amount: { type: ['number', 'string'] } }), sent({ amount: { type: ['number', 'string'], pattern: '^[0-9]+$' } })), []);
  // two dates sent as an enum, now any date: every old value is a date
  assert.deepEqual(breaks(sent({ v: { type: 'string', enum: ['2024-01-01', '2024-06-01'] } }), sent({ v: { type: 'string', format: 'date' } })), []);
  assert.notDeepEqual(breaks(sent({ v: { type: 'string', enum: ['2024-01-01', 'latest'] } }), sent({ v: { type: 'string', format: 'date' } })), []);
});

test('bounds that bound nothing are no constraint: minLength/minItems/minProperties 0, multipleOf 1 on an integer or number (blind sets 22, 23)', () => {
  const rules = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => f.ruleId);
  const I = { type: 'integer' };
  assert.deepEqual(rules(api(obj({}), obj({ s: S, a: { type: 'array', items: S }, o: { type: 'object' } })), api(obj({}), obj({ s: { ...S, minLength: 0 }, a: { type: 'array', items: S, minItems: 0 }, o: { type: 'object', minProperties: 0 } }))), []);
  assert.deepEqual(rules(api(obj({}), obj({ n: I })), api(obj({}), obj({ n: { ...I, multipleOf: 1 } }))), []);
  assert.deepEqual(rules(api(obj({ n: I }), obj({ n: I })), api(obj({ n: { type: 'number', multipleOf: 1 } }), obj({ n: { type: 'number', multipleOf: 1 } }))), []);
  // a real bound still counts
  assert.deepEqual(rules(api(obj({}), obj({ s: S })), api(obj({}), obj({ s: { ...S, minLength: 1 } }))), ['request-limit-added']);
});

test('an RTM frame\'s own fields are judged like its payload: action, type, request_id, required flags, the error frame (blind set 21)', () => {
  const frame = (action: unknown, extra: Record<string, unknown> = {}, required = ['action']) => ({ type: 'object', required, properties: { request_id: S, action, payload: obj({ id: S }), ...extra } });
  const doc = (o: { req?: unknown; res?: unknown; err?: unknown; push?: unknown; name?: string } = {}) => {
    const name = o.name ?? 'get_chat';
    return {
      asyncapi: '3.0.0', info: { title: 't', version: '1' },
      channels: { rtm: { address: '/rtm', messages: {
        req: { payload: o.req ?? frame({ type: 'string', const: name }) },
        res: { payload: o.res ?? frame({ type: 'string', const: name }, { type: { type: 'string', const: 'response' }, success: { type: 'boolean', const: true } }, ['action', 'type', 'success', 'payload']) },
        err: { payload: o.err ?? frame({ type: 'string' }, { success: { type: 'boolean', const: false } }, ['action', 'success', 'payload']) },
        push: { payload: o.push ?? frame({ type: 'string', const: 'incoming_event' }, { type: { type: 'string', const: 'push' } }, ['action', 'type', 'payload']) },
      } } },
      operations: {
        [name]: { action: 'receive', channel: { $ref: '#/channels/rtm' }, messages: [{ $ref: '#/channels/rtm/messages/req' }], reply: { channel: { $ref: '#/channels/rtm' }, messages: [{ $ref: '#/channels/rtm/messages/res' }, { $ref: '#/channels/rtm/messages/err' }] } },
        incoming_event: { action: 'send', channel: { $ref: '#/channels/rtm' }, messages: [{ $ref: '#/channels/rtm/messages/push' }] },
      },
    };
  };
  const found = (r: unknown) => diffModels(modelOf(doc())!, modelOf(r)!).map((f) => `${f.level} ${f.ruleId}:${f.path}`).sort();
  assert.deepEqual(found(doc()), []);
  assert.deepEqual(found(doc({ res: frame({ type: 'string', const: 'get_chat_result' }, { type: { type: 'string', const: 'response' }, success: { type: 'boolean', const: true } }, ['action', 'type', 'success', 'payload']) })), ['ERR response-enum-replaced:frame:action']);
  assert.deepEqual(found(doc({ push: frame({ type: 'string', const: 'incoming_event' }, { type: { type: 'string', const: 'event' } }, ['action', 'type', 'payload']) })), ['ERR response-enum-replaced:frame:type']);
  assert.deepEqual(found(doc({ req: frame({ type: 'string', const: 'get_chat' }, {}, ['action', 'request_id']) })), ['ERR request-field-became-required:frame:request_id']);
  assert.deepEqual(found(doc({ req: frame({ type: 'string', const: 'get_chat' }, {}, ['action', 'payload']) })), ['ERR request-field-became-required:']);
  assert.deepEqual(found(doc({ err: frame({ type: 'string' }, { success: { type: 'boolean', const: false } }, ['action', 'payload']) })), ['ERR response-field-became-optional:frame:success']);
  // the method's action renamed on the wire is told once, not again by every reply frame
  assert.deepEqual(diffModels(modelOf(doc())!, modelOf(doc({ name: 'fetch_chat' }))!).filter((f) => f.path?.startsWith('frame:')).map((f) => f.ruleId), []);
});

test('a server variable written into the URL as one of its values loses the others (blind set 22)', () => {
  const doc = (servers: unknown) => ({ ...api({ type: 'object' }), servers });
  const rules = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => `${f.ruleId}: ${f.text}`);
  const withVar = [{ url: 'https://{region}.example.com', variables: { region: { default: 'eu', enum: ['eu', 'us'] } } }];
  assert.deepEqual(rules(doc(withVar), doc([{ url: 'https://eu.example.com' }])), ['server-changed: The server `https://eu.example.com` no longer allows `us` for its variable `region`.']);
  // the default written in, with no other value to lose: nothing
  assert.deepEqual(rules(doc([{ url: 'https://{region}.example.com', variables: { region: { default: 'eu', enum: ['eu'] } } }]), doc([{ url: 'https://eu.example.com' }])), []);
});

test('an inline alternative held apart by a required const (a `type` discriminator) does not overlap the named ones (blind set 21)', () => {
  const kind = (k: string, extra: Record<string, unknown>) => obj({ type: { type: 'string', const: k }, ...extra }, ['type', ...Object.keys(extra)]);
  const schemas = { Text: kind('text', { text: S }), File: kind('file', { url: S }) };
  const union = (more: unknown[]) => ({ oneOf: [{ $ref: '#/components/schemas/Text' }, { $ref: '#/components/schemas/File' }, ...more] });
  const rules = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => f.ruleId).sort();
  assert.ok(!rules(api(obj({}), union([]), schemas), api(obj({}), union([kind('sticker', { sticker_id: S })]), schemas)).includes('request-one-of-overlap-added'));
  // the same const as an existing alternative: a value may match both
  assert.ok(rules(api(obj({}), union([]), schemas), api(obj({}), union([kind('text', { sticker_id: S })]), schemas)).includes('request-one-of-overlap-added'));
});

test('a structure name that now stands for another schema reaches no client: two names swapped, a name reused after a rename (blind set 23)', () => {
  const doc = (schemas: Record<string, unknown>, paths: Record<string, string>) => ({
    openapi: '3.1.0', info: { title: 't', version: '1' },
    paths: Object.fromEntries(Object.entries(paths).map(([p, ref]) => [p, { get: { operationId: p.slice(1), responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } } } } }])),
    components: { schemas },
  });
  const customer = obj({ name: S, points: { type: 'integer' } }, ['name']), supplier = obj({ company: S, vat: S }, ['company', 'vat']);
  const found = (b: unknown, r: unknown) => { const [bm, rm] = [modelOf(b)!, modelOf(r)!]; return diffPathsFree(bm, rm); };
  const diffPathsFree = (bm: ReturnType<typeof modelOf>, rm: ReturnType<typeof modelOf>) => annotateAffects(diffModels(bm!, rm!), bm!, rm!, 'web').filter((f) => f.breaking).map((f) => f.ruleId);
  // every $ref follows the swap: each operation receives what it did
  // (each used twice, so each is a structure of its own, not a part of one operation)
  assert.deepEqual(found(doc({ Customer: customer, Supplier: supplier }, { '/customers': 'Customer', '/customer': 'Customer', '/suppliers': 'Supplier', '/supplier': 'Supplier' }),
    doc({ Customer: supplier, Supplier: customer }, { '/customers': 'Supplier', '/customer': 'Supplier', '/suppliers': 'Customer', '/supplier': 'Customer' })), []);
  // a name given to a new schema after a rename, used by new operations
  assert.deepEqual(found(doc({ Customer: customer }, { '/customers': 'Customer', '/customer': 'Customer' }),
    doc({ Client: customer, Customer: supplier }, { '/customers': 'Client', '/customer': 'Client', '/vip': 'Customer', '/vips': 'Customer' })), []);
  // a real change to a structure operations still reach under its name is still told
  assert.deepEqual(found(doc({ Customer: customer }, { '/customers': 'Customer', '/customer': 'Customer' }), doc({ Customer: obj({ points: { type: 'integer' } }) }, { '/customers': 'Customer', '/customer': 'Customer' })), ['response-required-field-removed']);
});

test('a base path moved into the paths while one path is also edited: that operation moved, the others did not (blind set 22)', () => {
  const get = (id: string) => ({ get: { operationId: id, responses: { '204': { description: 'ok' } } } });
  const doc = (server: string, paths: Record<string, string>) => ({ openapi: '3.1.0', info: { title: 't', version: '1' }, servers: [{ url: server }], paths: Object.fromEntries(Object.entries(paths).map(([p, id]) => [p, get(id)])) });
  const found = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => `${f.ruleId}: ${f.owner.name}`);
  assert.deepEqual(found(doc('https://api.example.com/v1', { '/parcels': 'list', '/parcels/{id}': 'get', '/parcels/{id}/events': 'events' }),
    doc('https://api.example.com', { '/v1/parcels': 'list', '/v1/parcels/{id}': 'get', '/v1/parcel/{id}/events': 'events' })), ['method-moved: events']);
});

test('an operation moved to a channel at another address is told once, not again as its old channel removed (blind set 22)', () => {
  const doc = (address: string) => {
    const key = address.replace(/\//g, '-');
    return {
      asyncapi: '3.0.0', info: { title: 't', version: '1' },
      channels: { [key]: { address, messages: { Reading: { payload: obj({ v: S }) } } } },
      operations: { reading: { action: 'send', channel: { $ref: `#/channels/${key}` }, messages: [{ $ref: `#/channels/${key}/messages/Reading` }] } },
    };
  };
  const rules = diffModels(modelOf(doc('sensors/readings'))!, modelOf(doc('sensor/readings'))!).map((f) => f.ruleId);
  assert.deepEqual(rules, ['operation-channel-changed']);
});

test('a base path moved into every path but one: that one lost the base path and moved', () => {
  const get = (id: string) => ({ get: { operationId: id, responses: { '204': { description: 'ok' } } } });
  const doc = (server: string, paths: Record<string, string>) => ({ openapi: '3.1.0', info: { title: 't', version: '1' }, servers: [{ url: server }], paths: Object.fromEntries(Object.entries(paths).map(([p, id]) => [p, get(id)])) });
  const found = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => `${f.ruleId}: ${f.text}`);
  assert.deepEqual(found(doc('https://api.example.com/v1', { '/parcels': 'list', '/parcels/{id}': 'get', '/health': 'health' }),
    doc('https://api.example.com', { '/v1/parcels': 'list', '/v1/parcels/{id}': 'get', '/health': 'health' })), ['method-moved: The `health` method moved: it is now called as `GET /health` instead of `GET /v1/health`.']);
});

test('an operation\'s traits give it bindings: a trait\'s value changed is judged, the trait written inline is no change (blind set 25)', () => {
  const doc = (op: Record<string, unknown>) => ({
    asyncapi: '2.6.0', info: { title: 't', version: '1' },
    channels: { 'fleet/commands': { subscribe: { operationId: 'command', message: { payload: obj({ v: S }) }, ...op } } },
    components: { operationTraits: { reliable: { bindings: { mqtt: { qos: 1, retain: false } } } } },
  });
  const viaTrait = doc({ traits: [{ $ref: '#/components/operationTraits/reliable' }] });
  const rules = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => `${f.ruleId}: ${f.text}`);
  assert.deepEqual(rules(viaTrait, doc({ bindings: { mqtt: { qos: 1, retain: false } } })), []);
  const lowered: any = doc({ traits: [{ $ref: '#/components/operationTraits/reliable' }] });
  lowered.components.operationTraits.reliable.bindings.mqtt.qos = 0;
  assert.deepEqual(rules(viaTrait, lowered), ['binding-changed: In the `command` push, the protocol binding `operation mqtt.qos` changed from `1` to `0`.']);
});

test('fixed servers written as one URL whose variable lists their hosts are still offered (blind set 24)', () => {
  const doc = (servers: unknown) => ({ ...api({ type: 'object' }), servers });
  const rules = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => f.ruleId);
  const fixed = [{ url: 'https://api.example.com/v1' }, { url: 'https://api-fra.example.com/v1' }];
  assert.deepEqual(rules(doc(fixed), doc([{ url: 'https://{host}.example.com/v1', variables: { host: { default: 'api', enum: ['api', 'api-fra'] } } }])), []);
  assert.deepEqual(rules(doc(fixed), doc([{ url: 'https://{host}.example.com/v1', variables: { host: { default: 'api', enum: ['api', 'api-eu'] } } }])), ['server-removed']);
});

test('one change to the WebSocket handshake is one finding for the methods sharing the connection, not one per method (blind set 24)', () => {
  const doc = (required: string[]) => ({
    asyncapi: '3.0.0', info: { title: 't', version: '1' },
    channels: { rtm: { address: '/rtm', bindings: { ws: { query: obj({ license_id: S, organization_id: S }, required) } }, messages: { a: { payload: obj({ x: S }) }, b: { payload: obj({ y: S }) } } } },
    operations: ['a', 'b'].reduce((o, k) => ({ ...o, [`do_${k}`]: { action: 'receive', channel: { $ref: '#/channels/rtm' }, messages: [{ $ref: `#/channels/rtm/messages/${k}` }] } }), {}),
  });
  const [bm, rm] = [modelOf(doc(['license_id']))!, modelOf(doc(['license_id', 'organization_id']))!];
  const found = groupFrameFields(annotateAffects(diffModels(bm, rm), bm, rm, 'rtm'), 'rtm').map((f) => `${f.ruleId}: ${f.text}`);
  assert.deepEqual(found, ['request-field-became-required: In each of 2 methods, WebSocket handshake query parameter `organization_id` is now required.']);
});

test('a server variable renamed, with the same values, loses nothing', () => {
  const doc = (servers: unknown) => ({ ...api({ type: 'object' }), servers });
  const rules = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => f.ruleId);
  assert.deepEqual(rules(doc([{ url: 'https://{region}.example.com', variables: { region: { default: 'eu', enum: ['eu', 'us'] } } }]),
    doc([{ url: 'https://{zone}.example.com', variables: { zone: { default: 'eu', enum: ['eu', 'us'] } } }])), []);
});

test('a multipart part that gains a contentType refuses what it was sent as by default (blind set 24)', () => {
  const upload = (encoding?: unknown) => ({
    openapi: '3.1.0', info: { title: 't', version: '1' },
    paths: { '/upload': { post: { operationId: 'upload', requestBody: { content: { 'multipart/form-data': { schema: obj({ file: { type: 'string', format: 'binary' }, note: S }), ...(encoding ? { encoding } : {}) } } }, responses: { '204': { description: 'ok' } } } } },
  });
  const rules = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => `${f.ruleId}:${f.path}`);
  assert.deepEqual(rules(upload(), upload({ file: { contentType: 'image/png, image/jpeg' } })), ['request-part-content-type-narrowed:file']);
  assert.deepEqual(rules(upload(), upload({ file: { contentType: 'application/octet-stream, image/png' } })), []);
  assert.deepEqual(rules(upload(), upload({ note: { contentType: 'text/plain' } })), []);
});

test('multipart parts: 3.0 ignores their style, an entry removed sends the default type, a part header is judged by what it admits (blind set 53)', () => {
  const upload = (version: string, encoding?: unknown) => ({
    openapi: version, info: { title: 't', version: '1' },
    paths: { '/upload': { post: { operationId: 'upload', requestBody: { content: { 'multipart/form-data': { schema: obj({ file: { type: 'string', format: 'binary' }, meta: { $ref: '#/components/schemas/M' }, tags: { type: 'array', items: S } }), ...(encoding ? { encoding } : {}) } } }, responses: { '204': { description: 'ok' } } } } },
    components: { schemas: { M: obj({ a: S }) } },
  });
  const rules = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => `${f.level} ${f.ruleId}:${f.path}`);
  // style/explode of a multipart part: read in 3.1, ignored in 3.0
  assert.deepEqual(rules(upload('3.0.3', { tags: { style: 'form', explode: true } }), upload('3.0.3', { tags: { style: 'form', explode: false } })), []);
  assert.deepEqual(rules(upload('3.1.0', { tags: { style: 'form', explode: true } }), upload('3.1.0', { tags: { style: 'form', explode: false } })), ['ERR parameter-style-changed:tags']);
  // an entry removed: the part is sent as its default again (a structure's: JSON)
  assert.deepEqual(rules(upload('3.1.0', { file: { contentType: 'image/png' } }), upload('3.1.0')), ['ERR request-part-content-type-narrowed:file']);
  assert.deepEqual(rules(upload('3.1.0', { meta: { contentType: 'application/json' } }), upload('3.1.0')), []);
  // a part header's schema: another pattern is a change; a description is not
  const sum = (schema: unknown) => ({ file: { headers: { 'X-Sum': { required: true, schema } } } });
  assert.deepEqual(rules(upload('3.1.0', sum({ type: 'string', pattern: '^[0-9a-f]{64}$' })), upload('3.1.0', sum({ type: 'string', pattern: '^[0-9a-f]{128}$' }))), ['WARN field-constraint-changed:file']);
  assert.deepEqual(rules(upload('3.1.0', sum({ type: 'string', pattern: '^[0-9a-f]{64}$' })), upload('3.1.0', sum({ pattern: '^[0-9a-f]{64}$', type: 'string', description: 'SHA-256' }))), []);
});

test('a Protobuf payload is compared without its comments and layout (blind set 53)', () => {
  const doc = (proto: string) => ({ asyncapi: '2.6.0', info: { title: 't', version: '1' }, channels: { dumps: { subscribe: { operationId: 'onDump', message: { schemaFormat: 'application/vnd.google.protobuf;version=3', payload: proto } } } } });
  const rules = (b: string, r: string) => diffModels(modelOf(doc(b))!, modelOf(doc(r))!).map((f) => f.ruleId);
  const proto = 'syntax = "proto3";\nmessage Dump {\n  string id = 1;\n  bytes data = 2;\n}\n';
  assert.deepEqual(rules(proto, `// dumps of a device\n${proto.replace('= 1;', '= 1; // the device').replace('bytes', '/* raw */ bytes')}`), []);
  assert.deepEqual(rules(proto, proto.replace('bytes data = 2', 'bytes data = 3')), ['message-payload-not-compared']);
});

test('a nullable union with a type-specific keyword beside it is the same as the type list (generators write `anyOf: [string, null]` + `format`; blind set 26)', () => {
  const rules = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => f.ruleId);
  const union = { anyOf: [{ type: 'string' }, { type: 'null' }], format: 'password' }, list = { type: ['string', 'null'], format: 'password' };
  assert.deepEqual(rules(api(obj({}), obj({ s: union })), api(obj({}), obj({ s: list }))), []);
  assert.deepEqual(rules(api(obj({}), obj({ s: list })), api(obj({}), obj({ s: union }))), []);
});

test('an RTM frame written as an allOf of a shared envelope and its own part is the same frame (blind set 27)', () => {
  const envelope = { type: 'object', required: ['action', 'request_id', 'payload'], properties: { action: S, request_id: S, payload: { type: 'object' } } };
  const own = { type: 'object', properties: { action: { type: 'string', const: 'assign' }, payload: obj({ job: S }, ['job']) } };
  const doc = (frame: unknown) => ({
    asyncapi: '3.0.0', info: { title: 't', version: '1' },
    channels: { rtm: { address: '/rtm', messages: { req: { payload: frame } } } },
    operations: { assign: { action: 'receive', channel: { $ref: '#/channels/rtm' }, messages: [{ $ref: '#/channels/rtm/messages/req' }] } },
    components: { schemas: { Envelope: envelope } },
  });
  const written = { type: 'object', required: ['action', 'request_id', 'payload'], properties: { action: { type: 'string', const: 'assign' }, request_id: S, payload: obj({ job: S }, ['job']) } };
  // (the envelope, unused before, is a structure now: told, not breaking)
  const rules = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).filter((f) => f.ruleId !== 'structure-added').map((f) => f.ruleId);
  assert.deepEqual(rules(doc(written), doc({ allOf: [{ $ref: '#/components/schemas/Envelope' }, own] })), []);
  // and a change in its own part is still judged
  assert.deepEqual(rules(doc(written), doc({ allOf: [{ $ref: '#/components/schemas/Envelope' }, { ...own, properties: { ...own.properties, payload: obj({ job: { type: 'integer' } }, ['job']) } }] })), ['request-field-type-changed']);
});

test('a structure reached only by an operation\'s other messages is judged on their side (blind set 27: request frames read as responses)', () => {
  const frame = (action: string, payload: unknown) => ({ payload: obj({ action: { type: 'string', const: action }, payload }, ['action', 'payload']) });
  const doc = (max: number) => ({
    asyncapi: '2.6.0', info: { title: 't', version: '1' },
    channels: { rtm: { publish: { operationId: 'sendFrame', message: { oneOf: [{ $ref: '#/components/messages/a' }, { $ref: '#/components/messages/b' }] } } } },
    components: {
      messages: { a: frame('a_list', obj({})), b: frame('b_start', { $ref: '#/components/schemas/Command' }) },
      schemas: { Command: obj({ seconds: { type: 'integer', maximum: max } }, ['seconds']), Other: obj({ c: { $ref: '#/components/schemas/Command' } }) },
    },
  });
  const rules = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => f.ruleId);
  assert.deepEqual(rules(doc(3600), doc(600)), ['request-limit-tightened']);
  assert.deepEqual(rules(doc(600), doc(3600)).filter((x) => x.startsWith('response-')), []);
});

test('a bound on a grid of multiples is met at the nearest multiple inside it: `> 0` under `multipleOf: 0.01` is `>= 0.01` (blind set 29)', () => {
  const rules = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => `${f.ruleId}:${f.path}`);
  const amount = (bounds: Record<string, unknown>) => api(obj({}), obj({ value: { type: 'number', multipleOf: 0.01, ...bounds } }));
  assert.deepEqual(rules(amount({ exclusiveMinimum: 0 }), amount({ minimum: 0.01 })), []);
  assert.deepEqual(rules(amount({ maximum: 1.1 }), amount({ exclusiveMaximum: 1.11 })), []);
  // still a grid apart: 0.02 refuses the 0.01 that `> 0` took
  assert.deepEqual(rules(amount({ exclusiveMinimum: 0 }), amount({ minimum: 0.02 })), ['request-limit-tightened:value']);
  // no grid without multipleOf: `> 0` takes 0.001
  const plain = (bounds: Record<string, unknown>) => api(obj({}), obj({ value: { type: 'number', ...bounds } }));
  assert.deepEqual(rules(plain({ exclusiveMinimum: 0 }), plain({ minimum: 0.01 })), ['request-limit-tightened:value']);
  // an integer field with a multipleOf keeps to its multiples: `> 0` under `multipleOf: 5` is `>= 5`
  const count = (bounds: Record<string, unknown>) => api(obj({}), obj({ n: { type: 'integer', multipleOf: 5, ...bounds } }));
  assert.deepEqual(rules(count({ exclusiveMinimum: 0 }), count({ minimum: 5 })), []);
});

test('operation bindings that hold schemas are fields of the side that chooses the values: an HTTP query, a Kafka consumer\'s group id (blind set 30)', () => {
  const doc = (http: unknown, kafka: unknown) => ({
    asyncapi: '2.6.0', info: { title: 't', version: '1' },
    channels: {
      candles: { publish: { operationId: 'fetchCandles', bindings: { http: { type: 'request', method: 'GET', query: http } }, message: { payload: { type: 'object' } } } },
      events: { subscribe: { operationId: 'onEvent', bindings: { kafka: { groupId: kafka } }, message: { payload: { type: 'object' } } } },
      orders: { publish: { operationId: 'placeOrder', bindings: { kafka: { groupId: kafka } }, message: { payload: { type: 'object' } } } },
    },
  });
  const rules = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => `${f.ruleId}:${f.owner.name}`).sort();
  const q = (values: string[]) => ({ type: 'object', required: ['interval'], properties: { interval: { type: 'string', enum: values } } });
  const g = (pattern: string) => ({ type: 'string', pattern });
  // the client sends the query: a new value is no break, a value gone is
  assert.deepEqual(rules(doc(q(['1m']), g('^a-.+$')), doc(q(['1m', '5m']), g('^a-.+$'))), ['request-enum-value-added:fetchCandles']);
  assert.deepEqual(rules(doc(q(['1m', '5m']), g('^a-.+$')), doc(q(['1m']), g('^a-.+$'))), ['request-enum-value-removed:fetchCandles']);
  // a consumer group the client names (it consumes a push): a pattern that may refuse its name; the
  // application's own group (it consumes what clients publish) is none of the clients' business
  assert.deepEqual(rules(doc(q(['1m']), g('^a-.+$')), doc(q(['1m']), g('^a-(web|app)$'))), ['request-pattern-changed:onEvent']);
});

test('an Avro payload is judged by Avro\'s schema resolution in the direction the message travels (blind set 30)', () => {
  const doc = (sent: unknown[], received: unknown[]) => ({
    asyncapi: '2.6.0', info: { title: 't', version: '1' },
    channels: {
      postings: { publish: { operationId: 'submit', message: { schemaFormat: 'application/vnd.apache.avro;version=1.9.0', payload: { type: 'record', name: 'Posting', fields: sent } } } },
      balances: { subscribe: { operationId: 'onBalance', message: { schemaFormat: 'application/vnd.apache.avro;version=1.9.0', payload: { type: 'record', name: 'Balance', fields: received } } } },
    },
  });
  const rules = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => `${f.ruleId}:${f.owner.name}`).sort();
  const id = { name: 'id', type: 'string' };
  const seq = (type: string) => ({ name: 'seq', type });
  // int -> long: the server reads what clients write (fine); clients read what the server writes (not)
  assert.deepEqual(rules(doc([id, seq('int')], [id, seq('int')]), doc([id, seq('long')], [id, seq('long')])), ['message-avro-compatible:submit', 'message-avro-incompatible:onBalance']);
  // a new field: needs a default where the server reads it; a client reading skips it
  const note = (d?: unknown) => ({ name: 'note', type: 'string', ...(d === undefined ? {} : { default: d }) });
  assert.deepEqual(rules(doc([id], [id]), doc([id, note()], [id, note()])), ['message-avro-compatible:onBalance', 'message-avro-incompatible:submit']);
  assert.deepEqual(rules(doc([id], [id]), doc([id, note('')], [id, note()])), ['message-avro-compatible:onBalance', 'message-avro-compatible:submit']);
  // documentation alone is no change
  assert.deepEqual(rules(doc([id], [id]), doc([{ ...id, doc: 'the id' }], [id])), []);
});

test('unevaluatedProperties: false with no subschema applied in place is additionalProperties: false (blind set 31)', () => {
  const rules = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => `${f.ruleId}:${f.path}`);
  const cal = (closing: Record<string, unknown>, extra: Record<string, unknown> = {}) => api(obj({}), obj({ calibration: { type: 'object', properties: { offset: { type: 'number' } }, ...closing, ...extra } }));
  assert.deepEqual(rules(cal({ additionalProperties: false }), cal({ unevaluatedProperties: false })), []);
  assert.deepEqual(rules(cal({ unevaluatedProperties: false }), cal({ additionalProperties: false })), []);
  // beside an allOf, properties its parts name are evaluated: it closes the merged object (set 29 split
  // a closed request into an allOf of a shared core and the rest, under unevaluatedProperties: false)
  const core = { allOf: [{ properties: { gain: { type: 'number' } } }] };
  const split = api(obj({}), obj({ calibration: { type: 'object', allOf: [{ properties: { offset: { type: 'number' } } }], unevaluatedProperties: false } }));
  assert.deepEqual(rules(cal({ unevaluatedProperties: false }), split), []);
  assert.deepEqual(rules(cal({ additionalProperties: false }), split), []);
  // a part applied only under a condition (a oneOf branch) evaluates its properties only then: unprovable
  const branch = { oneOf: [{ properties: { gain: { type: 'number' } } }, { properties: { bias: { type: 'number' } } }] };
  assert.notDeepEqual(rules(cal({ additionalProperties: false }, branch), cal({ unevaluatedProperties: false }, branch)), []);
  assert.deepEqual(rules(cal({ unevaluatedProperties: false }, core), cal({ unevaluatedProperties: false }, core)), []);
});

test('additionalProperties: false beside allOf refuses what only the parts declare; unevaluatedProperties: false does not (blind set 41)', () => {
  const rules = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => `${f.ruleId}:${f.level}`).sort();
  const refund = (closing: Record<string, unknown>, own: Record<string, unknown> = {}) => api(obj({}), { allOf: [{ $ref: '#/components/schemas/Core' }], ...(Object.keys(own).length ? { properties: own } : {}), ...closing }, { Core: obj({ amount: { type: 'integer' }, reason: { type: 'string' } }, ['amount']) });
  // the classic pitfall: every request carrying `amount` is now refused
  assert.deepEqual(rules(refund({ unevaluatedProperties: false }), refund({ additionalProperties: false })), ['field-constraint-changed:WARN']);
  assert.deepEqual(rules(refund({ additionalProperties: false }), refund({ unevaluatedProperties: false })), ['field-constraint-relaxed:INFO']);
  // the parts' properties listed again beside it (any value): nothing is refused, so nothing changed
  assert.deepEqual(rules(refund({ unevaluatedProperties: false }), refund({ additionalProperties: false }, { amount: { type: 'integer' }, reason: { type: 'string' } })), []);
  // a patternProperties key matching them covers them too
  const keys = { patternProperties: { '^(amount|reason)$': {} } };
  assert.deepEqual(rules(refund({ unevaluatedProperties: false, ...keys }), refund({ additionalProperties: false, ...keys })), []);
  assert.deepEqual(rules(refund({ unevaluatedProperties: false, patternProperties: { '^amount$': {} } }), refund({ additionalProperties: false, patternProperties: { '^amount$': {} } })), ['field-constraint-changed:WARN']);
});

test('dependentSchemas that only require properties are dependentRequired; pairs added narrow, dropped widen (blind set 41)', () => {
  const rules = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => `${f.ruleId}:${f.direction}`).sort();
  const pay = (deps: Record<string, unknown>, where: 'req' | 'res') => {
    const s = { ...obj({ plan: { type: 'string' }, count: { type: 'integer' }, at: { type: 'string' } }), ...deps };
    return where === 'req' ? api(obj({}), s) : api(s);
  };
  for (const where of ['req', 'res'] as const) {
    assert.deepEqual(rules(pay({ dependentRequired: { count: ['plan'] } }, where), pay({ dependentSchemas: { count: { required: ['plan'], description: 'a plan with it' } } }, where)), []);
    assert.deepEqual(rules(pay({ dependencies: { count: ['plan'] } }, where), pay({ dependentRequired: { count: ['plan'] } }, where)), []);
    assert.deepEqual(rules(pay({ dependentRequired: { count: ['plan', 'at'] } }, where), pay({ dependentRequired: { count: ['at', 'plan', 'at'] } }, where)), []);
  }
  // a pair added: fewer requests accepted (may break), fewer responses possible (harmless)
  const one = { dependentRequired: { count: ['plan'] } }, two = { dependentRequired: { count: ['plan'], plan: ['count'] } };
  assert.deepEqual(rules(pay(one, 'req'), pay(two, 'req')), ['field-constraint-changed:request']);
  assert.deepEqual(rules(pay(one, 'res'), pay(two, 'res')), ['field-constraint-relaxed:response']);
  assert.deepEqual(rules(pay(two, 'req'), pay(one, 'req')), ['field-constraint-relaxed:request']);
  assert.deepEqual(rules(pay(two, 'res'), pay(one, 'res')), ['field-constraint-changed:response']);
  // a pair swapped for another: unprovable either way
  assert.deepEqual(rules(pay(one, 'res'), pay({ dependentRequired: { plan: ['count'] } }, 'res')), ['field-constraint-changed:response']);
  // a dependent schema that says more than `required` stays a schema
  assert.deepEqual(rules(pay(one, 'req'), pay({ dependentSchemas: { count: { required: ['plan'], properties: { plan: { maxLength: 4 } } } } }, 'req')).length > 0, true);
});

test('a header given as one scalar in text/plain content is written as its default style writes it (blind set 41)', () => {
  const rules = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => `${f.ruleId}`).sort();
  const withHeader = (p: Record<string, unknown>) => { const d: any = api(obj({})); d.paths['/x'].post.parameters = [{ name: 'X-Trace', in: 'header', ...p }]; return d; };
  const plain = withHeader({ schema: { type: 'string' } });
  assert.deepEqual(rules(plain, withHeader({ content: { 'text/plain': { schema: { type: 'string' } } } })), []);
  assert.deepEqual(rules(withHeader({ content: { 'text/plain; charset=utf-8': { schema: { type: 'integer' } } } }), withHeader({ schema: { type: 'integer' } })), []);
  // JSON text is another wire (`"abc"` with its quotes), and so is a style other than the default
  assert.deepEqual(rules(plain, withHeader({ content: { 'application/json': { schema: { type: 'string' } } } })), ['parameter-style-changed']);
  assert.deepEqual(rules(withHeader({ schema: { type: 'array', items: { type: 'string' } }, explode: true }), withHeader({ content: { 'text/plain': { schema: { type: 'array', items: { type: 'string' } } } } })), ['parameter-style-changed']);
});

test('xml layouts are compared where the value travels as XML, defaults and prefixes aside (blind set 41)', () => {
  const rules = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => `${f.ruleId}:${f.owner.name}`).sort();
  const book = (isbn: Record<string, unknown>, root: Record<string, unknown> = { name: 'book', namespace: 'https://ex.com/v1', prefix: 'c' }, media = 'application/xml') => ({
    openapi: '3.0.3', info: { title: 't', version: '1' },
    paths: {
      '/books': { get: { operationId: 'getBook', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Book' } }, [media]: { schema: { $ref: '#/components/schemas/Book' } } } } } } },
      '/authors': { get: { operationId: 'getAuthor', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Author' } } } } } } },
    },
    components: { schemas: {
      Book: { type: 'object', xml: root, properties: { isbn: { type: 'string', ...isbn }, tags: { type: 'array', items: { type: 'string' } } } },
      Author: { type: 'object', properties: { id: { type: 'string', ...isbn } } },
    } },
  });
  const xml = (x: Record<string, unknown>) => ({ xml: x });
  assert.deepEqual(rules(book(xml({ attribute: true })), book({})), ['xml-layout-changed:Book']);
  assert.deepEqual(rules(book({}), book(xml({ name: 'code' }))), ['xml-layout-changed:Book']);
  assert.deepEqual(rules(book({}), book({}, { name: 'Book', namespace: 'https://ex.com/v1' })).length, 1);
  assert.deepEqual(rules(book({}), book({}, { name: 'book', namespace: 'https://ex.com/v2', prefix: 'c' })).length, 1);
  // the same layout written out, or another prefix for the same namespace: nothing on the wire
  assert.deepEqual(rules(book({}), book(xml({ name: 'isbn', attribute: false, wrapped: false }))), []);
  assert.deepEqual(rules(book({}), book({}, { name: 'book', namespace: 'https://ex.com/v1', prefix: 'lib' })), []);
  // Author only ever travels as JSON (its isbn-like `id` gets the same edit); an +xml media type is XML
  assert.deepEqual(rules(book({}, undefined, 'application/atom+xml'), book(xml({ attribute: true }), undefined, 'application/atom+xml')), ['xml-layout-changed:Book']);
  assert.deepEqual(rules(book({}, undefined, 'text/csv'), book(xml({ attribute: true }), undefined, 'text/csv')), []);
});

test('explode on a scalar, or on a simple-style array, writes the same text; Accept, Content-Type and Authorization header parameters are ignored (blind set 44)', () => {
  const rules = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => `${f.ruleId}`).sort();
  const withParams = (...ps: unknown[]) => { const d: any = api(obj({})); d.paths['/x'].post.parameters = ps; return d; };
  const q = (extra: Record<string, unknown>, schema: unknown = { type: 'integer' }) => ({ name: 'minRating', in: 'query', schema, ...extra });
  assert.deepEqual(rules(withParams(q({})), withParams(q({ explode: false }))), []);
  assert.deepEqual(rules(withParams(q({ style: 'form' })), withParams(q({ style: 'form', explode: true }))), []);
  const ids = (extra: Record<string, unknown>) => ({ name: 'ids', in: 'header', schema: { type: 'array', items: { type: 'string' } }, ...extra });
  assert.deepEqual(rules(withParams(ids({})), withParams(ids({ explode: true }))), []);
  // an array in form style, or an object in simple style, is written otherwise when exploded
  const arr = { type: 'array', items: { type: 'string' } };
  assert.deepEqual(rules(withParams(q({}, arr)), withParams(q({ explode: false }, arr))), ['parameter-style-changed']);
  const o = { type: 'object', properties: { r: { type: 'integer' } } };
  assert.deepEqual(rules(withParams(ids({ schema: o })), withParams(ids({ schema: o, explode: true }))), ['parameter-style-changed']);
  // ignored header parameters: declared, required, removed, in any letter case
  for (const name of ['Accept', 'content-type', 'AUTHORIZATION']) {
    assert.deepEqual(rules(withParams(), withParams({ name, in: 'header', required: true, schema: { type: 'string' } })), []);
  }
  assert.deepEqual(rules(withParams(), withParams({ name: 'Accept', in: 'query', required: true, schema: { type: 'string' } })), ['request-field-added-required']);
});

test('token and discovery URLs are compared as addresses: scheme and host case and the default port aside (blind set 43)', () => {
  const rules = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => `${f.ruleId}`).sort();
  const secured = (tokenUrl: string, oidc = 'https://id.example.com/.well-known/openid-configuration') => {
    const d: any = api(obj({}));
    d.components.securitySchemes = { cc: { type: 'oauth2', flows: { clientCredentials: { tokenUrl, scopes: { read: 'r' } } } }, oidc: { type: 'openIdConnect', openIdConnectUrl: oidc } };
    d.paths['/x'].post.security = [{ cc: ['read'] }, { oidc: [] }];
    return d;
  };
  const base = secured('https://auth.example.com/oauth2/token');
  assert.deepEqual(rules(base, secured('HTTPS://Auth.Example.COM:443/oauth2/token')), []);
  assert.deepEqual(rules(base, secured('https://auth.example.com/oauth2/token', 'https://ID.example.com:443/.well-known/openid-configuration')), []);
  // the path is case-sensitive, and another port is another server
  assert.notDeepEqual(rules(base, secured('https://auth.example.com/OAuth2/token')), []);
  assert.notDeepEqual(rules(base, secured('https://auth.example.com:8443/oauth2/token')), []);
});

test('a scalar parameter retyped as a string is judged by the texts of its old values: a bounded integer, a boolean, an enum (blind set 41)', () => {
  const rules = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => `${f.ruleId}`).sort();
  const withQuery = (schema: unknown, style: Record<string, unknown> = {}) => { const d: any = api(obj({})); d.paths['/x'].post.parameters = [{ name: 'minBattery', in: 'query', schema, ...style }]; return d; };
  const pct = { type: 'integer', minimum: 0, maximum: 100 };
  assert.deepEqual(rules(withQuery(pct), withQuery({ type: 'string', pattern: '^[0-9]{1,3}%?$' })), ['request-field-type-widened']);
  assert.deepEqual(rules(withQuery(pct), withQuery({ type: 'string', maxLength: 3 })), ['request-field-type-widened']);
  // a text an old value is written as now refused: 100 has three digits
  assert.deepEqual(rules(withQuery(pct), withQuery({ type: 'string', pattern: '^[0-9]{1,2}$' })), ['request-field-type-changed', 'request-pattern-added']);
  // an open range has too many values to check one by one
  assert.deepEqual(rules(withQuery({ type: 'integer', minimum: 0 }), withQuery({ type: 'string', pattern: '^[0-9]+$' })), ['request-field-type-changed', 'request-pattern-added']);
  assert.deepEqual(rules(withQuery({ type: 'boolean' }), withQuery({ type: 'string', enum: ['false', 'true'] })), ['request-field-type-widened']);
  assert.deepEqual(rules(withQuery({ type: 'integer', enum: [1, 2, 3] }), withQuery({ type: 'string', pattern: '^[1-4]$' })), ['request-field-type-widened']);
  // in a JSON body `20` is not `"20"`
  assert.deepEqual(rules(api(obj({}), obj({ minBattery: pct })), api(obj({}), obj({ minBattery: { type: 'string', pattern: '^[0-9]{1,3}%?$' } }))), ['request-field-type-changed', 'request-pattern-added']);
});

test('the same few values written another way are no change: an enum, a range, a pattern, a boolean, a format\'s bounds, a parameter default as text (blind set 45)', () => {
  const rules = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => `${f.ruleId}`).sort();
  const both = (s: unknown) => api(obj({ v: s }, ['v']), obj({ v: s }, ['v']));
  const same = (a: unknown, b: unknown) => { assert.deepEqual(rules(both(a), both(b)), [], JSON.stringify([a, b])); assert.deepEqual(rules(both(b), both(a)), [], JSON.stringify([b, a])); };
  same({ type: 'integer', minimum: 1, maximum: 5 }, { type: 'integer', enum: [1, 2, 3, 4, 5] });
  same({ type: 'integer', const: 2 }, { type: 'integer', minimum: 2, maximum: 2 });
  same({ type: 'string', enum: ['new', 'paid', 'sent'] }, { type: 'string', pattern: '^(sent|new|paid)$' });
  same({ type: 'string', const: 'SEPA' }, { type: 'string', pattern: '^SEPA$' });
  same({ type: 'string', pattern: '^[0-7]$' }, { type: 'string', enum: ['0', '1', '2', '3', '4', '5', '6', '7'] });
  same({ type: 'boolean' }, { type: 'boolean', enum: [true, false] });
  same({ type: 'integer', format: 'int32' }, { type: 'integer', minimum: -2147483648, maximum: 2147483647 });
  same({ type: 'integer', format: 'int32', minimum: 0, maximum: 5000 }, { type: 'integer', format: 'int64', minimum: 0, maximum: 5000 });
  // one value more or less is a change (here read both ways, so it is told)
  assert.notDeepEqual(rules(both({ type: 'integer', minimum: 1, maximum: 5 }), both({ type: 'integer', enum: [1, 2, 3, 4] })), []);
  assert.notDeepEqual(rules(both({ type: 'string', enum: ['new', 'paid'] }), both({ type: 'string', pattern: '^(new|paid|sent)$' })), []);
  assert.notDeepEqual(rules(both({ type: 'integer', format: 'int32' }), both({ type: 'integer', format: 'int64' })), []);
  assert.notDeepEqual(rules(both({ type: 'boolean' }), both({ type: 'boolean', enum: [true] })), []);
  // a query parameter's default is text: 20 and "20" are one default there, not in a JSON body
  const q = (schema: unknown) => { const d: any = api(obj({})); d.paths['/x'].post.parameters = [{ name: 'limit', in: 'query', schema }]; return d; };
  assert.deepEqual(rules(q({ type: 'integer', minimum: 1, maximum: 100, default: 20 }), q({ type: 'string', pattern: '^([1-9][0-9]?|100)$', default: '20' })), ['request-field-type-widened']);
  assert.ok(rules(api(obj({}), obj({ limit: { type: 'integer', default: 20 } })), api(obj({}), obj({ limit: { type: 'integer', default: 21 } }))).includes('request-default-changed'));
});

test('a length the pattern already implies is no bound of its own; a pattern widened beyond the maxLength it keeps is no change (blind set 45)', () => {
  const rules = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => `${f.ruleId}`).sort();
  const both = (s: unknown) => api(obj({ v: s }, ['v']), obj({ v: s }, ['v']));
  const same = (a: unknown, b: unknown) => { assert.deepEqual(rules(both(a), both(b)), [], JSON.stringify([a, b])); assert.deepEqual(rules(both(b), both(a)), [], JSON.stringify([b, a])); };
  same({ type: 'string', pattern: '^[A-Z]{3}$' }, { type: 'string', pattern: '^[A-Z]{3}$', minLength: 3, maxLength: 3 });
  same({ type: 'string', pattern: '^[A-Za-z0-9-]{1,12}$', maxLength: 12 }, { type: 'string', pattern: '^[A-Za-z0-9-]{1,32}$', maxLength: 12 });
  // a maxLength that cuts below what the pattern allows is a bound
  assert.notDeepEqual(rules(both({ type: 'string', pattern: '^[A-Z]{2,6}$' }), both({ type: 'string', pattern: '^[A-Z]{2,6}$', maxLength: 4 })), []);
  // a response whose free string gains the pattern that holds it to 12: fewer values arrive, none new
  const res = (s: unknown) => api(obj({ code: s }, ['code']));
  assert.deepEqual(rules(res({ type: 'string', maxLength: 12 }), res({ type: 'string', pattern: '^[A-Z0-9]{1,12}$' })), ['response-pattern-added']);
});

test('a payload written as a one-part allOf of a component names it as a $ref does: inlining the component, or un-wrapping the ref, is no change', () => {
  const order = obj({ id: { type: 'string' }, total: { type: 'integer' } }, ['id']);
  const wrapped = api({ type: 'object' }, { allOf: [{ $ref: '#/components/schemas/Order' }], description: 'The order.' }, { Order: order });
  for (const other of [api({ type: 'object' }, order), api({ type: 'object' }, { $ref: '#/components/schemas/Order' }, { Order: order })]) {
    assert.deepEqual(diffModels(modelOf(wrapped)!, modelOf(other)!).map((f) => f.ruleId), []);
    assert.deepEqual(diffModels(modelOf(other)!, modelOf(wrapped)!).map((f) => f.ruleId), []);
  }
  // ... and the component it names is still compared: a field it now requires is told
  const stricter = api({ type: 'object' }, { allOf: [{ $ref: '#/components/schemas/Order' }] }, { Order: { ...order, required: ['id', 'total'] } });
  assert.deepEqual(diffModels(modelOf(wrapped)!, modelOf(stricter)!).map((f) => f.ruleId), ['request-field-became-required']);
});

test('a $dynamicRef resolves along the way the payload is reached: a generic envelope\'s item bound by the schema that uses it (JSON Schema 2020-12, blind set 49)', () => {
  const base = 'https://schemas.example.test/';
  const page = { $id: `${base}page`, type: 'object', required: ['items'], properties: { items: { type: 'array', items: { $dynamicRef: '#item' } } }, $defs: { item: { $dynamicAnchor: 'item' } } };
  const invoice = obj({ id: { type: 'string' }, total: { type: 'integer' } }, ['id', 'total']);
  const summary = obj({ id: { type: 'string' } }, ['id']);
  const bound = (to: string, anchor = true) => ({ $id: `${base}invoice-page`, $ref: '#/components/schemas/Page', $defs: { item: { ...(anchor ? { $dynamicAnchor: 'item' } : {}), $ref: `#/components/schemas/${to}` } } });
  const doc = (invoicePage: unknown) => api({ $ref: '#/components/schemas/InvoicePage' }, { type: 'object' }, { Page: page, Invoice: invoice, Summary: summary, InvoicePage: invoicePage });
  const rules = (a: unknown, b: unknown) => diffModels(modelOf(doc(a))!, modelOf(doc(b))!).map((f) => `${f.ruleId} ${f.path ?? ''}`.trim()).sort();
  // the item is the bound schema: another one bound is told field by field (and the one it names
  // now is the structure in use)
  assert.deepEqual(rules(bound('Invoice'), bound('Summary')), ['response-required-field-removed items[].total', 'structure-added', 'structure-removed']);
  // the binding dropped: the envelope's own item (anything) applies
  assert.deepEqual(rules(bound('Invoice'), bound('Invoice', false)).map((r) => r.split(' ')[0]), ['response-field-type-changed']);
  // the same page written without the envelope is no change
  const plain = { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Invoice' } } } };
  assert.deepEqual(rules(bound('Invoice'), plain), []);
});
