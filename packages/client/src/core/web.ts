import type { ValidationIssue, Validators } from '@ccapi/validators/runtime';

/** An error answered by the API (or by a mock of it). */
export class ApiError extends Error {
  constructor(
    /** The API error type, e.g. `validation`, `authentication`. */
    readonly type: string,
    message: string,
    /** HTTP status (Web) or undefined (RTM). */
    readonly status?: number,
    readonly data?: unknown,
  ) {
    super(`${type}: ${message}`);
    this.name = 'ApiError';
  }
}

/** A value failed the client-side schema check (request before sending, or response on receipt). */
export class SchemaValidationError extends Error {
  constructor(
    readonly direction: 'request' | 'response' | 'push',
    readonly target: string,
    readonly issues: ValidationIssue[],
    detail: string,
  ) {
    super(`${direction} ${target} does not match the spec: ${detail}`);
    this.name = 'SchemaValidationError';
  }
}

export interface ValidateOption {
  /** Check what is sent (default true when validation is on). */
  requests?: boolean;
  /** Check what is received (default true when validation is on). */
  responses?: boolean;
}

export interface WebClientOptions {
  /** Base URL up to `/customer` (default: the version's production server of `region`). */
  baseUrl?: string;
  /** Data center; `fra` selects the European server and sends `X-Region`. */
  region?: 'dal' | 'fra';
  /** Customer access token (with or without the `Bearer ` prefix) or a function returning it. */
  accessToken: string | (() => string | Promise<string>);
  licenseId?: number | string;
  organizationId?: string;
  /** Validate requests and/or responses against the spec. */
  validate?: boolean | ValidateOption;
  /** Per-request timeout (default 30 s). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface CallOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

function flags(v: boolean | ValidateOption | undefined): { req: boolean; res: boolean } {
  if (!v) return { req: false, res: false };
  if (v === true) return { req: true, res: true };
  return { req: v.requests ?? true, res: v.responses ?? true };
}

/** Web API client; method names and argument/response types come from the version's maps. */
export class WebClient<Req, Res> {
  readonly baseUrl: string;
  private readonly check: { req: boolean; res: boolean };

  constructor(
    private readonly options: WebClientOptions,
    private readonly validators: Validators,
    readonly version: string,
  ) {
    const host = options.region === 'fra' ? 'api-fra.livechatinc.com' : 'api.livechatinc.com';
    this.baseUrl = (options.baseUrl ?? `https://${host}/v${version}/customer`).replace(/\/+$/, '');
    this.check = flags(options.validate);
  }

  /** Calls a Web method: `await client.call('get_chat', { chat_id })`. */
  async call<M extends keyof Req & keyof Res & string>(method: M, args: Req[M], opts: CallOptions = {}): Promise<Res[M]> {
    // own keys only: `constructor` or `toString` must not find Object.prototype members
    const entry = Object.hasOwn(this.validators.table.web, method) ? this.validators.table.web[method] : undefined;
    if (!entry) throw new TypeError(`${method} is not a Web method of v${this.version}`);
    if (this.check.req && entry.contentType !== 'multipart/form-data') {
      const r = this.validators.validateWebRequest(method, args ?? {});
      if (!r.valid) throw new SchemaValidationError('request', method, r.errors, r.message);
    }
    const url = new URL(`${this.baseUrl}/action/${method}`);
    if (this.options.licenseId !== undefined) url.searchParams.set('license_id', String(this.options.licenseId));
    if (this.options.organizationId !== undefined) url.searchParams.set('organization_id', this.options.organizationId);
    const token = typeof this.options.accessToken === 'function' ? await this.options.accessToken() : this.options.accessToken;
    const headers: Record<string, string> = { authorization: /^(Bearer|Basic) /.test(token) ? token : `Bearer ${token}` };
    if (this.options.region) headers['x-region'] = this.options.region;
    let body: string | FormData | undefined;
    if (entry.http === 'get') {
      for (const [k, v] of Object.entries((args ?? {}) as Record<string, unknown>)) if (v !== undefined) url.searchParams.set(k, String(v));
    } else if (entry.contentType === 'multipart/form-data') {
      const form = new FormData();
      for (const [k, v] of Object.entries((args ?? {}) as Record<string, unknown>)) {
        form.append(k, typeof v === 'object' && v !== null && 'arrayBuffer' in v ? (v as Blob) : String(v));
      }
      body = form;
    } else {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(entry.wrapper === 'payload' ? { payload: args ?? {} } : (args ?? {}));
    }
    const timeout = AbortSignal.timeout(opts.timeoutMs ?? this.options.timeoutMs ?? 30_000);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    const doFetch = this.options.fetch ?? globalThis.fetch;
    const res = await doFetch(url, { method: entry.http.toUpperCase(), headers, body, signal });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      throw new ApiError('internal', `HTTP ${res.status} with a body that is not JSON`, res.status);
    }
    if (!res.ok) {
      const err = (json as { error?: { type?: string; message?: string; data?: unknown } })?.error;
      throw new ApiError(err?.type ?? 'internal', err?.message ?? `HTTP ${res.status}`, res.status, err?.data);
    }
    if (this.check.res) {
      const r = this.validators.validateWebResponse(method, json);
      if (!r.valid) throw new SchemaValidationError('response', method, r.errors, r.message);
    }
    return json as Res[M];
  }
}
