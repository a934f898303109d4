import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import WebSocket from 'ws';
import { loadVersion, startMockServer, Synth, type MockServer } from '../src/index.js';

const versions = readdirSync(new URL('../../validators/src/', import.meta.url))
  .filter((d) => /^v\d+\.\d+$/.test(d))
  .map((d) => d.slice(1));

function call(mock: MockServer, method: string, http: string, body: unknown, headers: Record<string, string> = {}, query = 'license_id=123') {
  const url = `${mock.webUrl}/action/${method}?${query}`;
  return fetch(url, {
    method: http.toUpperCase(),
    headers: { authorization: 'Bearer dal:token', ...(http === 'post' ? { 'content-type': 'application/json' } : {}), ...headers },
    body: http === 'post' ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(5000),
  });
}

function openSocket(url: string): Promise<{ ws: WebSocket; next: (pred?: (f: any) => boolean) => Promise<any> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const queue: any[] = [];
    const waiters: { pred: (f: any) => boolean; res: (f: any) => void }[] = [];
    ws.on('message', (d) => {
      const f = JSON.parse(d.toString());
      const i = waiters.findIndex((w) => w.pred(f));
      if (i >= 0) waiters.splice(i, 1)[0]!.res(f);
      else queue.push(f);
    });
    ws.once('open', () =>
      resolve({
        ws,
        next: (pred = () => true) => {
          const i = queue.findIndex(pred);
          if (i >= 0) return Promise.resolve(queue.splice(i, 1)[0]);
          return new Promise((res, rej) => {
            const timer = setTimeout(() => rej(new Error('no frame within 3 s')), 3000);
            waiters.push({ pred, res: (f) => (clearTimeout(timer), res(f)) });
          });
        },
      }),
    );
    ws.once('error', reject);
  });
}

describe('mock server v3.3', () => {
  let mock: MockServer;
  before(async () => {
    mock = await startMockServer({ version: '3.3', port: 0 });
  });
  after(async () => {
    await mock.close();
  });

  test('Web: a wrong request gets the API validation error', async () => {
    const r = await call(mock, 'get_chat', 'post', { chat_id: 5 });
    assert.equal(r.status, 400);
    const body = (await r.json()) as any;
    assert.equal(body.error.type, 'validation');
    assert.match(body.error.message, /\/chat_id: expected type string, got 5/);
    const v = (await loadVersion('3.3')).validators;
    assert.equal(v.validateWebError(body).valid, true);
  });

  test('Web: missing token and missing license_id are rejected', async () => {
    const noAuth = await fetch(`${mock.webUrl}/action/list_chats?license_id=1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(noAuth.status, 401);
    assert.equal(((await noAuth.json()) as any).error.type, 'authentication');
    const noLicense = await call(mock, 'list_chats', 'post', {}, {}, '');
    assert.equal(noLicense.status, 400);
    const badJson = await fetch(`${mock.webUrl}/action/list_chats?license_id=1`, { method: 'POST', headers: { authorization: 'Bearer x', 'content-type': 'application/json' }, body: '{' });
    assert.equal(badJson.status, 400);
    const unknown = await call(mock, 'no_such_method', 'post', {});
    assert.equal(unknown.status, 404);
    await Promise.all([unknown.text()]);
  });

  test('RTM: invalid frames get error responses; login is required first; pushes reach the socket', async () => {
    const { ws, next } = await openSocket(mock.rtmUrl);
    try {
      ws.send(JSON.stringify({ action: 'start_chat', request_id: 'a', payload: {} }));
      const denied = await next((f) => f.request_id === 'a');
      assert.equal(denied.success, false);
      assert.equal(denied.payload.error.type, 'authentication');
      ws.send(JSON.stringify({ action: 'login', request_id: 'b', payload: {} }));
      const invalid = await next((f) => f.request_id === 'b');
      assert.equal(invalid.payload.error.type, 'validation');
      assert.match(invalid.payload.error.message, /\/payload\/token/);
      ws.send(JSON.stringify({ action: 'login', request_id: 'c', payload: { token: 'Bearer dal:x' } }));
      assert.equal((await next((f) => f.request_id === 'c')).success, true);
      const frame = mock.emitPush('incoming_typing_indicator');
      const got = await next((f) => f.type === 'push' && f.action === 'incoming_typing_indicator');
      assert.deepEqual(got, frame);
      assert.throws(() => mock.emitPush('chat_deactivated', { chat_id: 1 }), /would not match the spec/);
    } finally {
      ws.close();
    }
  });
});

for (const version of versions) {
  test(`v${version}: every Web method and RTM action answers with a schema-valid response`, async () => {
    const { validators: v, schemas } = await loadVersion(version);
    const synth = new Synth(schemas);
    const names = new Map<unknown, string>();
    for (const [n, fn] of Object.entries(v.table.definitions)) if (!names.has(fn)) names.set(fn, n);
    const mock = await startMockServer({ version, port: 0 });
    const { ws, next } = await openSocket(mock.rtmUrl);
    let web = 0;
    let rtm = 0;
    try {
      for (const [method, e] of Object.entries(v.table.web)) {
        if (e.contentType === 'multipart/form-data') continue;
        const args = synth.value(schemas.definitions[names.get(e.request)!] ?? {}) as Record<string, unknown>;
        assert.equal(v.validateWebRequest(method, args).valid, true, `sample ${method} request invalid`);
        const body = e.wrapper === 'payload' ? { payload: args } : args;
        const query = e.http === 'get' ? '&' + new URLSearchParams(Object.entries(args).map(([k, x]) => [k, String(x)])).toString() : '';
        const r = await call(mock, method, e.http, body, {}, 'license_id=1' + query);
        const json = await r.json();
        assert.equal(r.status, 200, `${method}: ${JSON.stringify(json)}`);
        const check = v.validateWebResponse(method, json);
        assert.equal(check.valid, true, `${method}: ${check.valid ? '' : check.message}`);
        web++;
      }
      ws.send(JSON.stringify({ action: 'login', request_id: 'login', payload: synth.value(schemas.definitions[names.get(v.table.rtm.login!.requestPayload)!]!) }));
      assert.equal((await next((f) => f.request_id === 'login')).success, true);
      for (const [action, e] of Object.entries(v.table.rtm)) {
        const payload = e.requestPayload ? synth.value(schemas.definitions[names.get(e.requestPayload)!]!) : undefined;
        ws.send(JSON.stringify({ action, request_id: `r-${action}`, ...(payload !== undefined ? { payload } : {}) }));
        if (!e.response) continue; // no documented reply (v3.0 ping)
        const f = await next((x) => x.request_id === `r-${action}`);
        assert.equal(f.success, true, `${action}: ${JSON.stringify(f.payload)}`);
        const check = v.validateRtmFrame(f);
        assert.equal(check.valid, true, `${action}: ${check.valid ? '' : check.message}`);
        rtm++;
      }
    } finally {
      ws.close();
      await mock.close();
    }
    assert.ok(web >= 20 && rtm >= 20, `web ${web} rtm ${rtm}`);
  });
}
