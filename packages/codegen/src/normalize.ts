/**
 * Reads the two bundled documents of one version and turns them into one model:
 * canonical component names (the PascalCase names of docs/modelling.md instead of the bundler's
 * file-derived names), data structures shared by both protocols, and per-protocol payload tables.
 */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type Schema = { [k: string]: Json };

export class CodegenError extends Error {}

/**
 * `o[k] = v` that also works for the key `__proto__` (an assignment would set the prototype and drop
 * the entry: a structure, property or method of that name would vanish).
 */
export function put<T>(o: Record<string, T>, k: string, v: T): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

export interface WebOperation {
  method: string;
  http: 'get' | 'post';
  /** `application/json` or `multipart/form-data` (for GET: `query`). */
  contentType: 'application/json' | 'multipart/form-data' | 'query';
  /** v3.0 wraps the arguments in `{payload: ...}`. */
  wrapper: 'payload' | null;
  request: string | null;
  response: string | null;
  /** Query parameters of GET methods other than the common ones, with their JSON type. */
  query: Record<string, string>;
  pushes: string[];
}

export interface RtmAction {
  action: string;
  request: string | null;
  response: string | null;
  payloadRequired: boolean;
  requestMessage: string;
  responseMessage: string | null;
  pushes: string[];
}

export interface RtmPush {
  push: string;
  payload: string;
  message: string;
}

export interface Example {
  /** `web-request`, `web-response`, `rtm-frame` */
  kind: 'web-request' | 'web-response' | 'rtm-frame';
  name: string;
  value: Json;
}

export interface Model {
  version: string;
  /** Canonical name -> schema, refs rewritten to `#/$defs/<Name>`. */
  structures: Record<string, Schema>;
  webPayloads: Record<string, Schema>;
  rtmPayloads: Record<string, Schema>;
  /** RTM message (frame) schemas keyed by message name. */
  frames: Record<string, Schema>;
  /** Web error body `{error: WebError}`. */
  webErrorBody: Schema | null;
  web: WebOperation[];
  rtm: RtmAction[];
  pushes: RtmPush[];
  errorMessage: string | null;
  examples: Example[];
  /** The Web document with canonical component names (for openapi-typescript). */
  webDocument: Schema;
}

const REF_PREFIX = '#/components/schemas/';
// any component name ending so (also `2faRequest`, whose method does not start with a letter)
const PAYLOAD_NAME = /(Request|Response|Push)$/;

export function pascal(wire: string): string {
  return wire
    .split(/[_\-\s]+/)
    .filter(Boolean)
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join('');
}

function isObj(v: unknown): v is Schema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every GET/POST operation of the Web document with its method name (operationId, else the last path segment). */
function* webOperations(web: Schema): Generator<{ path: string; http: 'get' | 'post'; op: Schema; method: string }> {
  for (const [path, item] of Object.entries(web.paths as Schema)) {
    if (!isObj(item)) continue;
    for (const http of ['get', 'post'] as const) {
      const op = item[http];
      if (isObj(op)) yield { path, http, op, method: String(op.operationId ?? path.split('/').pop()) };
    }
  }
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** Builds old-name -> canonical-name for one document's components/schemas. */
function canonicalNames(schemas: Schema): Map<string, string> {
  const map = new Map<string, string>();
  for (const name of Object.keys(schemas)) map.set(name, name);
  // how many schemas refer to each component: a body the bundler named after its file has one alias
  // pointing at it; a lowercase structure used elsewhere (`content-type`) is a structure, not such a body
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

function rewriteRefs(node: Json, rename: (name: string) => string, where: string): Json {
  if (Array.isArray(node)) return node.map((n) => rewriteRefs(n, rename, where));
  if (!isObj(node)) return node;
  const out: Schema = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string') {
      if (!v.startsWith(REF_PREFIX)) {
        throw new CodegenError(`${where}: unsupported $ref ${v} (only ${REF_PREFIX}<Name> is expected in a bundle)`);
      }
      put(out, k, `#/$defs/${rename(v.slice(REF_PREFIX.length))}`);
    } else put(out, k, rewriteRefs(v, rename, where));
  }
  return out;
}

interface Canon {
  names: Map<string, string>;
  /** canonical name -> schema with `#/$defs/` refs; alias names map to `{$ref}` */
  defs: Record<string, Schema>;
}

function canonicalize(doc: Schema, file: string): Canon {
  const comps = (doc.components as Schema | undefined)?.schemas;
  if (!isObj(comps)) throw new CodegenError(`${file}: no components/schemas`);
  const names = canonicalNames(comps);
  const rename = (n: string) => {
    const c = names.get(n);
    if (!c) throw new CodegenError(`${file}: $ref to missing component ${n}`);
    return c;
  };
  const defs: Record<string, Schema> = {};
  for (const [name, s] of Object.entries(comps)) {
    const canon = rename(name);
    if (canon !== name) continue; // renamed: the body is emitted under the alias name
    if (isObj(s) && Object.keys(s).length === 1 && typeof s.$ref === 'string') {
      const target = rename(s.$ref.slice(REF_PREFIX.length));
      if (target === name) {
        // the alias now names the body itself
        const bodyName = [...names.entries()].find(([old, c]) => c === name && old !== name)?.[0];
        put(defs, name, rewriteRefs(comps[bodyName!] as Json, rename, `${file}#/components/schemas/${bodyName}`) as Schema);
        continue;
      }
      put(defs, name, { $ref: `#/$defs/${target}` });
      continue;
    }
    put(defs, name, rewriteRefs(s, rename, `${file}#/components/schemas/${name}`) as Schema);
  }
  return { names, defs };
}

function refName(s: Json | undefined): string | null {
  if (isObj(s) && typeof s.$ref === 'string' && s.$ref.startsWith('#/$defs/')) return s.$ref.slice(8);
  return null;
}

function sorted<T>(rec: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(rec).sort()) put(out, k, rec[k]!);
  return out;
}

function resolveLocal(doc: Schema, ref: string): Json {
  let cur: Json = doc;
  for (const part of ref.replace(/^#\//, '').split('/')) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObj(cur) && !Array.isArray(cur)) return null;
    cur = (cur as Record<string, Json>)[key] ?? null;
  }
  return cur;
}

function deref(doc: Schema, node: Json): Json {
  let cur = node;
  for (let i = 0; i < 10 && isObj(cur) && typeof cur.$ref === 'string'; i++) cur = resolveLocal(doc, cur.$ref);
  return cur;
}

export function normalize(version: string, web: Schema, rtm: Schema): Model {
  const webFile = `generated/v${version}/web.openapi.json`;
  const rtmFile = `generated/v${version}/rtm.asyncapi.json`;
  if (typeof web.openapi !== 'string' || !isObj(web.paths)) throw new CodegenError(`${webFile}: not an OpenAPI document`);
  if (typeof rtm.asyncapi !== 'string' || !isObj(rtm.operations)) throw new CodegenError(`${rtmFile}: not an AsyncAPI 3 document`);
  const w = canonicalize(web, webFile);
  const r = canonicalize(rtm, rtmFile);

  const structures: Record<string, Schema> = {};
  const webPayloads: Record<string, Schema> = {};
  const rtmPayloads: Record<string, Schema> = {};
  for (const [side, canon, payloads] of [
    ['web', w, webPayloads],
    ['rtm', r, rtmPayloads],
  ] as const) {
    for (const [name, s] of Object.entries(canon.defs)) {
      if (PAYLOAD_NAME.test(name)) {
        put(payloads, name, s);
        continue;
      }
      const prev = Object.hasOwn(structures, name) ? structures[name] : undefined;
      if (prev && JSON.stringify(prev) !== JSON.stringify(s)) {
        throw new CodegenError(
          `v${version}: structure ${name} differs between ${webFile} and ${rtmFile}; a structure must be one schema per version (fix specs/v${version}/schemas/${name}.yaml usage)`,
        );
      }
      if (!prev) put(structures, name, s);
      void side;
    }
  }

  // Web operations
  const webOps: WebOperation[] = [];
  const webPathsOut: Schema = {};
  for (const { http, op, method } of webOperations(web)) {
    const P = pascal(method);
    let request: string | null = null;
    let wrapper: WebOperation['wrapper'] = null;
    let contentType: WebOperation['contentType'] = 'query';
    const query: Record<string, string> = {};
    const body = isObj(op.requestBody) ? (deref(web, op.requestBody) as Schema) : null;
    if (body && isObj(body.content)) {
      const ct = isObj(body.content['application/json']) ? 'application/json' : 'multipart/form-data';
      contentType = ct;
      const media = body.content[ct] as Schema;
      const sch = rewriteRefs(media?.schema ?? null, (n) => w.names.get(n) ?? n, webFile);
      request = refName(sch);
      if (!request && isObj(sch) && isObj(sch.properties) && isObj(sch.properties.payload)) {
        wrapper = 'payload';
        request = refName(sch.properties.payload);
      }
      if (!request) {
        request = `${P}WebRequest`;
        put(webPayloads, request, sch as Schema);
      }
    } else {
      for (const p of (Array.isArray(op.parameters) ? op.parameters : []) as Json[]) {
        const prm = deref(web, p) as Schema;
        if (!isObj(prm) || prm.in !== 'query' || prm.name === 'license_id' || prm.name === 'organization_id') continue;
        const t = isObj(prm.schema) ? prm.schema.type : undefined;
        put(query, String(prm.name), typeof t === 'string' ? t : 'string');
      }
      for (const cand of [`${P}Request`, `${P}WebRequest`]) if (w.defs[cand]) request = cand;
    }
    let response: string | null = null;
    const ok = isObj(op.responses) ? (deref(web, op.responses['200'] ?? null) as Schema) : null;
    const okSchema = isObj(ok?.content) ? ((ok!.content as Schema)['application/json'] as Schema)?.schema : undefined;
    if (okSchema !== undefined) {
      const sch = rewriteRefs(okSchema, (n) => w.names.get(n) ?? n, webFile);
      for (const cand of [`${P}Response`, `${P}WebResponse`]) if (w.defs[cand]) response = cand;
      if (!response) response = refName(sch);
      if (!response) {
        response = `${P}WebResponse`;
        put(webPayloads, response, sch as Schema);
      }
    }
    const hooks = op['x-webhook'];
    void hooks;
    webOps.push({ method, http, contentType, wrapper, request, response, query, pushes: [] });
    void webPathsOut;
  }
  webOps.sort((a, b) => (a.method < b.method ? -1 : a.method > b.method ? 1 : 0));

  // Web error body
  let webErrorBody: Schema | null = null;
  const responses = (web.components as Schema).responses;
  if (isObj(responses)) {
    for (const key of Object.keys(responses).sort()) {
      const resp = responses[key] as Schema;
      const sch = isObj(resp?.content) ? ((resp.content as Schema)['application/json'] as Schema)?.schema : undefined;
      if (sch !== undefined) {
        webErrorBody = rewriteRefs(sch, (n) => w.names.get(n) ?? n, webFile) as Schema;
        break;
      }
    }
  }

  // RTM messages
  const frames: Record<string, Schema> = {};
  const messages = (rtm.components as Schema).messages;
  if (!isObj(messages)) throw new CodegenError(`${rtmFile}: no components/messages`);
  const examples: Example[] = [];
  for (const [name, m] of Object.entries(messages)) {
    if (!isObj(m) || !isObj(m.payload)) throw new CodegenError(`${rtmFile}: message ${name} has no payload schema`);
    put(frames, name, rewriteRefs(m.payload, (n) => r.names.get(n) ?? n, rtmFile) as Schema);
    if (Array.isArray(m.examples)) {
      for (const ex of m.examples) if (isObj(ex) && ex.payload !== undefined) examples.push({ kind: 'rtm-frame', name, value: ex.payload });
    }
  }
  const messageOf = (ref: Json): string | null => {
    if (!isObj(ref) || typeof ref.$ref !== 'string') return null;
    return ref.$ref.split('/').pop()!;
  };
  const rtmActions: RtmAction[] = [];
  const pushes: RtmPush[] = [];
  let errorMessage: string | null = null;
  for (const [id, op] of Object.entries(rtm.operations as Schema)) {
    if (!isObj(op)) continue;
    const msgs = Array.isArray(op.messages) ? op.messages.map(messageOf).filter((x): x is string => !!x) : [];
    if (msgs.length === 0) throw new CodegenError(`${rtmFile}: operation ${id} lists no messages`);
    const P = pascal(id);
    if (op.action === 'send') {
      const reqMsg = msgs[0]!;
      const frame = frames[reqMsg];
      if (!frame) throw new CodegenError(`${rtmFile}: operation ${id} refers to missing message ${reqMsg}`);
      const props = (frame.properties ?? {}) as Schema;
      let request = refName(props.payload);
      if (!request && props.payload !== undefined) {
        request = `${P}RtmRequest`;
        put(rtmPayloads, request, props.payload as Schema);
      }
      const required = Array.isArray(frame.required) ? frame.required : [];
      const reply = isObj(op.reply) && Array.isArray(op.reply.messages) ? op.reply.messages.map(messageOf) : [];
      let response: string | null = null;
      let responseMessage: string | null = null;
      for (const rm of reply) {
        if (!rm) continue;
        const f = frames[rm];
        const succ = isObj(f?.properties) ? (f!.properties as Schema).success : undefined;
        if (isObj(succ) && succ.const === false) {
          errorMessage = rm;
          continue;
        }
        responseMessage = rm;
        const pl = isObj(f?.properties) ? (f!.properties as Schema).payload : undefined;
        response = refName(pl ?? null);
        if (!response && pl !== undefined) {
          response = `${P}RtmResponse`;
          put(rtmPayloads, response, pl as Schema);
        }
      }
      const xp = op['x-pushes'];
      rtmActions.push({
        action: id,
        request,
        response,
        payloadRequired: required.includes('payload'),
        requestMessage: reqMsg,
        responseMessage,
        pushes: Array.isArray(xp) ? xp.map(String) : [],
      });
    } else {
      const msg = msgs[0]!;
      const f = frames[msg]!;
      const pl = isObj(f.properties) ? (f.properties as Schema).payload : undefined;
      let payload = refName(pl ?? null);
      if (!payload) {
        payload = `${P}Push`;
        put(rtmPayloads, payload, (pl ?? {}) as Schema);
      }
      const actionConst = isObj(f.properties) && isObj((f.properties as Schema).action) ? ((f.properties as Schema).action as Schema).const : id;
      pushes.push({ push: String(actionConst ?? id), payload, message: msg });
    }
  }
  rtmActions.sort((a, b) => (a.action < b.action ? -1 : 1));
  pushes.sort((a, b) => (a.push < b.push ? -1 : 1));

  // Web pushes: the RTM equivalent's pushes
  for (const op of webOps) {
    const eq = rtmActions.find((a) => a.action === op.method);
    if (eq) op.pushes = eq.pushes;
  }

  // Web examples
  for (const { op, method } of webOperations(web)) {
    const body = isObj(op.requestBody) ? (deref(web, op.requestBody) as Schema) : null;
    const media = isObj(body?.content) ? ((body!.content as Schema)['application/json'] as Schema) : null;
    for (const v of mediaExamples(web, media)) examples.push({ kind: 'web-request', name: method, value: v });
    const ok = isObj(op.responses) ? (deref(web, op.responses['200'] ?? null) as Schema) : null;
    const okMedia = isObj(ok?.content) ? ((ok!.content as Schema)['application/json'] as Schema) : null;
    for (const v of mediaExamples(web, okMedia)) examples.push({ kind: 'web-response', name: method, value: v });
  }
  examples.sort((a, b) => (a.kind + a.name < b.kind + b.name ? -1 : a.kind + a.name > b.kind + b.name ? 1 : 0));

  // Web document with canonical names for openapi-typescript
  const webDocument = clone(web);
  const wd = webDocument.components as Schema;
  const newSchemas: Schema = {};
  for (const [name, s] of Object.entries(w.defs)) put(newSchemas, name, toComponentRefs(s) as Schema);
  wd.schemas = sorted(newSchemas);
  const rewriteDoc = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(rewriteDoc);
    if (!isObj(node)) return node;
    const out: Schema = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(REF_PREFIX)) {
        put(out, k, REF_PREFIX + (w.names.get(v.slice(REF_PREFIX.length)) ?? v.slice(REF_PREFIX.length)));
      } else put(out, k, rewriteDoc(v));
    }
    return out;
  };
  webDocument.paths = rewriteDoc(webDocument.paths as Json);
  for (const k of Object.keys(wd)) if (k !== 'schemas') wd[k] = rewriteDoc(wd[k] as Json);

  return {
    version,
    structures: sorted(structures),
    webPayloads: sorted(webPayloads),
    rtmPayloads: sorted(rtmPayloads),
    frames: sorted(frames),
    webErrorBody,
    web: webOps,
    rtm: rtmActions,
    pushes,
    errorMessage,
    examples,
    webDocument,
  };
}

function mediaExamples(doc: Schema, media: Schema | null): Json[] {
  if (!media) return [];
  const out: Json[] = [];
  if (media.example !== undefined) out.push(media.example);
  if (isObj(media.examples)) {
    for (const k of Object.keys(media.examples)) {
      const ex = deref(doc, media.examples[k] ?? null);
      if (isObj(ex) && ex.value !== undefined) out.push(ex.value);
    }
  }
  return out;
}

export function toComponentRefs(node: Json): Json {
  if (Array.isArray(node)) return node.map(toComponentRefs);
  if (!isObj(node)) return node;
  const out: Schema = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')) put(out, k, REF_PREFIX + v.slice(8));
    else put(out, k, toComponentRefs(v));
  }
  return out;
}
