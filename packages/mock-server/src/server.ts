import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { CompiledValidator, ValidationResult, Validators } from '@ccapi/validators/runtime';
import { WebSocketServer, type WebSocket } from 'ws';
import { Synth, type SchemaSet } from './synth.js';

type S = Record<string, unknown>;
const require = createRequire(import.meta.url);

export interface MockServerOptions {
  /** API version, e.g. `3.3` (must be one of @ccapi/validators' versions). */
  version: string;
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Log each request to stderr. */
  verbose?: boolean;
}

export interface MockServer {
  version: string;
  /** Base URL of the Web API, e.g. `http://127.0.0.1:4321/v3.3/customer`. */
  webUrl: string;
  /** RTM WebSocket URL, e.g. `ws://127.0.0.1:4321/v3.3/customer/rtm/ws`. */
  rtmUrl: string;
  port: number;
  /** Sends a push to every logged-in RTM connection; the payload defaults to a schema-valid sample. Throws if invalid. */
  emitPush(push: string, payload?: unknown): S;
  /** Number of open RTM connections. */
  connections(): number;
  /** Drops every RTM connection abruptly (to exercise client reconnects); the server keeps listening. */
  dropConnections(): void;
  /** Closes every connection; the returned promise resolves once the port is free. */
  close(): Promise<void>;
}

interface Chat {
  id: string;
  threadId: string;
  active: boolean;
  events: S[];
}

interface Conn {
  ws: WebSocket;
  loggedIn: boolean;
}

const ERROR_STATUS: Record<string, number> = {
  validation: 400,
  authentication: 401,
  authorization: 403,
  entity_too_large: 413,
  misdirected_request: 421,
  too_many_requests: 429,
  internal: 500,
  service_unavailable: 503,
  request_timeout: 504,
};

export async function loadVersion(version: string): Promise<{ validators: Validators; schemas: SchemaSet }> {
  let mod: { validators: Validators };
  try {
    mod = (await import(`@ccapi/validators/v${version}`)) as { validators: Validators };
  } catch (e) {
    throw new Error(`no validators for version ${version} (build @ccapi/validators; known versions are its src/v* folders): ${(e as Error).message}`);
  }
  const schemas = JSON.parse(readFileSync(require.resolve(`@ccapi/validators/v${version}/schemas.json`), 'utf8')) as SchemaSet;
  return { validators: mod.validators, schemas };
}

export async function startMockServer(options: MockServerOptions): Promise<MockServer> {
  const version = options.version.replace(/^v/, '');
  const { validators: v, schemas } = await loadVersion(version);
  const synth = new Synth(schemas);
  const t = v.table;
  const nameOf = new Map<CompiledValidator, string>();
  for (const [name, fn] of Object.entries(t.definitions)) if (fn && !nameOf.has(fn)) nameOf.set(fn, name);
  const log = options.verbose ? (m: string) => process.stderr.write(`[mock v${version}] ${m}\n`) : () => {};

  const chats = new Map<string, Chat>();
  let seq = 0;
  const nextId = (p: string) => `${p}${(++seq).toString(36).toUpperCase().padStart(8, '0')}`;
  const conns = new Set<Conn>();

  /** Best schema-valid value: a patched sample, else the first valid sample. */
  function build(fn: CompiledValidator | null, patch: S = {}): unknown {
    if (!fn) return {};
    const name = nameOf.get(fn);
    const cands = name ? synth.candidates(name) : [{}];
    for (const c of cands) {
      if (c && typeof c === 'object' && !Array.isArray(c)) {
        const patched: S = { ...(c as S) };
        for (const [k, val] of Object.entries(patch)) if (name && synth.hasProperty(name, k)) patched[k] = val;
        if (fn(patched)) return patched;
      }
    }
    for (const c of cands) if (fn(c)) return c;
    return cands[cands.length - 1];
  }

  function sampleStructure(name: string, patch: S): S | null {
    const fn = t.definitions[name];
    if (!fn) return null;
    const out = build(fn, patch) as S;
    return fn(out) ? out : null;
  }

  /** Runs a method against the in-memory state; returns the success payload and the pushes to send. */
  function perform(method: string, req: S, responseFn: CompiledValidator | null, pushes: string[]): { payload: unknown; pushes: { push: string; patch: S }[] } {
    const patch: S = {};
    const out: { push: string; patch: S }[] = [];
    const chatId = (req.chat_id ?? req.id) as string | undefined;
    const chat = chatId ? chats.get(chatId) : undefined;
    if (method === 'start_chat' || method === 'resume_chat' || method === 'activate_chat') {
      const c: Chat = chat ?? { id: (req.chat as S | undefined)?.id as string ?? nextId('C'), threadId: '', active: true, events: [] };
      c.threadId = nextId('T');
      c.active = true;
      chats.set(c.id, c);
      Object.assign(patch, { chat_id: c.id, thread_id: c.threadId });
      const chatObj = sampleStructure('Chat', { id: c.id });
      for (const p of pushes) out.push({ push: p, patch: { chat_id: c.id, thread_id: c.threadId, ...(chatObj ? { chat: chatObj } : {}) } });
    } else if (method === 'send_event' && chat) {
      const ev = (req.event ?? {}) as S;
      const id = nextId('E');
      const type = String(ev.type ?? 'message');
      const structName = type.split('_').map((p) => p[0]!.toUpperCase() + p.slice(1)).join('');
      const full = sampleStructure(structName, {}) ?? {};
      const event = { ...full, ...ev, id, created_at: '2026-01-01T12:00:00.000000Z' };
      chat.events.push(event);
      Object.assign(patch, { event_id: id });
      for (const p of pushes) out.push({ push: p, patch: { chat_id: chat.id, thread_id: chat.threadId, event } });
    } else if (method === 'deactivate_chat' || method === 'close_thread') {
      if (chat) chat.active = false;
      for (const p of pushes) out.push({ push: p, patch: { chat_id: chatId, thread_id: chat?.threadId } });
    } else if (method === 'list_chats' || method === 'get_chats_summary') {
      const summaries: S[] = [];
      for (const c of chats.values()) {
        const s = sampleStructure('ChatSummary', { id: c.id });
        if (s) summaries.push(s);
      }
      Object.assign(patch, { total_chats: chats.size, chats_summary: summaries });
    } else if (method === 'get_chat' && chat) {
      Object.assign(patch, { id: chat.id });
    } else {
      for (const p of pushes) out.push({ push: p, patch: chatId ? { chat_id: chatId } : {} });
    }
    return { payload: build(responseFn, patch), pushes: out };
  }

  function pushFrame(push: string, payload?: unknown, patch: S = {}): S {
    const entry = Object.hasOwn(t.pushes, push) ? t.pushes[push] : undefined;
    if (!entry) throw new Error(`unknown push ${push} in v${version}`);
    const body = payload !== undefined ? payload : build(entry.payload, patch);
    const frame: S = { action: push, type: 'push', payload: body };
    const r = v.validateRtmFrame(frame);
    if (!r.valid) throw new Error(`push ${push} would not match the spec: ${r.message}`);
    return frame;
  }

  function broadcast(frames: S[]): void {
    for (const c of conns) if (c.loggedIn) for (const f of frames) c.ws.send(JSON.stringify(f));
  }

  function pushFrames(list: { push: string; patch: S }[]): S[] {
    const frames: S[] = [];
    for (const { push, patch } of list) {
      if (!Object.hasOwn(t.pushes, push)) continue;
      try {
        frames.push(pushFrame(push, undefined, patch));
      } catch (e) {
        log(`skipped push ${push}: ${(e as Error).message}`);
      }
    }
    return frames;
  }

  // ---------------------------------------------------------------- Web
  function sendJson(res: ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }
  function webError(res: ServerResponse, type: string, message: string): void {
    sendJson(res, ERROR_STATUS[type] ?? 400, { error: { type, message } });
  }
  function readBody(req: IncomingMessage): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > 10 * 1024 * 1024) req.destroy(new Error('too large'));
        else chunks.push(c);
      });
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', reject);
    });
  }

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://mock');
    const m = /\/action\/([A-Za-z0-9_]+)\/?$/.exec(url.pathname);
    if (!m) return webError(res, 'validation', `no such endpoint ${url.pathname}; Web methods are served at /v${version}/customer/action/<method>`);
    const method = m[1]!;
    // own keys only: `constructor`, `toString` or `__proto__` are not methods
    const entry = Object.hasOwn(t.web, method) ? t.web[method] : undefined;
    log(`${req.method} ${method}`);
    if (!entry) return sendJson(res, 404, { error: { type: 'validation', message: `unknown method ${method} in v${version}` } });
    if ((req.method ?? 'GET').toLowerCase() !== entry.http) {
      return sendJson(res, 405, { error: { type: 'validation', message: `${method} expects HTTP ${entry.http.toUpperCase()}` } });
    }
    const auth = req.headers.authorization;
    if (!auth || !/^(Bearer|Basic) \S+/.test(auth)) return webError(res, 'authentication', 'missing or malformed Authorization header');
    if (!url.searchParams.has('license_id') && !url.searchParams.has('organization_id')) {
      return webError(res, 'validation', 'license_id query parameter is required');
    }
    let args: unknown = {};
    const raw = await readBody(req);
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
      args = null; // form fields are not parsed by the mock
    } else {
      if (!/application\/json/.test(req.headers['content-type'] ?? '')) return webError(res, 'validation', 'expected Content-Type: application/json');
      try {
        args = raw.length ? JSON.parse(raw.toString('utf8')) : {};
      } catch {
        return webError(res, 'validation', 'request body is not valid JSON');
      }
      if (entry.wrapper === 'payload') args = (args as S)?.payload ?? {};
    }
    if (args !== null) {
      const r: ValidationResult = v.validateWebRequest(method, args);
      if (!r.valid) return webError(res, 'validation', r.message);
    }
    const { payload, pushes } = perform(method, (args ?? {}) as S, entry.response, entry.pushes);
    const check = v.validateWebResponse(method, payload);
    if (!check.valid) return webError(res, 'internal', `mock could not build a valid ${method} response: ${check.message}`);
    sendJson(res, 200, payload);
    broadcast(pushFrames(pushes));
  }

  // ---------------------------------------------------------------- RTM
  function handleFrame(c: Conn, text: string): void {
    let frame: S;
    const reply = (f: S) => c.ws.send(JSON.stringify(f));
    const fail = (action: unknown, requestId: unknown, type: string, message: string) =>
      reply({ ...(typeof requestId === 'string' ? { request_id: requestId } : {}), action: typeof action === 'string' ? action : 'unknown', type: 'response', success: false, payload: { error: { type, message } } });
    try {
      frame = JSON.parse(text) as S;
    } catch {
      return fail('unknown', undefined, 'validation', 'frame is not valid JSON');
    }
    if (!frame || typeof frame !== 'object' || Array.isArray(frame)) return fail('unknown', undefined, 'validation', 'frame must be a JSON object');
    const { action, request_id: rid } = frame;
    log(`rtm ${String(action)}`);
    const r = v.validateRtmOutgoingFrame(frame);
    if (!r.valid) return fail(action, rid, 'validation', r.message);
    const entry = t.rtm[action as string]!;
    if (action !== 'login' && action !== 'ping' && !c.loggedIn) return fail(action, rid, 'authentication', 'log in first (login action)');
    if (action === 'login') c.loggedIn = true;
    const { payload, pushes } = perform(action as string, (frame.payload ?? {}) as S, entry.responsePayload, entry.pushes);
    if (entry.response) {
      // an action without a documented response frame (v3.0 ping) gets no reply
      const out: S = { ...(typeof rid === 'string' ? { request_id: rid } : {}), action, type: 'response', success: true, payload };
      const check = v.validateRtmFrame(out);
      if (!check.valid) return fail(action, rid, 'internal', `mock could not build a valid response: ${check.message}`);
      reply(out);
    }
    broadcast(pushFrames(pushes));
  }

  const server: Server = createServer((req, res) => {
    handleHttp(req, res).catch((e: unknown) => {
      if (!res.headersSent) webError(res, 'internal', (e as Error).message);
      else res.destroy();
    });
  });
  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws) => {
    const c: Conn = { ws, loggedIn: false };
    conns.add(c);
    ws.on('message', (data) => handleFrame(c, data.toString()));
    ws.on('close', () => conns.delete(c));
    ws.on('error', () => conns.delete(c));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    version,
    port: addr.port,
    webUrl: `http://${host}:${addr.port}/v${version}/customer`,
    rtmUrl: `ws://${host}:${addr.port}/v${version}/customer/rtm/ws`,
    emitPush(push, payload) {
      const f = pushFrame(push, payload);
      broadcast([f]);
      return f;
    },
    connections: () => conns.size,
    dropConnections() {
      for (const c of conns) c.ws.terminate();
      conns.clear();
    },
    close() {
      for (const c of conns) c.ws.terminate();
      conns.clear();
      return new Promise<void>((resolve) => {
        wss.close(() => server.close(() => resolve()));
        server.closeAllConnections?.();
      });
    },
  };
}
