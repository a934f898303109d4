/**
 * What each method does to the state and what it answers: the payload is built from the request and
 * the state; the server fits it to the version's response schema (falling back to the spec's
 * examples only for what the state does not know). Methods not listed here answer from the schema.
 */
import { AGENT, ApiError, deleteProperties, mergeProperties, now, threadObject, type Chat, type Customer, type S, type Store, type Thread } from './state.js';

/** A push to send after the response: to the chat's participants, or to the customer's connections. */
export interface PushOut {
  push: string;
  payload: S;
  /** Participants of this chat receive it; without a chat, the acting customer's connections do. */
  chat?: Chat;
}

export interface Ctx {
  store: Store;
  license: string;
  customer: Customer;
  /** Whether the scripted agent joins chats and answers. */
  agent: boolean;
  /** Runs `fn` later (the scripted agent); the server cancels pending work on close. */
  later(fn: () => void): void;
  /** Sends pushes outside a request (the scripted agent's traffic). */
  emit(pushes: PushOut[]): void;
  /** Completes a stored event with what the server adds in this version (e.g. a file's size). */
  complete(event: S): S;
}

/** Stores an event and completes it to the version's event schema. */
function add(ctx: Ctx, thread: Thread, authorId: string, input: S): S {
  const event = ctx.store.addEvent(thread, authorId, input);
  const full = ctx.complete(event);
  if (full !== event) {
    for (const k of Object.keys(event)) delete event[k];
    Object.assign(event, full);
  }
  return event;
}

export interface Outcome {
  /** The response payload before fitting; `undefined` lets the schema decide. */
  payload?: S;
  /** The payload's shape in versions that answer differently (tried when `payload` does not fit). */
  orElse?: S;
  pushes: PushOut[];
}

const obj = (x: unknown): S => (x && typeof x === 'object' && !Array.isArray(x) ? (x as S) : {});

function lastThread(chat: Chat): Thread {
  const t = chat.threads[chat.threads.length - 1];
  if (!t) throw new ApiError('validation', `chat ${chat.id} has no thread`);
  return t;
}

function findThread(chat: Chat, id: unknown): Thread {
  const t = chat.threads.find((x) => x.id === id);
  if (!t) throw new ApiError('validation', `thread ${JSON.stringify(id)} not found in chat ${chat.id}`);
  return t;
}

function findEvent(t: Thread, id: unknown): S {
  const e = t.events.find((x) => x.id === id);
  if (!e) throw new ApiError('validation', `event ${JSON.stringify(id)} not found in thread ${t.id}`);
  return e;
}

/** Starts a thread with the request's events; the scripted agent joins and greets. */
function openThread(ctx: Ctx, chat: Chat, req: S, pushes: PushOut[]): { thread: Thread; eventIds: string[] } {
  const reqChat = obj(req.chat);
  const reqThread = obj(reqChat.thread);
  mergeProperties(chat.properties, reqChat.properties);
  if (reqChat.access) chat.access = { group_ids: [0], ...obj(reqChat.access) };
  const thread = ctx.store.openThread(chat, ctx.customer, obj(reqThread.properties));
  const events = Array.isArray(reqThread.events) ? reqThread.events : [];
  const eventIds = events.map((e) => String(add(ctx, thread, ctx.customer.id, obj(e)).id));
  if (req.active === false) thread.active = false;
  pushes.push({ push: 'incoming_chat', chat, payload: { chat: ctx.store.chatObject(chat, ctx.customer, thread), requester_id: ctx.customer.id } });
  if (ctx.agent && thread.active) agentJoins(ctx, chat, thread);
  return { thread, eventIds };
}

function agentJoins(ctx: Ctx, chat: Chat, thread: Thread): void {
  ctx.later(() => {
    const out: PushOut[] = [];
    if (!chat.agentJoined) {
      chat.agentJoined = true;
      out.push({ push: 'user_added_to_chat', chat, payload: { chat_id: chat.id, thread_id: thread.id, user: { ...AGENT }, reason: 'manual', requester_id: AGENT.id } });
    }
    if (!thread.user_ids.includes(AGENT.id)) thread.user_ids.push(AGENT.id);
    const event = add(ctx, thread, AGENT.id, { type: 'message', text: 'Hello! I am the mock agent. How can I help?' });
    out.push({ push: 'incoming_event', chat, payload: { chat_id: chat.id, thread_id: thread.id, event } });
    ctx.emit(out);
  });
}

function agentAnswers(ctx: Ctx, chat: Chat, thread: Thread, event: S): void {
  if (!ctx.agent || !chat.agentJoined || !thread.active || event.type !== 'message') return;
  ctx.later(() => {
    if (!thread.active) return;
    const typing = { chat_id: chat.id, thread_id: thread.id, typing_indicator: { author_id: AGENT.id, recipients: 'all', timestamp: Math.floor(Date.now() / 1000), is_typing: true } };
    const reply = add(ctx, thread, AGENT.id, { type: 'message', text: `You said: ${String(event.text).slice(0, 200)}` });
    ctx.emit([
      { push: 'incoming_typing_indicator', chat, payload: typing },
      { push: 'incoming_event', chat, payload: { chat_id: chat.id, thread_id: thread.id, event: reply } },
    ]);
  });
}

/** The greeting the scripted agent shows after login (accepted or canceled later by its unique_id). */
export function greet(ctx: Ctx): void {
  if (!ctx.agent) return;
  ctx.later(() => {
    const id = 1000 + ctx.customer.greetings.size;
    const uniqueId = `${id}_${ctx.customer.id.slice(0, 8)}`;
    ctx.customer.greetings.set(uniqueId, { id, accepted: false });
    ctx.customer.stats.greetings_shown_count++;
    const event = { id: `greeting_${id}`, type: 'message', text: 'Need a hand? Chat with us.', author_id: AGENT.id, created_at: now(), recipients: 'all' };
    const agent = { id: AGENT.id, name: AGENT.name, avatar: AGENT.avatar, job_title: AGENT.job_title, is_bot: false };
    ctx.emit([{ push: 'incoming_greeting', payload: { id, unique_id: uniqueId, displayed_first_time: true, accepted: false, event, agent } }]);
  });
}

function greeting(ctx: Ctx, req: S): { id: number; accepted: boolean } {
  const g = ctx.customer.greetings.get(String(req.unique_id));
  if (!g || (req.greeting_id !== undefined && g.id !== req.greeting_id)) throw new ApiError('greeting_not_found', `greeting ${JSON.stringify(req.unique_id)} not found`);
  return g;
}

function customerObject(c: Customer): S {
  return {
    id: c.id,
    type: 'customer',
    present: true,
    email_verified: false,
    ...(c.name ? { name: c.name } : {}),
    ...(c.email ? { email: c.email } : {}),
    ...(c.avatar ? { avatar: c.avatar } : {}),
    session_fields: c.session_fields,
    statistics: c.stats,
  };
}

function updateCustomer(c: Customer, req: S): S {
  const changed: S = {};
  for (const k of ['name', 'email', 'avatar'] as const) {
    if (typeof req[k] === 'string') {
      c[k] = req[k] as string;
      changed[k] = req[k];
    }
  }
  if (Array.isArray(req.session_fields)) {
    c.session_fields = (req.session_fields as S[]).slice(0, 100);
    changed.session_fields = c.session_fields;
  }
  return changed;
}

interface Page {
  offset: number;
  limit: number;
  sort_order: string;
}

/** The page a request asks for: its page_id (issued by pageLinks) or its limit and sort_order. */
function pageOf(req: S, defaultLimit: number): Page {
  if (typeof req.page_id === 'string') {
    try {
      const p = JSON.parse(Buffer.from(req.page_id, 'base64url').toString('utf8')) as Page;
      if (Number.isInteger(p.offset) && Number.isInteger(p.limit) && p.offset >= 0 && p.limit > 0) return { offset: p.offset, limit: Math.min(p.limit, 100), sort_order: p.sort_order === 'asc' ? 'asc' : 'desc' };
    } catch {
      // fall through to the API's error
    }
    throw new ApiError('validation', `page_id ${JSON.stringify(req.page_id).slice(0, 60)} is not one this server issued`);
  }
  return { offset: 0, limit: typeof req.limit === 'number' ? req.limit : defaultLimit, sort_order: req.sort_order === 'asc' ? 'asc' : 'desc' };
}

function pageLinks(p: Page, got: number, total: number): S {
  const id = (offset: number) => Buffer.from(JSON.stringify({ ...p, offset })).toString('base64url');
  return { ...(p.offset + got < total ? { next_page_id: id(p.offset + got) } : {}), ...(p.offset > 0 ? { previous_page_id: id(Math.max(0, p.offset - p.limit)) } : {}) };
}

/** Older versions' names of the same operations. */
const ALIASES: Record<string, string> = {
  update_chat_thread_properties: 'update_thread_properties',
  delete_chat_thread_properties: 'delete_thread_properties',
  get_url_details: 'get_url_info',
  set_customer_fields: 'set_customer_session_fields',
  update_last_seen_timestamp: 'mark_events_as_seen',
};

export function perform(ctx: Ctx, name: string, req: S): Outcome {
  const method = Object.hasOwn(ALIASES, name) ? ALIASES[name]! : name;
  const { store, license, customer } = ctx;
  const pushes: PushOut[] = [];
  const chatOf = (id: unknown) => store.chat(license, customer.id, id);
  switch (method) {
    case 'login': {
      updateCustomer(customer, obj(req.customer));
      if (req.customer_page) customer.page = obj(req.customer_page);
      customer.stats.visits_count++;
      const chats = customer.chats.map((id) => store.license(license).chats.get(id)).filter((c): c is Chat => !!c);
      const active = chats.some((c) => c.threads[c.threads.length - 1]?.active);
      greet(ctx);
      return {
        payload: {
          customer_id: customer.id,
          customer: customerObject(customer),
          chats: chats.map((c) => ({ chat_id: c.id, has_unread_events: false })),
          has_active_thread: active,
          __priv_dynamic_config: {},
        },
        pushes,
      };
    }
    case 'start_chat': {
      const chat = store.createChat(license, customer, undefined, undefined);
      const { thread, eventIds } = openThread(ctx, chat, req, pushes);
      return { payload: { chat_id: chat.id, thread_id: thread.id, event_ids: eventIds }, pushes };
    }
    case 'resume_chat':
    case 'activate_chat': {
      const chat = chatOf(obj(req.chat).id);
      if (chat.threads[chat.threads.length - 1]?.active) throw new ApiError('validation', `chat ${chat.id} is already active`);
      const { thread, eventIds } = openThread(ctx, chat, req, pushes);
      return { payload: { chat_id: chat.id, thread_id: thread.id, event_ids: eventIds }, pushes };
    }
    case 'deactivate_chat':
    case 'close_thread': {
      const chat = chatOf(req.id ?? req.chat_id);
      const t = lastThread(chat);
      if (!t.active) throw new ApiError('validation', `chat ${chat.id} is not active`);
      t.active = false;
      pushes.push({ push: method === 'close_thread' ? 'thread_closed' : 'chat_deactivated', chat, payload: { chat_id: chat.id, thread_id: t.id, user_id: customer.id } });
      return { payload: {}, pushes };
    }
    case 'get_chat': {
      const chat = chatOf(req.chat_id);
      const t = req.thread_id !== undefined ? findThread(chat, req.thread_id) : lastThread(chat);
      return { payload: store.chatObject(chat, customer, t), pushes };
    }
    case 'list_chats':
    case 'get_chats_summary': {
      const all = customer.chats.map((id) => store.license(license).chats.get(id)).filter((c): c is Chat => !!c);
      const page = pageOf(req, 10);
      // newest first (sort_order desc is the default)
      const ordered = page.sort_order === 'asc' ? all : [...all].reverse();
      const slice = ordered.slice(page.offset, page.offset + page.limit);
      return { payload: { chats_summary: slice.map((c) => store.summary(c, customer)), total_chats: all.length, users: [], ...pageLinks(page, slice.length, all.length) }, pushes };
    }
    case 'list_threads':
    case 'get_chat_threads': {
      const chat = chatOf(req.chat_id);
      const page = pageOf(req, 3);
      const ordered = page.sort_order === 'asc' ? chat.threads : [...chat.threads].reverse();
      let end = page.offset + page.limit;
      if (typeof req.min_events_count === 'number') {
        // as many threads as it takes to reach that many events
        let events = 0;
        end = page.offset;
        while (end < ordered.length && events < req.min_events_count) events += ordered[end++]!.events.length;
      }
      const slice = ordered.slice(page.offset, end);
      return { payload: { threads: slice.map(threadObject), found_threads: chat.threads.length, ...pageLinks(page, slice.length, ordered.length) }, pushes };
    }
    case 'send_event': {
      const chat = chatOf(req.chat_id);
      const t = lastThread(chat);
      if (!t.active && req.attach_to_last_thread !== true) throw new ApiError('validation', `chat ${chat.id} is inactive: resume it, or send with attach_to_last_thread`);
      const event = add(ctx, t, customer.id, obj(req.event));
      pushes.push({ push: 'incoming_event', chat, payload: { chat_id: chat.id, thread_id: t.id, event } });
      agentAnswers(ctx, chat, t, event);
      return { payload: { event_id: event.id }, pushes };
    }
    case 'send_rich_message_postback': {
      const chat = chatOf(req.chat_id);
      const t = findThread(chat, req.thread_id);
      findEvent(t, req.event_id);
      pushes.push({ push: 'incoming_rich_message_postback', chat, payload: { user_id: customer.id, chat_id: chat.id, thread_id: t.id, event_id: req.event_id, postback: req.postback } });
      return { payload: {}, pushes };
    }
    case 'send_sneak_peek':
      chatOf(req.chat_id);
      return { payload: {}, pushes };
    case 'update_chat_properties':
    case 'delete_chat_properties': {
      const chat = chatOf(req.id ?? req.chat_id);
      const upd = method.startsWith('update');
      (upd ? mergeProperties : deleteProperties)(chat.properties, req.properties);
      pushes.push({ push: upd ? 'chat_properties_updated' : 'chat_properties_deleted', chat, payload: { chat_id: chat.id, properties: req.properties } });
      return { payload: {}, pushes };
    }
    case 'update_thread_properties':
    case 'delete_thread_properties': {
      const chat = chatOf(req.chat_id);
      const t = findThread(chat, req.thread_id);
      const upd = method.startsWith('update');
      (upd ? mergeProperties : deleteProperties)(t.properties, req.properties);
      pushes.push({ push: upd ? 'thread_properties_updated' : 'thread_properties_deleted', chat, payload: { chat_id: chat.id, thread_id: t.id, properties: req.properties } });
      return { payload: {}, pushes };
    }
    case 'update_event_properties':
    case 'delete_event_properties': {
      const chat = chatOf(req.chat_id);
      const t = findThread(chat, req.thread_id);
      const e = findEvent(t, req.event_id);
      const upd = method.startsWith('update');
      const props = obj(e.properties);
      (upd ? mergeProperties : deleteProperties)(props, req.properties);
      e.properties = props;
      pushes.push({ push: upd ? 'event_properties_updated' : 'event_properties_deleted', chat, payload: { chat_id: chat.id, thread_id: t.id, event_id: e.id, properties: req.properties } });
      return { payload: {}, pushes };
    }
    case 'get_customer':
      return { payload: customerObject(customer), pushes };
    case 'update_customer':
    case 'set_customer_session_fields': {
      const changed = updateCustomer(customer, req);
      pushes.push({ push: 'customer_updated', payload: { ...changed, id: customer.id } });
      return { payload: method === 'update_customer' ? {} : {}, pushes };
    }
    case 'update_customer_page': {
      customer.page = { url: req.url, ...(req.title !== undefined ? { title: req.title } : {}) };
      customer.stats.page_views_count++;
      pushes.push({ push: 'customer_page_updated', payload: { ...customer.page, opened_at: now() } });
      return { payload: {}, pushes };
    }
    case 'mark_events_as_seen': {
      const chat = chatOf(req.chat_id);
      pushes.push({ push: 'events_marked_as_seen', chat, payload: { user_id: customer.id, chat_id: chat.id, seen_up_to: req.seen_up_to } });
      return { payload: {}, pushes };
    }
    case 'accept_greeting': {
      const g = greeting(ctx, req);
      if (!g.accepted) customer.stats.greetings_accepted_count++;
      g.accepted = true;
      pushes.push({ push: 'greeting_accepted', payload: { unique_id: req.unique_id } });
      return { payload: {}, pushes };
    }
    case 'cancel_greeting': {
      greeting(ctx, req);
      ctx.customer.greetings.delete(String(req.unique_id));
      pushes.push({ push: 'greeting_canceled', payload: { unique_id: req.unique_id } });
      return { payload: {}, pushes };
    }
    case 'get_predicted_agent':
      // v3.2 and older answer with the agent itself
      return { payload: { agent: { ...AGENT }, queue: false }, orElse: { ...AGENT }, pushes };
    case 'list_group_statuses':
    case 'get_groups_status': {
      const ids = Array.isArray(req.group_ids) ? (req.group_ids as unknown[]) : [0];
      return { payload: { groups_status: Object.fromEntries(ids.map((g) => [String(g), ctx.agent ? 'online' : 'offline'])) }, pushes };
    }
    case 'get_url_info':
      return { payload: { url: req.url, title: String(req.url) }, pushes };
    case 'ping':
      return { payload: {}, pushes };
    default:
      return { pushes };
  }
}
