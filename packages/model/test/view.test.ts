/**
 * Behaviour of the project view (readApiVersion/apiVersionOf), one row per convention of
 * docs/modelling.md: given a Web and an RTM document, want these facts of the view. A fact is
 * `<where>.<field>`: `method:<name>.web.request`, `push:<name>.payload`, `structure:<Name>.diffed`,
 * `payload.web:<Name>`, `error.rtm.message`, `diagnostic:<code>` (its count), `methods` (the names).
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { apiVersionOf, readApiVersion, type ApiVersion } from '../src/index.js';

type Doc = Record<string, any>;
const ref = (n: string) => ({ $ref: `#/components/schemas/${n}` });
const msg = (n: string) => ({ $ref: `#/channels/rtm/messages/${n}` });
const obj = (props: Record<string, unknown>, required: string[] = []) => ({ type: 'object', properties: props, ...(required.length ? { required } : {}) });
const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });

/** A Web document with the given paths and components/schemas (plus the error responses every version has). */
function webDoc(paths: Doc, schemas: Doc = {}): Doc {
  return {
    openapi: '3.1.0', info: { title: 't', version: '1' }, paths,
    components: {
      schemas: { WebError: obj({ type: { type: 'string', enum: ['internal'] } }), ...schemas },
      responses: { '400Error': json(obj({ error: ref('WebError') }, ['error'])) },
    },
  };
}
function post(operationId: string | undefined, body: unknown, response: unknown, extra: Doc = {}): Doc {
  return { post: { ...(operationId ? { operationId } : {}), requestBody: { content: body }, responses: { '200': json(response) }, ...extra } };
}
/** A frame: `{action: const, payload}` plus extra properties. */
const frame = (action: string, payload: unknown, extra: Doc = {}, required = ['action', 'payload']) =>
  ({ payload: { type: 'object', required, properties: { action: { const: action }, payload, ...extra } } });
function rtmDoc(operations: Doc, messages: Doc, schemas: Doc = {}): Doc {
  return {
    asyncapi: '3.0.0', info: { title: 't', version: '1' }, operations,
    channels: { rtm: { address: '/', messages: Object.fromEntries(Object.keys(messages).map((n) => [n, { $ref: `#/components/messages/${n}` }])) } },
    components: { schemas: { RtmError: obj({ type: { type: 'string' } }), ...schemas }, messages },
  };
}
const send = (id: string, reply: string[] = [`${id}_response`], extra: Doc = {}) =>
  ({ [id]: { action: 'send', messages: [msg(`${id}_request`)], reply: { messages: reply.map(msg) }, ...extra } });
const errorFrame = { error_response: { payload: obj({ action: { type: 'string' }, type: { const: 'response' }, success: { const: false }, payload: obj({ error: ref('RtmError') }) }) } };

const Chat = obj({ id: { type: 'string' } }, ['id']);

/** Every fact of a view, flat. */
function facts(v: ApiVersion): Record<string, unknown> {
  const out: Record<string, unknown> = { methods: v.methods.map((m) => m.name), pushes: v.pushes.map((p) => p.name), structures: Object.keys(v.structures) };
  for (const m of v.methods) {
    for (const side of ['web', 'rtm'] as const) {
      const s = m[side] as Record<string, unknown> | undefined;
      out[`method:${m.name}.${side}`] = s ? s.name : undefined;
      if (s) for (const [k, val] of Object.entries(s)) out[`method:${m.name}.${side}.${k}`] = val;
    }
  }
  for (const p of v.pushes) for (const [k, val] of Object.entries(p)) out[`push:${p.name}.${k}`] = val;
  for (const s of Object.values(v.structures)) for (const [k, val] of Object.entries(s)) out[`structure:${s.name}.${k}`] = val;
  for (const side of ['web', 'rtm'] as const) for (const [n, s] of Object.entries(v.payloads[side])) out[`payload.${side}:${n}`] = s;
  out['error.web.body'] = v.errors.web.body;
  out['error.web.structure'] = v.errors.web.structure;
  out['error.rtm.message'] = v.errors.rtm.message;
  out['error.rtm.structure'] = v.errors.rtm.structure;
  out['error.rtm.frame'] = v.errors.rtm.frame;
  for (const d of v.diagnostics) out[`diagnostic:${d.code}`] = ((out[`diagnostic:${d.code}`] as number) ?? 0) + 1;
  out.examples = v.examples.map((e) => `${e.kind} ${e.name}`);
  return out;
}

interface Row { given: { web: unknown; rtm: unknown }; want: Record<string, unknown> }

const table: [string, Row][] = [
  ['v3.0 envelope: a body {payload: $ref} names the payload inside and marks the envelope', {
    given: {
      web: webDoc({ '/action/start_chat': post('start_chat', { 'application/json': { schema: obj({ payload: ref('StartChatRequest') }) } }, ref('StartChatResponse')) },
        { start_chat_request: obj({ active: { type: 'boolean' } }), StartChatRequest: ref('start_chat_request'), StartChatResponse: ref('Chat'), Chat }),
      rtm: rtmDoc(send('start_chat'), { start_chat_request: frame('start_chat', ref('StartChatRequest')), start_chat_response: frame('start_chat', ref('Chat')) },
        { start_chat_request: obj({ active: { type: 'boolean' } }), StartChatRequest: ref('start_chat_request'), Chat }),
    },
    want: {
      'method:start_chat.web.envelope': 'payload', 'method:start_chat.web.request': 'StartChatRequest', 'method:start_chat.web.contentType': 'application/json',
      'method:start_chat.web.response': 'StartChatResponse', 'method:start_chat.rtm.request': 'StartChatRequest', 'method:start_chat.rtm.response': 'Chat',
      'payload.web:StartChatRequest': obj({ active: { type: 'boolean' } }), 'payload.web:StartChatResponse': { $ref: '#/$defs/Chat' },
      structures: ['Chat', 'RtmError', 'WebError'],
      'method:start_chat.web.argumentsPointer': '#/paths/~1action~1start_chat/post/requestBody/content/application~1json/schema/properties/payload',
      'method:start_chat.rtm.requestFrame': '#/components/messages/start_chat_request/payload',
    },
  }],
  ['envelope behind a $ref, and an envelope whose payload is inline: the arguments are what `payload` holds', {
    given: {
      web: webDoc({
        '/action/a': post('a', { 'application/json': { schema: ref('Wrapped') } }, obj({})),
        '/action/b': post('b', { 'application/json': { schema: obj({ payload: obj({ x: { type: 'string' } }) }) } }, obj({})),
        '/action/c': post('c', { 'application/json': { schema: obj({ payload: obj({}), other: {} }) } }, obj({})),
      }, { Wrapped: obj({ payload: ref('ARequest') }), ARequest: obj({ y: {} }) }),
      rtm: rtmDoc({}, {}),
    },
    want: {
      'method:a.web.envelope': 'payload', 'method:a.web.request': 'ARequest', 'method:a.web.argumentsPointer': '#/components/schemas/Wrapped/properties/payload', 'method:b.web.envelope': 'payload', 'method:b.web.request': 'BWebRequest',
      'payload.web:BWebRequest': obj({ x: { type: 'string' } }), 'method:c.web.envelope': null, 'method:c.web.request': 'CWebRequest',
    },
  }],
  ['no envelope: a body that is a $ref is the payload itself', {
    given: {
      web: webDoc({ '/action/get_chat': post('get_chat', { 'application/json': { schema: ref('GetChatRequest') } }, ref('Chat')) }, { GetChatRequest: obj({ chat_id: { type: 'string' } }), Chat }),
      rtm: rtmDoc({}, {}, { Chat }),
    },
    want: { 'method:get_chat.web.envelope': null, 'method:get_chat.web.request': 'GetChatRequest', 'method:get_chat.web.response': 'Chat', 'method:get_chat.rtm': undefined },
  }],
  ['GET method: the arguments are query parameters (common ones left out), the request component is found by name', {
    given: {
      web: webDoc({
        '/action/get_configuration': {
          get: {
            operationId: 'get_configuration',
            parameters: [
              { $ref: '#/components/parameters/LicenseId' },
              { in: 'query', name: 'group_id', required: true, schema: { type: 'integer' } },
              { in: 'query', name: 'version', schema: {} },
              { in: 'header', name: 'X-Region', schema: { type: 'string' } },
            ],
            responses: { '200': json(ref('GetConfigurationResponse')) },
          },
        },
      }, { GetConfigurationRequest: obj({ group_id: { type: 'integer' } }), GetConfigurationResponse: obj({ x: { type: 'string' } }) }),
      rtm: rtmDoc({}, {}),
    },
    want: {
      'method:get_configuration.web.http': 'get', 'method:get_configuration.web.contentType': 'query',
      'method:get_configuration.web.query': { group_id: 'integer', version: 'string' },
      'method:get_configuration.web.request': 'GetConfigurationRequest', 'method:get_configuration.web.response': 'GetConfigurationResponse',
      'method:get_configuration.web.requestSchema': { type: 'object', properties: { license_id: { type: 'integer' }, group_id: { type: 'integer' }, version: {} }, required: ['license_id', 'group_id'] },
    },
  }],
  ['multipart body: content type multipart/form-data, the payload by its component', {
    given: {
      web: webDoc({ '/action/upload_file': post('upload_file', { 'multipart/form-data': { schema: ref('UploadFileRequest') } }, ref('UploadFileResponse')) },
        { UploadFileRequest: obj({ file: { type: 'string', contentMediaType: 'application/octet-stream' } }), UploadFileResponse: obj({ url: { type: 'string' } }) }),
      rtm: rtmDoc({}, {}),
    },
    want: { 'method:upload_file.web.contentType': 'multipart/form-data', 'method:upload_file.web.request': 'UploadFileRequest', 'method:upload_file.web.envelope': null },
  }],
  ['an inline body or response gets a <Method>WebRequest/WebResponse payload; no operationId: the name is the path segment', {
    given: {
      web: webDoc({ '/action/check_goals': post(undefined, { 'application/json': { schema: obj({ a: { type: 'string' } }) } }, obj({})) }),
      rtm: rtmDoc({}, {}),
    },
    want: {
      methods: ['check_goals'], 'method:check_goals.web.request': 'CheckGoalsWebRequest', 'method:check_goals.web.response': 'CheckGoalsWebResponse',
      'payload.web:CheckGoalsWebRequest': obj({ a: { type: 'string' } }), 'payload.web:CheckGoalsWebResponse': obj({}),
    },
  }],
  ['push: named by the frame action constant, not the operation id; inline payload becomes <Op>Push', {
    given: {
      web: webDoc({}),
      rtm: rtmDoc({ chat_came_in: { action: 'receive', messages: [msg('incoming_chat')], summary: 'Incoming chat' } }, { incoming_chat: frame('incoming_chat', obj({ chat: ref('Chat') })) }, { Chat }),
    },
    want: {
      pushes: ['incoming_chat'], 'push:incoming_chat.operation': 'chat_came_in', 'push:incoming_chat.payload': 'ChatCameInPush', 'push:incoming_chat.message': 'incoming_chat',
      'push:incoming_chat.title': 'Incoming chat', 'payload.rtm:ChatCameInPush': obj({ chat: { $ref: '#/$defs/Chat' } }), methods: [],
    },
  }],
  ['error reply: the success:false frame is the error message, the other reply the response', {
    given: {
      web: webDoc({}),
      rtm: rtmDoc(send('get_chat', ['get_chat_response', 'error_response']), {
        get_chat_request: frame('get_chat', obj({ chat_id: { type: 'string' } }), {}, ['action']),
        get_chat_response: frame('get_chat', ref('Chat'), { success: { const: true } }),
        ...errorFrame,
      }, { Chat }),
    },
    want: {
      'method:get_chat.rtm.responseMessage': 'get_chat_response', 'method:get_chat.rtm.errorMessage': 'error_response', 'method:get_chat.rtm.response': 'Chat',
      'method:get_chat.rtm.request': 'GetChatRtmRequest', 'method:get_chat.rtm.payloadRequired': false, 'method:get_chat.rtm.hasReply': true,
      'error.rtm.message': 'error_response', 'error.rtm.structure': 'RtmError', 'error.web.structure': 'WebError',
      'error.web.body': obj({ error: { $ref: '#/$defs/WebError' } }, ['error']), 'error.rtm.frame': '#/components/messages/error_response/payload',
    },
  }],
  ['error reply written as a one-value enum [false] is an error frame too', {
    given: {
      web: webDoc({}),
      rtm: rtmDoc(send('ping', ['ping_response', 'oops']), {
        ping_request: frame('ping', obj({})), ping_response: frame('ping', obj({})),
        oops: { payload: obj({ action: { type: 'string' }, success: { enum: [false] }, payload: obj({}) }) },
      }),
    },
    want: { 'method:ping.rtm.errorMessage': 'oops', 'method:ping.rtm.responseMessage': 'ping_response' },
  }],
  ['equivalents: x-rtm-equivalent joins differently named sides; the Web side takes the RTM pushes', {
    given: {
      web: webDoc({ '/action/send_file': post('send_file', { 'application/json': { schema: obj({}) } }, obj({}), { 'x-rtm-equivalent': 'upload' }) }),
      rtm: rtmDoc(send('upload', ['upload_response'], { 'x-web-equivalent': 'send_file', 'x-pushes': ['incoming_event'] }), {
        upload_request: frame('upload', obj({})), upload_response: frame('upload', obj({})),
      }),
    },
    want: { methods: ['send_file'], 'method:send_file.rtm': 'upload', 'method:send_file.web.equivalent': 'upload', 'method:send_file.rtm.equivalent': 'send_file', 'method:send_file.rtm.pushes': ['incoming_event'] },
  }],
  ['equivalent named on the RTM side only still joins', {
    given: {
      web: webDoc({ '/action/a': post('a', { 'application/json': { schema: obj({}) } }, obj({})) }),
      rtm: rtmDoc(send('b', ['b_response'], { 'x-web-equivalent': 'a' }), { b_request: frame('b', obj({})), b_response: frame('b', obj({})) }),
    },
    want: { methods: ['a'], 'method:a.rtm': 'b' },
  }],
  ['no equivalent, equal names: joined; different names: two methods', {
    given: {
      web: webDoc({ '/action/a': post('a', { 'application/json': { schema: obj({}) } }, obj({})), '/action/w': post('w', { 'application/json': { schema: obj({}) } }, obj({})) }),
      rtm: rtmDoc({ ...send('a'), ...send('r') }, { a_request: frame('a', obj({})), a_response: frame('a', obj({})), r_request: frame('r', obj({})), r_response: frame('r', obj({})) }),
    },
    want: { methods: ['a', 'r', 'w'], 'method:a.rtm': 'a', 'method:r.web': undefined, 'method:w.rtm': undefined },
  }],
  ['renames: x-renamed-from on a Web method, an RTM action, a push and a structure', {
    given: {
      web: webDoc({ '/action/list_threads': post('list_threads', { 'application/json': { schema: obj({}) } }, obj({}), { 'x-renamed-from': 'get_chat_threads' }) },
        { Chat: { ...Chat, 'x-renamed-from': 'ChatOld' } }),
      rtm: rtmDoc({ ...send('list_threads', ['list_threads_response'], { 'x-renamed-from': 'get_chat_threads' }), p: { action: 'receive', messages: [msg('p')], 'x-renamed-from': 'q' } },
        { list_threads_request: frame('list_threads', obj({})), list_threads_response: frame('list_threads', obj({})), p: frame('p', obj({})) },
        { Chat: { ...Chat, 'x-renamed-from': 'ChatOld' } }),
    },
    want: {
      'method:list_threads.web.renamedFrom': 'get_chat_threads', 'method:list_threads.rtm.renamedFrom': 'get_chat_threads', 'push:p.renamedFrom': 'q',
      'structure:Chat.renamedFrom': 'ChatOld', 'structure:Chat.web': '/components/schemas/Chat', 'structure:Chat.rtm': '/components/schemas/Chat',
    },
  }],
  ['a structure that differs between Web and RTM: a diagnostic, not an exception; the Web shape is kept', {
    given: {
      web: webDoc({}, { Chat }),
      rtm: rtmDoc({}, {}, { Chat: obj({ id: { type: 'integer' } }) }),
    },
    want: { 'diagnostic:structure-differs': 1, 'structure:Chat.schema': Chat },
  }],
  ['what counts as a structure: any non-payload component, used or not; `diffed` says whether the diff reports it', {
    given: {
      web: webDoc({ '/action/get_form': post('get_form', { 'application/json': { schema: ref('GetFormRequest') } }, ref('Form')) },
        { GetFormRequest: obj({ form: ref('Form') }), Form: obj({ id: { type: 'string' }, fields: ref('FormFields') }), FormFields: obj({ x: {} }), FormTemplate: obj({ y: {} }), Unused: obj({}) }),
      rtm: rtmDoc({}, {}),
    },
    want: {
      structures: ['Form', 'FormFields', 'FormTemplate', 'RtmError', 'Unused', 'WebError'],
      'structure:Form.diffed': true, 'structure:FormFields.diffed': true, 'structure:Unused.diffed': false, 'structure:FormTemplate.diffed': false,
      'payload.web:GetFormRequest': obj({ form: { $ref: '#/$defs/Form' } }),
    },
  }],
  ['bundler names: a lowercase body that only its PascalCase alias uses takes the alias name', {
    given: {
      web: webDoc({ '/action/x': post('x', { 'application/json': { schema: ref('XRequest') } }, ref('x_response')) },
        { web_request: obj({ a: {} }), XRequest: ref('web_request'), x_response: obj({ b: {} }), XResponse: ref('x_response'), 'content-type': obj({}), CT: ref('content-type'), U: obj({ c: ref('content-type') }) }),
      rtm: rtmDoc({}, {}),
    },
    want: {
      'payload.web:XRequest': obj({ a: {} }), 'payload.web:XResponse': obj({ b: {} }), 'method:x.web.response': 'XResponse',
      structures: ['CT', 'RtmError', 'U', 'WebError', 'content-type'], 'structure:CT.schema': { $ref: '#/$defs/content-type' },
    },
  }],
  ['examples: RTM message examples and Web media examples, grouped by kind and name', {
    given: {
      web: webDoc({ '/action/a': { post: { operationId: 'a', requestBody: { content: { 'application/json': { schema: obj({}), examples: { one: { value: { q: 1 } } } } } }, responses: { '200': { content: { 'application/json': { schema: obj({}), example: { r: 1 } } } } } } } }),
      rtm: rtmDoc({ ...send('a') }, { a_request: { ...frame('a', obj({})), examples: [{ payload: { action: 'a', payload: {} } }] }, a_response: frame('a', obj({})) }),
    },
    want: { examples: ['rtm-frame a_request', 'web-request a', 'web-response a'] },
  }],
  ['names from Object.prototype stay own entries', {
    given: {
      web: webDoc({ '/action/constructor': post('constructor', { 'application/json': { schema: ref('__proto__') } }, obj({})) }, { __proto__: obj({ a: {} }) } as Doc),
      rtm: rtmDoc({}, {}),
    },
    want: { methods: ['constructor'], 'method:constructor.web.request': '__proto__', structures: ['RtmError', 'WebError', '__proto__'] },
  }],
  ['bad input: not an OpenAPI document, a missing component, an operation without messages: diagnostics, never a throw', {
    given: {
      web: { openapi: '3.1.0', paths: {}, components: { schemas: { A: obj({ b: ref('Nowhere') }) } } },
      rtm: rtmDoc({ x: { action: 'send', messages: [] } }, {}),
    },
    want: { 'diagnostic:missing-component': 1, 'diagnostic:model': 1, structures: ['A', 'RtmError'] },
  }],
  ['not documents at all', { given: { web: { hello: 1 }, rtm: null }, want: { 'diagnostic:wrong-document': 2, methods: [] } }],
];

// `{__proto__: x}` in a literal sets the prototype: build that row's component as an own key
Object.defineProperty((table.find(([n]) => n.startsWith('names from'))![1].given.web as Doc).components.schemas, '__proto__', { value: obj({ a: {} }), enumerable: true, configurable: true, writable: true });
((table.find(([n]) => n.startsWith('GET method'))![1].given.web as Doc).components).parameters = { LicenseId: { in: 'query', name: 'license_id', required: true, schema: { type: 'integer' } } };

for (const [name, { given, want }] of table) {
  test(name, () => {
    const got = facts(apiVersionOf(structuredClone(given.web), structuredClone(given.rtm), { version: '9.9' }));
    for (const [k, v] of Object.entries(want)) assert.deepEqual(got[k], v, `${k}\n${JSON.stringify(got, null, 1).slice(0, 3000)}`);
  });
}

test('the view never changes the documents it reads', () => {
  for (const [, { given }] of table) {
    const before = JSON.stringify(given);
    apiVersionOf(given.web, given.rtm, { version: '9.9' });
    assert.equal(JSON.stringify(given), before);
  }
});

test('readApiVersion: a folder with both bundles; a missing or wrong one is a diagnostic', () => {
  const [, { given }] = table[0]!;
  const dir = mkdtempSync(join(tmpdir(), 'ccapi-view-'));
  try {
    writeFileSync(join(dir, 'web.openapi.json'), JSON.stringify(given.web));
    let v = readApiVersion(dir, { version: '3.0' });
    assert.deepEqual(v.diagnostics.map((d) => d.code), ['missing-document']);
    assert.match(v.diagnostics[0]!.message, /rtm\.asyncapi\.json is missing/);
    writeFileSync(join(dir, 'rtm.asyncapi.json'), JSON.stringify(given.web));
    v = readApiVersion(dir, { version: '3.0' });
    assert.deepEqual(v.diagnostics.map((d) => d.code), ['wrong-document']);
    writeFileSync(join(dir, 'rtm.asyncapi.json'), JSON.stringify(given.rtm));
    v = readApiVersion(dir, { version: '3.0' });
    assert.deepEqual(v.diagnostics, []);
    assert.deepEqual(v.methods.map((m) => m.name), ['start_chat']);
    writeFileSync(join(dir, 'web.openapi.json'), '{ not json');
    v = readApiVersion(dir);
    assert.equal(v.diagnostics[0]!.code, 'json-syntax');
    assert.equal(v.version, dir.split('/').pop()!.replace(/^v/, ''));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
