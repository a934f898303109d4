/**
 * The checker on small hand-made documents: the fixture passes, and each test changes one thing in it and
 * expects exactly the finding that change must cause.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkVersion, expectedTypes } from '../src/check.ts';
import type { Finding, RefIndex } from '../src/types.ts';

function index(): RefIndex {
  return {
    version: '9.9',
    web: {
      source: 'fixture',
      methods: [
        {
          name: 'start_chat',
          title: 'Start Chat',
          area: 'Chats',
          httpMethod: 'POST',
          equivalent: 'start_chat',
          pushes: [],
          webhooks: [],
          line: 1,
          request: [
            { path: 'chat', required: false, type: 'object', notes: '', source: 'table' },
            { path: 'chat.thread.events', required: false, type: 'array', notes: '', source: 'table' },
            { path: 'active', required: false, type: 'bool', notes: 'default: true', default: true, source: 'table' },
          ],
          response: [
            { path: 'chat_id', required: null, type: 'string', notes: '', source: 'table' },
            { path: 'event_ids', required: null, type: '[]string', notes: '', source: 'table' },
          ],
        },
      ],
      pushes: [],
      structures: [
        {
          name: 'Thread',
          title: 'Threads',
          group: 'Other common structures',
          line: 1,
          fields: [
            { path: 'active', required: true, requiredText: 'required', type: null, notes: '', source: 'table' },
            { path: 'sort_order', required: false, requiredText: 'optional', type: 'string', notes: 'Possible values: `asc`, `desc` (default).', enum: ['asc', 'desc'], source: 'table' },
          ],
        },
      ],
      errors: ['internal', 'validation'],
    },
    rtm: {
      source: 'fixture',
      methods: [
        {
          name: 'start_chat',
          title: 'Start Chat',
          area: 'Chats',
          equivalent: 'start_chat',
          pushes: ['incoming_chat'],
          webhooks: [],
          line: 1,
          request: [{ path: 'chat.thread.events', required: false, type: 'array', notes: '', source: 'table' }],
          response: [{ path: 'chat_id', required: null, type: 'string', notes: '', source: 'table' }],
        },
      ],
      pushes: [
        { name: 'incoming_chat', title: 'incoming_chat', area: 'Chats', webhooks: [], line: 1, fields: [{ path: 'chat', required: null, type: null, notes: '', source: 'sample' }] },
      ],
      structures: [],
      errors: ['internal'],
    },
  };
}

function web(): any {
  return {
    openapi: '3.1.0',
    paths: {
      '/action/start_chat': {
        post: {
          operationId: 'start_chat',
          summary: 'Start Chat',
          tags: ['Chats'],
          'x-rtm-equivalent': 'start_chat',
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/StartChatRequest' } } } },
          responses: { '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/StartChatResponse' } } } } },
        },
      },
    },
    components: {
      schemas: {
        StartChatRequest: {
          type: 'object',
          properties: {
            chat: { type: 'object', properties: { thread: { allOf: [{ $ref: '#/components/schemas/ThreadInput' }] } } },
            active: { type: 'boolean', default: true },
          },
        },
        ThreadInput: { type: 'object', properties: { events: { type: 'array', items: { type: 'object' } } } },
        StartChatResponse: {
          type: 'object',
          required: ['chat_id'],
          properties: { chat_id: { type: 'string' }, event_ids: { type: 'array', items: { type: 'string' } } },
        },
        Thread: {
          type: 'object',
          required: ['active'],
          properties: { active: { type: 'boolean' }, sort_order: { type: 'string', enum: ['asc', 'desc'] } },
        },
        Error: { type: 'object', properties: { type: { type: 'string', enum: ['internal', 'validation'] } } },
        WebError: { allOf: [{ $ref: '#/components/schemas/Error' }, { properties: { type: { enum: ['internal', 'validation'] } } }] },
      },
    },
  };
}

function rtm(): any {
  const frame = (payloadRef: string, extra: Record<string, unknown> = {}) => ({
    payload: { type: 'object', required: ['action'], properties: { action: { type: 'string' }, ...extra, payload: { $ref: payloadRef } } },
  });
  return {
    asyncapi: '3.0.0',
    channels: {
      rtm: {
        messages: {
          start_chat_request: { $ref: '#/components/messages/start_chat_request' },
          start_chat_response: { $ref: '#/components/messages/start_chat_response' },
          error_response: { $ref: '#/components/messages/error_response' },
          incoming_chat: { $ref: '#/components/messages/incoming_chat' },
        },
      },
    },
    operations: {
      start_chat: {
        action: 'send',
        summary: 'Start Chat',
        tags: [{ $ref: '#/components/tags/Chats' }],
        'x-pushes': ['incoming_chat'],
        'x-web-equivalent': 'start_chat',
        messages: [{ $ref: '#/channels/rtm/messages/start_chat_request' }],
        reply: { messages: [{ $ref: '#/channels/rtm/messages/error_response' }, { $ref: '#/channels/rtm/messages/start_chat_response' }] },
      },
      incoming_chat: { action: 'receive', tags: [{ name: 'Chats' }], messages: [{ $ref: '#/channels/rtm/messages/incoming_chat' }] },
    },
    components: {
      tags: { Chats: { name: 'Chats' } },
      messages: {
        start_chat_request: frame('#/components/schemas/StartChatRtmRequest'),
        start_chat_response: frame('#/components/schemas/StartChatResponse', { success: { const: true } }),
        error_response: { name: 'error_response', ...frame('#/components/schemas/ErrorPayload', { success: { const: false } }) },
        incoming_chat: frame('#/components/schemas/IncomingChatPush'),
      },
      schemas: {
        StartChatRtmRequest: {
          type: 'object',
          properties: { chat: { type: 'object', properties: { thread: { type: 'object', properties: { events: { type: 'array' } } } } } },
        },
        StartChatResponse: { type: 'object', properties: { chat_id: { type: 'string' } } },
        ErrorPayload: { type: 'object', properties: { error: { type: 'object' } } },
        IncomingChatPush: { type: 'object', properties: { chat: { type: 'object' } } },
        RtmError: { type: 'object', properties: { type: { type: 'string', enum: ['internal'] } } },
      },
    },
  };
}

function run(mutate?: (d: { web: any; rtm: any; index: RefIndex }) => void): Finding[] {
  const d = { web: web(), rtm: rtm(), index: index() };
  mutate?.(d);
  return checkVersion(d.index, { web: d.web, rtm: d.rtm }).findings;
}

const brief = (fs: Finding[]) => fs.map((f) => `${f.protocol} ${f.kind} ${f.subject} ${f.path ?? ''}`.trim());

test('the fixture passes and every documented item is counted', () => {
  const d = { web: web(), rtm: rtm(), index: index() };
  const r = checkVersion(d.index, { web: d.web, rtm: d.rtm });
  assert.deepEqual(r.findings, []);
  assert.deepEqual(r.stats.web, { methods: 1, pushes: 0, structures: 1, parameters: 3, fields: 4 });
  assert.deepEqual(r.stats.rtm, { methods: 1, pushes: 1, structures: 0, parameters: 1, fields: 2 });
});

test('a documented method without an operation is reported (Web and RTM)', () => {
  assert.deepEqual(brief(run((d) => delete d.web.paths['/action/start_chat'])), ['web method-missing method:start_chat']);
  assert.deepEqual(brief(run((d) => delete d.rtm.operations.start_chat)), ['rtm method-missing method:start_chat']);
});

test('a missing nested parameter is found through $ref, allOf and array items', () => {
  const fs = run((d) => delete d.web.components.schemas.ThreadInput.properties.events);
  assert.deepEqual(brief(fs), ['web parameter-missing method:start_chat request.chat.thread.events']);
  const rtmFs = run((d) => delete d.rtm.components.schemas.StartChatRtmRequest.properties.chat.properties.thread.properties.events);
  assert.deepEqual(brief(rtmFs), ['rtm parameter-missing method:start_chat request.chat.thread.events']);
});

test('a missing push field and a missing push are reported', () => {
  assert.deepEqual(brief(run((d) => delete d.rtm.components.schemas.IncomingChatPush.properties.chat)), ['rtm field-missing push:incoming_chat payload.chat']);
  assert.deepEqual(brief(run((d) => delete d.rtm.operations.incoming_chat)), ['rtm push-missing push:incoming_chat']);
});

test('a required flag that differs from the reference is reported both ways', () => {
  assert.deepEqual(brief(run((d) => (d.web.components.schemas.Thread.required = []))), ['web required-mismatch structure:Thread active']);
  assert.deepEqual(
    brief(run((d) => (d.web.components.schemas.Thread.required = ['active', 'sort_order']))),
    ['web required-mismatch structure:Thread sort_order'],
  );
  assert.deepEqual(
    brief(run((d) => (d.web.components.schemas.StartChatRequest.required = ['active']))),
    ['web required-mismatch method:start_chat request.active'],
  );
});

test('a documented enum value absent from the schema is reported', () => {
  const fs = run((d) => (d.web.components.schemas.Thread.properties.sort_order.enum = ['asc']));
  assert.deepEqual(brief(fs), ['web enum-value-missing structure:Thread sort_order=desc']);
  const none = run((d) => delete d.web.components.schemas.Thread.properties.sort_order.enum);
  assert.deepEqual(brief(none), ['web enum-missing structure:Thread sort_order']);
  // an open list whose examples carry every documented value is accepted (docs/modelling.md, v3.4)
  assert.deepEqual(
    run((d) => {
      delete d.web.components.schemas.Thread.properties.sort_order.enum;
      d.web.components.schemas.Thread.properties.sort_order.examples = ['asc', 'desc'];
    }),
    [],
  );
});

test('type mismatches: scalar, and the items of []string', () => {
  assert.deepEqual(
    brief(run((d) => (d.web.components.schemas.StartChatRequest.properties.active = { type: 'string', default: true }))),
    ['web type-mismatch method:start_chat request.active'],
  );
  assert.deepEqual(
    brief(run((d) => (d.web.components.schemas.StartChatResponse.properties.event_ids.items = { type: 'integer' }))),
    ['web type-mismatch method:start_chat response.event_ids'],
  );
});

test('missing structures, error types and equivalents are reported', () => {
  assert.deepEqual(brief(run((d) => delete d.web.components.schemas.Thread)), ['web structure-missing structure:Thread']);
  assert.deepEqual(
    brief(run((d) => (d.web.components.schemas.WebError.allOf[1].properties.type.enum = ['internal']))),
    ['web error-type-missing errors validation'],
  );
  assert.deepEqual(brief(run((d) => delete d.rtm.operations.start_chat['x-web-equivalent'])), ['rtm equivalent-mismatch method:start_chat']);
});

test('GET methods: query parameters are the request', () => {
  const fs = run((d) => {
    const op = d.web.paths['/action/start_chat'].post;
    delete op.requestBody;
    op.parameters = [{ in: 'query', name: 'active', schema: { type: 'boolean', default: true } }];
    d.web.paths['/action/start_chat'] = { get: op };
    d.index.web.methods[0].httpMethod = 'GET';
  });
  assert.deepEqual(brief(fs), ['web parameter-missing method:start_chat request.chat', 'web parameter-missing method:start_chat request.chat.thread.events']);
});

test('v3.0 style: a Web body wrapping the payload, and literal multipart names', () => {
  assert.deepEqual(
    run((d) => {
      const s = d.web.components.schemas;
      s.Wrapped = { type: 'object', properties: { payload: { $ref: '#/components/schemas/StartChatRequest' } } };
      d.web.paths['/action/start_chat'].post.requestBody.content['application/json'].schema = { $ref: '#/components/schemas/Wrapped' };
    }),
    [],
  );
  assert.deepEqual(
    run((d) => {
      d.index.web.methods[0].request = [{ path: 'payload.chat_id', required: true, type: 'string', notes: '', source: 'table' }];
      d.web.components.schemas.StartChatRequest = { type: 'object', required: ['payload.chat_id'], properties: { 'payload.chat_id': { type: 'string' } } };
    }),
    [],
  );
});

test('reference data types map to JSON types', () => {
  assert.deepEqual(expectedTypes('`[]string`'), { types: ['array'], items: ['string'] });
  assert.deepEqual(expectedTypes('array of objects'), { types: ['array'], items: ['object'] });
  assert.deepEqual(expectedTypes('bool'), { types: ['boolean'] });
  assert.deepEqual(expectedTypes('number'), { types: ['number', 'integer'] });
  assert.equal(expectedTypes('any'), null);
});

test('waivers: a matching waiver hides its finding, an unmatched one is reported, reasons are required', async () => {
  const { applyWaivers, loadWaivers } = await import('../src/waivers.ts');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const fs = run((d) => (d.web.components.schemas.Thread.required = []));
  const w = { version: '9.9', kind: 'required-mismatch', subject: 'structure:Thread', path: 'active', reason: 'fixture' };
  const stale = { version: '9.9', kind: 'field-missing', subject: 'structure:Thread', reason: 'fixture' };
  const r = applyWaivers(fs, [w, stale], ['9.9']);
  assert.deepEqual(r.open, []);
  assert.equal(r.waived.length, 1);
  assert.deepEqual(r.unused, [stale]);
  assert.deepEqual(applyWaivers(fs, [stale], ['9.9']).open, fs);
  const dir = mkdtempSync(join(tmpdir(), 'waivers-'));
  writeFileSync(join(dir, 'w.yaml'), '- {version: "3.3", kind: field-missing, subject: "method:x"}\n');
  assert.throws(() => loadWaivers(join(dir, 'w.yaml')), /reason/);
});

test('HTTP method, title, area and push links follow the reference', () => {
  assert.deepEqual(
    brief(
      run((d) => {
        d.web.paths['/action/start_chat'] = { get: d.web.paths['/action/start_chat'].post };
      }),
    ).filter((x) => x.includes('http-method')),
    ['web http-method-mismatch method:start_chat'],
  );
  assert.deepEqual(brief(run((d) => (d.web.paths['/action/start_chat'].post.summary = 'Start chat'))), ['web title-mismatch method:start_chat']);
  assert.deepEqual(brief(run((d) => (d.rtm.components.tags.Chats.name = 'Other'))), ['rtm area-mismatch method:start_chat']);
  assert.deepEqual(brief(run((d) => (d.rtm.operations.incoming_chat.tags = []))), ['rtm area-mismatch push:incoming_chat']);
  assert.deepEqual(brief(run((d) => (d.rtm.operations.start_chat['x-pushes'] = []))), ['rtm push-link-missing method:start_chat incoming_chat']);
});

test('defaults and limits written in the notes are compared', () => {
  assert.deepEqual(
    brief(run((d) => (d.web.components.schemas.StartChatRequest.properties.active.default = false))),
    ['web default-mismatch method:start_chat request.active'],
  );
  const withLimit = (d: { web: any; index: RefIndex }) => {
    d.index.web.methods[0].response[1].maximum = 100;
    d.web.components.schemas.StartChatResponse.properties.event_ids.maxItems = 100;
  };
  assert.deepEqual(run(withLimit), []);
  assert.deepEqual(
    brief(
      run((d) => {
        withLimit(d);
        d.web.components.schemas.StartChatResponse.properties.event_ids.maxItems = 10;
      }),
    ),
    ['web limit-mismatch method:start_chat response.event_ids:maximum'],
  );
});
