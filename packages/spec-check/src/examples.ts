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
import { apiVersionOf, appendPointer, pointerThrough, type ApiVersion } from '@ccapi/model';
import type { Json } from './schema.js';

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

/** One project view per pair of documents (every example of a version asks the same one). */
const viewCache = new WeakMap<Documents, ApiVersion>();
function viewOf(docs: Documents): ApiVersion {
  let v = viewCache.get(docs);
  if (!v) viewCache.set(docs, (v = apiVersionOf(docs.web, docs.rtm)));
  return v;
}

/**
 * The schema an example must satisfy; a string says why there is none. Which operation, message and
 * schema that is comes from the model's project view (methods, pushes, frames, the v3.0 envelope, errors).
 */
export function targetOf(e: ExampleEntry, docs: Documents): Target | string {
  const protocol: 'web' | 'rtm' = e.protocol === 'rtm' ? 'rtm' : 'web';
  const view = viewOf(docs);
  const doc = docs[protocol];
  const found = (ptr: string | undefined, what: string): Target | string => (ptr ? { protocol, pointer: ptr } : `no ${what} in the ${protocol} document`);
  const payloadOf = (frame: string | undefined) => (frame ? pointerThrough(doc, frame, 'properties', 'payload') : undefined);

  if (e.kind === 'sample') {
    const name = structureName(e.structure ?? e.name ?? '');
    return found(Object.prototype.hasOwnProperty.call(view.names[protocol], name) ? appendPointer('#/components/schemas', name) : undefined, `components/schemas/${name}`);
  }
  if (e.kind === 'error') {
    if (protocol === 'web') return view.errors.web.bodyPointer ? found(view.errors.web.bodyPointer, 'error response') : 'no error response in the web document';
    const frame = view.errors.rtm.frame;
    return found(e.shape === 'frame' ? frame : payloadOf(frame), 'error_response payload');
  }
  if (!e.name) return 'example without a method/push name';
  if (protocol === 'web') {
    const w = view.methods.find((m) => m.web?.name === e.name)?.web;
    if (!w) return `no /action/${e.name} operation`;
    let ptr: string | undefined;
    if (e.kind === 'request') {
      if (w.contentType === 'query') return `/action/${e.name} has no request body (query parameters)`;
      ptr = e.shape === 'payload' ? w.argumentsPointer : w.requestPointer;
    } else if (e.kind === 'response') ptr = w.responsePointer;
    else return `unexpected ${e.kind} example for the Web API`;
    return found(ptr, `${e.kind} schema of ${e.name}`);
  }
  const rtm = view.methods.find((m) => m.rtm?.name === e.name)?.rtm;
  const push = view.pushes.find((p) => p.operation === e.name);
  const frame = e.kind === 'request' || e.kind === 'push' ? rtm?.requestFrame ?? push?.frame : e.kind === 'response' ? rtm?.responseFrame : undefined;
  if (e.shape === 'frame') return found(frame, `message of ${e.name}`);
  return found(payloadOf(frame), `payload of the ${e.name} message`);
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
