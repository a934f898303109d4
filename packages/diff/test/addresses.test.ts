// Where things are reached and how they are named in messages: AsyncAPI 3 reply addresses, server
// protocol versions and addresses, channel parameters in an address of another form, parameters
// that change location, header names as written, and bounds that go away with a type change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { modelOf } from '@ccapi/model';
import { diffModels } from '../src/diff.ts';

const clone = <T>(x: T): T => structuredClone(x);
const findings = (b: unknown, r: unknown) => diffModels(modelOf(b)!, modelOf(r)!).map((f) => `${f.level} ${f.ruleId}: ${f.text}`);

/** A service that answers quote requests (written from its side: `receive` + `reply`). */
const quotes = (): any => ({
  asyncapi: '3.0.0', info: { title: 'q', version: '1' },
  servers: { broker: { host: 'broker.example.com:8883', protocol: 'mqtt', protocolVersion: '5.0' }, spare: { host: 'spare.example.com:8883', protocol: 'mqtt' } },
  channels: {
    requests: { address: 'quotes/{region}/requests', parameters: { region: { enum: ['eu', 'us'] } }, messages: { req: { $ref: '#/components/messages/Req' } } },
    replies: { address: null, messages: { quote: { $ref: '#/components/messages/Quote' } } },
  },
  operations: {
    answer: {
      action: 'receive', channel: { $ref: '#/channels/requests' }, messages: [{ $ref: '#/channels/requests/messages/req' }],
      reply: { address: { location: '$message.header#/replyTopic' }, channel: { $ref: '#/channels/replies' }, messages: [{ $ref: '#/channels/replies/messages/quote' }] },
    },
  },
  components: {
    messages: {
      Req: { headers: { type: 'object', properties: { replyTopic: { type: 'string' } } }, payload: { type: 'object', properties: { sku: { type: 'string' } } } },
      Quote: { payload: { type: 'object', properties: { price: { type: 'number' } } } },
    },
  },
});

test('a reply that now goes to a fixed address is reported on the operation, not as the dynamic channel\'s move from its key', () => {
  const b = quotes(), r = clone(b);
  r.channels.replies.address = 'quotes.replies';
  delete r.operations.answer.reply.address;
  assert.deepEqual(findings(b, r), ['ERR reply-address-changed: In the `answer` method, replies are now addressed to `quotes.replies` (was `$message.header#/replyTopic`).']);
});

test('a reply moved to a channel at another address is breaking; the same address written apart is no change', () => {
  const b = quotes();
  b.channels.replies.address = 'quotes/{region}/replies';
  b.channels.replies.parameters = { region: { enum: ['eu', 'us'] } };
  delete b.operations.answer.reply.address;
  const moved = clone(b);
  moved.channels.answers = { ...clone(b.channels.replies), address: 'quotes/{area}/answers' };
  moved.operations.answer.reply.channel = { $ref: '#/channels/answers' };
  assert.ok(findings(b, moved).includes('ERR reply-address-changed: In the `answer` method, replies are now addressed to `quotes/{area}/answers` (was `quotes/{region}/replies`).'));
  const apart = clone(b);
  apart.channels.answers = { ...clone(b.channels.replies), address: 'quotes/{area}/replies' };
  apart.operations.answer.reply.channel = { $ref: '#/channels/answers' };
  assert.deepEqual(findings(b, apart).filter((f) => f.includes('reply-address')), []);
});

test('the header a reply address is read from, renamed: the old header is named as written', () => {
  const b = quotes(), r = clone(b);
  r.operations.answer.reply.address.location = '$message.header#/reply-topic';
  r.components.messages.Req.headers.properties = { 'reply-topic': { type: 'string' } };
  const got = findings(b, r);
  assert.ok(got.includes('ERR reply-address-changed: In the `answer` method, replies are now addressed to `$message.header#/reply-topic` (was `$message.header#/replyTopic`).'), got.join('\n'));
  assert.ok(got.some((f) => f.includes('header parameter `replyTopic` was removed and header parameter `reply-topic` added')), got.join('\n'));
});

test('a server\'s protocol version: another one is breaking, the same one written otherwise is not', () => {
  const b = quotes(), r = clone(b), same = clone(b);
  r.servers.broker.protocolVersion = '3.1.1';
  same.servers.broker.protocolVersion = '5';
  assert.deepEqual(findings(b, r), ['ERR server-changed: The server `broker` changed (protocol-version): `5.0` -> `3.1.1`.']);
  assert.deepEqual(findings(b, same), []);
});

test('a server without a scheme is shown as host and port, with its protocol as the scheme', () => {
  const b = quotes(), r = clone(b);
  b.channels.requests.servers = [{ $ref: '#/servers/broker' }, { $ref: '#/servers/spare' }];
  r.channels.requests.servers = [{ $ref: '#/servers/broker' }];
  assert.ok(findings(b, r).some((f) => f.includes('no longer offered on `mqtt://spare.example.com:8883`')), findings(b, r).join('\n'));
});

test('a channel address with a new level: its new parameter is named, the others are matched by name', () => {
  const b = quotes(), r = clone(b);
  r.channels.requests.address = 'quotes/{shop}/{region}/requests';
  r.channels.requests.parameters.shop = { description: 'The shop asking.' };
  const got = findings(b, r);
  assert.ok(got.some((f) => f.includes('new required channel parameter `shop`')), got.join('\n'));
  assert.ok(!got.some((f) => f.includes('`region`')), got.join('\n'));
});

const listing = (param: Record<string, unknown>, header?: Record<string, unknown>) => ({
  openapi: '3.1.0', info: { title: 't', version: '1' },
  paths: {
    '/things': {
      get: {
        operationId: 'list', parameters: [param],
        responses: { '200': { description: 'ok', ...(header ? { headers: { 'X-Left': { schema: header } } } : {}), content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
  },
});

test('a parameter now read from a header: one move, not a possible rename', () => {
  const q = { name: 'cursor', in: 'query', schema: { type: 'string' } };
  assert.deepEqual(findings(listing(q), listing({ ...q, in: 'header' })), ['ERR parameter-location-changed: In the `list` method, query parameter `cursor` is now sent as header parameter `cursor`.']);
  // and with another constraint on top, that too is told
  const got = findings(listing(q), listing({ ...q, in: 'header', required: true }));
  assert.equal(got.length, 2, got.join('\n'));
  assert.ok(got.some((f) => f.includes('parameter-location-changed')) && got.some((f) => f.includes('required')), got.join('\n'));
});

test('a type change takes the old type\'s bounds with it; a bound of the new type is still told', () => {
  const q = { name: 'cursor', in: 'query', schema: { type: 'string' } };
  const got = findings(listing(q, { type: 'integer', minimum: 0, maximum: 100 }), listing(q, { type: 'string' }));
  assert.deepEqual(got, ['ERR response-field-type-changed: In the `list` method, the type of response header `X-Left` changed from `integer` to `string`.']);
  const bounded = findings(listing(q, { type: 'integer', minimum: 0 }), listing(q, { type: 'string', maxLength: 10 }));
  assert.equal(bounded.length, 2, bounded.join('\n'));
});

test('an address is judged whole: a base path moved between servers and paths, or a pathname into channel addresses, for every operation is no change; for some it is (blind set 55)', () => {
  const shop = (): any => ({
    openapi: '3.1.0', info: { title: 's', version: '1' },
    servers: [{ url: 'https://api.shop.example.com/v1' }, { url: 'https://sandbox.shop.example.com/v1' }],
    paths: {
      '/orders': { get: { operationId: 'listOrders', responses: { '200': { description: 'ok' } } } },
      '/orders/{id}': { get: { operationId: 'getOrder', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } } },
      '/health': { servers: [{ url: 'https://api.shop.example.com' }], get: { operationId: 'health', responses: { '200': { description: 'ok' } } } },
    },
  });
  // the document's servers copied onto every path item (the one with its own list keeps it)
  const pushed = shop();
  for (const p of ['/orders', '/orders/{id}']) pushed.paths[p].servers = pushed.servers;
  delete pushed.servers;
  assert.deepEqual(findings(shop(), pushed), []);
  // /v1 moved from the servers into the paths, the path with its own server keeping its address
  const moved = shop();
  moved.servers = [{ url: 'https://api.shop.example.com' }, { url: 'https://sandbox.shop.example.com' }];
  moved.paths = { '/v1/orders': moved.paths['/orders'], '/v1/orders/{id}': moved.paths['/orders/{id}'], '/health': moved.paths['/health'] };
  assert.deepEqual(findings(shop(), moved), []);
  // ... but not into one of the paths: that operation moved
  const partly = clone(moved);
  partly.paths['/orders/{id}'] = partly.paths['/v1/orders/{id}'];
  delete partly.paths['/v1/orders/{id}'];
  assert.ok(findings(shop(), partly).some((f) => f.startsWith('ERR ')), 'a path left without the base path is a move');

  const chat = (): any => ({
    asyncapi: '3.0.0', info: { title: 'c', version: '1' },
    servers: { prod: { host: 'chat.example.com', pathname: '/v1', protocol: 'wss' } },
    channels: { rooms: { address: '/rooms/{room}', parameters: { room: {} }, messages: { said: { payload: { type: 'object', properties: { text: { type: 'string' } } } } } } },
    operations: { onSaid: { action: 'send', channel: { $ref: '#/channels/rooms' }, messages: [{ $ref: '#/channels/rooms/messages/said' }] } },
  });
  const inAddress = chat();
  delete inAddress.servers.prod.pathname;
  inAddress.channels.rooms.address = '/v1/rooms/{room}';
  assert.deepEqual(findings(chat(), inAddress), []);
  // an MQTT broker written with its default port is the same broker
  const mqtt = (host: string): any => ({ asyncapi: '2.6.0', info: { title: 'm', version: '1' }, servers: { broker: { url: host, protocol: 'mqtt' } }, channels: { 'devices/status': { subscribe: { operationId: 'onStatus', message: { payload: { type: 'string' } } } } } });
  assert.deepEqual(findings(mqtt('mqtt.example.com:1883'), mqtt('mqtt.example.com')), []);
  assert.ok(findings(mqtt('mqtt.example.com:1883'), mqtt('mqtt.example.com:8883')).some((f) => f.startsWith('ERR server-changed')));
});
