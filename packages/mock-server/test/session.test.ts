import { strict as assert } from 'node:assert';
import { after, before, describe, test } from 'node:test';
import { loadVersion, startMockServer, type MockServer } from '../src/index.js';
import { call, openSocket, type Sock } from './helpers.js';

describe('v3.3 session state and push routing', () => {
  let mock: MockServer;
  let v: Awaited<ReturnType<typeof loadVersion>>['validators'];
  const socks: Sock[] = [];
  before(async () => {
    mock = await startMockServer({ version: '3.3', port: 0, agent: true, agentDelayMs: 1 });
    v = (await loadVersion('3.3')).validators;
  });
  after(async () => {
    for (const s of socks) s.close();
    await mock.close();
  });
  async function customer(token: string, license = '1') {
    const s = await openSocket(`${mock.rtmUrl}?license_id=${license}`);
    socks.push(s);
    const r = await s.request('login', { token: `Bearer ${token}` });
    assert.equal(r.success, true);
    return { s, id: r.payload.customer.id as string };
  }

  test('a chat started is found by get_chat, list_chats and list_threads with its events and ids', async () => {
    const { s } = await customer('alice');
    const start = await s.request('start_chat', { chat: { properties: { ns: { k: 'v' } }, thread: { events: [{ type: 'message', text: 'first', recipients: 'all' }] } } });
    const { chat_id, thread_id, event_ids } = start.payload;
    assert.match(chat_id, /^[0-9A-Z]{10}$/);
    assert.notEqual(chat_id, thread_id);
    const sent = await s.request('send_event', { chat_id, event: { type: 'message', text: 'second', recipients: 'all' } });
    const chat = (await s.request('get_chat', { chat_id })).payload;
    assert.equal(chat.id, chat_id);
    assert.equal(chat.thread.id, thread_id);
    assert.deepEqual(chat.thread.events.filter((e: any) => e.author_id !== 'b5657aff34dd32e198160d54666df9d8').map((e: any) => [e.id, e.text]), [[event_ids[0], 'first'], [sent.payload.event_id, 'second']]);
    assert.deepEqual(chat.properties, { ns: { k: 'v' } });
    const list = (await s.request('list_chats', {})).payload;
    assert.deepEqual(list.chats_summary.map((c: any) => c.id), [chat_id]);
    assert.equal(list.total_chats, 1);
    const threads = (await s.request('list_threads', { chat_id })).payload;
    assert.deepEqual(threads.threads.map((t: any) => t.id), [thread_id]);
    assert.ok(threads.threads[0].events.some((e: any) => e.id === sent.payload.event_id));
    // the same customer over the Web sees the same chat
    const web = (await (await call(mock, 'get_chat', 'post', { chat_id }, { token: 'alice', query: 'license_id=1' })).json()) as any;
    assert.equal(web.thread.id, thread_id);
    await s.request('deactivate_chat', { id: chat_id });
    const resumed = await s.request('resume_chat', { chat: { id: chat_id } });
    assert.equal(resumed.success, true);
    const again = (await s.request('list_threads', { chat_id })).payload;
    assert.deepEqual(again.threads.map((t: any) => t.id), [resumed.payload.thread_id, thread_id]);
    assert.equal(again.found_threads, 2);
  });

  test("pushes go to the chat's participants only; the requester's carries request_id and every push the version", async () => {
    const a1 = await customer('bob');
    const a2 = await customer('bob'); // a second tab of the same customer
    const other = await customer('carol');
    const otherLicense = await customer('bob', '2');
    const start = await a1.s.request('start_chat', {});
    const rid = start.request_id;
    const mine = await a1.s.next((f) => f.action === 'incoming_chat');
    assert.equal(mine.request_id, rid);
    assert.equal(mine.version, '3.3');
    assert.equal(mine.payload.chat.id, start.payload.chat_id);
    const tab = await a2.s.next((f) => f.action === 'incoming_chat');
    assert.equal(tab.request_id, undefined);
    // the scripted agent joins and answers
    await a1.s.next((f) => f.action === 'user_added_to_chat' && f.payload.chat_id === start.payload.chat_id);
    const sent = await a1.s.request('send_event', { chat_id: start.payload.chat_id, event: { type: 'message', text: 'ping?', recipients: 'all' } });
    const echo = await a1.s.next((f) => f.action === 'incoming_event' && f.payload.event.id === sent.payload.event_id);
    assert.equal(echo.request_id, sent.request_id);
    const reply = await a1.s.next((f) => f.action === 'incoming_event' && f.payload.event.text === 'You said: ping?');
    assert.equal(reply.payload.event.author_id, 'b5657aff34dd32e198160d54666df9d8');
    await new Promise((r) => setTimeout(r, 50));
    for (const x of [other, otherLicense]) assert.deepEqual(x.s.frames.filter((f) => f.type === 'push' && ['incoming_chat', 'incoming_event', 'user_added_to_chat'].includes(f.action)), []);
    for (const f of [...a1.s.frames, ...a2.s.frames]) assert.equal(v.validateRtmFrame(f).valid, true, JSON.stringify(f).slice(0, 200));
  });

  test("a customer cannot reach another customer's chat; unknown greeting is greeting_not_found", async () => {
    const a = await customer('dave');
    const b = await customer('erin');
    const { chat_id } = (await a.s.request('start_chat', {})).payload;
    for (const [action, payload] of [['get_chat', { chat_id }], ['send_event', { chat_id, event: { type: 'message', text: 'x', recipients: 'all' } }], ['list_threads', { chat_id }]] as const) {
      const r = await b.s.request(action, payload);
      assert.equal(r.success, false, action);
      assert.equal(r.payload.error.type, 'validation');
      assert.match(r.payload.error.message, /not found/);
      assert.equal(v.validateRtmFrame(r).valid, true);
    }
    const g = await b.s.request('accept_greeting', { greeting_id: 1, unique_id: 'nope' });
    assert.equal(g.payload.error.type, 'greeting_not_found');
    const shown = await b.s.next((f) => f.action === 'incoming_greeting');
    const ok = await b.s.request('accept_greeting', { greeting_id: shown.payload.id, unique_id: shown.payload.unique_id });
    assert.equal(ok.success, true);
    const stats = (await b.s.request('get_customer', {})).payload;
    assert.equal(stats.id, b.id);
  });

  test('login answers with the customer, its chats and has_active_thread', async () => {
    const a = await customer('frank');
    const { chat_id } = (await a.s.request('start_chat', {})).payload;
    const again = await openSocket(`${mock.rtmUrl}?license_id=1`);
    socks.push(again);
    const r = await again.request('login', { token: 'Bearer frank' });
    assert.equal(r.payload.customer.id, a.id);
    assert.deepEqual(r.payload.chats.map((c: any) => c.chat_id), [chat_id]);
    assert.equal(r.payload.has_active_thread, true);
    assert.equal(r.payload.customer.statistics.chats_count, 1);
  });
});

describe('transports', () => {
  test('SockJS framing (customer-sdk 2.x): /info, "o" on open, frames as a["..."], client arrays unwrapped', async () => {
    const mock = await startMockServer({ version: '3.2', port: 0, sockjsHeartbeatMs: 50 });
    try {
      const base = mock.rtmUrl.replace('/rtm/ws', '/rtm/sjs').replace('ws://', 'http://');
      const info = (await (await fetch(`${base}/info?t=1`)).json()) as any;
      assert.equal(info.websocket, true);
      const { default: WebSocket } = await import('ws');
      const ws = new WebSocket(`${base.replace('http://', 'ws://')}/123/abcdef/websocket?license_id=1`);
      const got: string[] = [];
      ws.on('message', (d) => got.push(String(d)));
      await new Promise((r) => ws.once('open', r));
      ws.send(JSON.stringify([JSON.stringify({ action: 'login', request_id: 'L', payload: { token: 'Bearer sjs' } })]));
      await new Promise((r) => setTimeout(r, 150));
      assert.equal(got[0], 'o');
      assert.ok(got.includes('h'), 'heartbeat frames');
      const a = got.find((x) => x.startsWith('a'))!;
      const frame = JSON.parse(JSON.parse(a.slice(1))[0]);
      assert.equal(frame.request_id, 'L');
      assert.equal(frame.success, true);
      ws.send('not json');
      await new Promise((r) => setTimeout(r, 50));
      assert.ok(got.some((x) => x.startsWith('a') && x.includes('success\\":false')));
      ws.close();
    } finally {
      await mock.close();
    }
  });
});
