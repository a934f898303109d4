// A whole customer session with @livechat/customer-sdk (2.x speaks v3.2, 3.x v3.3) as a browser
// widget would run it, against the mock at argv[2] (host:port, TLS).
import { createRequire } from 'node:module';
import { installBrowser } from './browser.mjs';
import { check, done, scaleTimers, sleep, step } from './common.mjs';

const [base, license, pkg = 'customer-sdk-3'] = process.argv.slice(2);
const aliveMs = Number(process.env.ALIVE_MS ?? 0);
scaleTimers(Number(process.env.HEARTBEAT_SCALE ?? 1));
installBrowser(base, pkg);
const require = createRequire(import.meta.url);
const CustomerSDK = require(pkg);
// 2.x names the chat `chatId` where 3.x says `id`, and reopens a chat with activateChat (v3.2's activate_chat)
const v2 = pkg.endsWith('-2');
const chatRef = (id) => (v2 ? { chatId: id } : { id });

const seen = [];
const wait = async (pred, what, tries = 100) => {
  for (let i = 0; i < tries; i++) {
    const p = seen.find(pred);
    if (p) return p;
    await sleep(20);
  }
  throw new Error(`no ${what} event`);
};
const sdk = await step('init', () => CustomerSDK.init({ licenseId: Number(license), clientId: 'e2e-client' }));
for (const name of ['connected', 'disconnected', 'customer_id', 'incoming_chat', 'incoming_event', 'incoming_greeting', 'user_added_to_chat', 'chat_deactivated', 'incoming_typing_indicator', 'thread_properties_updated', 'chat_properties_updated', 'customer_updated', 'greeting_accepted', 'greeting_canceled']) {
  sdk?.on(name, (payload) => seen.push({ name, payload }));
}
const connected = await step('connected (token, RTM login)', async () => (await wait((e) => e.name === 'connected', 'connected', 750)).payload, 16_000);
await step('connected carries the customer', () => check(connected?.customer?.id, `customer ${JSON.stringify(connected?.customer)}`));
const token = await step('auth.getToken', () => sdk.auth.getToken());
await step('get_customer', async () => check((await sdk.getCustomer()).id === token.entityId, 'other customer'));
await step('update_customer', () => sdk.updateCustomer({ name: 'E2E Customer', email: 'e2e@example.com' }));
await step('set_customer_session_fields', () => sdk.setCustomerSessionFields({ sessionFields: { plan: 'pro' } }));
await step('update_customer_page', () => sdk.updateCustomerPage({ url: 'https://shop.example.com/cart', title: 'Cart' }));
const form = await step('get_form (pre-chat)', () => sdk.getForm({ groupId: 0, type: 'prechat' }));
await step('get_predicted_agent', async () => {
  const r = await sdk.getPredictedAgent();
  check((v2 ? r : r.agent)?.id, `no agent in ${JSON.stringify(r)}`);
});
await step('list_group_statuses', () => sdk.listGroupStatuses({ groupIds: [0] }));
await step('get_url_info', () => sdk.getUrlInfo({ url: 'https://www.livechat.com' }));
const greeting = await step('incoming_greeting', async () => (await wait((e) => e.name === 'incoming_greeting', 'incoming_greeting')).payload);
await step('accept_greeting', () => sdk.acceptGreeting({ greetingId: greeting.id, uniqueId: greeting.uniqueId }));
await step('cancel_greeting', () => sdk.cancelGreeting({ uniqueId: greeting.uniqueId }));
const filled = { type: 'filled_form', formId: form?.form?.id ?? 'prechat', fields: [{ type: 'name', id: '1', label: 'Name', answer: 'E2E' }, { type: 'email', id: '2', label: 'E-mail', answer: 'e2e@example.com' }] };
const started = await step('start_chat with a pre-chat form', () => sdk.startChat({ chat: { properties: { source: { type: 'e2e' } }, thread: { events: [filled] } } }));
const chatId = started?.chat?.id ?? started?.id;
const threadId = started?.chat?.thread?.id ?? started?.thread?.id;
await step('start_chat resolves with the chat', () => check(typeof chatId === 'string' && typeof threadId === 'string', `got ${JSON.stringify(started)?.slice(0, 200)}`));
await step('the agent joins (user_added_to_chat)', () => wait((e) => e.name === 'user_added_to_chat', 'user_added_to_chat'));
const sent = await step('send_event message', () => sdk.sendEvent({ chatId, event: { type: 'message', text: 'Hello from the SDK' } }));
await step('the agent answers (incoming_event)', () => wait((e) => e.name === 'incoming_event' && e.payload.event.text === 'You said: Hello from the SDK', 'answer'));
await step('set_sneak_peek', () => sdk.setSneakPeek({ chatId, sneakPeekText: 'typing...' }));
await step('update_chat_properties', () => sdk.updateChatProperties({ ...chatRef(chatId), properties: { source: { channel: 'e2e' } } }));
await step('delete_chat_properties', () => sdk.deleteChatProperties({ ...chatRef(chatId), properties: { source: ['channel'] } }));
await step('rate_chat', () => sdk.rateChat({ chatId, rating: { score: 1, comment: 'great' } }));
await step('cancel_rate', () => sdk.cancelRate({ chatId, properties: ['comment'] }));
await step('update_event_properties', () => sdk.updateEventProperties({ chatId, threadId, eventId: sent?.id, properties: { tags: { flagged: true } } }));
await step('delete_event_properties', () => sdk.deleteEventProperties({ chatId, threadId, eventId: sent?.id, properties: { tags: ['flagged'] } }));
await step('mark_events_as_seen', () => sdk.markEventsAsSeen({ chatId, seenUpTo: new Date().toISOString() }));
await step('get_chat has the events', async () => {
  const c = await sdk.getChat({ chatId });
  check(c.id === chatId && c.thread.id === threadId, 'other chat');
  check(c.thread.events.some((e) => e.id === sent.id), 'sent event missing');
});
await step('list_chats has the chat', async () => check((await sdk.listChats()).chatsSummary.some((c) => c.id === chatId), 'chat missing'));
await step('list_threads has the thread', async () => check((await sdk.listThreads({ chatId })).threads.some((t) => t.id === threadId), 'thread missing'));
await step('chat history iterator', async () => check((await sdk.getChatHistory({ chatId }).next()).value?.threads?.some((t) => t.id === threadId), 'thread missing from history'));
await step('deactivate_chat', () => sdk.deactivateChat(chatRef(chatId)));
// the requester's chat_deactivated push carries its request_id: the SDK takes it as the answer, so only 3.x re-emits it as an event
await step('the chat is inactive (get_chat)', async () => check((await sdk.getChat({ chatId })).thread.active === false, 'still active'));
await step(v2 ? 'activate_chat' : 'resume_chat', () => (v2 ? sdk.activateChat({ chat: { id: chatId } }) : sdk.resumeChat({ chat: { id: chatId } })));
await step('list_threads has both threads', async () => check((await sdk.listThreads({ chatId })).threads.length === 2, 'threads'));
await step('deactivate_chat again', () => sdk.deactivateChat(chatRef(chatId)));

if (aliveMs > 0) {
  await step('stays connected through 60 s of heartbeats', async () => {
    const until = Date.now() + aliveMs;
    while (Date.now() < until) {
      check(!seen.some((e) => e.name === 'disconnected'), `disconnected: ${JSON.stringify(seen.find((e) => e.name === 'disconnected')?.payload)}`);
      await sleep(100);
    }
    await sdk.getCustomer();
  }, aliveMs + 5000);
}
done();
sdk?.destroy();
process.exit(0);
