/**
 * Mock under load (`npm run bench -- --only mock`): 200 WebSocket clients, each login + 20 requests,
 * against the mock CLI from dist/ in its own process (so its peak RSS is its own). Two mixes, each in a
 * fresh mock: read-only (no state change, no push) and chat (start_chat, then send_event: every
 * request changes state and routes pushes; clients come in pairs sharing a customer, so each push
 * goes to two connections and to no other). Prints requests/s, latency and the mock's peak RSS.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLIENTS = Number(process.env.MOCK_BENCH_CLIENTS ?? 200);
const REQUESTS = 20;
const VERSION = '3.4';

function startMock(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [resolve(root, 'packages/mock-server/dist/cli.js'), '--version', VERSION, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  return new Promise((res, rej) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const port = /on port (\d+)/.exec(out)?.[1];
      if (port && out.includes('RTM:')) res({ child, port: Number(port) });
    });
    child.once('exit', (c) => rej(new Error(`mock exited ${c}`)));
  });
}

/** Peak resident set of a process (VmHWM), MiB. */
function peakRss(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

interface Client {
  ws: WebSocket;
  request(action: string, payload: unknown): Promise<{ ms: number; frame: any }>;
  pushes: number;
}

function connect(url: string): Promise<Client> {
  return new Promise((res, rej) => {
    const ws = new WebSocket(url);
    const waiting = new Map<string, (f: any) => void>();
    let n = 0;
    const c: Client = {
      ws,
      pushes: 0,
      request(action, payload) {
        const id = String(++n);
        const t0 = performance.now();
        return new Promise((ok, fail) => {
          waiting.set(id, (frame) => (frame.success ? ok({ ms: performance.now() - t0, frame }) : fail(new Error(`${action}: ${JSON.stringify(frame.payload)}`))));
          ws.send(JSON.stringify({ action, request_id: id, payload }));
        });
      },
    };
    ws.on('message', (d) => {
      const f = JSON.parse(String(d));
      if (f.type === 'push') c.pushes++;
      else waiting.get(f.request_id)?.(f);
    });
    ws.once('open', () => res(c));
    ws.once('error', rej);
  });
}

async function mix(name: string, session: (c: Client, i: number) => Promise<number[]>) {
  const { child, port } = await startMock();
  const base = peakRss(child.pid!);
  const url = `ws://127.0.0.1:${port}/v${VERSION}/customer/rtm/ws?organization_id=bench`;
  const clients = await Promise.all(Array.from({ length: CLIENTS }, () => connect(url)));
  const t0 = performance.now();
  const latencies = (await Promise.all(clients.map((c, i) => session(c, i)))).flat();
  const wall = (performance.now() - t0) / 1000;
  await new Promise((r) => setTimeout(r, 100)); // late pushes
  const pushes = clients.reduce((s, c) => s + c.pushes, 0);
  const rss = peakRss(child.pid!);
  for (const c of clients) c.ws.close();
  child.kill();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(1);
  return [name, String(latencies.length), `${wall.toFixed(2)} s`, `${Math.round(latencies.length / wall)}`, `${q(0.5)} / ${q(0.99)} ms`, String(pushes), `${base.toFixed(0)} → ${rss.toFixed(0)} MiB`];
}

const token = (i: number) => `Bearer bench-customer-${i >> 1}`; // two connections per customer

const READS: [string, (i: number) => unknown][] = [
  ['get_customer', () => ({})],
  ['list_chats', () => ({})],
  ['get_predicted_agent', () => ({})],
  ['list_group_statuses', () => ({ all: true })],
  ['get_form', () => ({ group_id: 0, type: 'prechat' })],
];

const rows = [
  await mix('read-only (login + 20 reads)', async (c, i) => {
    const ms = [(await c.request('login', { token: token(i) })).ms];
    for (let k = 0; k < REQUESTS; k++) {
      const [action, payload] = READS[k % READS.length]!;
      ms.push((await c.request(action, payload(i))).ms);
    }
    return ms;
  }),
  await mix('chat, pushes routed (login + start_chat + 19 send_event)', async (c, i) => {
    const ms = [(await c.request('login', { token: token(i) })).ms];
    const start = await c.request('start_chat', {});
    ms.push(start.ms);
    for (let k = 1; k < REQUESTS; k++) {
      ms.push((await c.request('send_event', { chat_id: start.frame.payload.chat_id, event: { type: 'message', text: `message ${k}` } })).ms);
    }
    return ms;
  }),
];

console.log(`## Mock under load — ${CLIENTS} WebSocket clients × (login + ${REQUESTS} requests), v${VERSION}, mock in its own process\n`);
console.log('| mix | requests | wall | requests/s | latency p50 / p99 | pushes received | mock RSS (start → peak) |\n|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log();
