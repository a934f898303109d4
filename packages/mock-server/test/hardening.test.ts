import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { after, before, describe, test } from 'node:test';
import WebSocket from 'ws';
import { jsonDepth, loadVersion, MAX_BODY_BYTES, MAX_JSON_DEPTH, startMockServer, type MockServer } from '../src/index.js';
import { call, openSocket } from './helpers.js';

const cli = new URL('../dist/cli.js', import.meta.url).pathname;

describe('hostile input', () => {
  let mock: MockServer;
  let v: Awaited<ReturnType<typeof loadVersion>>['validators'];
  before(async () => {
    mock = await startMockServer({ version: '3.3', port: 0 });
    v = (await loadVersion('3.3')).validators;
  });
  after(() => mock.close());

  test('jsonDepth counts brackets outside strings only', () => {
    assert.equal(jsonDepth('{"a":[1,{"b":"[[[{{{"}]}'), 3);
    assert.equal(jsonDepth('"\\"[["'), 0);
    assert.equal(jsonDepth('[]'), 1);
  });

  test('Web: null and non-object bodies are validated, not skipped', async () => {
    for (const raw of ['null', '5', '"x"', '[]']) {
      const r = await call(mock, 'get_chat', 'post', null, { raw });
      assert.equal(r.status, 400, raw);
      const body = await r.json();
      assert.equal(v.validateWebError(body).valid, true);
    }
  });

  test('Web: an oversized body gets 413 in the API error format; deep JSON gets 400', async () => {
    const big = await call(mock, 'send_event', 'post', null, { raw: `{"x":"${'a'.repeat(MAX_BODY_BYTES)}"}` });
    assert.equal(big.status, 413);
    const body = (await big.json()) as any;
    assert.equal(body.error.type, 'entity_too_large');
    assert.equal(v.validateWebError(body).valid, true);
    const deep = await call(mock, 'send_event', 'post', null, { raw: '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1) });
    assert.equal(deep.status, 400);
    assert.match(((await deep.json()) as any).error.message, /deeper than/);
  });

  test('Web and RTM: an unknown version prefix is 404', async () => {
    const other = mock.webUrl.replace('/v3.3/', '/v9.9/');
    const r = await fetch(`${other}/action/list_chats?license_id=1`, { method: 'POST', headers: { authorization: 'Bearer x', 'content-type': 'application/json' }, body: '{}' });
    assert.equal(r.status, 404);
    assert.equal(((await r.json()) as any).error.type, 'unsupported_version');
    const ws = new WebSocket(mock.rtmUrl.replace('/v3.3/', '/v9.9/'));
    const status = await new Promise((res) => ws.on('unexpected-response', (_q, resp) => res(resp.statusCode)).on('error', () => res('error')));
    assert.equal(status, 404);
    const unknown = await call(mock, 'no_such_method', 'post', {});
    assert.equal(unknown.status, 404);
  });

  test('RTM: the connection must name its license (license_id, an integer; or organization_id): else 400 with the API error', async () => {
    for (const [query, status] of [['', 400], ['?license_id=abc', 400], ['?license_id=12', 101], ['?organization_id=390e44e6-f1e6-0368c', 101]] as const) {
      const ws = new WebSocket(mock.rtmUrl + query);
      const got = await new Promise<number | string>((res) => {
        ws.on('open', () => res(101));
        ws.on('unexpected-response', (_q, resp) => {
          let body = '';
          resp.on('data', (d) => (body += d));
          resp.on('end', () => res(resp.statusCode === 400 && JSON.parse(body).error.type === 'validation' ? 400 : `${resp.statusCode} ${body}`));
        });
        ws.on('error', () => {});
      });
      assert.equal(got, status, query);
      ws.close();
    }
  });

  test('RTM: a frame nested 5,000 levels deep is refused and the server stays up', async () => {
    const s = await openSocket(`${mock.rtmUrl}?license_id=1`);
    await s.request('login', { token: 'Bearer deep' });
    const { chat_id } = (await s.request('start_chat', {})).payload;
    const content = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000); // 29 KiB
    s.ws.send(`{"action":"send_event","request_id":"deep","payload":{"chat_id":"${chat_id}","event":{"type":"custom","content":${content}}}}`);
    const r = await s.next((f) => f.success === false);
    assert.match(r.payload.error.message, /deeper than/);
    // still serving
    assert.equal((await s.request('list_chats', {})).success, true);
    s.close();
  });

  test('RTM: a message larger than the HTTP limit closes that socket with 1009, not the process', async () => {
    const s = await openSocket(`${mock.rtmUrl}?license_id=1`);
    const code = new Promise((res) => s.ws.on('close', (c) => res(c)));
    s.ws.send('x'.repeat(MAX_BODY_BYTES + 1));
    assert.equal(await code, 1009);
    const t = await openSocket(`${mock.rtmUrl}?license_id=1`);
    assert.equal((await t.request('login', { token: 'Bearer after' })).success, true);
    t.close();
  });

  test('RTM: junk frames get error responses, never a crash', async () => {
    const s = await openSocket(`${mock.rtmUrl}?license_id=1`);
    await s.request('login', { token: 'Bearer junk' });
    const junk = ['', 'null', '[]', '{', '{"action":"__proto__"}', '{"action":"constructor","payload":{}}', '{"action":"update_chat_properties","payload":{"id":"X","properties":{"__proto__":{"a":1}}}}', JSON.stringify({ action: 'send_event', payload: { chat_id: 'nope', event: { type: 'message', text: 'x' } } })];
    for (const j of junk) s.ws.send(j);
    for (let i = 0; i < junk.length; i++) {
      const f = await s.next((x) => x.type === 'response');
      assert.equal(f.success, false);
      assert.equal(v.validateRtmFrame(f).valid, true, JSON.stringify(f));
    }
    s.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    assert.equal((await s.next((x) => x.success === false)).payload.error.type, 'validation');
    s.close();
  });
});

describe('ccapi-mock CLI', () => {
  test('a busy port: one line with the --port fix, exit 2, no stack trace', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = spawnSync(process.execPath, [cli, '--version', '3.3', '--port', String(port)], { encoding: 'utf8', timeout: 20_000 });
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /port \d+ .*already in use/);
      assert.match(r.stderr, /hint: .*--port/);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    } finally {
      blocker.close();
    }
  });

  test('--version 9.9 lists the known versions, exit 2', () => {
    const r = spawnSync(process.execPath, [cli, '--version', '9.9'], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /known versions: 3\.0, 3\.1, 3\.2, 3\.3, 3\.4/);
    assert.doesNotMatch(r.stderr, /\n\s+at |Cannot find module/);
  });

  test('the default port is 8090 (not docs:serve 8080) and the port used is printed', async () => {
    assert.match(spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' }).stdout, /--port 8090/);
    const child = spawn(process.execPath, [cli, '--version', '3.4', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const line = await new Promise<string>((res, rej) => {
        let out = '';
        child.stdout.on('data', (d) => {
          out += d;
          if (out.includes('RTM:')) res(out);
        });
        child.on('exit', (c) => rej(new Error(`exited ${c}`)));
      });
      const port = Number(/on port (\d+)/.exec(line)?.[1]);
      assert.ok(port > 0);
      assert.match(line, new RegExp(`ws://127\\.0\\.0\\.1:${port}/v3\\.4/customer/rtm/ws`));
    } finally {
      child.kill();
    }
  });
});
