import { strict as assert } from 'node:assert';
import { after, before, describe, test } from 'node:test';
import { WebSocketServer } from 'ws';
import { startMockServer, type MockServer } from '@ccapi/mock-server';
import { ApiError, ConnectionClosedError, RtmClient, SchemaValidationError, TimeoutError, WebClient, type Chat } from '../src/v3.3/index.js';
import { RtmClient as RtmClient30, WebClient as WebClient30 } from '../src/v3.0/index.js';

describe('v3.3 clients against the mock server', () => {
  let mock: MockServer;
  before(async () => {
    mock = await startMockServer({ version: '3.3', port: 0 });
  });
  after(async () => {
    await mock.close();
  });

  test('RTM: login, start chat, send event, pushes, list chats, deactivate', async () => {
    const rtm = new RtmClient({ url: mock.rtmUrl, licenseId: 123, validate: true, requestTimeoutMs: 3000 });
    const invalidPushes: unknown[] = [];
    await rtm.connect();
    try {
      const login = await rtm.send('login', { token: 'Bearer dal:token', customer_page: { url: 'https://example.com' } });
      assert.equal(typeof login, 'object');
      const incomingChat = rtm.once('incoming_chat', 3000);
      const started = await rtm.send('start_chat', { chat: { thread: { events: [{ type: 'message', text: 'Hi' }] } } });
      assert.match(started.chat_id, /\S/);
      const pushedChat = await incomingChat;
      assert.equal(pushedChat.chat.id, started.chat_id);
      const events: string[] = [];
      const off = rtm.on('incoming_event', (p) => events.push(`${p.chat_id}:${(p.event as { text?: string }).text}`));
      const incomingEvent = rtm.once('incoming_event', 3000);
      const sent = await rtm.send('send_event', { chat_id: started.chat_id, event: { type: 'message', text: 'Hello there' } });
      assert.match(sent.event_id, /\S/);
      const ev = await incomingEvent;
      assert.equal(ev.chat_id, started.chat_id);
      assert.deepEqual(events, [`${started.chat_id}:Hello there`]);
      off();
      const chat: Chat = await rtm.send('get_chat', { chat_id: started.chat_id });
      assert.equal(chat.id, started.chat_id);
      const list = await rtm.send('list_chats', {}, { version: '3.3' });
      assert.ok(list.chats_summary.some((c) => c.id === started.chat_id));
      const deactivated = rtm.once('chat_deactivated', 3000);
      await rtm.send('deactivate_chat', { id: started.chat_id });
      assert.equal((await deactivated).chat_id, started.chat_id);
      const failed = await rtm.send('get_chat', { chat_id: 5 as unknown as string }).catch((e: unknown) => e);
      assert.ok(failed instanceof SchemaValidationError, String(failed));
      assert.equal(failed.issues[0]!.path, '/payload/chat_id');
      assert.deepEqual(invalidPushes, []);
    } finally {
      rtm.close();
    }
  });

  test('RTM: server-side errors reject with ApiError; no validation means the server decides', async () => {
    const rtm = new RtmClient({ url: mock.rtmUrl, licenseId: 123, requestTimeoutMs: 3000 });
    await rtm.connect();
    try {
      const beforeLogin = await rtm.send('list_chats', {}).catch((e: unknown) => e);
      assert.ok(beforeLogin instanceof ApiError);
      assert.equal(beforeLogin.type, 'authentication');
      await rtm.send('login', { token: 'Bearer x' });
      const invalid = await rtm.send('get_chat', { chat_id: 5 as unknown as string }).catch((e: unknown) => e);
      assert.ok(invalid instanceof ApiError);
      assert.equal(invalid.type, 'validation');
      assert.match(invalid.message, /\/payload\/chat_id/);
    } finally {
      rtm.close();
    }
  });

  test('RTM: reconnects after a dropped connection and logs in again', async () => {
    const rtm = new RtmClient({ url: mock.rtmUrl, licenseId: 123, requestTimeoutMs: 3000, reconnect: { minDelayMs: 20, maxDelayMs: 100, retries: 5 } });
    await rtm.connect();
    try {
      await rtm.send('login', { token: 'Bearer x' });
      const attempts: unknown[] = [];
      rtm.onLifecycle('reconnecting', (info) => attempts.push(info));
      const reconnected = new Promise<void>((resolve) => rtm.onLifecycle('reconnected', () => resolve()));
      mock.dropConnections();
      await reconnected;
      assert.ok(attempts.length >= 1);
      assert.equal(rtm.connected, true);
      // the mock refuses everything but login on a fresh socket: this succeeds only because the client logged in again
      const list = await rtm.send('list_chats', {});
      assert.equal(typeof list.total_chats, 'number');
    } finally {
      rtm.close();
    }
  });

  test('Web: start chat, send event (pushes reach an RTM listener), list chats, deactivate', async () => {
    const web = new WebClient({ baseUrl: mock.webUrl, accessToken: 'dal:token', licenseId: 123, validate: true, timeoutMs: 3000 });
    const rtm = new RtmClient({ url: mock.rtmUrl, licenseId: 123, requestTimeoutMs: 3000, validate: true });
    await rtm.connect();
    try {
      await rtm.send('login', { token: 'Bearer dal:token' });
      const customer = await web.call('get_customer', {});
      assert.equal(typeof customer, 'object');
      const started = await web.call('start_chat', {});
      const pushed = rtm.once('incoming_event', 3000);
      const sent = await web.call('send_event', { chat_id: started.chat_id, event: { type: 'message', text: 'over HTTP' } });
      assert.match(sent.event_id, /\S/);
      assert.equal((await pushed).chat_id, started.chat_id);
      const list = await web.call('list_chats', { limit: 5 });
      assert.ok(list.chats_summary.some((c) => c.id === started.chat_id));
      const cfg = await web.call('get_dynamic_configuration', { group_id: 0, url: 'https://example.com' }); // GET: arguments go in the query
      assert.equal(typeof cfg, 'object');
      const deactivated = rtm.once('chat_deactivated', 3000);
      await web.call('deactivate_chat', { id: started.chat_id });
      assert.equal((await deactivated).chat_id, started.chat_id);
      const local = await web.call('list_chats', { limit: 500 }).catch((e: unknown) => e);
      assert.ok(local instanceof SchemaValidationError);
      const raw = new WebClient({ baseUrl: mock.webUrl, accessToken: 'dal:token', licenseId: 123 });
      const remote = await raw.call('list_chats', { limit: 500 }).catch((e: unknown) => e);
      assert.ok(remote instanceof ApiError);
      assert.equal(remote.status, 400);
      assert.equal(remote.type, 'validation');
    } finally {
      rtm.close();
    }
  });
});

test('v3.0 clients wrap Web bodies in payload and use the v3.0 method names', async () => {
  const mock = await startMockServer({ version: '3.0', port: 0 });
  const rtm = new RtmClient30({ url: mock.rtmUrl, licenseId: 1, validate: true, requestTimeoutMs: 3000 });
  try {
    const web = new WebClient30({ baseUrl: mock.webUrl, accessToken: 't', licenseId: 1, validate: true });
    const started = await web.call('start_chat', {});
    assert.equal(typeof started, 'object');
    const summary = await web.call('get_chats_summary', {});
    assert.equal(typeof summary, 'object');
    await rtm.connect();
    await rtm.send('login', { token: 'Bearer t' });
    assert.equal(typeof (await rtm.send('get_chats_summary', {})), 'object');
  } finally {
    rtm.close();
    await mock.close();
  }
});

test('RTM: a request without a reply times out; close rejects what is pending', async () => {
  const silent = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((r) => silent.once('listening', () => r()));
  const port = (silent.address() as { port: number }).port;
  const rtm = new RtmClient({ url: `ws://127.0.0.1:${port}/`, reconnect: false });
  try {
    await rtm.connect();
    const t0 = Date.now();
    const err = await rtm.send('login', { token: 'x' }, { timeoutMs: 150 }).catch((e: unknown) => e);
    assert.ok(err instanceof TimeoutError);
    assert.ok(Date.now() - t0 < 2000);
    const pending = rtm.send('login', { token: 'x' }, { timeoutMs: 5000 });
    rtm.close();
    assert.ok((await pending.catch((e: unknown) => e)) instanceof ConnectionClosedError);
  } finally {
    rtm.close();
    for (const c of silent.clients) c.terminate();
    await new Promise<void>((r) => silent.close(() => r()));
  }
});

test('typed API: wrong names and payloads are compile errors (checked by npm run lint)', () => {
  const rtm = new RtmClient({ url: 'ws://127.0.0.1:1/' });
  const web = new WebClient({ baseUrl: 'http://127.0.0.1:1', accessToken: 't' });
  const never = () => {
    // @ts-expect-error unknown action
    void rtm.send('start_chatt', {});
    // @ts-expect-error chat_id must be a string
    void rtm.send('get_chat', { chat_id: 1 });
    // @ts-expect-error missing required chat_id
    void web.call('get_chat', {});
    // @ts-expect-error unknown push
    rtm.on('incoming_chats', () => {});
  };
  assert.equal(typeof never, 'function');
});
