/**
 * Where a reference example is attached in the specs (scripts/attach-examples.ts, issue 19) and in which form:
 * Web request/200 bodies on the operation's media type (a v3.0 payload-shaped sample wrapped in its `{payload}`
 * body), RTM samples as whole frames on the operation's message (a payload-shaped sample wrapped in the frame of
 * its kind). Found from the documents themselves (operation by name, `$ref`s followed), so it does not depend on
 * how `targetOf` spells its pointers; the envelope and error-reply rules are the model's.
 */
import type { Documents } from './check.js';
import type { ExampleEntry, Target } from './examples.js';
import { appendPointer, isErrorFrame, isPayloadEnvelope, lastToken } from '@ccapi/model';
import { deref, pointer, type Json } from './schema.js';

export interface Attachment {
  protocol: 'web' | 'rtm';
  /** the example as attached */
  form: unknown;
  /** the schema the attached form must satisfy */
  schema: Target;
  /** Web: keys from the document root to the media type object; RTM: the `components/messages` key */
  media?: string[];
  message?: string;
}

/** Follows keys from the root, and `$ref`s on the way and at the end; the pointer of the node reached. */
function locate(doc: Json, keys: string[]): { ptr: string; node: Json } | undefined {
  let ptr = '#';
  let node = doc;
  const follow = () => {
    for (let i = 0; i < 50 && node && typeof node === 'object' && typeof node.$ref === 'string'; i++) {
      ptr = node.$ref;
      node = pointer(doc, node.$ref);
    }
  };
  for (const k of keys) {
    follow();
    if (!node || typeof node !== 'object' || !(k in node)) return undefined;
    node = node[k];
    ptr = appendPointer(ptr, k);
  }
  follow();
  return node === undefined ? undefined : { ptr, node };
}

export function attachmentOf(e: ExampleEntry, value: unknown, docs: Documents): Attachment | string {
  if (!e.name || !['request', 'response', 'push'].includes(e.kind)) return `a ${e.kind} example is not attached to an operation`;
  if (e.protocol !== 'rtm') {
    const doc = docs.web;
    const method = ['post', 'get'].find((m) => doc.paths?.[`/action/${e.name}`]?.[m]);
    if (!method) return `no /action/${e.name} operation`;
    const base = ['paths', `/action/${e.name}`, method];
    const keys = e.kind === 'request' ? [...base, 'requestBody', 'content'] : [...base, 'responses', '200', 'content'];
    const content = locate(doc, keys)?.node;
    const media = ['application/json', 'multipart/form-data'].find((k) => content && k in content);
    if (!media) return `/action/${e.name} has no ${e.kind} body`;
    const schema = locate(doc, [...keys, media, 'schema']);
    if (!schema) return `/action/${e.name} has no ${e.kind} schema`;
    const s = deref(doc, schema.node);
    const envelope = e.shape === 'payload' && isPayloadEnvelope(s);
    return { protocol: 'web', form: envelope ? { payload: value } : value, schema: { protocol: 'web', pointer: schema.ptr }, media: [...keys, media] };
  }
  const doc = docs.rtm;
  const op = doc.operations?.[e.name];
  if (!op) return `no RTM operation ${e.name}`;
  const list: Json[] = e.kind === 'response' ? op.reply?.messages ?? [] : op.messages ?? [];
  for (let i = 0; i < list.length; i++) {
    const keys = e.kind === 'response' ? ['operations', e.name, 'reply', 'messages', String(i)] : ['operations', e.name, 'messages', String(i)];
    const msg = locate(doc, keys);
    const m = /^#\/components\/messages\/([^/]+)$/.exec(msg?.ptr ?? '');
    if (!msg || !m) continue;
    const frame = deref(doc, msg.node.payload);
    if (e.kind === 'response' && isErrorFrame(frame)) continue;
    const form =
      e.shape === 'frame'
        ? value
        : e.kind === 'request'
          ? { action: e.name, payload: value }
          : e.kind === 'response'
            ? { action: e.name, type: 'response', success: true, payload: value }
            : { action: e.name, type: 'push', payload: value };
    return { protocol: 'rtm', form, schema: { protocol: 'rtm', pointer: `${msg.ptr}/payload` }, message: lastToken(msg.ptr) };
  }
  return `no ${e.kind} message of ${e.name}`;
}
