#!/usr/bin/env node
/**
 * Fuzz run of the mock (issue #17; a benchmark-style script, not a timed test): N generated hostile
 * RTM frames (default 10,000) over WebSocket and M hostile Web bodies (default 2,000) over HTTP
 * through the mock CLI from dist/, in its own process on 127.0.0.1.
 *
 *   node bench/fuzz-mock.mjs [--frames 10000] [--http 2000] [--seed 17] [--conns 4] [--version 3.3]
 *
 * Frames are the spec's request examples, mutated from a seeded PRNG (reproducible): fields dropped,
 * retyped, huge, deeply nested (up to 100k levels), prototype keys (__proto__, constructor), unknown
 * or prototype-named actions, binary frames, invalid UTF-8, truncated JSON, 1e400, many keys, frames
 * just under and over the 10 MiB limit. Counted: each answer must be a well-formed JSON response
 * frame (or a clean close with a code; HTTP: a JSON body, `{error:{type}}` on 4xx/5xx); crashes (the
 * mock exits), hangs (> 10 s without an answer), liveness after every batch (a fresh connection's
 * login + ping round-trip), max latency, the mock's peak RSS (VmHWM). Needs `npm run build`.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? dflt : args[i + 1];
};
const FRAMES = Number(flag('frames', 10_000));
const BODIES = Number(flag('http', 2_000));
const SEED = Number(flag('seed', 17));
const CONNS = Number(flag('conns', 4));
const VERSION = flag('version', '3.3');
const BATCH = 500;
const HANG_MS = 10_000;
const LIMIT = 10 * 1024 * 1024;

// ---------------------------------------------------------------- generation (deterministic)
function rng(seed) {
  let s = Math.imul(seed ^ 0x9e3779b9, 2654435761) >>> 0 || 1;
  const next = () => ((s ^= s << 13), (s ^= s >>> 17), (s ^= s << 5), (s >>> 0) / 4294967296);
  for (let k = 0; k < 8; k++) next();
  return next;
}

const schemas = JSON.parse(readFileSync(resolve(root, `packages/validators/src/v${VERSION}/schemas.json`), 'utf8'));
const rtmExamples = schemas.examples.filter((e) => e.kind === 'rtm-frame' && e.name.endsWith('_request')).map((e) => e.value);
const webExamples = schemas.examples.filter((e) => e.kind === 'web-request').map((e) => ({ method: e.name, body: e.value }));

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];
const NUMBERS = ['1e400', '-1e400', '1e-400', '-0', '18446744073709551616', '0.1e99999', '123456789012345678901234567890'];
const NUM = '\u0000NUM\u0000';

/** A mutated JSON value: `{ text, binary?, invalidUtf8? }` (text may be deliberately broken). */
function generate(i, kind) {
  const r = rng(SEED * 100_003 + i * 2 + (kind === 'http' ? 1 : 0));
  const pick = (a) => a[Math.floor(r() * a.length)];
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const weird = () => pick([null, true, 0, -1, 1.5, '', 'x', [], {}, [[]], { a: {} }, NUM, 'x'.repeat(int(1, 5000)), '\u0000\uffff\ud800', 2 ** 53 + 1]);
  const deep = (d) => (pick([true, false]) ? '['.repeat(d) + ']'.repeat(d) : '{"a":'.repeat(d) + '1' + '}'.repeat(d));
  const web = kind === 'http' ? pick(webExamples) : null;
  const base = structuredClone(web ? web.body : pick(rtmExamples));
  const target = web ? base : (base.payload ??= {});
  const keys = () => Object.keys(target);
  let method = web?.method;
  let deepText = null; // a raw nested text spliced in after stringify
  const mutations = int(1, 3);
  for (let m = 0; m < mutations; m++) {
    switch (int(0, 13)) {
      case 0: { const k = keys(); if (k.length) delete target[pick(k)]; break; }
      case 1: { const k = keys(); target[k.length ? pick(k) : 'x'] = weird(); break; }
      case 2: target[pick(keys().length ? keys() : ['text'])] = 'A'.repeat(int(1_000, r() < 0.1 ? 1_000_000 : 50_000)); break;
      case 3: deepText = deep(pick([10, 63, 64, 65, 100, 1_000, 10_000, 100_000])); break;
      case 4: Object.defineProperty(target, pick(PROTO_KEYS), { value: pick([{ polluted: true }, { prototype: { polluted: 1 } }, null, 'x', 1]), enumerable: true, configurable: true, writable: true }); break;
      case 5: if (web) method = pick([...PROTO_KEYS, 'no_such_method', '', 'login', '%2e%2e', 'a'.repeat(3000)]); else base.action = pick([...PROTO_KEYS, 'no_such_action', '', 1, null, ['login'], { a: 1 }, 'x'.repeat(10_000)]); break;
      case 6: if (!web) { base.request_id = weird(); if (r() < 0.3) base.version = pick(['9.9', '3.0', VERSION, 1, '__proto__', null]); } else target.request_id = weird(); break;
      case 7: { const n = int(100, r() < 0.2 ? 100_000 : 5_000); for (let k = 0; k < n; k++) target[`k${k}`] = k; break; }
      case 8: { const k = keys(); target[k.length ? pick(k) : 'n'] = NUM; break; }
      case 9: if (!web) base.payload = weird(); else target.nested = weird(); break;
      case 10: { const k = keys(); if (k.length) { const key = pick(k); target[key] = [target[key], target[key]]; } break; }
      case 11: case 12: case 13: break; // fall through to the frame-level mutations below
    }
  }
  let text = JSON.stringify(web ? base : base);
  text = text.replaceAll(`"${NUM}"`, () => pick(NUMBERS));
  if (deepText) text = text.replace(/^\{/, `{"deep":${deepText},`);
  const out = { text, binary: false, invalidUtf8: false, method, contentType: 'application/json', bytes: null };
  const f = r();
  if (f < 0.05) out.text = text.slice(0, int(0, text.length - 1)); // truncated
  else if (f < 0.08) out.binary = true;
  else if (f < 0.11) out.invalidUtf8 = true;
  else if (f < 0.15) out.text = pick(['', 'null', '[]', '"x"', '1', 'true', '{}', '{"action":"login"', '{"a":1,"a":2}', '\ufeff{}', '{"action":"ping","payload":{}}'.repeat(2), ' '.repeat(1000)]);
  else if (f < 0.152) out.text = padTo(text, LIMIT - int(1, 100)); // just under the limit
  else if (f < 0.154) out.text = padTo(text, LIMIT + int(1, 100)); // just over
  if (kind === 'http') out.contentType = pick(['application/json', 'application/json', 'application/json; charset=utf-16', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', '', 'application/json\u0000']);
  return out;
}
function padTo(text, size) {
  const inner = text.startsWith('{') && text.length > 2 ? text.slice(1) : '"pad":0}';
  const pad = size - inner.length - '{"pad_":"",'.length;
  return `{"pad_":"${'p'.repeat(Math.max(0, pad))}",${inner}`;
}
function bytesOf(g) {
  const b = Buffer.from(g.text, 'utf8');
  if (!g.invalidUtf8) return b;
  const at = b.length ? Math.floor(b.length / 2) : 0;
  return Buffer.concat([b.subarray(0, at), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]), b.subarray(at)]);
}

// ---------------------------------------------------------------- the mock under test
function startMock() {
  const child = spawn(process.execPath, [resolve(root, 'packages/mock-server/dist/cli.js'), '--version', VERSION, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((res, rej) => {
    child.stdout.on('data', (d) => {
      out += d;
      const port = /on port (\d+)/.exec(out)?.[1];
      if (port && out.includes('RTM:')) res({ child, port: Number(port) });
    });
    child.once('exit', (c) => rej(new Error(`mock exited ${c}`)));
  });
}
let stderr = '';
const peakRss = (pid) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
const rssNow = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

const { child, port } = await startMock();
let exited = null;
child.on('exit', (code, sig) => (exited = { code, sig }));
const rssStart = peakRss(child.pid);
const rtmUrl = `ws://127.0.0.1:${port}/v${VERSION}/customer/rtm/ws?license_id=1`;
const stats = { frames: 0, responses: 0, closes: {}, malformed: 0, hangs: 0, maxMs: 0, http: 0, httpStatus: {}, httpMalformed: 0, httpHangs: 0, httpMaxMs: 0, liveness: 0, livenessFailed: 0, examples: [] };
const note = (what, g) => stats.examples.length < 10 && stats.examples.push(`${what}: ${g.text.slice(0, 120)}`);

/** A connection that answers one frame at a time: resolves with the next response frame or the close. */
function open(login = true) {
  return new Promise((res, rej) => {
    const ws = new WebSocket(rtmUrl, { maxPayload: 64 * 1024 * 1024 });
    let waiter = null;
    let closed = null;
    ws.on('message', (d, isBinary) => {
      let f;
      try { f = JSON.parse(String(d)); } catch { f = { malformed: String(d).slice(0, 100), isBinary }; }
      if (f?.type === 'push') return;
      const w = waiter; waiter = null; w?.({ frame: f });
    });
    ws.on('close', (code) => { closed = code; const w = waiter; waiter = null; w?.({ close: code }); });
    ws.on('error', () => {});
    const c = {
      ws,
      get closed() { return closed; },
      ask(data, binary) {
        return new Promise((ok) => {
          if (closed !== null) return ok({ close: closed });
          const timer = setTimeout(() => { waiter = null; ok({ hang: true }); }, HANG_MS);
          waiter = (x) => { clearTimeout(timer); ok(x); };
          ws.send(data, { binary });
        });
      },
    };
    ws.once('open', async () => {
      if (login) await c.ask(JSON.stringify({ action: 'login', request_id: 'L', payload: { token: 'Bearer fuzz-customer' } }), false);
      res(c);
    });
    ws.once('error', rej);
  });
}
const wellFormed = (f) => f && typeof f === 'object' && f.type === 'response' && typeof f.action === 'string' && (f.success === true || typeof f.payload?.error?.type === 'string');

async function fuzzRtm(from, to) {
  const conns = await Promise.all(Array.from({ length: CONNS }, () => open()));
  let next = from;
  await Promise.all(conns.map(async (_, k) => {
    while (next < to) {
      const i = next++;
      const g = generate(i, 'rtm');
      if (conns[k].closed !== null) conns[k] = await open();
      const t0 = performance.now();
      const a = await conns[k].ask(g.binary || g.invalidUtf8 ? bytesOf(g) : g.text, g.binary);
      const ms = performance.now() - t0;
      stats.frames++;
      if (a.hang) { stats.hangs++; note('hang', g); conns[k].ws.terminate(); conns[k] = await open(); continue; }
      stats.maxMs = Math.max(stats.maxMs, ms);
      if (a.close !== undefined) { stats.closes[a.close] = (stats.closes[a.close] ?? 0) + 1; if (!a.close || a.close === 1006) note(`close ${a.close}`, g); continue; }
      stats.responses++;
      if (!wellFormed(a.frame)) { stats.malformed++; note(`malformed ${JSON.stringify(a.frame).slice(0, 80)}`, g); }
    }
  }));
  for (const c of conns) c.ws.close();
}

async function fuzzHttp(from, to) {
  let next = from;
  await Promise.all(Array.from({ length: CONNS }, async () => {
    while (next < to) {
      const i = next++;
      const g = generate(i, 'http');
      const r = rng(i);
      const path = r() < 0.03 ? `/v9.9/customer/action/${g.method}` : `/v${VERSION}/customer/action/${encodeURIComponent(g.method)}`;
      const body = r() < 0.05 ? undefined : bytesOf(g);
      const headers = { authorization: 'Bearer fuzz-customer' };
      if (g.contentType) headers['content-type'] = g.contentType.replace('\u0000', '');
      const t0 = performance.now();
      stats.http++;
      try {
        const res = await fetch(`http://127.0.0.1:${port}${path}?license_id=1`, { method: 'POST', headers, body, signal: AbortSignal.timeout(HANG_MS) });
        const text = await res.text();
        stats.httpMaxMs = Math.max(stats.httpMaxMs, performance.now() - t0);
        stats.httpStatus[res.status] = (stats.httpStatus[res.status] ?? 0) + 1;
        let json;
        try { json = JSON.parse(text); } catch { json = undefined; }
        if (json === undefined || (res.status >= 400 && typeof json?.error?.type !== 'string')) { stats.httpMalformed++; note(`http ${res.status} ${text.slice(0, 60)}`, g); }
      } catch (e) {
        if (e.name === 'TimeoutError') { stats.httpHangs++; note('http hang', g); }
        else { stats.httpStatus[`reset (${e.cause?.code ?? e.name})`] = (stats.httpStatus[`reset (${e.cause?.code ?? e.name})`] ?? 0) + 1; }
      }
    }
  }));
}

/** After a batch: the process is up and a fresh connection's login + ping round-trip works. */
async function alive() {
  stats.liveness++;
  if (exited) return false;
  try {
    const c = await open();
    const a = await c.ask(JSON.stringify({ action: 'ping', request_id: 'P', payload: {} }), false);
    c.ws.close();
    return a.frame?.success === true;
  } catch { return false; }
}

const t0 = performance.now();
const rssAfter = [];
for (let b = 0; b < FRAMES && !exited; b += BATCH) {
  await fuzzRtm(b, Math.min(FRAMES, b + BATCH));
  if (!(await alive())) stats.livenessFailed++;
  rssAfter.push(rssNow(child.pid));
  process.stderr.write(`\r  rtm ${Math.min(FRAMES, b + BATCH)}/${FRAMES}`);
}
for (let b = 0; b < BODIES && !exited; b += BATCH) {
  await fuzzHttp(b, Math.min(BODIES, b + BATCH));
  if (!(await alive())) stats.livenessFailed++;
  rssAfter.push(rssNow(child.pid));
  process.stderr.write(`\r  http ${Math.min(BODIES, b + BATCH)}/${BODIES}`);
}
process.stderr.write('\n');
const wall = (performance.now() - t0) / 1000;
const peak = exited ? NaN : peakRss(child.pid);
const crashed = exited ? 1 : 0;
child.kill();

const fmt = (o) => Object.entries(o).map(([k, v]) => `${k}: ${v}`).join(', ') || 'none';
console.log(`## Mock fuzz — v${VERSION}, seed ${SEED}, ${CONNS} connections, mock in its own process\n`);
console.log('| figure | value |\n|---|---|');
const rows = [
  ['RTM frames sent', stats.frames],
  ['RTM responses (well-formed JSON response frames)', `${stats.responses - stats.malformed} / ${stats.responses}`],
  ['RTM clean closes (code: count)', fmt(stats.closes)],
  ['HTTP bodies sent', stats.http],
  ['HTTP answers (status: count)', fmt(stats.httpStatus)],
  ['malformed answers (RTM / HTTP)', `${stats.malformed} / ${stats.httpMalformed}`],
  ['crashes (mock exited)', crashed ? `1 (${JSON.stringify(exited)})` : 0],
  [`hangs (> ${HANG_MS / 1000} s, RTM / HTTP)`, `${stats.hangs} / ${stats.httpHangs}`],
  ['liveness checks (login + ping) failed', `${stats.livenessFailed} / ${stats.liveness}`],
  ['max latency (RTM / HTTP)', `${stats.maxMs.toFixed(0)} ms / ${stats.httpMaxMs.toFixed(0)} ms`],
  ['mock RSS: start → peak (VmHWM); after last batch', `${rssStart.toFixed(0)} → ${peak.toFixed(0)} MiB; ${rssAfter.at(-1)?.toFixed(0)} MiB`],
  ['wall', `${wall.toFixed(1)} s`],
];
for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
if (stats.examples.length) console.log(`\nfindings:\n${stats.examples.map((e) => `- ${e}`).join('\n')}`);
if (crashed && stderr) console.log(`\nmock stderr:\n${stderr.slice(-2000)}`);
const bad = crashed + stats.hangs + stats.httpHangs + stats.malformed + stats.httpMalformed + stats.livenessFailed;
process.exit(bad ? 1 : 0);
