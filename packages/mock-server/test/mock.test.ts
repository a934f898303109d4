import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { knownVersions, loadVersion, startMockServer, Synth } from '../src/index.js';
import { call, openSocket } from './helpers.js';

/** Methods that change whether the chat is active or drop the greeting run last, in this order. */
const LAST = ['cancel_greeting', 'deactivate_chat', 'close_thread', 'resume_chat', 'activate_chat'];
const order = (names: string[]) => [...names.filter((n) => !LAST.includes(n)), ...LAST.filter((n) => names.includes(n))];

/** Puts the ids of the session's state into a sample request, wherever a key names one. */
function withIds(value: unknown, ids: Record<string, unknown>, key = ''): unknown {
  if (Array.isArray(value)) return value.map((x) => withIds(x, ids));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, x]) => [k, withIds(x, ids, k)]));
  return key in ids && typeof value === typeof ids[key] ? ids[key] : value;
}

for (const version of knownVersions()) {
  test(`v${version}: every Web method and RTM action, on ids of the session's state, answers with a schema-valid response`, async () => {
    const { validators: v, schemas } = await loadVersion(version);
    const synth = new Synth(schemas);
    const names = new Map<unknown, string>();
    for (const [n, fn] of Object.entries(v.table.definitions)) if (!names.has(fn)) names.set(fn, n);
    const sample = (fn: unknown) => (fn ? synth.value(schemas.definitions[names.get(fn)!] ?? {}) : undefined) as Record<string, unknown> | undefined;
    const mock = await startMockServer({ version, port: 0, agent: true, agentDelayMs: 1, verbose: !!process.env.MOCK_VERBOSE });
    const sock = await openSocket(`${mock.rtmUrl}?license_id=123`);
    const token = 'dal:sweep';
    let web = 0;
    let rtm = 0;
    try {
      const login = await sock.request('login', { ...sample(v.table.rtm.login!.requestPayload), token: `Bearer ${token}` });
      assert.equal(login.success, true, JSON.stringify(login.payload));
      const start = await sock.request('start_chat', { chat: { thread: { events: [{ type: 'message', text: 'hi', recipients: 'all' }] } } });
      assert.equal(start.success, true, JSON.stringify(start.payload));
      const greeting = (await sock.next((f) => f.action === 'incoming_greeting').catch(() => null))?.payload;
      const { chat_id, thread_id } = start.payload;
      const event_id = start.payload.event_ids?.[0] ?? `${thread_id}_1`;
      const ids = { chat_id, thread_id, event_id, id: chat_id, unique_id: greeting?.unique_id, greeting_id: greeting?.id };
      for (const method of order(Object.keys(v.table.web))) {
        const e = v.table.web[method]!;
        if (e.contentType === 'multipart/form-data') continue;
        const args = withIds(sample(e.request) ?? {}, ids) as Record<string, unknown>;
        assert.equal(v.validateWebRequest(method, args).valid, true, `sample ${method} request invalid`);
        const body = e.wrapper === 'payload' ? { payload: args } : args;
        const query = e.http === 'get' ? '&' + new URLSearchParams(Object.entries(args).map(([k, x]) => [k, String(x)])).toString() : '';
        const r = await call(mock, method, e.http, body, { token, query: 'license_id=123' + query });
        const json = await r.json();
        assert.equal(r.status, 200, `${method}: ${JSON.stringify(json)}`);
        const check = v.validateWebResponse(method, json);
        assert.equal(check.valid, true, `${method}: ${check.valid ? '' : check.message}`);
        web++;
      }
      // a new greeting for the RTM round (the Web round canceled the first)
      const login2 = await sock.request('login', { ...sample(v.table.rtm.login!.requestPayload), token: `Bearer ${token}` });
      assert.equal(login2.success, true);
      const greeting2 = (await sock.next((f) => f.action === 'incoming_greeting').catch(() => null))?.payload;
      Object.assign(ids, { unique_id: greeting2?.unique_id, greeting_id: greeting2?.id });
      for (const action of order(Object.keys(v.table.rtm))) {
        const e = v.table.rtm[action]!;
        const payload = e.requestPayload ? withIds(sample(e.requestPayload), { ...ids, token: `Bearer ${token}` }) : undefined;
        if (!e.response) {
          sock.ws.send(JSON.stringify({ action, payload }));
          continue; // no documented reply (v3.0 ping)
        }
        const f = await sock.request(action, payload);
        assert.equal(f.success, true, `${action}: ${JSON.stringify(f.payload)}`);
        const check = v.validateRtmFrame(f);
        assert.equal(check.valid, true, `${action}: ${check.valid ? '' : check.message}`);
        rtm++;
      }
      for (const f of sock.frames) assert.equal(v.validateRtmFrame(f).valid, true, `frame ${JSON.stringify(f).slice(0, 200)}`);
      // every answer and push came from the state, none from the spec's examples
      assert.deepEqual(mock.fallbacks(), []);
    } finally {
      sock.close();
      await mock.close();
    }
    assert.ok(web >= 20 && rtm >= 20, `web ${web} rtm ${rtm}`);
  });
}
