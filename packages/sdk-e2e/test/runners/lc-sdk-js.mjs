// A whole customer session with @livechat/lc-sdk-js (3.x speaks v3.3 with license_id, 4.x v3.4 with
// organization_id) over RTM and the Web API, against the mock at argv[2] (host:port, TLS).
import { createRequire } from 'node:module';
import { check, customerToken, done, scaleTimers, sleep, step } from './common.mjs';

const [base, license, pkg = 'lc-sdk-js-4'] = process.argv.slice(2);
const aliveMs = Number(process.env.ALIVE_MS ?? 0);
scaleTimers(Number(process.env.HEARTBEAT_SCALE ?? 1));
const require = createRequire(import.meta.url);
const { Customer } = require(pkg);
const v4 = pkg.endsWith('4');

const token = await step('get a customer token (accounts)', () => customerToken(base, license));
const pushes = [];
const rtm = new Customer.RTM(v4 ? String(license) : Number(license), { apiUrl: base });
const wait = async (pred, what) => {
  for (let i = 0; i < 100; i++) {
    const p = pushes.find(pred);
    if (p) return p;
    await sleep(20);
  }
  throw new Error(`no ${what} push`);
};
for (const name of ['incoming_chat', 'incoming_event', 'incoming_greeting', 'user_added_to_chat', 'chat_deactivated', 'incoming_typing_indicator', 'chat_properties_updated', 'thread_properties_updated', 'customer_updated', 'greeting_accepted']) {
  rtm.on(name, (payload) => pushes.push({ name, payload }));
}
await step('RTM connect', () => rtm.connect());
let pingsAnswered = 0;
rtm.socket?.on?.('message', (d) => {
  const f = JSON.parse(String(d));
  if (f.action === 'ping' && f.type === 'response' && f.success) pingsAnswered++;
});
const login = await step('login', () => rtm.login(token ? `Bearer ${token.access_token}` : 'Bearer none'));
await step('login response has the customer', () => check(login?.customer?.id === token?.entity_id, `customer ${JSON.stringify(login?.customer)}`));
await step('get_customer', async () => check((await rtm.getCustomer()).id === token.entity_id, 'other customer'));
await step('update_customer', () => rtm.updateCustomer({ name: 'E2E Customer', email: 'e2e@example.com' }));
await step('set_customer_session_fields', () => rtm.setCustomerSessionFields([{ plan: 'pro' }]));
await step('get_customer shows the update', async () => check((await rtm.getCustomer()).name === 'E2E Customer', 'name not stored'));
const form = await step('get_form (pre-chat)', () => rtm.getForm(0, 'prechat'));
await step('get_predicted_agent', async () => check((await rtm.getPredictedAgent()).agent?.id, 'no agent'));
await step('list_group_statuses', async () => check((await rtm.listGroupStatuses([0])).groups_status, 'no statuses'));
await step('get_url_info', () => rtm.getURLInfo('https://www.livechat.com'));
const greeting = await step('incoming_greeting push', () => wait((p) => p.name === 'incoming_greeting', 'incoming_greeting'));
await step('accept_greeting', () => rtm.acceptGreeting(greeting.payload.id, greeting.payload.unique_id));
await step('cancel_greeting', () => rtm.cancelGreeting(greeting.payload.unique_id));
const filled = { type: 'filled_form', form_id: form?.form?.id ?? 'prechat', fields: [{ type: 'name', id: '1', label: 'Name', answer: 'E2E' }, { type: 'email', id: '2', label: 'E-mail', answer: 'e2e@example.com' }] };
const started = await step('start_chat with a pre-chat form', () => rtm.startChat({ chat: { properties: { source: { type: 'e2e' } }, thread: { events: [filled] } } }));
const chatId = started?.chat_id;
const threadId = started?.thread_id;
await step('incoming_chat push', () => wait((p) => p.name === 'incoming_chat' && p.payload.chat.id === chatId, 'incoming_chat'));
await step('the agent joins (user_added_to_chat)', () => wait((p) => p.name === 'user_added_to_chat', 'user_added_to_chat'));
const sent = await step('send_event message', () => rtm.sendEvent(chatId, { type: 'message', text: 'Hello from the SDK', recipients: 'all' }));
await step('the agent answers (incoming_event)', () => wait((p) => p.name === 'incoming_event' && p.payload.event.text === 'You said: Hello from the SDK', 'answer'));
await step('send_sneak_peek', () => rtm.sendSneakPeek(chatId, 'typing...'));
await step('update_chat_properties', () => rtm.updateChatProperties(chatId, { source: { channel: 'e2e' } }));
await step('delete_chat_properties', () => rtm.deleteChatProperties(chatId, { source: ['channel'] }));
await step('rate the chat (update_thread_properties)', () => rtm.updateThreadProperties(chatId, threadId, { rating: { score: 1, comment: 'great' } }));
await step('delete_thread_properties', () => rtm.deleteThreadProperties(chatId, threadId, { rating: ['comment'] }));
await step('update_event_properties', () => rtm.updateEventProperties(chatId, threadId, sent?.event_id, { tags: { flagged: true } }));
await step('delete_event_properties', () => rtm.deleteEventProperties(chatId, threadId, sent?.event_id, { tags: ['flagged'] }));
await step('mark_events_as_seen', () => rtm.markEventsAsSeen(chatId, new Date().toISOString()));
await step('get_chat has the events', async () => {
  const c = await rtm.getChat(chatId);
  check(c.id === chatId && c.thread.id === threadId, 'other chat');
  check(c.thread.events.some((e) => e.id === sent.event_id), 'sent event missing');
  check(c.thread.properties?.rating?.score === 1, 'rating not stored');
});
await step('list_chats has the chat', async () => check((await rtm.listChats()).chats_summary.some((c) => c.id === chatId), 'chat missing'));
await step('list_threads has the thread', async () => check((await rtm.listThreads(chatId)).threads.some((t) => t.id === threadId), 'thread missing'));
await step('deactivate_chat', () => rtm.deactivateChat(chatId));
await step('chat_deactivated push', () => wait((p) => p.name === 'chat_deactivated', 'chat_deactivated'));
const resumed = await step('resume_chat', () => rtm.resumeChat(chatId));
await step('list_threads has both threads', async () => check((await rtm.listThreads(chatId)).found_threads === 2 && resumed?.thread_id, 'threads'));

// The Web API with the same customer token
const web = new Customer.Web('e2e-client', () => ({ accessToken: token.access_token, organizationID: String(license), licenseID: Number(license), region: 'dal' }), { apiUrl: base });
await step('Web list_chats', async () => check((await web.listChats()).chats_summary.some((c) => c.id === chatId), 'chat missing'));
await step('Web get_chat', async () => check((await web.getChat(chatId)).id === chatId, 'other chat'));
await step('Web send_event', () => web.sendEvent(chatId, { type: 'message', text: 'over the Web', recipients: 'all' }));
await step('Web get_customer', async () => check((await web.getCustomer()).id === token.entity_id, 'other customer'));
await step('Web deactivate_chat', () => web.deactivateChat(chatId));

if (aliveMs > 0) {
  // heartbeats: the SDK pings on its own timer; the connection must stay up and every ping be answered
  await step('stays connected through 60 s of heartbeats', async () => {
    const until = Date.now() + aliveMs;
    while (Date.now() < until) {
      check(rtm.socket.readyState === 1, 'socket closed');
      await sleep(100);
    }
    check(pingsAnswered >= 5, `only ${pingsAnswered} pings answered`);
  }, aliveMs + 5000);
}
done({ pingsAnswered });
rtm.disconnect?.();
rtm.socket?.terminate?.();
process.exit(0);
