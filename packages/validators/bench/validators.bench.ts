/**
 * Validator benchmark: ahead-of-time (standalone) validators vs. ajv compiling the same schemas at
 * run time, measured in the same run. Prints module import / compile time, frames per second over a
 * realistic RTM push stream, and responses per second over a stream of Web responses (the reference's
 * own response examples, committed under packages/spec-check/reference/examples, weighted by how often
 * a chat widget calls each method).
 *
 *   npm run bench -w @ccapi/validators [-- --version 3.3 --frames 200000]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const version = arg('version', '3.3');
const total = Number(arg('frames', '200000'));
const srcDir = fileURLToPath(new URL(`../src/v${version}/`, import.meta.url));
const distIndex = fileURLToPath(new URL(`../dist/v${version}/index.js`, import.meta.url));

type Frame = Record<string, unknown>;

/** A customer-side push stream: typing, events, seen markers, the occasional chat lifecycle push. */
function pushStream(n: number): Frame[] {
  const chat = 'PJ0MRSHTDG';
  const thread = 'QB6PQ0OBY2';
  const message = (i: number): Frame => ({
    id: `${thread}_${i}`,
    custom_id: `c-${i}`,
    type: 'message',
    text: `Message number ${i} with a little bit of text in it`,
    author_id: i % 2 ? 'b7eff798-f8df-4364-8059-649c35c9ed0c' : 'agent@example.com',
    created_at: '2026-03-04T12:35:19.000000Z',
    visibility: 'all',
  });
  const templates: ((i: number) => Frame)[] = [
    (i) => ({ action: 'incoming_event', type: 'push', payload: { chat_id: chat, thread_id: thread, event: message(i) } }),
    () => ({ action: 'incoming_typing_indicator', type: 'push', payload: { chat_id: chat, thread_id: thread, typing_indicator: { author_id: 'agent@example.com', recipients: 'all', timestamp: 1772627719, is_typing: true } } }),
    (i) => ({ action: 'incoming_event', type: 'push', payload: { chat_id: chat, thread_id: thread, event: message(i) } }),
    () => ({ action: 'events_marked_as_seen', type: 'push', payload: { user_id: 'agent@example.com', chat_id: chat, seen_up_to: '2026-03-04T12:35:20.000000Z' } }),
    (i) => ({ action: 'incoming_event', type: 'push', payload: { chat_id: chat, thread_id: thread, event: message(i) } }),
    () => ({ action: 'chat_properties_updated', type: 'push', payload: { chat_id: chat, properties: { routing: { idle: false } } } }),
    () => ({ action: 'queue_position_updated', type: 'push', payload: { chat_id: chat, thread_id: thread, queue: { position: 3, wait_time: 120 } } }),
    () => ({ action: 'chat_deactivated', type: 'push', payload: { chat_id: chat, thread_id: thread, user_id: 'agent@example.com' } }),
  ];
  const out: Frame[] = [];
  for (let i = 0; i < n; i++) out.push(templates[i % templates.length]!(i));
  return out;
}

/** How often a customer-side client calls each method, relative to the others (unlisted: 1). */
const WEB_WEIGHTS: Record<string, number> = { send_event: 12, get_chat: 6, list_threads: 4, list_chats: 3, get_customer: 2, mark_events_as_seen: 4, send_sneak_peek: 0, get_url_info: 2 };

/** [method, response body] pairs: each valid reference example of the version, repeated by weight, cycled to `n`. */
function webResponseStream(n: number, valid: (method: string, body: unknown) => boolean): { stream: Array<[string, unknown]>; methods: string[] } {
  const dir = fileURLToPath(new URL(`../../spec-check/reference/examples/${version}/web/`, import.meta.url));
  if (!existsSync(dir)) return { stream: [], methods: [] };
  const unit: Array<[string, unknown]> = [];
  const methods: string[] = [];
  for (const file of readdirSync(dir).sort()) {
    const m = /^([a-z_]+)\.response\.json$/.exec(file);
    if (!m) continue;
    const body = JSON.parse(readFileSync(dir + file, 'utf8'));
    if (!valid(m[1]!, body)) continue; // a known error of the reference: not part of a realistic stream
    methods.push(m[1]!);
    for (let i = 0; i < (WEB_WEIGHTS[m[1]!] ?? 1); i++) unit.push([m[1]!, body]);
  }
  const stream: Array<[string, unknown]> = [];
  for (let i = 0; unit.length && i < n; i++) stream.push(unit[i % unit.length]!);
  return { stream, methods };
}

function timeChild(code: string): number {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: fileURLToPath(new URL('..', import.meta.url)), encoding: 'utf8' });
  return Number(out.trim().split('\n').pop());
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

interface Row { label: string; n: number; ms: number; perSec: number }

/**
 * Runs every case ROUNDS times, interleaved (a, b, c, a, b, c, ...), and keeps each case's median:
 * JIT warm-up and machine noise then fall on all cases alike instead of on whichever ran first.
 */
const ROUNDS = 5;
function interleaved(cases: Array<() => Row>): Row[] {
  const all: Row[][] = cases.map(() => []);
  for (let r = 0; r < ROUNDS; r++) cases.forEach((c, i) => all[i]!.push(c()));
  return all.map((rows) => [...rows].sort((a, b) => a.ms - b.ms)[Math.floor(rows.length / 2)]!);
}

async function main(): Promise<void> {
  const schemas = JSON.parse(readFileSync(srcDir + 'schemas.json', 'utf8')) as { definitions: Record<string, object>; frames: Record<string, object>; base: string };
  const nSchemas = Object.keys(schemas.definitions).length + Object.keys(schemas.frames).length;

  // 1. cold start, each in a fresh process (median of 3)
  const aotImport = median(
    [0, 1, 2].map(() => timeChild(`const t=performance.now(); await import(${JSON.stringify(distIndex)}); console.log(performance.now()-t)`)),
  );
  const schemasPath = JSON.stringify(srcDir + 'schemas.json');
  const runtimeCompile = median(
    [0, 1, 2].map(() =>
      timeChild(`const t=performance.now();
const { default: Ajv2020 } = await import('ajv/dist/2020.js'); const { default: addFormats } = await import('ajv-formats');
const fs = await import('node:fs'); const s = JSON.parse(fs.readFileSync(${schemasPath}, 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: false }); addFormats(ajv); ajv.addFormat('binary', true);
for (const [k, v] of Object.entries(s.definitions)) ajv.addSchema({ ...v, $id: s.base + k });
for (const [k, v] of Object.entries(s.frames)) ajv.addSchema({ ...v, $id: s.base + 'frame/' + k });
for (const k of Object.keys(s.frames)) ajv.getSchema(s.base + 'frame/' + k);
console.log(performance.now()-t)`),
    ),
  );

  // 2. throughput over the same stream
  const frames = pushStream(total);
  const aot = (await import(distIndex)) as typeof import('../src/v3.3/index.js');
  const bad = frames.slice(0, 8).map((f) => aot.validateRtmFrame(f)).filter((r) => !r.valid);
  if (bad.length) throw new Error(`benchmark frames are not valid v${version}:\n${bad.map((r) => (r.valid ? '' : r.message)).join('\n')}`);
  const Ajv2020 = require('ajv/dist/2020.js').default;
  const addFormats = require('ajv-formats').default;
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  addFormats(ajv);
  ajv.addFormat('binary', true);
  for (const [k, v] of Object.entries(schemas.definitions)) ajv.addSchema({ ...v, $id: schemas.base + k });
  for (const [k, v] of Object.entries(schemas.frames)) ajv.addSchema({ ...v, $id: `${schemas.base}frame/${k}` });
  const rtFns = new Map<string, (d: unknown) => boolean>();
  for (const k of Object.keys(schemas.frames)) rtFns.set(k, ajv.getSchema(`${schemas.base}frame/${k}`));
  const pushNames = Object.keys(aot.table.pushes);
  const runtimeDispatch = (f: Frame) => rtFns.get(aot.table.pushes[f.action as string] ? (f.action as string) : '')!(f);
  const tryEvery = (f: Frame) => pushNames.some((p) => rtFns.get(p)?.(f));

  const measure = (label: string, fn: (f: Frame) => unknown, n = frames.length) => {
    for (let i = 0; i < Math.min(n, 5000); i++) fn(frames[i]!); // warm-up
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn(frames[i]!);
    const ms = performance.now() - t0;
    return { label, n, ms, perSec: Math.round((n / ms) * 1000) };
  };
  const rows = interleaved([
    () => measure('AOT standalone, dispatch on action (validateRtmFrame)', (f) => aot.validateRtmFrame(f)),
    () => measure('AOT standalone, raw frame function (no result object)', (f) => aot.table.pushes[f.action as string]!.frame!(f)),
    () => measure('ajv compiled at run time, dispatch on action', runtimeDispatch),
    () => measure('ajv compiled at run time, try every push schema', tryEvery, Math.min(total, 50000)),
  ]);

  console.log(`validators benchmark — v${version}, ${nSchemas} schemas, ${total} push frames (${process.version})`);
  console.log('');
  console.log('cold start (fresh process, median of 3):');
  console.log(`  import AOT module @ccapi/validators/v${version}   ${aotImport.toFixed(1)} ms`);
  console.log(`  import ajv + compile the same schemas            ${runtimeCompile.toFixed(1)} ms`);
  console.log(`  -> ${(runtimeCompile / aotImport).toFixed(1)}x faster start with AOT`);
  console.log('');
  console.log(`push stream throughput (median of ${ROUNDS} interleaved rounds):`);
  for (const r of rows) console.log(`  ${r.label.padEnd(56)} ${String(r.perSec).padStart(10)} frames/s  (${r.n} in ${r.ms.toFixed(0)} ms)`);

  // 3. Web responses: the same comparison, keyed by method instead of by action.
  const src = readFileSync(srcDir + 'index.ts', 'utf8');
  const responseDef = new Map<string, string>();
  for (const m of src.matchAll(/"([a-z_]+)": \{ request: V\.s_\w+, response: V\.s_(\w+),/g)) responseDef.set(m[1]!, m[2]!);
  const { stream, methods } = webResponseStream(total, (method, body) => aot.validateWebResponse(method, body).valid);
  console.log('');
  if (!stream.length) {
    console.log('Web response throughput: skipped (no reference response examples for this version).');
    return;
  }
  const rtResponse = new Map<string, (d: unknown) => boolean>();
  for (const [method, def] of responseDef) rtResponse.set(method, ajv.getSchema(schemas.base + def));
  const runWeb = (label: string, fn: (m: string, body: unknown) => unknown, n = stream.length) => {
    for (let i = 0; i < Math.min(n, 5000); i++) fn(stream[i]![0], stream[i]![1]);
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn(stream[i]![0], stream[i]![1]);
    const ms = performance.now() - t0;
    return { label, n, ms, perSec: Math.round((n / ms) * 1000) };
  };
  const ok = stream.slice(0, 50).every(([m, b]) => rtResponse.get(m)!(b));
  if (!ok) throw new Error('ajv (run time) rejects a response the AOT validator accepts: the comparison would be unfair');
  const webRows = interleaved([
    () => runWeb('AOT standalone, by method (validateWebResponse)', (m, b) => aot.validateWebResponse(m, b)),
    () => runWeb('AOT standalone, raw function (no result object)', (m, b) => aot.table.web[m]!.response!(b)),
    () => runWeb('ajv compiled at run time, by method', (m, b) => rtResponse.get(m)!(b)),
  ]);
  console.log(`Web response throughput (median of ${ROUNDS} interleaved rounds; ${methods.length} methods' reference examples, weighted; ${stream.length} responses):`);
  for (const r of webRows) console.log(`  ${r.label.padEnd(56)} ${String(r.perSec).padStart(10)} resp/s    (${r.n} in ${r.ms.toFixed(0)} ms)`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
