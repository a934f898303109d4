import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createRequire } from 'node:module';
import type { AddressInfo, Socket } from 'node:net';
import { dirname, join } from 'node:path';
import type { CompiledValidator, Validators } from '@ccapi/validators/runtime';
import { WebSocket, WebSocketServer } from 'ws';
import { perform, type Ctx, type PushOut } from './actions.js';
import { jsonDepth, MAX_BODY_BYTES, MAX_BUFFERED_BYTES, MAX_CONNECTIONS, MAX_JSON_DEPTH } from './limits.js';
import { ApiError, customerIdOf, Store, type Customer, type S } from './state.js';
import { Synth, type SchemaSet } from './synth.js';

const require = createRequire(import.meta.url);

export interface MockServerOptions {
  /** API version, e.g. `3.3` (must be one of @ccapi/validators' versions). */
  version: string;
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Log each request to stderr. */
  verbose?: boolean;
  /** A scripted agent joins every chat started, greets after login and answers each message. */
  agent?: boolean;
  /** Delay of the scripted agent's actions (ms, default 20). */
  agentDelayMs?: number;
  /** Interval of SockJS heartbeat frames (ms, default 25,000). */
  sockjsHeartbeatMs?: number;
  /** Serve HTTPS/WSS with this key and certificate (PEM) instead of plain HTTP/WS. */
  tls?: { key: string | Buffer; cert: string | Buffer };
}

export interface MockServer {
  version: string;
  /** Base URL of the Web API, e.g. `http://127.0.0.1:4321/v3.3/customer`. */
  webUrl: string;
  /** RTM WebSocket URL, e.g. `ws://127.0.0.1:4321/v3.3/customer/rtm/ws`. */
  rtmUrl: string;
  /** Customer token endpoint (like the accounts service's `POST /customer/token`): issues a token for a new customer. */
  tokenUrl: string;
  port: number;
  /** Sends a push to every logged-in RTM connection; the payload defaults to a schema-valid sample. Throws if invalid. */
  emitPush(push: string, payload?: unknown): S;
  /** Number of open RTM connections. */
  connections(): number;
  /** Schemas for which a value built from the state did not fit and the spec's example was used (should stay empty). */
  fallbacks(): string[];
  /** Drops every RTM connection abruptly (to exercise client reconnects); the server keeps listening. */
  dropConnections(): void;
  /** Closes every connection; the returned promise resolves once the port is free. */
  close(): Promise<void>;
}

interface Conn {
  ws: WebSocket;
  /** SockJS framing (customer-sdk 2.x's transport): frames travel as `a["..."]`, the server opens with `o`. */
  sockjs: boolean;
  license: string;
  customer: Customer | null;
}

const ERROR_STATUS: Record<string, number> = {
  validation: 400,
  greeting_not_found: 400,
  authentication: 401,
  authorization: 403,
  not_found: 404,
  unsupported_version: 404,
  entity_too_large: 413,
  misdirected_request: 421,
  too_many_requests: 429,
  internal: 500,
  service_unavailable: 503,
  request_timeout: 504,
};

/** Versions the installed @ccapi/validators was generated for (its dist/v* folders), oldest first. */
export function knownVersions(): string[] {
  const dist = join(dirname(require.resolve('@ccapi/validators/runtime')));
  return readdirSync(dist)
    .filter((d) => /^v\d+\.\d+$/.test(d))
    .map((d) => d.slice(1))
    .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
}

export async function loadVersion(version: string): Promise<{ validators: Validators; schemas: SchemaSet }> {
  const known = knownVersions();
  if (!known.includes(version)) throw new ApiError('unsupported_version', `unknown version ${version}; known versions: ${known.join(', ')}`);
  const mod = (await import(`@ccapi/validators/v${version}`)) as { validators: Validators };
  const schemas = JSON.parse(readFileSync(require.resolve(`@ccapi/validators/v${version}/schemas.json`), 'utf8')) as SchemaSet;
  return { validators: mod.validators, schemas };
}

/** The license a request names: `license_id` (an integer, as the reference requires) or `organization_id`. */
function licenseOf(q: URLSearchParams): string | { error: string } {
  const id = q.get('license_id');
  if (id !== null) return /^\d{1,12}$/.test(id) ? id : { error: `license_id: expected an integer, got ${JSON.stringify(id.slice(0, 40))}` };
  const org = q.get('organization_id');
  if (org) return org.slice(0, 64);
  return { error: 'license_id query parameter is required (RTM: in the connection URL)' };
}

const isObj = (x: unknown): x is S => typeof x === 'object' && x !== null && !Array.isArray(x);

/** `over` laid onto `base`, objects merged key by key (arrays and scalars of `over` win). */
function deepMerge(base: unknown, over: unknown): unknown {
  if (!isObj(base) || !isObj(over)) return over === undefined ? base : over;
  const out: S = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = deepMerge(base[k], v);
  return out;
}

/** Removes the properties the schema does not allow (reported by ajv as additionalProperties). */
function prune(fn: CompiledValidator, value: unknown): unknown {
  const v = structuredClone(value);
  for (let i = 0; i < 20 && !fn(v); i++) {
    let removed = false;
    for (const e of fn.errors ?? []) {
      if (e.keyword !== 'additionalProperties') continue;
      let cur: unknown = v;
      for (const part of e.instancePath.split('/').slice(1)) cur = isObj(cur) || Array.isArray(cur) ? (cur as S)[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
      if (isObj(cur) && Object.hasOwn(cur, String(e.params.additionalProperty))) {
        delete cur[String(e.params.additionalProperty)];
        removed = true;
      }
    }
    if (!removed) break;
  }
  return v;
}

export async function startMockServer(options: MockServerOptions): Promise<MockServer> {
  const version = options.version.replace(/^v/, '');
  const { validators: v, schemas } = await loadVersion(version);
  const synth = new Synth(schemas);
  const t = v.table;
  const nameOf = new Map<CompiledValidator, string>();
  for (const [name, fn] of Object.entries(t.definitions)) if (fn && !nameOf.has(fn)) nameOf.set(fn, name);
  const log = options.verbose ? (m: string) => process.stderr.write(`[mock v${version}] ${m}\n`) : () => {};
  const store = new Store();
  const conns = new Set<Conn>();
  const timers = new Set<NodeJS.Timeout>();
  const agentDelay = options.agentDelayMs ?? 20;
  const prefix = `/v${version}/customer`;
  const fellBack: string[] = [];

  /** A schema-valid value of `fn`: the state's value if it fits, else completed from the schema, else the spec's example. */
  function fit(fn: CompiledValidator | null, value: unknown): unknown {
    if (!fn) return value ?? {};
    if (value !== undefined && fn(value)) return value;
    const name = nameOf.get(fn);
    const cands = name ? synth.candidates(name) : [{}];
    if (value !== undefined) {
      const tries = [prune(fn, value), ...[...cands].reverse().map((c) => prune(fn, deepMerge(c, value)))];
      for (const c of tries) if (fn(c)) return c;
      fellBack.push(name ?? '?');
      if (fellBack.length > 100) fellBack.shift();
      log(`state value did not fit ${name}: ${name ? (v.validate(name, value) as { message?: string }).message : ''}`);
    }
    for (const c of cands) if (fn(c)) return c;
    return cands[cands.length - 1];
  }

  function ctxFor(license: string, customer: Customer, origin: Conn | null): Ctx {
    return {
      store,
      license,
      customer,
      agent: options.agent ?? false,
      later(fn) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          try {
            fn();
          } catch (e) {
            log(`scripted agent: ${(e as Error).message}`);
          }
        }, agentDelay);
        timers.add(timer);
      },
      emit: (pushes) => route(license, customer, pushes, origin, undefined),
      complete(event) {
        // message -> Message, filled_form -> FilledForm, rich_message -> RichMessage
        const name = String(event.type).split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
        const fn = Object.hasOwn(t.definitions, name) ? t.definitions[name] : undefined;
        if (!fn || fn(event)) return event;
        const full = fit(fn, event);
        return isObj(full) && full.id === event.id ? full : event;
      },
    };
  }

  // ---------------------------------------------------------------- pushes
  function pushFrame(push: string, payload?: unknown): S {
    const entry = Object.hasOwn(t.pushes, push) ? t.pushes[push] : undefined;
    if (!entry) throw new Error(`unknown push ${push} in v${version}`);
    const body = payload !== undefined ? payload : fit(entry.payload, undefined);
    const frame: S = { action: push, type: 'push', version, payload: body };
    const r = v.validateRtmFrame(frame);
    if (!r.valid) throw new Error(`push ${push} would not match the spec: ${r.message}`);
    return frame;
  }

  function send(c: Conn, frame: S): void {
    if (c.ws.readyState !== WebSocket.OPEN) return;
    if (c.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      log('dropping a slow consumer');
      c.ws.terminate();
      return;
    }
    let text: string;
    try {
      text = JSON.stringify(frame);
    } catch (e) {
      log(`could not serialise ${String(frame.action)}: ${(e as Error).message}`);
      return;
    }
    c.ws.send(c.sockjs ? `a${JSON.stringify([text])}` : text);
  }

  /**
   * Sends each push to the connections of the chat's participants (or of the acting customer), in
   * the same license; the requester's connection gets the request's `request_id`.
   */
  function route(license: string, customer: Customer, pushes: PushOut[], origin: Conn | null, requestId: string | undefined): void {
    for (const p of pushes) {
      const entry = Object.hasOwn(t.pushes, p.push) ? t.pushes[p.push] : undefined;
      if (!entry) continue; // this version has no such push
      const payload = fit(entry.payload, p.payload);
      const frame: S = { action: p.push, type: 'push', version, payload };
      const check = v.validateRtmFrame(frame);
      if (!check.valid) {
        log(`skipped push ${p.push}: ${check.message}`);
        continue;
      }
      const audience = new Set<string>(p.chat ? [p.chat.customerId] : [customer.id]);
      for (const c of conns) {
        if (!c.customer || c.license !== license || !audience.has(c.customer.id)) continue;
        send(c, c === origin && requestId !== undefined ? { request_id: requestId, ...frame } : frame);
      }
    }
  }

  // ---------------------------------------------------------------- Web
  function sendJson(res: ServerResponse, status: number, body: unknown, close = false): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...(close ? { connection: 'close' } : {}) });
    res.end(text);
  }
  function webError(res: ServerResponse, type: string, message: string, status = ERROR_STATUS[type] ?? 400, close = false): void {
    sendJson(res, status, { error: { type, message } }, close);
  }
  /** The body, or null when it is over the limit (the caller answers 413). */
  function readBody(req: IncomingMessage): Promise<Buffer | null> {
    return new Promise((resolve, reject) => {
      if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
        req.resume();
        return resolve(null);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let over = false;
      req.on('data', (c: Buffer) => {
        if (over) return;
        size += c.length;
        if (size > MAX_BODY_BYTES) {
          over = true;
          chunks.length = 0;
          resolve(null);
        } else chunks.push(c);
      });
      req.on('end', () => !over && resolve(Buffer.concat(chunks)));
      req.on('error', reject);
    });
  }

  function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
    if (jsonDepth(text) > MAX_JSON_DEPTH) return { ok: false, message: `JSON nested deeper than ${MAX_JSON_DEPTH} levels` };
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch {
      return { ok: false, message: 'body is not valid JSON' };
    }
  }

  /** The accounts-like customer token endpoint: a new customer per call. */
  function issueToken(res: ServerResponse, query: URLSearchParams, body: unknown): void {
    const id = randomUUID();
    const license = String((isObj(body) && (body.license_id ?? body.organization_id)) ?? query.get('license_id') ?? '0');
    sendJson(res, 200, { access_token: `mock.${id}.${randomUUID().slice(0, 8)}`, entity_id: id, expires_in: 28800, token_type: 'Bearer', license_id: Number(license) || license, organization_id: license });
  }

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://mock');
    const method = (req.method ?? 'GET').toUpperCase();
    // browsers (and browser SDKs) ask first
    res.setHeader('access-control-allow-origin', req.headers.origin ?? '*');
    res.setHeader('access-control-allow-credentials', 'true');
    if (method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-allow-headers': 'authorization, content-type, x-region', 'access-control-allow-methods': 'GET, POST' });
      return void res.end();
    }
    const raw = await readBody(req);
    if (raw === null) return webError(res, 'entity_too_large', `request body over ${MAX_BODY_BYTES} bytes`, 413, true);
    if (/^(\/v2)?\/customer\/token\/?$/.test(url.pathname) && method === 'POST') {
      const parsed = raw.length ? parseJson(raw.toString('utf8')) : { ok: true as const, value: {} };
      return issueToken(res, url.searchParams, parsed.ok ? parsed.value : {});
    }
    if (url.pathname === `${prefix}/rtm/sjs/info` && method === 'GET') {
      return sendJson(res, 200, { websocket: true, origins: ['*:*'], cookie_needed: false, entropy: Math.floor(Math.random() * 2 ** 31) });
    }
    const ver = /^\/v(\d+\.\d+)\//.exec(url.pathname);
    if (ver && ver[1] !== version) return webError(res, 'unsupported_version', `version ${ver[1]} is not served here; this mock serves v${version} at ${prefix}`, 404);
    const m = /^\/v\d+\.\d+\/customer\/action\/([A-Za-z0-9_]+)\/?$/.exec(url.pathname);
    if (!m) return webError(res, 'not_found', `no such endpoint ${url.pathname.slice(0, 200)}; Web methods are served at ${prefix}/action/<method>`, 404);
    const action = m[1]!;
    // own keys only: `constructor`, `toString` or `__proto__` are not methods
    const entry = Object.hasOwn(t.web, action) ? t.web[action] : undefined;
    log(`${method} ${action}`);
    if (!entry) return webError(res, 'not_found', `unknown method ${action} in v${version}`, 404);
    if (method.toLowerCase() !== entry.http) return webError(res, 'validation', `${action} expects HTTP ${entry.http.toUpperCase()}`, 405);
    const auth = req.headers.authorization;
    if (!auth || !/^(Bearer|Basic) \S+/.test(auth)) return webError(res, 'authentication', 'missing or malformed Authorization header');
    const license = licenseOf(url.searchParams);
    if (typeof license !== 'string') return webError(res, 'validation', license.error);
    let args: unknown;
    if (entry.http === 'get') {
      const q: S = {};
      for (const [k, type] of Object.entries(entry.query)) {
        const val = url.searchParams.get(k);
        if (val === null) continue;
        q[k] = type === 'integer' || type === 'number' ? (Number.isNaN(Number(val)) ? val : Number(val)) : type === 'boolean' ? val === 'true' : val;
      }
      args = q;
    } else if (entry.contentType === 'multipart/form-data') {
      if (!/multipart\/form-data/.test(req.headers['content-type'] ?? '')) return webError(res, 'validation', 'expected a multipart/form-data body');
      if (!/name="file"/.test(raw.toString('latin1'))) return webError(res, 'validation', 'multipart body has no "file" field');
      return sendJson(res, 200, fit(entry.response, { url: `https://cdn.files-text.livechatinc.com/mock/${randomUUID()}` }));
    } else {
      if (!/application\/json/.test(req.headers['content-type'] ?? '')) return webError(res, 'validation', 'expected Content-Type: application/json');
      const parsed = raw.length ? parseJson(raw.toString('utf8')) : { ok: true as const, value: {} };
      if (!parsed.ok) return webError(res, 'validation', parsed.message);
      args = parsed.value;
      if (entry.wrapper === 'payload') {
        if (!isObj(args)) return webError(res, 'validation', `/: expected an object with "payload", got ${JSON.stringify(args)}`);
        args = args.payload ?? {};
      }
    }
    const r = v.validateWebRequest(action, args);
    if (!r.valid) return webError(res, 'validation', r.message);
    const customer = store.customer(license, customerIdOf(auth));
    let out;
    try {
      out = perform(ctxFor(license, customer, null), action, args as S);
    } catch (e) {
      if (e instanceof ApiError) return webError(res, e.type, e.message);
      throw e;
    }
    const payload = fit(entry.response, out.orElse && entry.response && !entry.response(out.payload) ? out.orElse : out.payload);
    const check = v.validateWebResponse(action, payload);
    if (!check.valid) return webError(res, 'internal', `mock could not build a valid ${action} response: ${check.message}`);
    sendJson(res, 200, payload);
    route(license, customer, out.pushes, null, undefined);
  }

  // ---------------------------------------------------------------- RTM
  function handleFrame(c: Conn, data: Buffer, isBinary: boolean): void {
    const fail = (action: unknown, requestId: unknown, type: string, message: string) =>
      send(c, { ...(typeof requestId === 'string' ? { request_id: requestId } : {}), action: typeof action === 'string' ? action : 'unknown', type: 'response', success: false, payload: { error: { type, message } } });
    if (isBinary) return fail('unknown', undefined, 'validation', 'frames are JSON text, not binary');
    const parsed = parseJson(data.toString('utf8'));
    if (!parsed.ok) return fail('unknown', undefined, 'validation', parsed.message.replace('body', 'frame'));
    const frame = parsed.value;
    if (!isObj(frame)) return fail('unknown', undefined, 'validation', 'frame must be a JSON object');
    const { action, request_id: rid } = frame;
    log(`rtm ${String(action).slice(0, 60)}`);
    const r = v.validateRtmOutgoingFrame(frame);
    if (!r.valid) return fail(action, rid, 'validation', r.message);
    if (typeof frame.version === 'string' && frame.version !== version) {
      return fail(action, rid, 'unsupported_version', `version ${frame.version} differs from the connection's v${version} (a request may not use a lower version)`);
    }
    const entry = t.rtm[action as string]!;
    if (action === 'login') {
      const token = String((frame.payload as S).token ?? '');
      c.customer = store.customer(c.license, customerIdOf(token));
    } else if (action !== 'ping' && !c.customer) return fail(action, rid, 'authentication', 'log in first (login action)');
    if (!c.customer) {
      // ping before login: answered, no state involved
      if (entry.response) send(c, { ...(typeof rid === 'string' ? { request_id: rid } : {}), action, type: 'response', success: true, payload: fit(entry.responsePayload, {}) });
      return;
    }
    let out;
    try {
      out = perform(ctxFor(c.license, c.customer, c), action as string, (frame.payload ?? {}) as S);
    } catch (e) {
      if (e instanceof ApiError) return fail(action, rid, e.type, e.message);
      throw e;
    }
    if (entry.response) {
      // an action without a documented response frame (v3.0 ping) gets no reply
      const resp: S = { ...(typeof rid === 'string' ? { request_id: rid } : {}), action, type: 'response', success: true, payload: fit(entry.responsePayload, out.orElse && entry.responsePayload && !entry.responsePayload(out.payload) ? out.orElse : out.payload) };
      const check = v.validateRtmFrame(resp);
      if (!check.valid) return fail(action, rid, 'internal', `mock could not build a valid response: ${check.message}`);
      send(c, resp);
    }
    route(c.license, c.customer, out.pushes, c, typeof rid === 'string' ? rid : undefined);
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handleHttp(req, res).catch((e: unknown) => {
      log(`internal: ${(e as Error).stack ?? String(e)}`);
      if (!res.headersSent) webError(res, 'internal', 'internal mock error');
      else res.destroy();
    });
  };
  const server: Server = options.tls ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, onRequest) : createHttpServer(onRequest);
  server.requestTimeout = 30_000;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY_BYTES });
  wss.on('error', (e) => log(`websocket server: ${e.message}`));
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://mock');
    const ver = /^\/v(\d+\.\d+)\//.exec(url.pathname)?.[1];
    const reject = (status: number, type: string, message: string) => {
      const body = JSON.stringify({ error: { type, message } });
      const reason = { 400: 'Bad Request', 404: 'Not Found', 503: 'Service Unavailable' }[status] ?? 'Error';
      socket.end(`HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
    };
    const sockjs = new RegExp(`^${prefix.replace(/\./g, '\\.')}/rtm/sjs/[^/]+/[^/]+/websocket$`).test(url.pathname);
    if (url.pathname !== `${prefix}/rtm/ws` && !sockjs) {
      return reject(404, ver && ver !== version ? 'unsupported_version' : 'not_found', `no RTM endpoint at ${url.pathname.slice(0, 200)}; this mock serves ${prefix}/rtm/ws`);
    }
    if (conns.size >= MAX_CONNECTIONS) return reject(503, 'service_unavailable', `more than ${MAX_CONNECTIONS} connections`);
    // the reference: "clients have to send over the required query string parameters": license_id
    // (organization_id, which lc-sdk-js 4.x sends instead, is taken as the license too)
    const license = licenseOf(url.searchParams);
    if (typeof license !== 'string') return reject(400, 'validation', license.error);
    wss.handleUpgrade(req, socket, head, (ws) => {
      const c: Conn = { ws, sockjs, license, customer: null };
      conns.add(c);
      let heartbeat: NodeJS.Timeout | undefined;
      if (sockjs) {
        ws.send('o');
        heartbeat = setInterval(() => ws.readyState === WebSocket.OPEN && ws.send('h'), options.sockjsHeartbeatMs ?? 25_000);
        ws.on('close', () => clearInterval(heartbeat));
      }
      ws.on('message', (data, isBinary) => {
        // no handler may throw out of the socket: a failure is the API's internal error, the process stays up
        try {
          const buf = Buffer.isBuffer(data) ? data : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]);
          if (!sockjs) return handleFrame(c, buf, isBinary);
          // SockJS: a JSON array of frames (or one JSON string)
          const outer = parseJson(buf.toString('utf8'));
          const list = outer.ok ? (Array.isArray(outer.value) ? outer.value : [outer.value]) : [];
          if (!outer.ok || !list.every((x) => typeof x === 'string')) return handleFrame(c, Buffer.from('not a SockJS frame'), false);
          for (const text of list as string[]) handleFrame(c, Buffer.from(text), false);
        } catch (e) {
          log(`internal: ${(e as Error).stack ?? String(e)}`);
          send(c, { action: 'unknown', type: 'response', success: false, payload: { error: { type: 'internal', message: 'internal mock error' } } });
        }
      });
      ws.on('close', () => conns.delete(c));
      ws.on('error', (e) => {
        // e.g. a message over maxPayload: ws closes the socket with 1009
        log(`socket: ${e.message}`);
        conns.delete(c);
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (e) => log(`server: ${e.message}`));
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  const [http, ws] = options.tls ? ['https', 'wss'] : ['http', 'ws'];
  return {
    version,
    port: addr.port,
    webUrl: `${http}://${host}:${addr.port}${prefix}`,
    rtmUrl: `${ws}://${host}:${addr.port}${prefix}/rtm/ws`,
    tokenUrl: `${http}://${host}:${addr.port}/customer/token`,
    emitPush(push, payload) {
      const f = pushFrame(push, payload);
      for (const c of conns) if (c.customer) send(c, f);
      return f;
    },
    connections: () => conns.size,
    fallbacks: () => [...fellBack],
    dropConnections() {
      for (const c of conns) c.ws.terminate();
      conns.clear();
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const c of conns) c.ws.terminate();
      conns.clear();
      return new Promise<void>((resolve) => {
        wss.close(() => server.close(() => resolve()));
        server.closeAllConnections?.();
      });
    },
  };
}
