/**
 * The project view of one version: its Web and RTM bundled documents read together as one API
 * (methods with their Web and RTM sides, pushes, one set of structures under canonical names,
 * payload schemas, errors, examples). Codegen, the site and spec-check read this; the diff reads the
 * generic models it is built on (`models`). Never throws for bad input: problems are diagnostics.
 */
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { normalise } from '../normalise.js';
import { appendPointer, getPointer, lastToken, pointerThrough } from '../pointer.js';
import { readSpec } from '../read.js';
import {
  COMMON_QUERY, errorStructure, framePayload, isErrorFrame, isPayloadEnvelope, isPayloadName, pascal, pushName, webMethodName,
} from './rules.js';
import type { Diagnostic, Model } from '../types.js';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type Schema = { [k: string]: Json };

const REF_PREFIX = '#/components/schemas/';
const DEFS_PREFIX = '#/$defs/';

/**
 * `o[k] = v` that also works for the key `__proto__` (an assignment would set the prototype and drop
 * the entry: a structure, property or method of that name would vanish).
 */
export function put<T>(o: Record<string, T>, k: string, v: T): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

function isObj(v: unknown): v is Schema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function own<T>(o: Record<string, T> | undefined, k: string): T | undefined {
  return o && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
}

/** What a Web method and an RTM operation share: names, labels, marks. */
export interface ApiSide {
  /** Web: operationId (else the `/action/<method>` segment); RTM: the operation id. */
  name: string;
  /** JSON pointer of the operation in its document. */
  pointer: string;
  title?: string;
  /** First tag ('' when none): the reference area. */
  tag: string;
  renamedFrom?: string;
  deprecated: boolean;
  /** `x-rtm-equivalent` (Web) / `x-web-equivalent` (RTM) as written. */
  equivalent?: string;
  /** RTM: the operation has a `reply` (false on the Web side). */
  hasReply: boolean;
}

export interface WebSide extends ApiSide {
  path: string;
  http: 'get' | 'post';
  /** `application/json` or `multipart/form-data` (GET methods: `query`). */
  contentType: 'application/json' | 'multipart/form-data' | 'query';
  /** v3.0 wraps the arguments in `{payload: ...}`. */
  envelope: 'payload' | null;
  /** Canonical payload names (`payloads.web` or `structures`). */
  request: string | null;
  response: string | null;
  /** GET: query parameters other than the common ones, with their JSON type. */
  query: Record<string, string>;
  /** The request root in `documents.web` (the body schema, envelope included; GET: the query parameters as one object). */
  requestSchema: Json | undefined;
  /** The success (200) JSON body schema in `documents.web`. */
  responseSchema: Json | undefined;
  /** `#` pointers (through `$ref`s) of the body schema, of the arguments (inside the envelope) and of the success body. */
  requestPointer?: string;
  argumentsPointer?: string;
  responsePointer?: string;
}

export interface RtmSide extends ApiSide {
  request: string | null;
  response: string | null;
  payloadRequired: boolean;
  requestMessage: string;
  /** The success reply message (null: the action has no reply frame, v3.0 `ping`). */
  responseMessage: string | null;
  errorMessage: string | null;
  /** `x-pushes`: the pushes the action triggers. */
  pushes: string[];
  /** The request frame's `payload` schema in `documents.rtm`. */
  requestSchema: Json | undefined;
  /** The success reply frame's `payload` schema in `documents.rtm`. */
  responseSchema: Json | undefined;
  /** `#` pointers (through `$ref`s) of the request and success reply frame schemas. */
  requestFrame?: string;
  responseFrame?: string;
}

/** One method: its Web and/or RTM side, joined by `x-rtm-equivalent` / `x-web-equivalent` (else by equal name). */
export interface ApiMethod {
  name: string;
  web?: WebSide;
  rtm?: RtmSide;
}

export interface ApiPush extends ApiSide {
  /** The frame's `action` constant (what a client sees on the wire), else the operation id. */
  name: string;
  operation: string;
  /** Canonical payload name. */
  payload: string;
  message: string;
  payloadSchema: Json | undefined;
  /** `#` pointer (through `$ref`s) of the frame schema. */
  frame?: string;
}

export interface ApiStructure {
  name: string;
  /** The schema with refs to other structures/payloads as `#/$defs/<Name>`. */
  schema: Schema;
  renamedFrom?: string;
  /** Pointer of the component in each document that defines it. */
  web?: string;
  rtm?: string;
  /**
   * Whether the diff reports it as a data structure (the generic model keeps components that a payload
   * uses, not owned by one payload). Structures no payload reaches (v3.3 `FormFields`) still get types.
   */
  diffed: boolean;
}

export interface ApiExample {
  kind: 'web-request' | 'web-response' | 'rtm-frame';
  name: string;
  value: Json;
}

export interface ApiVersion {
  version: string;
  files: { web: string; rtm: string };
  /** The bundled documents as read. */
  documents: { web: Schema; rtm: Schema };
  /** The generic models (what api-diff compares). */
  models: { web?: Model; rtm?: Model };
  /** Component name in each document -> canonical name. */
  names: { web: Record<string, string>; rtm: Record<string, string> };
  /** Sorted by name. */
  methods: ApiMethod[];
  /** Sorted by name. */
  pushes: ApiPush[];
  /** Canonical name -> structure (sorted). */
  structures: Record<string, ApiStructure>;
  /** Payload schemas by canonical name (sorted), `#/$defs/` refs. */
  payloads: { web: Record<string, Schema>; rtm: Record<string, Schema> };
  /** RTM frame schemas by message name (sorted), `#/$defs/` refs. */
  frames: Record<string, Schema>;
  errors: {
    /** Web error body (`{error: WebError}`), `#/$defs/` refs. */
    web: { body: Schema | null; structure?: string; bodyPointer?: string };
    /** The RTM error reply message. */
    rtm: { message: string | null; structure?: string; frame?: string };
  };
  examples: ApiExample[];
  /** The Web document with canonical component names. */
  webDocument: Schema;
  diagnostics: Diagnostic[];
}

export interface ApiVersionOptions {
  version?: string;
  webFile?: string;
  rtmFile?: string;
}

function emptyView(version: string, files: ApiVersion['files'], diagnostics: Diagnostic[]): ApiVersion {
  return {
    version, files, documents: { web: {}, rtm: {} }, models: {}, names: { web: {}, rtm: {} }, methods: [], pushes: [], structures: {},
    payloads: { web: {}, rtm: {} }, frames: {}, errors: { web: { body: null }, rtm: { message: null } }, examples: [], webDocument: {}, diagnostics,
  };
}

const DOCS = { web: ['web.openapi.json', 'web.openapi.yaml', 'web.openapi.yml'], rtm: ['rtm.asyncapi.json', 'rtm.asyncapi.yaml', 'rtm.asyncapi.yml'] };

/**
 * Reads a version folder (`generated/v3.3` with the bundles, or `specs/v3.3`): `web.openapi.*` and
 * `rtm.asyncapi.*`, each read and checked by the loader, then builds the project view.
 */
export function readApiVersion(dir: string, options: { version?: string } = {}): ApiVersion {
  const abs = resolve(dir);
  const version = options.version ?? basename(abs).replace(/^v/, '');
  const diagnostics: Diagnostic[] = [];
  const docs: Partial<Record<'web' | 'rtm', Record<string, unknown>>> = {};
  const files = { web: join(abs, DOCS.web[0]!), rtm: join(abs, DOCS.rtm[0]!) };
  for (const side of ['web', 'rtm'] as const) {
    const file = DOCS[side].map((f) => join(abs, f)).find((f) => existsSync(f));
    if (!file) {
      diagnostics.push({ severity: 'error', code: 'missing-document', message: `${files[side]} is missing`, file: files[side], hint: `Bundle the version first (spec-bundle writes ${DOCS[side][0]}).` });
      continue;
    }
    files[side] = file;
    const r = readSpec(file);
    diagnostics.push(...r.diagnostics);
    if (!r.document) continue;
    const want = side === 'web' ? 'openapi' : 'asyncapi';
    if (r.kind !== want) {
      diagnostics.push({ severity: 'error', code: 'wrong-document', message: `${file} is not an ${side === 'web' ? 'OpenAPI' : 'AsyncAPI'} document`, file, hint: `Put the ${side === 'web' ? 'Web (OpenAPI 3.1)' : 'RTM (AsyncAPI 3.0)'} document of the version there.` });
      continue;
    }
    docs[side] = r.document;
  }
  if (!docs.web || !docs.rtm || diagnostics.some((d) => d.severity === 'error')) return emptyView(version, files, diagnostics);
  const view = apiVersionOf(docs.web, docs.rtm, { version, webFile: files.web, rtmFile: files.rtm });
  view.diagnostics.unshift(...diagnostics);
  return view;
}

/** How many schemas refer to each component (a body the bundler named after its file has one alias pointing at it). */
function componentUses(schemas: Schema): Map<string, number> {
  const uses = new Map<string, number>();
  const count = (node: Json): void => {
    if (Array.isArray(node)) return node.forEach(count);
    if (!isObj(node)) return;
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(REF_PREFIX)) uses.set(v.slice(REF_PREFIX.length), (uses.get(v.slice(REF_PREFIX.length)) ?? 0) + 1);
      else if (k !== 'enum' && k !== 'const' && k !== 'default' && k !== 'example' && k !== 'examples') count(v);
    }
  };
  count(schemas);
  return uses;
}

/**
 * Component name -> canonical name. The bundle keeps Redocly's file-derived names (`start_chat_request`)
 * plus our PascalCase alias pointing at them: a lowercase component that such an alias points at, and
 * that no other schema uses, takes the alias's name.
 */
function canonicalNames(schemas: Schema): Map<string, string> {
  const map = new Map<string, string>();
  for (const name of Object.keys(schemas)) map.set(name, name);
  const uses = componentUses(schemas);
  for (const [name, s] of Object.entries(schemas)) {
    if (!isObj(s) || Object.keys(s).length !== 1 || typeof s.$ref !== 'string') continue;
    if (!s.$ref.startsWith(REF_PREFIX)) continue;
    const target = s.$ref.slice(REF_PREFIX.length);
    if (/^[A-Z]/.test(target) && !/_/.test(target)) continue; // alias of a real structure
    if (!/^[A-Z]/.test(name)) continue;
    if ((uses.get(target) ?? 0) > 1) continue;
    if (map.get(target) !== target) continue; // already renamed by an earlier alias
    map.set(target, name);
    map.set(name, name);
  }
  return map;
}

function sorted<T>(rec: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(rec).sort()) put(out, k, rec[k]!);
  return out;
}

function refName(s: Json | undefined): string | null {
  if (isObj(s) && typeof s.$ref === 'string' && s.$ref.startsWith(DEFS_PREFIX)) return s.$ref.slice(DEFS_PREFIX.length);
  return null;
}

/** Builds the project view from the two bundled documents (internal `$ref`s only). */
export function apiVersionOf(webDoc: unknown, rtmDoc: unknown, options: ApiVersionOptions = {}): ApiVersion {
  const version = options.version ?? '';
  const files = { web: options.webFile ?? `generated/v${version}/web.openapi.json`, rtm: options.rtmFile ?? `generated/v${version}/rtm.asyncapi.json` };
  const diagnostics: Diagnostic[] = [];
  const fail = (file: string, message: string, hint: string, pointer?: string, code = 'model'): void => {
    diagnostics.push({ severity: 'error', code, message, file, pointer, hint });
  };
  // a document without its version field is reported but still read (what it lists is still shown)
  if (!isObj(webDoc) || typeof webDoc.openapi !== 'string' || !isObj(webDoc.paths)) {
    fail(files.web, 'not an OpenAPI document', 'Give the bundled OpenAPI 3.1 document (spec-bundle output).', undefined, 'wrong-document');
  }
  if (!isObj(rtmDoc) || typeof rtmDoc.asyncapi !== 'string' || !isObj(rtmDoc.operations)) {
    fail(files.rtm, 'not an AsyncAPI 3 document', 'Give the bundled AsyncAPI 3.0 document (spec-bundle output).', undefined, 'wrong-document');
  }
  if (!isObj(webDoc) || !isObj(webDoc.paths) || !isObj(rtmDoc) || !isObj(rtmDoc.operations)) return emptyView(version, files, diagnostics);
  const web = webDoc as Schema;
  const rtm = rtmDoc as Schema;

  /** One document's components under canonical names, refs rewritten to `#/$defs/<canonical>`. */
  const canonicalize = (doc: Schema, file: string) => {
    const comps = (doc.components as Schema | undefined)?.schemas;
    const defs: Record<string, Schema> = {};
    if (!isObj(comps)) {
      fail(file, 'no components/schemas', 'List every structure and payload under components/schemas (docs/modelling.md).', '/components');
      return { names: new Map<string, string>(), defs };
    }
    const names = canonicalNames(comps);
    const rename = (n: string, where: string): string => {
      const c = names.get(n);
      if (c !== undefined) return c;
      fail(file, `$ref to missing component ${n} in ${where}`, `Add components/schemas/${n} or fix the $ref.`, where, 'missing-component');
      return n;
    };
    for (const [name, s] of Object.entries(comps)) {
      const where = appendPointer('/components/schemas', name);
      const canon = rename(name, where);
      if (canon !== name) continue; // renamed: the body is emitted under the alias name
      if (isObj(s) && Object.keys(s).length === 1 && typeof s.$ref === 'string' && s.$ref.startsWith(REF_PREFIX)) {
        if (names.get(s.$ref.slice(REF_PREFIX.length)) === name) {
          // the alias now names the body itself
          const bodyName = [...names.entries()].find(([old, c]) => c === name && old !== name)?.[0]!;
          put(defs, name, rewrite(comps[bodyName] as Json, rename, file, appendPointer('/components/schemas', bodyName)) as Schema);
          continue;
        }
      }
      put(defs, name, rewrite(s, rename, file, where) as Schema);
    }
    return { names, defs };
  };

  /** Copies a schema with component refs turned into `#/$defs/<canonical>`. */
  const rewrite = (node: Json, rename: (name: string, where: string) => string, file: string, where: string): Json => {
    if (Array.isArray(node)) return node.map((n) => rewrite(n, rename, file, where));
    if (!isObj(node)) return node;
    const out: Schema = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') {
        if (!v.startsWith(REF_PREFIX)) {
          fail(file, `unsupported $ref ${v} in ${where} (only ${REF_PREFIX}<Name> is expected in a bundle)`, 'Bundle the version with spec-bundle: it leaves only component refs.', where, 'unsupported-ref');
          put(out, k, v);
        } else put(out, k, `${DEFS_PREFIX}${rename(v.slice(REF_PREFIX.length), where)}`);
      } else put(out, k, rewrite(v, rename, file, where));
    }
    return out;
  };
  const lenient = (names: Map<string, string>) => (n: string) => names.get(n) ?? n;
  const rw = (node: Json, names: Map<string, string>, file: string, where: string) => rewrite(node, lenient(names), file, where);

  const w = canonicalize(web, files.web);
  const r = canonicalize(rtm, files.rtm);
  const models = {
    web: normalise(web, 'openapi', { file: files.web, protocol: 'web' }),
    rtm: normalise(rtm, 'asyncapi', { file: files.rtm, protocol: 'rtm' }),
  };

  // structures: every canonical component that is not a payload, one schema per version
  const structures: Record<string, ApiStructure> = {};
  const webPayloads: Record<string, Schema> = {};
  const rtmPayloads: Record<string, Schema> = {};
  for (const [side, canon, payloads, doc, file] of [
    ['web', w, webPayloads, web, files.web],
    ['rtm', r, rtmPayloads, rtm, files.rtm],
  ] as const) {
    for (const [name, s] of Object.entries(canon.defs)) {
      if (isPayloadName(name)) {
        put(payloads, name, s);
        continue;
      }
      const pointer = appendPointer('/components/schemas', name);
      const prev = own(structures, name);
      if (prev) {
        if (JSON.stringify(prev.schema) !== JSON.stringify(s)) {
          fail(file, `v${version}: structure ${name} differs between ${files.web} and ${files.rtm}; a structure must be one schema per version (fix specs/v${version}/schemas/${name}.yaml usage)`,
            'Make both documents refer to the same schemas/<Name>.yaml, or give the two shapes distinct names.', pointer, 'structure-differs');
        }
        prev[side] = pointer;
        continue;
      }
      const raw = getPointer(doc, pointer) as Schema | undefined;
      const st: ApiStructure = { name, schema: s, [side]: pointer, diffed: false };
      if (isObj(raw) && raw['x-renamed-from'] !== undefined) st.renamedFrom = String(raw['x-renamed-from']);
      put(structures, name, st);
    }
  }
  for (const st of Object.values(structures)) st.diffed = !!(own(models.web.structures, st.name) ?? own(models.rtm.structures, st.name));

  const deref = (doc: Schema, node: Json | undefined): Json | undefined => {
    let cur = node;
    for (let i = 0; i < 10 && isObj(cur) && typeof cur.$ref === 'string'; i++) cur = getPointer(doc, cur.$ref) as Json | undefined;
    return cur;
  };
  const tagOf = (doc: Schema, op: Schema): string => {
    const t = Array.isArray(op.tags) && op.tags.length ? deref(doc, op.tags[0]) : undefined;
    return typeof t === 'string' ? t : isObj(t) && typeof t.name === 'string' ? t.name : '';
  };
  const side = (doc: Schema, name: string, pointer: string, op: Schema, eqKey: string): ApiSide => {
    const s: ApiSide = { name, pointer, tag: tagOf(doc, op), deprecated: op.deprecated === true, hasReply: op.reply !== undefined && op.reply !== null };
    // the reference heading: `summary` (an AsyncAPI operation may say `title` instead)
    if (typeof op.summary === 'string') s.title = op.summary;
    else if (typeof op.title === 'string') s.title = op.title;
    if (op['x-renamed-from'] !== undefined) s.renamedFrom = String(op['x-renamed-from']);
    if (typeof op[eqKey] === 'string') s.equivalent = op[eqKey] as string;
    return s;
  };

  // Web methods: POST|GET /action/<method>
  const webSides: WebSide[] = [];
  const examples: ApiExample[] = [];
  const webExamples: ApiExample[] = [];
  for (const [path, item] of Object.entries(web.paths as Schema)) {
    if (!isObj(item)) continue;
    for (const http of ['get', 'post'] as const) {
      const op = item[http];
      if (!isObj(op)) continue;
      const method = webMethodName(path, op);
      const P = pascal(method);
      const pointer = appendPointer('/paths', path, http);
      let request: string | null = null;
      let envelope: WebSide['envelope'] = null;
      let contentType: WebSide['contentType'] = 'query';
      let requestSchema: Json | undefined;
      const query: Record<string, string> = {};
      const body = isObj(op.requestBody) ? deref(web, op.requestBody) : null;
      if (isObj(body) && isObj(body.content)) {
        const ct = isObj(body.content['application/json']) ? 'application/json' : 'multipart/form-data';
        contentType = ct;
        const media = own(body.content, ct) as Schema | undefined;
        requestSchema = media?.schema;
        const bodyPointer = appendPointer(pointer, 'requestBody');
        const resolved = deref(web, media?.schema);
        // the arguments: the body itself, or (v3.0) its `payload` property
        let sch = rw(media?.schema ?? null, w.names, files.web, bodyPointer);
        if (isPayloadEnvelope(resolved)) {
          envelope = 'payload';
          sch = rw(((resolved as Schema).properties as Schema).payload!, w.names, files.web, bodyPointer);
        }
        request = refName(sch);
        if (!request) {
          request = `${P}WebRequest`;
          put(webPayloads, request, sch as Schema);
        }
      } else {
        // GET: the arguments are query parameters; the request root is them as one object
        const properties: Schema = {};
        const required: string[] = [];
        for (const p of (Array.isArray(op.parameters) ? op.parameters : []) as Json[]) {
          const prm = deref(web, p);
          if (!isObj(prm) || prm.in !== 'query') continue;
          put(properties, String(prm.name), (prm.schema ?? {}) as Json);
          if (prm.required) required.push(String(prm.name));
          if (COMMON_QUERY.has(String(prm.name))) continue;
          const t = isObj(prm.schema) ? prm.schema.type : undefined;
          put(query, String(prm.name), typeof t === 'string' ? t : 'string');
        }
        requestSchema = { type: 'object', properties, required };
        for (const cand of [`${P}Request`, `${P}WebRequest`]) if (own(w.defs, cand)) request = cand;
      }
      let response: string | null = null;
      const ok = isObj(op.responses) ? deref(web, own(op.responses, '200') ?? null) : null;
      const okMedia = isObj(ok) && isObj(ok.content) ? own(ok.content, 'application/json') as Schema | undefined : undefined;
      const responseSchema = okMedia?.schema;
      if (responseSchema !== undefined) {
        const sch = rw(responseSchema, w.names, files.web, appendPointer(pointer, 'responses', '200'));
        for (const cand of [`${P}Response`, `${P}WebResponse`]) if (own(w.defs, cand)) response = cand;
        if (!response) response = refName(sch);
        if (!response) {
          response = `${P}WebResponse`;
          put(webPayloads, response, sch as Schema);
        }
      }
      const requestPointer = contentType === 'query' ? undefined : pointerThrough(web, pointer, 'requestBody', 'content', contentType, 'schema');
      webSides.push({
        ...side(web, method, pointer, op, 'x-rtm-equivalent'),
        path, http, contentType, envelope, request, response, query, requestSchema, responseSchema,
        requestPointer, argumentsPointer: envelope && requestPointer ? pointerThrough(web, requestPointer, 'properties', 'payload') : requestPointer,
        responsePointer: responseSchema === undefined ? undefined : pointerThrough(web, pointer, 'responses', '200', 'content', 'application/json', 'schema'),
      });
      const reqMedia = isObj(body) && isObj(body.content) ? (own(body.content, 'application/json') as Schema | undefined) : undefined;
      for (const v of mediaExamples(web, reqMedia)) webExamples.push({ kind: 'web-request', name: method, value: v });
      for (const v of mediaExamples(web, okMedia)) webExamples.push({ kind: 'web-response', name: method, value: v });
    }
  }

  // Web error body: the first error response (components/responses, by name) with a JSON body
  let webErrorBody: Schema | null = null;
  let webErrorPointer: string | undefined;
  const responses = (web.components as Schema | undefined)?.responses;
  if (isObj(responses)) {
    for (const key of Object.keys(responses).sort()) {
      const resp = responses[key] as Schema;
      const sch = isObj(resp?.content) ? ((resp.content as Schema)['application/json'] as Schema)?.schema : undefined;
      if (sch !== undefined) {
        webErrorBody = rw(sch, w.names, files.web, appendPointer('/components/responses', key)) as Schema;
        webErrorPointer = pointerThrough(web, appendPointer('/components/responses', key), 'content', 'application/json', 'schema');
        break;
      }
    }
  }

  // RTM frames: one per message
  const frames: Record<string, Schema> = {};
  const rawFrames: Record<string, Schema> = {};
  const messages = (rtm.components as Schema | undefined)?.messages;
  if (!isObj(messages)) fail(files.rtm, 'no components/messages', 'List every RTM frame under components/messages.', '/components');
  for (const [name, m] of Object.entries(isObj(messages) ? messages : {})) {
    if (!isObj(m) || !isObj(m.payload)) {
      fail(files.rtm, `message ${name} has no payload schema`, 'Give the message a `payload` schema of the whole frame.', appendPointer('/components/messages', name));
      continue;
    }
    put(rawFrames, name, m.payload);
    put(frames, name, rw(m.payload, r.names, files.rtm, appendPointer('/components/messages', name, 'payload')) as Schema);
    if (Array.isArray(m.examples)) {
      for (const ex of m.examples) if (isObj(ex) && ex.payload !== undefined) examples.push({ kind: 'rtm-frame', name, value: ex.payload });
    }
  }
  const messageOf = (ref: Json): string | null => (isObj(ref) && typeof ref.$ref === 'string' ? lastToken(ref.$ref) : null);
  const framePointer = (name: string | null) => (name ? pointerThrough(rtm, appendPointer('/components/messages', name), 'payload') : undefined);
  const rtmSides: RtmSide[] = [];
  const pushes: ApiPush[] = [];
  let errorMessage: string | null = null;
  for (const [id, op] of Object.entries(rtm.operations as Schema)) {
    if (!isObj(op)) continue;
    const pointer = appendPointer('/operations', id);
    const msgs = Array.isArray(op.messages) ? op.messages.map(messageOf).filter((x): x is string => !!x) : [];
    // an operation without its frame is reported, and still listed (with no payload)
    if (msgs.length === 0) fail(files.rtm, `operation ${id} lists no messages`, 'Give the operation its frame message.', pointer);
    const P = pascal(id);
    const first = msgs[0] ?? '';
    const frame = own(frames, first) ?? {};
    if (first && !own(frames, first)) fail(files.rtm, `operation ${id} refers to missing message ${first}`, `Add components/messages/${first}.`, pointer, 'missing-message');
    if (op.action === 'send') {
      const pl = framePayload(frame) as Json | undefined;
      let request = refName(pl);
      if (!request && pl !== undefined) {
        request = `${P}RtmRequest`;
        put(rtmPayloads, request, pl as Schema);
      }
      const required = Array.isArray(frame.required) ? frame.required : [];
      const reply = isObj(op.reply) && Array.isArray(op.reply.messages) ? op.reply.messages.map(messageOf) : [];
      let response: string | null = null;
      let responseMessage: string | null = null;
      let ownError: string | null = null;
      for (const rm of reply) {
        if (!rm) continue;
        const f = own(frames, rm);
        if (isErrorFrame(f)) {
          errorMessage = rm;
          ownError = rm;
          continue;
        }
        if (responseMessage !== null) continue; // the first success reply is the response
        responseMessage = rm;
        const rpl = framePayload(f) as Json | undefined;
        response = refName(rpl ?? null);
        if (!response && rpl !== undefined) {
          response = `${P}RtmResponse`;
          put(rtmPayloads, response, rpl as Schema);
        }
      }
      const xp = op['x-pushes'];
      rtmSides.push({
        ...side(rtm, id, pointer, op, 'x-web-equivalent'),
        request, response, payloadRequired: required.includes('payload'), requestMessage: first, responseMessage, errorMessage: ownError,
        pushes: Array.isArray(xp) ? xp.map(String) : [],
        requestSchema: framePayload(own(rawFrames, first)),
        responseSchema: responseMessage ? framePayload(own(rawFrames, responseMessage)) : undefined,
        requestFrame: framePointer(first), responseFrame: framePointer(responseMessage),
      });
    } else {
      const pl = framePayload(frame) as Json | undefined;
      let payload = refName(pl ?? null);
      if (!payload) {
        payload = `${P}Push`;
        put(rtmPayloads, payload, (pl ?? {}) as Schema);
      }
      pushes.push({ ...side(rtm, id, pointer, op, 'x-web-equivalent'), name: pushName(frame, id), operation: id, payload, message: first, payloadSchema: framePayload(own(rawFrames, first)), frame: framePointer(first) });
    }
  }
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  rtmSides.sort(byName);
  pushes.sort(byName);
  webSides.sort(byName);

  // methods: a Web side and an RTM side are one method when either names the other, else by equal name
  const methods: ApiMethod[] = [];
  const rtmByName = new Map(rtmSides.map((s) => [s.name, s]));
  const taken = new Set<RtmSide>();
  for (const ws of webSides) {
    const eq = (ws.equivalent !== undefined ? rtmByName.get(ws.equivalent) : undefined)
      ?? rtmSides.find((s) => s.equivalent === ws.name)
      ?? rtmByName.get(ws.name);
    const m: ApiMethod = { name: ws.name, web: ws };
    if (eq && !taken.has(eq)) {
      m.rtm = eq;
      taken.add(eq);
    }
    methods.push(m);
  }
  for (const rs of rtmSides) if (!taken.has(rs)) methods.push({ name: rs.name, rtm: rs });
  methods.sort(byName);

  // examples: RTM frames in message order, then Web bodies in path order; grouped by kind and name
  examples.push(...webExamples);
  examples.sort((a, b) => (a.kind + a.name < b.kind + b.name ? -1 : a.kind + a.name > b.kind + b.name ? 1 : 0));

  const has = (names: Map<string, string>) => (n: string) => names.has(n);
  return {
    version, files, documents: { web, rtm }, models,
    names: { web: Object.fromEntries(w.names), rtm: Object.fromEntries(r.names) },
    methods, pushes,
    structures: sorted(structures),
    payloads: { web: sorted(webPayloads), rtm: sorted(rtmPayloads) },
    frames: sorted(frames),
    errors: {
      web: { body: webErrorBody, structure: errorStructure('web', has(w.names)), bodyPointer: webErrorPointer },
      rtm: { message: errorMessage, structure: errorStructure('rtm', has(r.names)), frame: framePointer(errorMessage) },
    },
    examples,
    webDocument: canonicalDocument(web, w.names, w.defs),
    diagnostics,
  };
}

function mediaExamples(doc: Schema, media: Schema | undefined): Json[] {
  if (!media) return [];
  const out: Json[] = [];
  if (media.example !== undefined) out.push(media.example);
  if (isObj(media.examples)) {
    for (const k of Object.keys(media.examples)) {
      let ex: Json | undefined = media.examples[k] ?? null;
      for (let i = 0; i < 10 && isObj(ex) && typeof ex.$ref === 'string'; i++) ex = getPointer(doc, ex.$ref) as Json | undefined;
      if (isObj(ex) && ex.value !== undefined) out.push(ex.value);
    }
  }
  return out;
}

/** `#/$defs/<Name>` refs back to `#/components/schemas/<Name>`. */
export function toComponentRefs(node: Json): Json {
  if (Array.isArray(node)) return node.map(toComponentRefs);
  if (!isObj(node)) return node;
  const out: Schema = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith(DEFS_PREFIX)) put(out, k, REF_PREFIX + v.slice(DEFS_PREFIX.length));
    else put(out, k, toComponentRefs(v));
  }
  return out;
}

/** A copy of the Web document whose components/schemas and refs use the canonical names. */
function canonicalDocument(web: Schema, names: Map<string, string>, defs: Record<string, Schema>): Schema {
  const doc = JSON.parse(JSON.stringify(web)) as Schema;
  if (!isObj(doc.components)) doc.components = {};
  const comps = doc.components as Schema;
  const schemas: Schema = {};
  for (const [name, s] of Object.entries(defs)) put(schemas, name, toComponentRefs(s) as Schema);
  comps.schemas = sorted(schemas);
  const rewriteDoc = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(rewriteDoc);
    if (!isObj(node)) return node;
    const out: Schema = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(REF_PREFIX)) put(out, k, REF_PREFIX + (names.get(v.slice(REF_PREFIX.length)) ?? v.slice(REF_PREFIX.length)));
      else put(out, k, rewriteDoc(v));
    }
    return out;
  };
  doc.paths = rewriteDoc(doc.paths as Json);
  for (const k of Object.keys(comps)) if (k !== 'schemas') comps[k] = rewriteDoc(comps[k] as Json);
  return doc;
}
