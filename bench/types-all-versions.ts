// A client file that uses every version's Web and RTM types at once: `npm run bench` times
// `tsc --noEmit` on it next to tsc on an empty file.
import type * as V30 from '@ccapi/types/v3.0';
import type * as V31 from '@ccapi/types/v3.1';
import type * as V32 from '@ccapi/types/v3.2';
import type * as V33 from '@ccapi/types/v3.3';
import type * as V34 from '@ccapi/types/v3.4';

type AnyVersion = typeof V30 | typeof V31 | typeof V32 | typeof V33 | typeof V34;

interface Api<Req, Res, Push> {
  send<A extends keyof Req & keyof Res>(action: A, payload: Req[A]): Promise<Res[A]>;
  on<P extends keyof Push>(push: P, handler: (payload: Push[P]) => void): void;
  call<M extends keyof Req & keyof Res>(method: M, body: Req[M]): Promise<Res[M]>;
}

declare const v30: Api<V30.RtmRequests, V30.RtmResponses, V30.RtmPushes>;
declare const v31: Api<V31.RtmRequests, V31.RtmResponses, V31.RtmPushes>;
declare const v32: Api<V32.RtmRequests, V32.RtmResponses, V32.RtmPushes>;
declare const v33: Api<V33.RtmRequests, V33.RtmResponses, V33.RtmPushes>;
declare const v34: Api<V34.RtmRequests, V34.RtmResponses, V34.RtmPushes>;
declare const web33: Api<V33.WebRequests, V33.WebResponses, Record<never, never>>;
declare const web34: Api<V34.WebRequests, V34.WebResponses, Record<never, never>>;
declare const web30: Api<V30.WebRequests, V30.WebResponses, Record<never, never>>;

export async function session(): Promise<unknown[]> {
  const out: unknown[] = [];
  out.push(await v30.send('get_chats_summary', {}));
  out.push(await v31.send('mark_events_as_seen', { chat_id: 'C1', seen_up_to: '2019-12-17T07:57:41.512000Z' }));
  out.push(await v32.send('list_chats', {}));
  out.push(await v33.send('start_chat', {}));
  out.push(await v34.send('list_threads', { chat_id: 'C1' }));
  out.push(await web33.call('get_chat', { chat_id: 'C1' }));
  out.push(await web34.call('list_chats', {}));
  out.push(await web30.call('get_chats_summary', {}));
  v33.on('incoming_event', (p) => out.push(p.chat_id));
  v30.on('incoming_chat_thread', (p) => out.push(p));
  const chats: Array<V30.Chat | V31.Chat | V32.Chat | V33.Chat | V34.Chat> = [];
  const version: AnyVersion | undefined = undefined;
  return [...out, chats, version];
}
