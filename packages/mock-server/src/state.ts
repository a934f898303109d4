/**
 * The mock's memory: licenses -> customers and chats -> threads -> events. Every method reads and
 * writes it, so a chat started is found by get_chat, list_chats and list_threads with the same ids.
 * Values are written in the shape of the current API; the server fits them to the version's schema.
 * Every collection is capped (oldest dropped first) so that a long run keeps bounded memory.
 */
import { createHash, randomUUID } from 'node:crypto';

export type S = Record<string, unknown>;

export const LIMITS = {
  licenses: 1_000,
  customersPerLicense: 10_000,
  chatsPerCustomer: 100,
  threadsPerChat: 50,
  eventsPerThread: 1_000,
  propertyNamespaces: 50,
};

export interface Thread {
  id: string;
  active: boolean;
  created_at: string;
  events: S[];
  properties: S;
  user_ids: string[];
  previous_thread_id?: string;
}

export interface Chat {
  id: string;
  license: string;
  customerId: string;
  threads: Thread[];
  properties: S;
  access: S;
  agentJoined: boolean;
}

export interface Customer {
  id: string;
  name?: string;
  email?: string;
  avatar?: string;
  session_fields: S[];
  page?: S;
  stats: { chats_count: number; threads_count: number; visits_count: number; page_views_count: number; greetings_shown_count: number; greetings_accepted_count: number };
  greetings: Map<string, { id: number; accepted: boolean }>;
  chats: string[];
}

export interface License {
  customers: Map<string, Customer>;
  chats: Map<string, Chat>;
}

/** The scripted agent of every license: joins chats and answers (when the mock is started with it). */
export const AGENT = {
  id: 'b5657aff34dd32e198160d54666df9d8',
  type: 'agent',
  name: 'Mock Agent',
  avatar: 'https://cdn.livechat-static.com/avatars/mock.png',
  job_title: 'Support',
  present: true,
  events_seen_up_to: '1970-01-01T00:00:00.000000Z',
};

/** An API-level failure: becomes the API's error body (Web) or error response (RTM). */
export class ApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Ten upper-case letters and digits, like the API's chat and thread ids. */
export function newId(): string {
  const bytes = createHash('sha256').update(randomUUID()).digest();
  let s = '';
  for (let i = 0; i < 10; i++) s += ALNUM[bytes[i]! % 36];
  return s;
}

/** Microsecond RFC 3339 timestamps, strictly increasing within the process (events sort by them). */
let lastMicros = 0;
export function now(): string {
  const micros = Math.max(Date.now() * 1000, lastMicros + 1);
  lastMicros = micros;
  const iso = new Date(Math.floor(micros / 1000)).toISOString();
  return `${iso.slice(0, 19)}.${String(micros % 1_000_000).padStart(6, '0')}Z`;
}

/** The customer a token stands for: tokens issued by the mock carry it; any other token maps to a stable id. */
export function customerIdOf(token: string): string {
  const bare = token.replace(/^(Bearer|Basic)\s+/i, '');
  const m = /^mock\.([0-9a-f-]{36})\./.exec(bare);
  if (m) return m[1]!;
  const h = createHash('sha256').update(bare).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function capMap<K, V>(m: Map<K, V>, max: number): void {
  while (m.size > max) m.delete(m.keys().next().value as K);
}

export class Store {
  private readonly licenses = new Map<string, License>();

  license(id: string): License {
    let l = this.licenses.get(id);
    if (!l) {
      l = { customers: new Map(), chats: new Map() };
      this.licenses.set(id, l);
      capMap(this.licenses, LIMITS.licenses);
    }
    return l;
  }

  customer(license: string, id: string): Customer {
    const l = this.license(license);
    let c = l.customers.get(id);
    if (!c) {
      c = {
        id,
        session_fields: [],
        stats: { chats_count: 0, threads_count: 0, visits_count: 0, page_views_count: 0, greetings_shown_count: 0, greetings_accepted_count: 0 },
        greetings: new Map(),
        chats: [],
      };
      l.customers.set(id, c);
      if (l.customers.size > LIMITS.customersPerLicense) {
        const oldest = l.customers.keys().next().value as string;
        for (const chatId of l.customers.get(oldest)!.chats) l.chats.delete(chatId);
        l.customers.delete(oldest);
      }
    }
    return c;
  }

  /** The customer's own chat, or the API's error (a customer never sees another customer's chat). */
  chat(license: string, customerId: string, chatId: unknown): Chat {
    const c = typeof chatId === 'string' ? this.license(license).chats.get(chatId) : undefined;
    if (!c || c.customerId !== customerId) throw new ApiError('validation', `chat ${JSON.stringify(chatId)} not found`);
    return c;
  }

  createChat(license: string, customer: Customer, access: S | undefined, properties: S | undefined): Chat {
    const l = this.license(license);
    const chat: Chat = { id: newId(), license, customerId: customer.id, threads: [], properties: properties ?? {}, access: access ?? { group_ids: [0] }, agentJoined: false };
    l.chats.set(chat.id, chat);
    customer.chats.push(chat.id);
    customer.stats.chats_count++;
    if (customer.chats.length > LIMITS.chatsPerCustomer) l.chats.delete(customer.chats.shift()!);
    return chat;
  }

  openThread(chat: Chat, customer: Customer, properties: S | undefined): Thread {
    const last = chat.threads[chat.threads.length - 1];
    if (last) last.active = false;
    const t: Thread = { id: newId(), active: true, created_at: now(), events: [], properties: properties ?? {}, user_ids: [customer.id], ...(last ? { previous_thread_id: last.id } : {}) };
    chat.threads.push(t);
    if (chat.threads.length > LIMITS.threadsPerChat) chat.threads.shift();
    customer.stats.threads_count++;
    return t;
  }

  /** Adds an event written by `authorId` to the thread; returns the stored event (with id and time). */
  addEvent(thread: Thread, authorId: string, input: S): S {
    const n = thread.events.length ? Number(String(thread.events[thread.events.length - 1]!.id).split('_')[1] ?? 0) + 1 : 1;
    const event: S = { ...input, id: `${thread.id}_${n}`, created_at: now(), author_id: authorId };
    if (event.type !== 'system_message' && event.recipients === undefined) event.recipients = 'all';
    thread.events.push(event);
    if (thread.events.length > LIMITS.eventsPerThread) thread.events.shift();
    return event;
  }

  users(chat: Chat, customer: Customer): S[] {
    const me: S = { id: customer.id, type: 'customer', present: true, ...(customer.name ? { name: customer.name } : {}), ...(customer.email ? { email: customer.email } : {}), events_seen_up_to: '1970-01-01T00:00:00.000000Z' };
    return chat.agentJoined ? [me, { ...AGENT }] : [me];
  }

  chatObject(chat: Chat, customer: Customer, thread?: Thread): S {
    const t = thread ?? chat.threads[chat.threads.length - 1];
    return { id: chat.id, access: chat.access, properties: chat.properties, users: this.users(chat, customer), ...(t ? { thread: threadObject(t) } : {}) };
  }

  summary(chat: Chat, customer: Customer): S {
    const t = chat.threads[chat.threads.length - 1];
    const lastPerType: S = {};
    if (t) {
      for (const e of t.events) lastPerType[String(e.type)] = { thread_id: t.id, thread_created_at: t.created_at, event: e };
    }
    return {
      id: chat.id,
      access: chat.access,
      properties: chat.properties,
      users: this.users(chat, customer),
      active: !!t?.active,
      ...(t ? { last_thread_id: t.id, last_thread_created_at: t.created_at, last_event_per_type: lastPerType } : {}),
    };
  }
}

export function threadObject(t: Thread): S {
  return { id: t.id, active: t.active, created_at: t.created_at, events: t.events, properties: t.properties, user_ids: t.user_ids, access: { group_ids: [0] }, ...(t.previous_thread_id ? { previous_thread_id: t.previous_thread_id } : {}) };
}

/** Merges property namespaces (`{ns: {key: value}}`), capped. */
export function mergeProperties(target: S, update: unknown): void {
  if (!update || typeof update !== 'object') return;
  for (const [ns, vals] of Object.entries(update as S)) {
    if (ns === '__proto__' || !vals || typeof vals !== 'object') continue;
    if (!Object.hasOwn(target, ns) && Object.keys(target).length >= LIMITS.propertyNamespaces) continue;
    target[ns] = { ...((target[ns] as S | undefined) ?? {}), ...(vals as S) };
  }
}

/** Deletes property keys (`{ns: [key, ...]}`). */
export function deleteProperties(target: S, del: unknown): void {
  if (!del || typeof del !== 'object') return;
  for (const [ns, keys] of Object.entries(del as S)) {
    const cur = Object.hasOwn(target, ns) ? (target[ns] as S) : undefined;
    if (!cur || !Array.isArray(keys)) continue;
    for (const k of keys) delete cur[String(k)];
    if (Object.keys(cur).length === 0) delete target[ns];
  }
}
