/**
 * The official customer SDKs from npm run a whole session against the mock CLI (as `npm run mock`
 * starts it, from dist/) over real TLS sockets, each in its own process. Every step must succeed,
 * no promise may be left rejected, and every process must stay connected through 60 s of the SDK's
 * heartbeats (its timers run 10x faster: HEARTBEAT_SCALE, see README).
 */
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const cli = here('../../mock-server/dist/cli.js');
const cert = here('../fixtures/cert.pem');
const key = here('../fixtures/key.pem');
const LICENSE = '104';
const HEARTBEAT_SCALE = 0.1;
const ALIVE_MS = 6_500; // 65 s of SDK time

/**
 * Steps where an SDK sends what the reference does not allow: the mock refuses them with the API's
 * error, and the step is the SDK's fault. Keyed by runner, then step name: [error pattern, reference section].
 * (Empty today: with the v3.3/v3.4 spec fixes every step of the four SDKs is allowed.)
 */
const SDK_FAULTS: Record<string, Record<string, [RegExp, string]>> = {};

interface Run {
  name: string;
  runner: string;
  pkg: string;
  version: string;
  steps: number;
}
const RUNS: Run[] = [
  { name: '@livechat/customer-sdk 2.x', runner: 'customer-sdk.mjs', pkg: 'customer-sdk-2', version: '3.2', steps: 38 },
  { name: '@livechat/customer-sdk 3.x', runner: 'customer-sdk.mjs', pkg: 'customer-sdk-3', version: '3.3', steps: 38 },
  { name: '@livechat/lc-sdk-js 3.x', runner: 'lc-sdk-js.mjs', pkg: 'lc-sdk-js-3', version: '3.3', steps: 41 },
  { name: '@livechat/lc-sdk-js 4.x', runner: 'lc-sdk-js.mjs', pkg: 'lc-sdk-js-4', version: '3.4', steps: 41 },
];

const mocks = new Map<string, { child: ChildProcess; port: number; stderr: () => string }>();

function startMock(version: string): Promise<{ child: ChildProcess; port: number; stderr: () => string }> {
  const child = spawn(process.execPath, [cli, '--version', version, '--port', '0', '--agent', '--tls-key', key, '--tls-cert', cert], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const port = /on port (\d+)/.exec(out)?.[1];
      if (port && out.includes('RTM:')) resolve({ child, port: Number(port), stderr: () => err });
    });
    child.once('exit', (c) => reject(new Error(`mock v${version} exited ${c}: ${err}`)));
  });
}

interface Line {
  step?: string;
  ok?: boolean;
  error?: string;
  done?: boolean;
  passed?: number;
  failed?: number;
  unhandledRejection?: string;
}

function runSdk(r: Run, port: number): Promise<{ code: number | null; lines: Line[]; stderr: string }> {
  const child = spawn(process.execPath, [here(`./runners/${r.runner}`), `127.0.0.1:${port}`, LICENSE, r.pkg], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_EXTRA_CA_CERTS: cert, HEARTBEAT_SCALE: String(HEARTBEAT_SCALE), ALIVE_MS: String(ALIVE_MS), NODE_ENV: 'production' },
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, lines: out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line), stderr: err });
    }),
  );
}

before(async () => {
  for (const v of new Set(RUNS.map((r) => r.version))) mocks.set(v, await startMock(v));
});
after(() => {
  for (const m of mocks.values()) m.child.kill();
});

test('each official SDK completes a whole session against the mock', async () => {
  const results = await Promise.all(RUNS.map((r) => runSdk(r, mocks.get(r.version)!.port)));
  const report: string[] = [];
  const problems: string[] = [];
  RUNS.forEach((r, i) => {
    const { code, lines, stderr } = results[i]!;
    const steps = lines.filter((l) => l.step);
    const faults = SDK_FAULTS[r.pkg] ?? {};
    let passed = 0;
    for (const s of steps) {
      const fault = faults[s.step!];
      if (s.ok) passed++;
      else if (fault && fault[0].test(s.error ?? '')) report.push(`  ${r.name}: step "${s.step}" is the SDK's fault (${fault[1]}): ${s.error}`);
      else problems.push(`${r.name} v${r.version}: step "${s.step}" failed: ${s.error}`);
    }
    report.push(`${r.name} (v${r.version}): ${passed}/${r.steps} steps`);
    for (const l of lines) if (l.unhandledRejection) problems.push(`${r.name}: unhandled rejection ${l.unhandledRejection}`);
    if (!lines.some((l) => l.done)) problems.push(`${r.name}: did not finish (exit ${code}): ${stderr.slice(-500)}`);
    if (code !== 0) problems.push(`${r.name}: exit code ${code}: ${stderr.slice(-500)}`);
    if (steps.length !== r.steps) problems.push(`${r.name}: ${steps.length} steps reported, ${r.steps} expected`);
  });
  console.log(report.join('\n'));
  for (const [v, m] of mocks) {
    assert.equal(m.child.exitCode, null, `mock v${v} exited`);
    assert.doesNotMatch(m.stderr(), /\n\s+at /, `mock v${v} printed a stack trace`);
  }
  assert.deepEqual(problems, []);
});
