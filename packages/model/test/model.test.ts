import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { flatten, loadModels, normalise, Resolver } from '../src/index.ts';
import { writtenByServer } from '../src/normalise.ts';

const folder = join(import.meta.dirname, 'fixtures', 'folder');

test('flatten: fields without limits share one frozen object, a limit written gives the field its own', () => {
  const given = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string', maxLength: 3 }, c: { allOf: [{ type: 'integer' }, { minimum: 1 }] }, d: { type: 'array', uniqueItems: true } } };
  const fields = flatten(given, '/x', new Resolver({}), { followRoot: true, rootRequired: true });
  assert.ok(Object.isFrozen(fields.a.limits));
  assert.equal(fields.a.limits, fields[''].limits);
  assert.deepEqual([fields.b.limits, fields.c.limits, fields.d.limits], [{ maxLength: 3 }, { minimum: 1 }, { uniqueItems: 1 }]);
  for (const k of ['b', 'c', 'd']) assert.ok(!Object.isFrozen(fields[k].limits) && fields[k].limits !== fields.a.limits, k);
  // a writer that skips ownLimits fails loudly instead of giving every field its limit
  assert.throws(() => { (fields.a.limits as Record<string, number>).maxLength = 1; }, TypeError);
});

test('flatten: table of schemas -> fields', () => {
  const cases: Array<[string, { given: unknown; want: Record<string, Partial<Record<string, unknown>>> }]> = [
    ['nested object with required', { given: { type: 'object', required: ['a'], properties: { a: { type: 'object', properties: { b: { type: 'integer', maximum: 5 } } } } }, want: { a: { required: true, type: 'object' }, 'a.b': { required: false, type: 'integer', limits: { maximum: 5 } } } }],
    ['array items and nullable', { given: { type: 'object', properties: { xs: { type: 'array', items: { type: ['string', 'null'], format: 'date-time' } } } }, want: { xs: { type: 'array' }, 'xs[]': { type: 'string', nullable: true, format: 'date-time' } } }],
    ['enum, const, default, pattern', { given: { type: 'object', properties: { k: { type: 'string', enum: ['a', 'b'], default: 'a', pattern: '^x' }, c: { const: 1 } } }, want: { k: { enum: ['a', 'b'], default: 'a', hasDefault: true, pattern: '^x' }, c: { enum: [1] } } }],
    ['component ref is a leaf', { given: { type: 'object', properties: { o: { $ref: '#/components/schemas/O' } } }, want: { o: { ref: 'O' } } }],
    ['required at the object, properties declared by its allOf parts', { given: { type: 'object', required: ['a'], allOf: [{ properties: { a: { type: 'string' } } }, { properties: { b: { type: 'string' } } }] }, want: { a: { required: true }, b: { required: false } } }],
    ['allOf merges parts', { given: { allOf: [{ type: 'object', required: ['a'], properties: { a: { type: 'string' } } }, { properties: { b: { type: 'integer' } } }] }, want: { '': { allOf: 2 }, a: { required: true }, b: { type: 'integer' } } }],
    ['additionalProperties map', { given: { type: 'object', additionalProperties: { type: 'integer' } }, want: { '{}': { type: 'integer' } } }],
    ['contentEncoding: base64 is 3.0\'s byte, another encoding is its own format', { given: { type: 'object', properties: { a: { type: 'string', contentEncoding: 'base64' }, b: { type: 'string', contentEncoding: 'base32' } } }, want: { a: { format: 'byte' }, b: { format: 'base32' } } }],
    ['a union of disjoint scalar types is a type list with each type\'s keywords', { given: { type: 'object', properties: {
      u: { oneOf: [{ type: 'string', pattern: '^[0-9]+$' }, { type: 'integer', minimum: 0 }, { type: 'null' }] },
      // not rewritten: two numeric alternatives overlap; an enum, 3.0's nullable or a $ref in an alternative
      n: { oneOf: [{ type: 'number', maximum: 1 }, { type: 'integer', minimum: 5 }] },
      e: { anyOf: [{ type: 'string', enum: ['a'] }, { type: 'integer' }] },
      z: { anyOf: [{ type: 'string', nullable: true }, { type: 'integer' }] },
      r: { anyOf: [{ $ref: '#/components/schemas/O' }, { type: 'integer' }] } } },
    want: { u: { type: 'integer|string', pattern: '^[0-9]+$', limits: { minimum: 0 }, nullable: true, variants: undefined }, n: { variants: ['oneOf:=integer', 'oneOf:=number'] }, e: { type: undefined }, z: { type: undefined }, r: { type: undefined } } }],
    ['a closed tuple holds at most its positions', { given: { type: 'object', properties: { t: { type: 'array', prefixItems: [{ type: 'number' }, { type: 'number' }], items: false }, u: { type: 'array', items: [{ type: 'string' }], additionalItems: false } } }, want: { t: { limits: { maxItems: 2 } }, 't[1]': { type: 'number' }, u: { limits: { maxItems: 1 } } } }],
  ];
  const doc = { components: { schemas: { O: { type: 'object', properties: { x: { type: 'string' } } } } } };
  for (const [name, { given, want }] of cases) {
    const fields = flatten(given, '/x', new Resolver(doc), { followRoot: true, rootRequired: true });
    for (const [path, props] of Object.entries(want)) {
      assert.ok(fields[path], `${name}: no field ${path} in ${Object.keys(fields)}`);
      for (const [k, v] of Object.entries(props)) assert.deepEqual((fields[path] as any)[k], v, `${name}: ${path}.${k}`);
    }
  }
});

test('flatten: JSON Schema spellings of the same constraint give the same fields; different ones do not', () => {
  const doc = { components: { schemas: {
    Pair: { prefixItems: [{ type: 'string' }, { type: 'string' }] },
    Body: { type: 'object', required: ['text'], properties: { text: { type: 'string' } } },
  } } };
  const gps = { type: 'object', required: ['kind'], properties: { kind: { const: 'gps' } } };
  const fieldsOf = (schema: unknown) => {
    const fields = flatten({ type: 'object', properties: { x: schema } }, '/x', new Resolver(doc), { followRoot: true, rootRequired: true });
    // where each field is written is not what it admits
    return JSON.stringify(Object.entries(fields).map(([k, f]) => [k, { ...f, pointer: undefined }]));
  };
  const same: Array<[string, unknown, unknown]> = [
    ['minContains: 1 is what contains says alone', { type: 'array', contains: gps }, { type: 'array', contains: gps, minContains: 1 }],
    ['minContains and maxContains without contains say nothing', { type: 'array' }, { type: 'array', minContains: 2, maxContains: 3 }],
    ['contains with minContains: 0 (and no maxContains) asks nothing', { type: 'array' }, { type: 'array', contains: gps, minContains: 0 }],
    ['unevaluatedItems beside items has nothing left to evaluate', { type: 'array', prefixItems: [{ type: 'string' }], items: false }, { type: 'array', prefixItems: [{ type: 'string' }], items: false, unevaluatedItems: false }],
    ['unevaluatedItems: false after a tuple from an allOf part is items: false after it', { type: 'array', allOf: [{ $ref: '#/components/schemas/Pair' }], unevaluatedItems: false }, { type: 'array', allOf: [{ $ref: '#/components/schemas/Pair' }], maxItems: 2 }],
    ['unevaluatedProperties beside additionalProperties has nothing left to evaluate', { type: 'object', additionalProperties: { type: 'string' } }, { type: 'object', additionalProperties: { type: 'string' }, unevaluatedProperties: false }],
    ['if/then on one required property is dependentRequired', { type: 'object', if: { required: ['company'] }, then: { required: ['vatId'] } }, { type: 'object', dependentRequired: { company: ['vatId'] } }],
    ['a negated condition with its branches swapped', { type: 'object', if: { not: { required: ['card'] } }, then: { required: ['iban'] }, else: { required: ['token'] } }, { type: 'object', if: { required: ['card'] }, then: { required: ['token'] }, else: { required: ['iban'] } }],
    ['if without then or else decides nothing', { type: 'object' }, { type: 'object', if: { required: ['a'] } }],
    ['then and else without if are ignored', { type: 'object' }, { type: 'object', then: { required: ['b'] }, else: { required: ['c'] } }],
    ["minProperties met by the properties required (an allOf part's too)", { allOf: [{ $ref: '#/components/schemas/Body' }] }, { allOf: [{ $ref: '#/components/schemas/Body' }], minProperties: 1 }],
  ];
  for (const [name, a, b] of same) assert.equal(fieldsOf(b), fieldsOf(a), name);
  const differ: Array<[string, unknown, unknown]> = [
    ['minContains lowered from its default beside maxContains', { type: 'array', contains: gps, maxContains: 2 }, { type: 'array', contains: gps, minContains: 0, maxContains: 2 }],
    ['minProperties above the properties required', { allOf: [{ $ref: '#/components/schemas/Body' }] }, { allOf: [{ $ref: '#/components/schemas/Body' }], minProperties: 2 }],
    ['additionalProperties: false in one allOf part refuses what the other part declares', { allOf: [{ properties: { a: { type: 'string' } } }, { properties: { b: { type: 'string' } } }], unevaluatedProperties: false }, { allOf: [{ properties: { a: { type: 'string' } } }, { properties: { b: { type: 'string' } }, additionalProperties: false }] }],
    ['if/then on two required properties is no dependency', { type: 'object', if: { required: ['a', 'b'] }, then: { required: ['c'] } }, { type: 'object', dependentRequired: { a: ['c'] } }],
  ];
  for (const [name, a, b] of differ) assert.notEqual(fieldsOf(b), fieldsOf(a), name);
});

test('recursive schemas do not expand', () => {
  const doc = { components: { schemas: { Node: { type: 'object', properties: { next: { $ref: '#/components/schemas/Node' }, kids: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } } } } };
  const m = normalise({ openapi: '3.1.0', info: {}, paths: { '/n': { get: { responses: { '200': { description: 'x', content: { 'application/json': { schema: { type: 'object', properties: { n: { $ref: '#/components/schemas/Node' } } } } } } } } } }, ...doc }, 'openapi');
  assert.deepEqual(Object.keys(m.structures.Node.fields).sort(), ['', 'kids', 'kids[]', 'next']);
  assert.equal(m.structures.Node.fields.next.ref, 'Node');
});

test('version folder: external refs bundled, Web and RTM normalised alike', () => {
  const { models, folder: isFolder, diagnostics } = loadModels(folder);
  assert.deepEqual(diagnostics, []);
  assert.equal(isFolder, true);
  const [web, rtm] = models;
  assert.equal(web.protocol, 'web');
  assert.equal(rtm.protocol, 'rtm');
  const wm = web.operations['POST /action/get_order'];
  assert.equal(wm.name, 'get_order');
  assert.equal(wm.area, 'Orders');
  assert.equal(wm.request.id.renamedFrom, 'order_id');
  assert.equal(wm.request['query:limit'].limits.maximum, 100);
  assert.equal(wm.response.order.ref, 'Order');
  const rm = rtm.operations.get_order;
  assert.equal(rm.kind, 'method');
  assert.deepEqual(Object.keys(rm.request).sort(), Object.keys(wm.request).filter((k) => !k.includes(':')).sort(), 'RTM frame payload unwrapped');
  assert.equal(rm.response.order.ref, 'Order', 'the success reply is the response, not the error one');
  assert.equal(rtm.operations.order_updated.kind, 'push');
  assert.ok(rtm.operations.order_updated.response.order_id);
  for (const m of models) {
    assert.deepEqual(Object.keys(m.structures).sort(), ['Item', 'Order'], 'request/response components are owned by their method');
    assert.equal(m.structures.Order.fields.parent.ref, 'Order');
    assert.equal(m.structures.Item.fields.price.nullable, true);
    assert.equal(m.structures.Item.usage.response, true);
  }
  assert.equal(rtm.servers.prod.url, 'rtm.example.com/v1/ws');
});

test('bad input gives diagnostics, not exceptions', () => {
  const r = loadModels(join(folder, 'nope.yaml'));
  assert.equal(r.models.length, 0);
  assert.match(r.diagnostics[0].message, /no such file or folder/);
  const r2 = loadModels(join(folder, 'methods.yaml'));
  assert.match(r2.diagnostics[0].message, /neither an `openapi` nor an `asyncapi` field/);
});

test('a revision read with `reuse` is the model a fresh reading gives, and takes over what did not change', () => {
  const specs = join(import.meta.dirname, '..', '..', '..', 'specs');
  const versions = ['v3.0', 'v3.1', 'v3.2', 'v3.3', 'v3.4'];
  let reusedStructures = 0;
  let reusedOperations = 0;
  for (let i = 1; i < versions.length; i++) {
    const base = loadModels(join(specs, versions[i - 1]));
    const fresh = loadModels(join(specs, versions[i]));
    const revision = loadModels(join(specs, versions[i]), { reuse: base.models });
    assert.equal(JSON.stringify(revision.models), JSON.stringify(fresh.models), `${versions[i]} with reuse`);
    for (const m of revision.models) {
      const b = base.models.find((x) => x.protocol === m.protocol)!;
      reusedStructures += Object.keys(m.schemas ?? {}).filter((k) => b.schemas?.[k] === m.schemas![k]).length;
      reusedOperations += Object.keys(m.operations).filter((k) => b.operations[k] === m.operations[k]).length;
    }
  }
  console.log(`reuse across v3.0..v3.4: ${reusedStructures} structures, ${reusedOperations} operations`);
  // identity is what lets the diff skip them: a version mostly keeps its predecessor's structures
  assert.ok(reusedStructures > 100, `${reusedStructures} structures reused`);
  // RTM operations are always derived again (only OpenAPI path items are reused)
  assert.ok(reusedOperations > 20, `${reusedOperations} operations reused`);
});

test('a schema named by a property called `example` is used there too (it is a name, not literal data); a $ref inside a default is data', () => {
  const doc = {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: { '/a': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Foo' } } } } } } } },
    components: {
      schemas: {
        Foo: { type: 'object', properties: { x: { type: 'string' } } },
        Bar: { type: 'object', properties: { example: { $ref: '#/components/schemas/Foo' }, y: { type: 'object', default: { $ref: '#/components/schemas/Baz' } } } },
        Baz: { type: 'object', properties: { z: { type: 'string' } } },
      },
    },
  };
  const m = normalise(doc, 'openapi');
  // two uses: a data structure of its own, not part of the operation's payload
  assert.ok(m.structures.Foo, 'Foo is shared');
  assert.equal(m.operations['GET /a'].response[''].ref, 'Foo');
  // Baz is only named inside a default value: no use, so not part of the API surface
  assert.equal(m.structures.Baz, undefined);
});

test('OpenAPI callbacks are operations the provider calls, read like webhooks; header parameters are keyed in lower case', () => {
  const body = (props: Record<string, unknown>, required: string[]) => ({ required: true, content: { 'application/json': { schema: { type: 'object', required, properties: props } } } });
  const doc = {
    openapi: '3.0.3', info: { title: 't', version: '1' },
    security: [{ key: [] }],
    components: {
      securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } },
      callbacks: { Shipped: { '{$request.body#/url}': { post: { requestBody: body({ id: { type: 'string' } }, ['id']), responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', required: ['ack'], properties: { ack: { type: 'boolean' } } } } } } } } } } },
    },
    paths: {
      '/subs/{id}': {
        post: {
          operationId: 'subscribeId', tags: ['Subs'],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, { name: 'X-Tenant', in: 'header', schema: { type: 'string' } }],
          responses: { '201': { description: 'ok' } },
          callbacks: { shipped: { $ref: '#/components/callbacks/Shipped' } },
        },
      },
    },
  };
  const m = normalise(doc, 'openapi');
  const parent = m.operations['POST /subs/{}'];
  assert.equal(parent.request['header:x-tenant']?.label, 'X-Tenant');
  const key = 'POST /subs/{} callback shipped POST {$request.body#/url}';
  const cb = m.operations[key];
  assert.ok(cb, Object.keys(m.operations).join(', '));
  assert.equal(cb.kind, 'push');
  assert.equal(cb.providerCalls, true);
  assert.equal(cb.name, 'shipped callback of POST /subs/{id}');
  assert.equal(cb.area, 'Subs');
  // the client receives the body and sends the reply
  assert.equal(cb.response.id?.required, true);
  assert.equal(cb.request.ack?.required, true);
  assert.deepEqual(cb.statuses, []);
  assert.equal(parent.providerCalls, undefined);
});

test('AsyncAPI 3: who wrote the document is decided by request/reply operations, one-way ones only break a tie; no evidence reads as the server', () => {
  const ops = (spec: string) => spec.split(' ').filter(Boolean).map((s) => ({ action: s[0] === 'r' ? 'receive' : 'send', ...(s.endsWith('+') ? { reply: {} } : {}) }));
  const table: Array<[string, boolean]> = [
    ['r+ r+ s s', true], // answers requests, pushes: a server
    ['s+ s+ r r', false], // asks, receives pushes: a client
    ['r+ r r r s', true], // a server taking more one-way client events than it pushes
    ['r+ r+ s+ r s s', true], // a server that also pings its clients
    ['r+ s+ r s s', true], // request/reply even: the pushes decide
    ['r+ s+ s r r', false],
    ['r+ s+ s r', true], // no evidence either way: the provider's own document, a server's
    ['s s s r r', true], // one-way only: no evidence
    ['s s s r r r', true],
    ['r s', true], // an IoT platform: receives telemetry, sends commands
    ['s+ r', false], // a client's requests are the evidence
    ['', true],
  ];
  for (const [spec, server] of table) assert.equal(writtenByServer(ops(spec)), server, spec);
});

test('AsyncAPI channel parameters are request fields of every operation on the channel, keyed by position in the address', () => {
  const v2 = {
    asyncapi: '2.6.0', info: { title: 't', version: '1' },
    channels: {
      'accounts/{accountId}/rooms/{room}': {
        parameters: { room: { $ref: '#/components/parameters/room' }, accountId: { schema: { type: 'string', pattern: '^[0-9]+$' } } },
        subscribe: { operationId: 'onEvent', message: { payload: { type: 'object' } } },
        publish: { operationId: 'send', message: { payload: { type: 'object' } } },
      },
    },
    components: { parameters: { room: { schema: { type: 'string', enum: ['red', 'blue'] } } } },
  };
  const m2 = normalise(v2, 'asyncapi');
  for (const op of ['onEvent', 'send']) {
    const req = m2.operations[op].request;
    assert.deepEqual({ ...req['channel:#0'], pointer: undefined }, { path: 'channel:#0', label: 'accountId', type: 'string', pattern: '^[0-9]+$', required: true, nullable: false, hasDefault: false, limits: {}, pointer: undefined });
    assert.deepEqual(req['channel:#1'].enum, ['red', 'blue']);
    assert.equal(req['channel:#1'].pointer, '/components/parameters/room/schema');
  }
  // AsyncAPI 3 written from the server's side: the push and the request both carry the parameter
  const v3 = {
    asyncapi: '3.0.0', info: { title: 't', version: '1' },
    channels: { lobby: { address: '/lobby/{room}', parameters: { room: { enum: ['red', 'blue'], default: 'red' } }, messages: { m: { payload: { type: 'object' } } } } },
    operations: {
      join: { action: 'receive', channel: { $ref: '#/channels/lobby' }, messages: [{ $ref: '#/channels/lobby/messages/m' }], reply: { messages: [{ $ref: '#/channels/lobby/messages/m' }] } },
      update: { action: 'send', channel: { $ref: '#/channels/lobby' }, messages: [{ $ref: '#/channels/lobby/messages/m' }] },
    },
  };
  const m3 = normalise(v3, 'asyncapi');
  assert.equal(m3.operations.update.kind, 'push');
  for (const op of ['join', 'update']) {
    const f = m3.operations[op].request['channel:#0'];
    assert.deepEqual([f.label, f.type, f.enum, f.default, f.required, f.pointer], ['room', 'string', ['red', 'blue'], 'red', true, '/channels/lobby/parameters/room']);
  }
});

test('a reply-less AsyncAPI 3 document takes its side from an AsyncAPI 2 version of it (the converter: publish -> receive)', () => {
  const msg = (p: string) => ({ payload: { type: 'object', properties: { [p]: { type: 'string' } } } });
  const v2 = normalise({
    asyncapi: '2.6.0', info: {},
    channels: { '/alerts': { publish: { operationId: 'sendAck', message: msg('ack') }, subscribe: { operationId: 'receiveAlert', message: msg('alert') } } },
  }, 'asyncapi');
  const v3doc = {
    asyncapi: '3.0.0', info: {},
    channels: { alerts: { address: '/alerts', messages: { Ack: msg('ack'), Alert: msg('alert') } } },
    operations: {
      sendAck: { action: 'receive', channel: { $ref: '#/channels/alerts' }, messages: [{ $ref: '#/channels/alerts/messages/Ack' }] },
      receiveAlert: { action: 'send', channel: { $ref: '#/channels/alerts' }, messages: [{ $ref: '#/channels/alerts/messages/Alert' }] },
    },
  };
  const v3 = normalise(v3doc, 'asyncapi', { counterpart: v2 });
  // the evidence does not depend on reusing: with reuse too, the same reading
  assert.equal(JSON.stringify(normalise(v3doc, 'asyncapi', { counterpart: v2, reuse: v2 })), JSON.stringify(v3));
  assert.equal(v3.operations.sendAck.kind, 'method');
  assert.equal(v3.operations.receiveAlert.kind, 'push');
  // without the AsyncAPI 2 version there is no evidence: read as the server's (the same reading here)
  assert.equal(normalise(v3doc, 'asyncapi').operations.sendAck.kind, 'method');
  // a client's reply-less document: the AsyncAPI 2 version is the evidence against the default
  const client = structuredClone(v3doc);
  client.operations.sendAck.action = 'send';
  client.operations.receiveAlert.action = 'receive';
  assert.equal(normalise(client, 'asyncapi').operations.sendAck.kind, 'push');
  const c3 = normalise(client, 'asyncapi', { counterpart: v2 });
  assert.equal(c3.operations.sendAck.kind, 'method');
  assert.equal(c3.operations.receiveAlert.kind, 'push');
});

test('AsyncAPI message headers (traits applied) are fields `header:<name>` beside the payload; a non-JSON-Schema payload is kept whole', () => {
  const m = normalise({
    asyncapi: '2.6.0', info: {},
    channels: { c: { subscribe: { operationId: 'on', message: { name: 'n', traits: [{ $ref: '#/components/messageTraits/t' }], schemaFormat: 'application/vnd.apache.avro;version=1.9.0', payload: { type: 'record', name: 'R', fields: [], doc: 'x' } } } } },
    components: { messageTraits: { t: { headers: { type: 'object', required: ['X-Seq'], properties: { 'X-Seq': { type: 'integer' } } } } } },
  }, 'asyncapi');
  const o = m.operations.on;
  assert.equal(o.response['header:x-seq']?.type, 'integer');
  assert.equal(o.response['header:x-seq']?.required, true);
  assert.equal(o.response['header:x-seq']?.pointer, '/components/messageTraits/t/headers/properties/X-Seq');
  assert.equal(o.opaquePayloads?.n, 'application/vnd.apache.avro;version=1.9.0 {"type":"record","name":"R","fields":[]}');
});

test('a channel\'s WebSocket binding is the handshake: its query parameters, headers and method are request fields of every operation on the channel', () => {
  const v2 = {
    asyncapi: '2.6.0', info: { title: 't', version: '1' },
    channels: {
      live: {
        bindings: { ws: { method: 'POST', query: { $ref: '#/components/schemas/Q' }, headers: { type: 'object', required: ['X-Token'], properties: { 'X-Token': { type: 'string' } } } } },
        subscribe: { operationId: 'onEvent', message: { headers: { type: 'object', properties: { 'X-Token': { type: 'integer' } } }, payload: { type: 'object' } } },
        publish: { operationId: 'send', message: { payload: { type: 'object' } } },
      },
    },
    components: { schemas: { Q: { type: 'object', required: ['v'], properties: { v: { type: 'string', enum: ['2'] }, hint: { type: 'string' } } } } },
  };
  const m2 = normalise(v2, 'asyncapi');
  for (const op of ['onEvent', 'send']) {
    const req = m2.operations[op].request;
    assert.deepEqual([req['handshake-query:v'].required, req['handshake-query:v'].enum, req['handshake-query:v'].pointer], [true, ['2'], '/components/schemas/Q/properties/v']);
    assert.equal(req['handshake-query:hint'].required, false);
    assert.deepEqual([req['handshake-header:x-token'].label, req['handshake-header:x-token'].required], ['X-Token', true]);
    assert.deepEqual([req['handshake:method'].enum, req['handshake:method'].required], [['POST'], true]);
  }
  // the message's own header stays apart, with the payload it travels with
  assert.equal(m2.operations.onEvent.response['header:x-token'].type, 'integer');
  // AsyncAPI 3: read through the operation's channel; GET (every WebSocket client's method) asks nothing new
  const v3 = {
    asyncapi: '3.0.0', info: { title: 't', version: '1' },
    channels: { rt: { address: '/rt', bindings: { ws: { method: 'GET', query: { type: 'object', properties: { room: { type: 'string' } } } } }, messages: { m: { payload: { type: 'object' } } } } },
    operations: { on: { action: 'receive', channel: { $ref: '#/channels/rt' }, messages: [{ $ref: '#/channels/rt/messages/m' }] } },
  };
  const req3 = normalise(v3, 'asyncapi').operations.on.request;
  assert.deepEqual([req3['handshake-query:room'].required, req3['handshake-query:room'].pointer, req3['handshake:method'].required], [false, '/channels/rt/bindings/ws/query/properties/room', false]);
});
