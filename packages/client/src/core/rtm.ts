import type { Validators } from '@ccapi/validators/runtime';
import { ApiError, SchemaValidationError, type ValidateOption } from './web.js';

/** The subset of the WHATWG WebSocket API the client uses (browsers, Node 22+, and `ws`). */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'close' | 'error' | 'message', listener: (ev: any) => void): void;
}
export type WebSocketCtor = new (url: string) => WebSocketLike;

export interface RtmClientOptions {
  /** WebSocket URL (default: the version's production server of `region`). */
  url?: string;
  region?: 'dal' | 'fra';
  licenseId?: number | string;
  organizationId?: string;
  /** WebSocket implementation; defaults to the global one (browsers) or `ws` (Node). */
  WebSocket?: WebSocketCtor;
  validate?: boolean | ValidateOption;
  /** Reject a request when no response came within this time (default 15 s). */
  requestTimeoutMs?: number;
  /** Reconnect after an unexpected close (default true), with exponential back-off. */
  reconnect?: boolean | { retries?: number; minDelayMs?: number; maxDelayMs?: number };
  /** Called with each push frame that fails validation (validation on); the push is still delivered. */
  onInvalidPush?: (error: SchemaValidationError) => void;
}

export interface SendOptions {
  /** Run this one request in another API version (`version` of the frame). */
  version?: string;
  timeoutMs?: number;
}

export class ConnectionClosedError extends Error {
  constructor(message = 'the RTM connection closed before the response arrived') {
    super(message);
    this.name = 'ConnectionClosedError';
  }
}

export class TimeoutError extends Error {
  constructor(action: string, ms: number) {
    super(`${action}: no response within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

type Pending = { action: string; resolve: (v: unknown) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> };
type Handler = (payload: any, frame: any) => void;

async function defaultWebSocket(): Promise<WebSocketCtor> {
  const g = (globalThis as { WebSocket?: WebSocketCtor }).WebSocket;
  if (g) return g;
  const mod = (await import('ws')) as unknown as { default: WebSocketCtor };
  return mod.default;
}

/**
 * RTM client: one WebSocket, request ids, replies matched to requests, timeouts, typed push
 * subscriptions and automatic reconnect (with a repeated `login` when one had succeeded).
 */
export class RtmClient<Req, Res, Push, Opt extends keyof Req = never> {
  readonly url: string;
  private ws: WebSocketLike | null = null;
  private readonly pending = new Map<string, Pending>();
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly lifecycle = new Map<string, Set<(info?: unknown) => void>>();
  private seq = 0;
  private closedByUser = false;
  private attempts = 0;
  private lastLogin: unknown = undefined;
  private readonly check: { req: boolean; res: boolean };
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly options: RtmClientOptions,
    private readonly validators: Validators,
    readonly version: string,
  ) {
    const host = options.region === 'fra' ? 'api-fra.livechatinc.com' : 'api.livechatinc.com';
    const url = new URL(options.url ?? `wss://${host}/v${version}/customer/rtm/ws`);
    if (options.licenseId !== undefined) url.searchParams.set('license_id', String(options.licenseId));
    if (options.organizationId !== undefined) url.searchParams.set('organization_id', options.organizationId);
    this.url = url.toString();
    const v = options.validate;
    this.check = !v ? { req: false, res: false } : v === true ? { req: true, res: true } : { req: v.requests ?? true, res: v.responses ?? true };
  }

  get connected(): boolean {
    return this.ws !== null && this.ws.readyState === 1;
  }

  /** Opens the connection (resolves when open). */
  async connect(): Promise<void> {
    this.closedByUser = false;
    const Ctor = this.options.WebSocket ?? (await defaultWebSocket());
    await new Promise<void>((resolve, reject) => {
      const ws = new Ctor(this.url);
      let opened = false;
      ws.addEventListener('open', () => {
        opened = true;
        this.ws = ws;
        this.attempts = 0;
        this.emit('open');
        resolve();
      });
      ws.addEventListener('error', (ev) => {
        if (!opened) reject(new Error(`cannot connect to ${this.url}: ${ev?.message ?? 'connection error'}`));
      });
      ws.addEventListener('message', (ev) => this.onMessage(typeof ev.data === 'string' ? ev.data : String(ev.data)));
      ws.addEventListener('close', (ev) => {
        if (this.ws === ws) this.ws = null;
        if (!opened) return;
        this.failAll(new ConnectionClosedError());
        this.emit('close', { code: ev?.code, reason: ev?.reason });
        if (!this.closedByUser) this.scheduleReconnect();
      });
    });
  }

  /** Sends a request and resolves with the response payload (rejects with ApiError on `success: false`). */
  send<A extends keyof Req & keyof Res & string>(
    action: A,
    ...args: A extends Opt ? [payload?: Req[A], options?: SendOptions] : [payload: Req[A], options?: SendOptions]
  ): Promise<Res[A]> {
    const [payload, opts = {}] = args as [Req[A] | undefined, SendOptions | undefined];
    const ws = this.ws;
    if (!ws || ws.readyState !== 1) return Promise.reject(new ConnectionClosedError('not connected: call connect() first'));
    const requestId = `${Date.now().toString(36)}-${(++this.seq).toString(36)}`;
    const frame: Record<string, unknown> = { request_id: requestId, action };
    if (payload !== undefined) frame.payload = payload;
    if (opts.version !== undefined) frame.version = opts.version;
    if (this.check.req) {
      const r = this.validators.validateRtmOutgoingFrame(frame);
      if (!r.valid) return Promise.reject(new SchemaValidationError('request', action, r.errors, r.message));
    }
    if (action === 'login') this.lastLogin = payload;
    const ms = opts.timeoutMs ?? this.options.requestTimeoutMs ?? 15_000;
    return new Promise<Res[A]>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new TimeoutError(action, ms));
      }, ms);
      this.pending.set(requestId, { action, resolve: resolve as (v: unknown) => void, reject, timer });
      ws.send(JSON.stringify(frame));
    });
  }

  /** Subscribes to a push; returns the unsubscribe function. */
  on<P extends keyof Push & string>(push: P, handler: (payload: Push[P], frame: { action: P; type: 'push'; payload: Push[P]; request_id?: string }) => void): () => void {
    let set = this.handlers.get(push);
    if (!set) this.handlers.set(push, (set = new Set()));
    set.add(handler as Handler);
    return () => set!.delete(handler as Handler);
  }

  /** Resolves with the next push of that name (rejects after `timeoutMs`). */
  once<P extends keyof Push & string>(push: P, timeoutMs = 15_000): Promise<Push[P]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new TimeoutError(push, timeoutMs));
      }, timeoutMs);
      const off = this.on(push, (p) => {
        clearTimeout(timer);
        off();
        resolve(p);
      });
    });
  }

  /** Lifecycle events: `open`, `close`, `reconnecting`, `reconnected`. */
  onLifecycle(event: 'open' | 'close' | 'reconnecting' | 'reconnected', fn: (info?: unknown) => void): () => void {
    let set = this.lifecycle.get(event);
    if (!set) this.lifecycle.set(event, (set = new Set()));
    set.add(fn);
    return () => set!.delete(fn);
  }

  /** Closes the connection for good (no reconnect); pending requests are rejected. */
  close(): void {
    this.closedByUser = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.failAll(new ConnectionClosedError('closed by the client'));
    this.ws?.close(1000, 'bye');
    this.ws = null;
  }

  private emit(event: string, info?: unknown): void {
    for (const fn of this.lifecycle.get(event) ?? []) fn(info);
  }

  private failAll(err: Error): void {
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(err);
      this.pending.delete(id);
    }
  }

  private scheduleReconnect(): void {
    const r = this.options.reconnect ?? true;
    if (r === false) return;
    const cfg = r === true ? {} : r;
    const retries = cfg.retries ?? Infinity;
    if (this.attempts >= retries) return;
    const delay = Math.min((cfg.minDelayMs ?? 250) * 2 ** this.attempts, cfg.maxDelayMs ?? 10_000);
    this.attempts++;
    this.emit('reconnecting', { attempt: this.attempts, delay });
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.closedByUser) return;
      this.connect().then(
        async () => {
          if (this.lastLogin !== undefined) {
            try {
              await (this.send as unknown as (a: string, p: unknown) => Promise<unknown>)('login', this.lastLogin);
            } catch {
              /* surfaced through the next request */
            }
          }
          this.emit('reconnected');
        },
        () => this.scheduleReconnect(),
      );
    }, delay);
  }

  private onMessage(text: string): void {
    let frame: any;
    try {
      frame = JSON.parse(text);
    } catch {
      return;
    }
    if (frame?.type === 'push') {
      if (this.check.res) {
        const r = this.validators.validateRtmFrame(frame);
        if (!r.valid) this.options.onInvalidPush?.(new SchemaValidationError('push', String(frame.action), r.errors, r.message));
      }
      for (const h of this.handlers.get(frame.action) ?? []) h(frame.payload, frame);
      for (const h of this.handlers.get('*') ?? []) h(frame.payload, frame);
      return;
    }
    const p = typeof frame?.request_id === 'string' ? this.pending.get(frame.request_id) : undefined;
    if (!p) return;
    this.pending.delete(frame.request_id);
    clearTimeout(p.timer);
    if (frame.success === false) {
      const err = frame.payload?.error ?? {};
      p.reject(new ApiError(err.type ?? 'internal', err.message ?? 'request failed', undefined, err.data));
      return;
    }
    if (this.check.res) {
      const r = this.validators.validateRtmFrame(frame);
      if (!r.valid) {
        p.reject(new SchemaValidationError('response', p.action, r.errors, r.message));
        return;
      }
    }
    p.resolve(frame.payload);
  }
}
