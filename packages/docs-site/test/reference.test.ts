/** The reference view (src/reference.ts) and the code samples: where examples come from, fields, frames. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldsOf, readReference, type ReferenceExamples } from '../src/reference.ts';
import { curlSample, rtmClientSample, webClientSample } from '../src/render.ts';

const schemas = {
  Chat: { type: 'object', required: ['id'], properties: { id: { type: 'string', description: 'ID.' }, users: { type: 'array', items: { $ref: '#/components/schemas/User' } }, thread: { type: 'object', properties: { tags: { type: 'array', items: { type: 'string' } } } } } },
  User: { type: 'object', properties: { name: { type: 'string' } }, examples: [{ name: 'Ann' }] },
  StartArgs: { type: 'object', properties: { chat: { $ref: '#/components/schemas/Chat' } } },
};
const webDoc = (withExample: boolean, get = false) => ({
  servers: [{ url: 'https://api.example.com/v1.0/customer' }],
  paths: {
    '/action/start_chat': {
      [get ? 'get' : 'post']: {
        operationId: 'start_chat', summary: 'Start Chat', tags: ['Chats'],
        ...(get
          ? { parameters: [{ in: 'query', name: 'license_id', schema: { type: 'integer' } }, { in: 'query', name: 'group_id', required: true, schema: { type: 'integer' } }] }
          : { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/StartArgs' }, ...(withExample ? { example: { chat: { id: 'SPEC' } } } : {}) } } } }),
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Chat' } } } }, '400': { description: 'bad' } },
      },
    },
  },
  components: { schemas },
});
const rtmDoc = (withExample: boolean) => ({
  operations: {
    start_chat: { action: 'send', summary: 'Start Chat', messages: [{ $ref: '#/components/messages/start_chat_request' }], reply: { messages: [{ $ref: '#/components/messages/start_chat_response' }] }, 'x-pushes': ['incoming_chat'] },
    incoming_chat: { action: 'receive', messages: [{ $ref: '#/components/messages/incoming_chat' }] },
  },
  components: {
    schemas,
    messages: {
      start_chat_request: { payload: { type: 'object', required: ['action'], properties: { action: { const: 'start_chat' }, request_id: { type: 'string' }, payload: { $ref: '#/components/schemas/StartArgs' } } }, ...(withExample ? { examples: [{ name: 'x', payload: { action: 'start_chat', payload: { chat: { id: 'SPEC' } } } }] } : {}) },
      start_chat_response: { payload: { type: 'object', required: ['action', 'type', 'success'], properties: { action: { const: 'start_chat' }, type: { const: 'response' }, success: { const: true }, version: { type: 'string' }, payload: { $ref: '#/components/schemas/Chat' } } } },
      incoming_chat: { payload: { type: 'object', required: ['action', 'type'], properties: { action: { const: 'incoming_chat' }, type: { const: 'push' }, request_id: { type: 'string' }, payload: { $ref: '#/components/schemas/Chat' } } } },
    },
  },
});
const none: ReferenceExamples = { get: () => undefined };
const official: ReferenceExamples = {
  get: (v, protocol, name, kind) =>
    protocol === 'rtm' && name === 'start_chat' && kind === 'request' ? { value: { chat: { id: 'REF' } }, shape: 'payload' } : protocol === 'rtm' && name === 'incoming_chat' && kind === 'push' ? { value: { id: 'PUSHREF' }, shape: 'payload' } : undefined,
};

test('examples: the spec first, then the official reference, then built from the schema (and said so)', () => {
  const cases: Array<[string, boolean, ReferenceExamples, string, string]> = [
    ['spec', true, official, 'SPEC', 'spec'],
    ['reference', false, official, 'REF', 'reference'],
    ['schema', false, none, 'string', 'schema'],
  ];
  for (const [name, withExample, examples, id, source] of cases) {
    const ref = readReference('v1.0', webDoc(withExample), rtmDoc(withExample), examples);
    const web = ref.web[0];
    const rtm = ref.rtm.find((o) => o.name === 'start_chat')!;
    assert.equal(web.requestExample.source, source, name);
    assert.equal((web.requestExample.value as any).chat.id, id, name);
    assert.equal(rtm.requestFrame.source, source, name);
    assert.equal((rtm.requestFrame.value as any).action, 'start_chat', name);
    assert.equal((rtm.requestFrame.value as any).payload.chat.id, id, name);
  }
  // A push frame built around the reference's payload keeps only what a frame must carry.
  const push = readReference('v1.0', webDoc(false), rtmDoc(false), official).rtm.find((o) => o.name === 'incoming_chat')!;
  assert.deepEqual(push.requestFrame.value, { action: 'incoming_chat', type: 'push', payload: { id: 'PUSHREF' } });
  const resp = readReference('v1.0', webDoc(false), rtmDoc(false), none).rtm.find((o) => o.name === 'start_chat')!.responseFrame!;
  assert.deepEqual(Object.keys(resp.value as object).sort(), ['action', 'payload', 'success', 'type']);
  assert.deepEqual((resp.value as any).payload.users, [{ name: 'Ann' }], 'a structure example is used inside a built one');
});

test('fields: inline objects as dotted paths, structures as links, required marked; pushes and GET arguments', () => {
  const doc = webDoc(false) as any;
  const fields = fieldsOf(doc, { $ref: '#/components/schemas/Chat' });
  assert.deepEqual(fields.map((f) => [f.name, f.type, f.ref ?? null, f.required]), [
    ['id', 'string', null, true],
    ['thread', 'object', null, false],
    ['thread.tags', 'string[]', null, false],
    ['users', 'User[]', 'User', false],
  ]);
  const ref = readReference('v1.0', webDoc(false, true), rtmDoc(false), none);
  assert.deepEqual(ref.web[0].request.map((f) => f.name), ['group_id'], 'license_id is common to every call');
  assert.equal(ref.web[0].httpMethod, 'GET');
  assert.match(curlSample(ref, ref.web[0]), /^curl 'https:\/\/api\.example\.com\/v1\.0\/customer\/action\/start_chat\?license_id=123&group_id=0'/);
  assert.deepEqual(ref.rtm.find((o) => o.name === 'start_chat')!.pushes, ['incoming_chat']);
});

test('code samples: curl with a JSON body, WebClient and RtmClient of the version, v3.0 envelope left to the client', () => {
  const ref = readReference('v3.0', webDoc(true), rtmDoc(true), none);
  const web = ref.web[0];
  assert.match(curlSample(ref, web), /-X POST .*\n.*Authorization: Bearer <access token>.*\n.*Content-Type: application\/json.*\n\s+-d '\{"chat":\{"id":"SPEC"\}\}'$/);
  assert.match(webClientSample('v3.0', { ...web, requestExample: { value: { payload: { a: 1 } }, source: 'spec' } }), /from '@ccapi\/client\/v3\.0'[^]*web\.call\('start_chat', \{\n {2}"a": 1\n\}\);/);
  const rtm = ref.rtm.find((o) => o.name === 'start_chat')!;
  assert.match(rtmClientSample('v3.0', rtm), /await rtm\.send\('start_chat', \{[^]*"SPEC"/);
  assert.match(rtmClientSample('v3.0', ref.rtm.find((o) => o.name === 'incoming_chat')!), /rtm\.on\('incoming_chat'/);
  assert.equal(curlSample(ref, { ...web, requestExample: { value: { text: "it's" }, source: 'spec' } }).split('\n').pop(), `  -d '{"text":"it'\\''s"}'`);
});

test('hostile $refs: prototype names, cycles and dangling targets give no crash and no prototype value', () => {
  const doc: any = {
    components: {
      schemas: {
        Loop: { $ref: '#/components/schemas/Loop' },
        Proto: { type: 'object', properties: { a: { $ref: '#/components/schemas/__proto__' }, b: { $ref: '#/constructor/prototype' }, c: { $ref: '#/components/schemas/Nope' }, d: { $ref: '#/components/schemas/Self' } } },
        Self: { type: 'object', properties: { self: { $ref: '#/components/schemas/Self' }, inner: { type: 'object', properties: { again: { $ref: '#/components/schemas/Self' } } } } },
      },
    },
  };
  const fields = fieldsOf(doc, doc.components.schemas.Proto);
  assert.deepEqual(fields.map((f) => [f.name, f.type]), [['a', '__proto__'], ['b', 'any'], ['c', 'Nope'], ['d', 'Self']]);
  assert.deepEqual(fieldsOf(doc, { $ref: '#/components/schemas/Loop' }), []);
  const ref = readReference('v1.0', { paths: {}, components: doc.components }, { components: doc.components }, { get: () => undefined });
  assert.equal(ref.webStructures.length, 3);
});
