/**
 * Where each reference example (reference/examples/manifest.json) belongs in a version's bundled documents, and
 * its validation with ajv (JSON Schema 2020-12).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Documents } from './check.js';
import { referenceDir } from './load.js';
import { structureName } from './names.js';
import { appendPointer, pointerTokens } from '@ccapi/model';
import { deref, pointer, type Json } from './schema.js';

export interface ExampleEntry {
  version: string;
  protocol: 'web' | 'rtm' | 'common';
  kind: 'request' | 'response' | 'push' | 'sample' | 'error' | string;
  name: string | null;
  entity: string | null;
  structure?: string;
  shape?: string | null;
  file: string;
}

export interface Manifest {
  files: ExampleEntry[];
  skipped: (Omit<ExampleEntry, 'file'> & { reason: string })[];
}

export const examplesDir = join(referenceDir, 'examples');

export function loadManifest(): Manifest {
  return JSON.parse(readFileSync(join(examplesDir, 'manifest.json'), 'utf8')) as Manifest;
}

export function readExample(e: ExampleEntry): unknown {
  return JSON.parse(readFileSync(join(examplesDir, e.file), 'utf8'));
}

export interface Target {
  protocol: 'web' | 'rtm';
  /** JSON pointer (with `#`) to the schema inside that document */
  pointer: string;
}

/**
 * Walks keys from the document root; whenever the node reached is a `$ref` object (a referenced message,
 * response, request body or schema), the walk continues from the referenced location.
 */
function walk(doc: Json, keys: string[]): string | undefined {
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
  return ptr;
}

function webOp(doc: Json, name: string): { keys: string[]; op: Json } | undefined {
  for (const m of ['post', 'get']) {
    const op = doc.paths?.[`/action/${name}`]?.[m];
    if (op) return { keys: ['paths', `/action/${name}`, m], op };
  }
  return undefined;
}

function mediaKey(doc: Json, content: Json): string | undefined {
  const c = deref(doc, content);
  if (!c) return undefined;
  return ['application/json', 'multipart/form-data'].find((k) => k in c) ?? Object.keys(c)[0];
}

/** True when the schema at ptr is an object with one property, `payload` (the v3.0 Web body wrapper). */
function payloadWrapper(doc: Json, ptr: string): boolean {
  const s = deref(doc, pointer(doc, ptr));
  return !!s?.properties?.payload && Object.keys(s.properties).length === 1;
}

function messagePtr(doc: Json, op: string, which: 'request' | 'reply'): string | undefined {
  const o = doc.operations?.[op];
  if (!o) return undefined;
  const list: Json[] = which === 'request' ? o.messages ?? [] : o.reply?.messages ?? [];
  for (let i = 0; i < list.length; i++) {
    const keys = which === 'request' ? ['operations', op, 'messages', String(i)] : ['operations', op, 'reply', 'messages', String(i)];
    const ptr = walk(doc, keys);
    if (!ptr) continue;
    const msg = deref(doc, pointer(doc, ptr));
    const success = deref(doc, msg?.payload)?.properties?.success;
    if (which === 'reply' && (msg?.name === 'error_response' || success?.const === false)) continue;
    return ptr;
  }
  return undefined;
}

/** The schema an example must satisfy; a string says why there is none. */
export function targetOf(e: ExampleEntry, docs: Documents): Target | string {
  const protocol: 'web' | 'rtm' = e.protocol === 'rtm' ? 'rtm' : 'web';
  const doc = docs[protocol];
  const sub = (base: string | undefined, ...keys: string[]) => (base ? walk(doc, [...pointerTokens(base), ...keys]) : undefined);
  const found = (ptr: string | undefined, what: string): Target | string => (ptr ? { protocol, pointer: ptr } : `no ${what} in the ${protocol} document`);

  if (e.kind === 'sample') {
    const name = structureName(e.structure ?? e.name ?? '');
    return found(doc.components?.schemas?.[name] ? `#/components/schemas/${name}` : undefined, `components/schemas/${name}`);
  }
  if (e.kind === 'error') {
    if (protocol === 'web') {
      const res = Object.keys(doc.components?.responses ?? {}).find((k) => /error/i.test(k));
      if (!res) return 'no error response in the web document';
      const media = mediaKey(doc, doc.components.responses[res].content);
      return found(walk(doc, ['components', 'responses', res, 'content', media ?? '', 'schema']), `schema of ${res}`);
    }
    const msg = walk(doc, ['components', 'messages', 'error_response']);
    const frame = sub(msg, 'payload');
    return found(e.shape === 'frame' ? frame : sub(frame, 'properties', 'payload'), 'error_response payload');
  }
  if (!e.name) return 'example without a method/push name';
  if (protocol === 'web') {
    const w = webOp(doc, e.name);
    if (!w) return `no /action/${e.name} operation`;
    let ptr: string | undefined;
    if (e.kind === 'request') {
      const body = deref(doc, w.op.requestBody);
      if (!body?.content) return `/action/${e.name} has no request body (query parameters)`;
      ptr = walk(doc, [...w.keys, 'requestBody', 'content', mediaKey(doc, body.content) ?? '', 'schema']);
    } else if (e.kind === 'response') {
      const r = deref(doc, w.op.responses?.['200']);
      ptr = walk(doc, [...w.keys, 'responses', '200', 'content', mediaKey(doc, r?.content) ?? '', 'schema']);
    } else return `unexpected ${e.kind} example for the Web API`;
    if (ptr && e.shape === 'payload' && payloadWrapper(doc, ptr)) ptr = sub(ptr, 'properties', 'payload');
    return found(ptr, `${e.kind} schema of ${e.name}`);
  }
  const msg = e.kind === 'request' || e.kind === 'push' ? messagePtr(doc, e.name, 'request') : e.kind === 'response' ? messagePtr(doc, e.name, 'reply') : undefined;
  const frame = sub(msg, 'payload');
  if (e.shape === 'frame') return found(frame, `message of ${e.name}`);
  return found(sub(frame, 'properties', 'payload'), `payload of the ${e.name} message`);
}

type AjvInstance = {
  addSchema(s: Json, key: string, meta?: boolean, validateSchema?: boolean): unknown;
  getSchema(key: string): ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null } | undefined;
  compile(s: Json): ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
};

/** One ajv (2020-12, ajv-formats, strict: false) holding both documents, with a compiled-validator cache. */
export function createValidator(docs: Documents): (target: Target, data: unknown) => string[] {
  const Ajv2020 = ((Ajv2020Module as Json).default ?? Ajv2020Module) as new (o: object) => AjvInstance;
  const addFormats = ((addFormatsModule as Json).default ?? addFormatsModule) as (a: AjvInstance) => void;
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, logger: false });
  addFormats(ajv);
  // the documents are added as schemas so that JSON pointers into them resolve; the root `id` of an AsyncAPI
  // document is its URN, not a JSON Schema keyword (ajv 2020 rejects `id`), so the roots are added without it
  const root = (d: Json) => {
    const { id: _id, $id: _sid, ...rest } = d ?? {};
    return rest;
  };
  ajv.addSchema(root(docs.web), 'doc-web', undefined, false);
  ajv.addSchema(root(docs.rtm), 'doc-rtm', undefined, false);
  const cache = new Map<string, ReturnType<AjvInstance['compile']>>();
  return (t, data) => {
    const key = `doc-${t.protocol}${t.pointer}`;
    let fn = cache.get(key);
    if (!fn) {
      fn = ajv.compile({ $ref: key });
      cache.set(key, fn);
    }
    return fn(data) ? [] : (fn.errors ?? []).map((er) => `${er.instancePath || '/'} ${er.message ?? ''}`.trim());
  };
}
