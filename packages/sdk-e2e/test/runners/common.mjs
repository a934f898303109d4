// Shared by the SDK runners: step bookkeeping, the heartbeat clock and the report line protocol.
// A runner is a child process: `node runners/<sdk>.mjs <host:port> <license>`; it prints one JSON
// line per step ({"step","ok","error"?}) and a final {"done":true,...}; the test reads them.

/**
 * Heartbeat-class timers of the SDK run `scale` times as long (e.g. 0.1: lc-sdk-js's 10 s ping interval
 * fires every second, customer-sdk 2.x's 30 s ping reschedule after 3 s): every interval of 1 s or
 * more, and timeouts of 20 s or more. Shorter timeouts (login and request timeouts, SockJS's
 * transport timers) keep their real length, so a loaded machine does not make them fire early.
 */
export function scaleTimers(scale) {
  if (!(scale > 0 && scale < 1)) return;
  const si = globalThis.setInterval;
  const st = globalThis.setTimeout;
  globalThis.setInterval = (fn, ms, ...a) => si(fn, (ms ?? 0) >= 1000 ? ms * scale : ms, ...a);
  globalThis.setTimeout = (fn, ms, ...a) => st(fn, (ms ?? 0) >= 20_000 ? ms * scale : ms, ...a);
}

const rejections = [];
process.on('unhandledRejection', (reason) => {
  rejections.push(String(reason?.stack ?? JSON.stringify(reason)).slice(0, 500));
  out({ unhandledRejection: rejections[rejections.length - 1] });
});

function out(o) {
  process.stdout.write(JSON.stringify(o) + '\n');
}

let passed = 0;
let failed = 0;
/** Runs one documented step; a failure is reported with the API's error (or the exception). */
export async function step(name, fn, timeoutMs = 5000) {
  try {
    const r = await withTimeout(fn(), timeoutMs, name);
    passed++;
    out({ step: name, ok: true });
    return r;
  } catch (e) {
    failed++;
    out({ step: name, ok: false, error: describe(e) });
    return undefined;
  }
}

export function describe(e) {
  if (e && typeof e === 'object' && 'type' in e && 'message' in e) return `${e.type}: ${e.message}`;
  if (e?.error?.type) return `${e.error.type}: ${e.error.message}`;
  if (e?.response?.data?.error) return `${e.response.data.error.type}: ${e.response.data.error.message}`;
  return String(e?.message ?? e).slice(0, 300);
}

export function withTimeout(p, ms, what) {
  let t;
  return Promise.race([Promise.resolve(p).finally(() => clearTimeout(t)), new Promise((_, rej) => (t = realSetTimeout(() => rej(new Error(`${what}: no answer within ${ms} ms`)), ms)))]);
}
const realSetTimeout = globalThis.setTimeout;
export const sleep = (ms) => new Promise((r) => realSetTimeout(r, ms));

export function check(cond, message) {
  if (!cond) throw new Error(message);
}

/** A customer token from the mock's accounts-like endpoint. */
export async function customerToken(base, license) {
  const r = await fetch(`https://${base}/customer/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ grant_type: 'cookie', response_type: 'token', license_id: Number(license), client_id: 'e2e' }) });
  const t = await r.json();
  check(t.access_token && t.entity_id, `token endpoint: ${JSON.stringify(t)}`);
  return t;
}

export function done(extra = {}) {
  out({ done: true, passed, failed, unhandledRejections: rejections.length, ...extra });
}
