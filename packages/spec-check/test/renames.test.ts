/**
 * Every `x-renamed-from` in a version names something the previous version has, at the same place:
 * checked on the real bundles for each consecutive pair, then on small documents where a mark is wrong.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkRenamesOf, oldFieldPath } from '../src/renames.ts';
import { generatedVersions, loadGenerated } from '../src/load.ts';

const versions = generatedVersions();

test('x-renamed-from: every mark of each version names something of the version before it', () => {
  assert.ok(versions.length >= 5, `expected the five bundled versions, found ${versions.join(', ')}`);
  const bad: string[] = [];
  let total = 0;
  for (let i = 1; i < versions.length; i++) {
    const prev = loadGenerated(versions[i - 1]);
    const next = loadGenerated(versions[i]);
    for (const [protocol, kind, a, b] of [
      ['web', 'openapi', prev.web, next.web],
      ['rtm', 'asyncapi', prev.rtm, next.rtm],
    ] as const) {
      const report = checkRenamesOf(a as any, b as any, kind);
      const byKind: Record<string, number> = {};
      for (const m of report.marks) byKind[m.kind] = (byKind[m.kind] ?? 0) + 1;
      const counts = Object.entries(byKind).map(([k, n]) => `${n} ${k}`).join(', ') || 'none';
      console.log(`v${versions[i - 1]} -> v${versions[i]} ${protocol}: ${report.marks.length} marks checked (${counts})`);
      for (const m of report.marks) if (!m.ok) bad.push(`v${versions[i]} ${protocol} ${m.where} (x-renamed-from: ${m.from}, ${m.pointer}): ${m.problem}`);
      // Nothing escapes the check: every mark in the raw document was looked at.
      const checked = new Set(report.marks.map((m) => m.pointer));
      for (const p of report.rawPointers) if (!checked.has(p)) bad.push(`v${versions[i]} ${protocol} ${p}: x-renamed-from not checked`);
      total += report.marks.length;
    }
  }
  assert.deepEqual(bad, []);
  // v3.1 and v3.2 renamed a dozen methods, pushes and fields each; an empty run would prove nothing.
  assert.ok(total >= 40, `only ${total} marks checked`);
});

test('oldFieldPath: the old name replaces the last segment, and keeps a parameter prefix', () => {
  assert.equal(oldFieldPath('chat.id', 'chat_id'), 'chat.chat_id');
  assert.equal(oldFieldPath('file', 'payload.file'), 'payload.file');
  assert.equal(oldFieldPath('query:id', 'group_id'), 'query:group_id');
});

function openapi(ops: Record<string, any>, schemas: Record<string, any>): Record<string, any> {
  const paths: Record<string, any> = {};
  for (const [name, op] of Object.entries(ops)) {
    paths[`/action/${name}`] = {
      post: {
        operationId: name,
        ...(op.renamedFrom ? { 'x-renamed-from': op.renamedFrom } : {}),
        requestBody: { content: { 'application/json': { schema: { $ref: `#/components/schemas/${op.request}` } } } },
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    };
  }
  return { openapi: '3.1.0', info: { title: 't', version: '1' }, paths, components: { schemas } };
}

const before = openapi(
  { get_chat_threads: { request: 'GetChatThreadsRequest' }, get_chat: { request: 'GetChatRequest' } },
  {
    GetChatThreadsRequest: { type: 'object', properties: { chat_id: { type: 'string' }, thing: { $ref: '#/components/schemas/Old' } } },
    GetChatRequest: { type: 'object', properties: { chat_id: { type: 'string' } } },
    Old: { type: 'object', properties: { a: { type: 'string' } } },
  },
);

test('a correct method, field and structure rename passes', () => {
  const after = openapi(
    { list_threads: { request: 'ListThreadsRequest', renamedFrom: 'get_chat_threads' } },
    {
      ListThreadsRequest: { type: 'object', properties: { id: { type: 'string', 'x-renamed-from': 'chat_id' }, thing: { $ref: '#/components/schemas/New' } } },
      New: { type: 'object', 'x-renamed-from': 'Old', properties: { b: { type: 'string', 'x-renamed-from': 'a' } } },
    },
  );
  const { marks, rawPointers } = checkRenamesOf(before, after, 'openapi');
  assert.deepEqual(marks.filter((m) => !m.ok), []);
  assert.deepEqual(marks.map((m) => `${m.kind} ${m.from}`).sort(), ['field a', 'field chat_id', 'method get_chat_threads', 'structure Old']);
  assert.equal(rawPointers.length, 4);
});

test('wrong marks are reported: unknown old name, old field missing, new name already there', () => {
  const after = openapi(
    {
      list_threads: { request: 'ListThreadsRequest', renamedFrom: 'get_threads' },
      get_chat: { request: 'GetChatRequest', renamedFrom: 'get_chat_threads' },
    },
    {
      ListThreadsRequest: { type: 'object', properties: { id: { type: 'string', 'x-renamed-from': 'thread_id' } } },
      GetChatRequest: { type: 'object', properties: { chat_id: { type: 'string', 'x-renamed-from': 'id' }, x: { $ref: '#/components/schemas/Gone' } } },
      Gone: { type: 'object', 'x-renamed-from': 'Missing', properties: {} },
    },
  );
  const problems = checkRenamesOf(before, after, 'openapi').marks.filter((m) => !m.ok).map((m) => `${m.where}: ${m.problem}`);
  assert.deepEqual(problems.sort(), [
    'method get_chat request chat_id: the previous version\'s method `get_chat_threads` request has no `id`',
    'method get_chat: the previous version already has a method `get_chat`',
    'method list_threads request id: the previous version has no counterpart to hold `thread_id`',
    'method list_threads: the previous version has no method `get_threads`',
    'structure Gone: the previous version has no structure `Missing`',
  ]);
});

test('a mark on a schema no operation uses is checked on the raw documents', () => {
  const prev = openapi({}, { Req: { type: 'object', properties: { group_id: { type: 'integer' } } } });
  const good = openapi({}, { Req: { type: 'object', properties: { id: { type: 'integer', 'x-renamed-from': 'group_id' } } } });
  const wrong = openapi({}, { Req: { type: 'object', properties: { id: { type: 'integer', 'x-renamed-from': 'groupid' } } } });
  assert.deepEqual(checkRenamesOf(prev, good, 'openapi').marks.map((m) => m.ok), [true]);
  assert.deepEqual(checkRenamesOf(prev, wrong, 'openapi').marks.map((m) => m.ok), [false]);
});

test('only the v3.0 `payload` envelope is looked through, not any body with one field (the model decides the envelope)', () => {
  const prev = openapi({ a: { request: 'AReq' } }, { AReq: { type: 'object', properties: { chat: { type: 'object', properties: { thing: { type: 'string' } } } } } });
  const wrapped = openapi({ a: { request: 'AReq' } }, { AReq: { type: 'object', properties: { payload: { type: 'object', properties: { thing: { type: 'string' } } } } } });
  const next = openapi({ a: { request: 'AReq' } }, { AReq: { type: 'object', properties: { thing_id: { type: 'string', 'x-renamed-from': 'thing' } } } });
  // `thing` was never a top-level argument of `a`: it sat in `chat`, so the mark is wrong
  assert.deepEqual(checkRenamesOf(prev, next, 'openapi').marks.map((m) => m.ok), [false]);
  // inside the envelope it was the argument itself
  assert.deepEqual(checkRenamesOf(wrapped, next, 'openapi').marks.map((m) => m.ok), [true]);
});
