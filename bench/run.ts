/**
 * `npm run bench`: every figure next to a baseline measured in the same run, so that a noisy
 * machine still gives honest ratios. Sections: build (cold/warm/incremental), diff at scale
 * (api-diff vs openapi-diff, @asyncapi/diff and the read+JSON.parse floor), validators, types, mock under load (bench/mock-load.ts).
 *
 * Options: --only build,diff,validators,types,mock,site,fuzz-mock (site: page figures of the reference site in Chromium; fuzz-mock: bench/fuzz-mock.mjs)   --runs N (default 3)   --peers (install and time
 * the peer tools; they are slow: openapi-diff takes minutes or never ends, so each run is capped).
 * Large pairs come from ../shared/bench (absent on a fresh clone: that section then says so).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '../shared/bench');
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? undefined : (args[i + 1] ?? '');
};
const only = new Set((flag('only') ?? 'build,diff,validators,types,mock').split(','));
const RUNS = Number(flag('runs') ?? 3);
const withPeers = args.includes('--peers');
const PEER_TIMEOUT_S = Number(flag('peer-timeout') ?? 120);
const hasTime = existsSync('/usr/bin/time');
const hasTimeout = spawnSync('timeout', ['--version'], { encoding: 'utf8' }).status === 0;

interface Measure {
  wall: number; // seconds, median
  min: number;
  max: number;
  rssMiB?: number; // peak RSS of the median run
  faults?: number; // minor page faults of the median run (memory touched for the first time)
  status: number | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

type MeasureOptions = { runs?: number; timeoutS?: number; cwd?: string; env?: NodeJS.ProcessEnv; stdoutToFile?: boolean };

/** Runs a command N times; wall time and peak RSS from GNU time when it is there. */
function measure(cmd: string[], opts: MeasureOptions = {}): Measure {
  return measureInterleaved([[cmd, opts]], opts.runs)[0];
}

/**
 * Runs several commands N times in turns (a, b, c, a, b, c, ...): on a machine whose speed drifts
 * (a shared virtual machine), a slow stretch then falls on every command of the turn instead of on
 * the N runs of one, and ratios between them hold. Each gets the median of its runs.
 */
function measureInterleaved(cmds: Array<[string[], MeasureOptions]>, n = RUNS): Measure[] {
  const runs: Measure[][] = cmds.map(() => []);
  for (let i = 0; i < n; i++) {
    cmds.forEach(([cmd, opts], c) => {
      const last = runs[c][runs[c].length - 1];
      if (i < (opts.runs ?? n) && !last?.timedOut) runs[c].push(runOnce(cmd, opts));
    });
  }
  return runs.map((list) => {
    const sorted = [...list].sort((a, b) => a.wall - b.wall);
    const med = sorted[Math.floor(sorted.length / 2)];
    return { ...med, min: sorted[0].wall, max: sorted[sorted.length - 1].wall };
  });
}

function runOnce(cmd: string[], opts: MeasureOptions): Measure {
  // `stdoutToFile`: the command writes its output into a file, as `cmd > out.json` would (what
  // hyperfine's --output=file does), instead of into a pipe this process reads whole into memory:
  // receiving 7.7 MB that way costs the harness ~0.1 s of the command's wall time on a 2-core VM
  const outFile = opts.stdoutToFile ? join(mkdtempSync(join(tmpdir(), 'bench-out-')), 'stdout') : undefined;
  const outFd = outFile ? openSync(outFile, 'w') : undefined;
  // The cap is enforced by coreutils `timeout` around the command itself: a spawnSync timeout
  // would kill only /usr/bin/time and leave the peer running (and loading the machine) after it.
  const limitS = opts.timeoutS ?? 600;
  const capped = hasTimeout ? ['timeout', '-k', '2', String(limitS), ...cmd] : cmd;
  const full = hasTime ? ['/usr/bin/time', '-f', '__RSS__ %M %R', ...capped] : capped;
  const t0 = performance.now();
  const r = spawnSync(full[0], full.slice(1), { cwd: opts.cwd ?? root, encoding: 'utf8', timeout: (limitS + 10) * 1000, maxBuffer: 1 << 30, env: opts.env ?? process.env, ...(outFd !== undefined ? { stdio: ['ignore', outFd, 'pipe'] } : {}) });
  const wall = (performance.now() - t0) / 1000;
  if (outFd !== undefined) {
    closeSync(outFd);
    r.stdout = readFileSync(outFile!, 'utf8');
    rmSync(dirname(outFile!), { recursive: true, force: true });
  }
  const [, rss, faults] = /__RSS__ (\d+) (\d+)/.exec(r.stderr ?? '') ?? [];
  return { wall, min: wall, max: wall, rssMiB: rss ? Number(rss) / 1024 : undefined, faults: faults ? Number(faults) : undefined, status: r.status, timedOut: r.signal === 'SIGTERM' || (hasTimeout && (r.status === 124 || r.status === 137)), stdout: r.stdout ?? '', stderr: (r.stderr ?? '').replace(/__RSS__ \d+ \d+\n?/, '').replace(/^Command (exited with non-zero status|terminated by signal) .*\n?/gm, '') };
}

const fmt = (m: Measure) => (m.timedOut ? `>${m.wall.toFixed(0)} s (killed)` : `${m.wall.toFixed(3)} s [${m.min.toFixed(3)}–${m.max.toFixed(3)}]`);
const mem = (m: Measure) => (m.rssMiB ? `${m.rssMiB.toFixed(0)} MiB` : 'n/a');
const faults = (m: Measure) => (m.faults !== undefined ? m.faults.toLocaleString('en-US') : 'n/a');
function table(head: string[], rows: string[][]) {
  console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log();
}

// ---------------------------------------------------------------- build
function turboSummary(out: string) {
  const cached = /Cached:\s+(\d+) cached, (\d+) total/.exec(out);
  const ran = [...out.matchAll(/^(\S+):(\S+): cache miss, executing/gm)].map((m) => `${m[1]}#${m[2]}`);
  return { cached: cached ? `${cached[1]}/${cached[2]} cached` : '?', ran: ran.length ? ran.join(', ') : 'none' };
}
function benchBuild() {
  console.log('## Build (turbo)\n');
  const turbo = [join(root, 'node_modules/.bin/turbo'), 'run', 'build', 'changelog', '--output-logs=hash-only'];
  const noop = measure([process.execPath, '-e', '0'], { runs: 5 });
  const cold = measure([...turbo, '--force'], { runs: 1 });
  const warm = measure(turbo, { runs: RUNS });
  const notes = join(root, 'specs/v3.2/notes.yaml');
  const original = readFileSync(notes, 'utf8');
  let incr: Measure;
  try {
    writeFileSync(notes, original + `\n# bench touch ${Date.now()}\n`);
    incr = measure(turbo, { runs: 1 });
  } finally {
    writeFileSync(notes, original);
  }
  measure(turbo, { runs: 1 }); // back to the committed state's cache entry
  const rows = [
    ['`node -e 0` (process floor)', fmt(noop), mem(noop), '', ''],
    ['cold (`--force`, no cache)', fmt(cold), mem(cold), turboSummary(cold.stdout).cached, `${(cold.wall / noop.wall).toFixed(0)}× floor`],
    ['warm (no change)', fmt(warm), mem(warm), turboSummary(warm.stdout).cached, `ran: ${turboSummary(warm.stdout).ran}`],
    ['incremental (specs/v3.2 touched)', fmt(incr), mem(incr), turboSummary(incr.stdout).cached, `ran: ${turboSummary(incr.stdout).ran}`],
  ];
  table(['build', 'wall', 'peak RSS', 'turbo cache', 'note'], rows);
  console.log(`Target: warm build under 2 s — ${warm.wall < 2 ? 'met' : 'NOT met'} (${warm.wall.toFixed(2)} s).\n`);
}

// ---------------------------------------------------------------- diff
const PAIRS: Array<{ name: string; kind: 'openapi' | 'asyncapi'; a: string; b: string }> = [
  { name: 'Stripe 2022-10-13 → 2023-09-12', kind: 'openapi', a: 'openapi/stripe-2022-10-13.json', b: 'openapi/stripe-2023-09-12.json' },
  { name: 'GitHub 2021-08-05 → 2022-05-23', kind: 'openapi', a: 'openapi/github-2021-08-05.json', b: 'openapi/github-2022-05-23.json' },
  { name: 'Canton HTTP 2025-08 → 2026-04', kind: 'openapi', a: 'openapi/canton-ledger-2025-08-20.json', b: 'openapi/canton-ledger-2026-04-28.json' },
  { name: 'Splice wallet', kind: 'openapi', a: 'openapi/splice-wallet-internal-2025-09-09.json', b: 'openapi/splice-wallet-internal-2026-04-28.json' },
  { name: 'Splice validator', kind: 'openapi', a: 'openapi/splice-validator-internal-2025-09-09.json', b: 'openapi/splice-validator-internal-2026-04-28.json' },
  { name: 'Canton WS 3.3.0 → 3.5.1', kind: 'asyncapi', a: 'asyncapi/canton-ledger-ws-3.3.0-2025-08-20.json', b: 'asyncapi/canton-ledger-ws-3.5.1-2026-04-28.json' },
];

function peersDir(): string | undefined {
  const dir = join(root, 'bench/.peers');
  if (existsSync(join(dir, 'node_modules/openapi-diff')) && existsSync(join(dir, 'node_modules/@asyncapi/diff'))) return dir;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bench-peers', private: true, type: 'module' }));
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', 'openapi-diff@0.24.1', '@asyncapi/diff@0.5.0', '@asyncapi/parser@3.6.6'], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) {
    console.log(`(peers could not be installed: ${r.stderr.split('\n').slice(-3).join(' ')})`);
    return undefined;
  }
  writeFileSync(
    join(dir, 'asyncdiff.mjs'),
    `import { readFileSync } from 'node:fs';\nimport { Parser } from '@asyncapi/parser';\nimport { diff } from '@asyncapi/diff';\nconst p = new Parser();\nconst load = async (f) => (await p.parse(readFileSync(f, 'utf8'))).document.json();\nconst out = diff(await load(process.argv[2]), await load(process.argv[3]), {});\nconsole.log(out.breaking().length, 'breaking');\n`,
  );
  return dir;
}

function benchDiff() {
  console.log('## Diff at scale\n');
  if (!existsSync(shared)) {
    console.log('Skipped: ../shared/bench is not here (the large real pairs are not committed).\n');
    return;
  }
  const apiDiff = join(root, 'node_modules/.bin/api-diff');
  const floorScript = join(mkdtempSync(join(tmpdir(), 'floor-')), 'floor.mjs');
  writeFileSync(floorScript, "import { readFileSync } from 'node:fs';\nconst [a, b] = process.argv.slice(2);\nJSON.parse(readFileSync(a, 'utf8'));\nJSON.parse(readFileSync(b, 'utf8'));\n");
  // A second reference: the least any diff does (both trees walked together, every differing JSON
  // pointer written out), knowing nothing of schemas, refs or clients. What api-diff spends above it
  // is the price of reading the documents as APIs.
  const blindScript = join(dirname(floorScript), 'blind-diff.mjs');
  writeFileSync(blindScript, [
    "import { readFileSync } from 'node:fs';",
    'const [a, b] = process.argv.slice(2);',
    "const A = JSON.parse(readFileSync(a, 'utf8')), B = JSON.parse(readFileSync(b, 'utf8'));",
    'const out = [];',
    "const esc = (k) => k.replace(/~/g, '~0').replace(/\\//g, '~1');",
    'function walk(x, y, p) {',
    '  if (x === y) return;',
    "  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null || Array.isArray(x) !== Array.isArray(y)) { out.push({ op: 'replace', path: p, from: x, to: y }); return; }",
    "  if (Array.isArray(x)) { for (let i = 0; i < Math.max(x.length, y.length); i++) { if (i >= x.length) out.push({ op: 'add', path: `${p}/${i}`, value: y[i] }); else if (i >= y.length) out.push({ op: 'remove', path: `${p}/${i}` }); else walk(x[i], y[i], `${p}/${i}`); } return; }",
    "  for (const k in x) if (!(k in y)) out.push({ op: 'remove', path: `${p}/${esc(k)}` }); else walk(x[k], y[k], `${p}/${esc(k)}`);",
    "  for (const k in y) if (!(k in x)) out.push({ op: 'add', path: `${p}/${esc(k)}`, value: y[k] });",
    '}',
    "walk(A, B, '');",
    'process.stdout.write(JSON.stringify(out, null, 2));',
    '',
  ].join('\n'));
  // What memory touched for the first time costs on this machine: on some virtual machines a minor
  // page fault costs ~10 µs, and then the page faults column explains much of the wall time.
  const touch = measure([process.execPath, '-e', "const t = performance.now(); Buffer.alloc(64 << 20).fill(1); console.log(performance.now() - t)"], { runs: 3 });
  const touchMs = Number(touch.stdout.trim());
  if (touchMs > 0) console.log(`First touch of 64 MiB on this machine: ${touchMs.toFixed(0)} ms (${((touchMs * 1000) / 16384).toFixed(1)} µs per 4 KiB page).\n`);
  const peers = withPeers ? peersDir() : undefined;
  const rows: string[][] = [];
  for (const p of PAIRS) {
    const a = join(shared, p.a);
    const b = join(shared, p.b);
    // the same floor under the malloc setting api-diff's launcher makes for itself (bin/api-diff.js):
    // what api-diff gains from it, the floor would gain too, and both ratios are shown
    const tunables = { ...process.env, GLIBC_TUNABLES: [process.env.GLIBC_TUNABLES, 'glibc.malloc.hugetlb=1'].filter(Boolean).join(':') };
    // in turns, so that the ratios compare runs made at the same moments
    const [floor, floorTuned, blind, changelog, breaking, piped] = measureInterleaved([
      [[process.execPath, floorScript, a, b], {}],
      [[process.execPath, floorScript, a, b], { env: tunables }],
      [[process.execPath, blindScript, a, b], { stdoutToFile: true }],
      [[apiDiff, 'changelog', a, b, '--format', 'json'], { stdoutToFile: true }],
      [[apiDiff, 'breaking', a, b, '--format', 'json'], { stdoutToFile: true }],
      // the measure of earlier passes, kept beside: the same command, its output read whole by this process through a pipe
      [[apiDiff, 'changelog', a, b, '--format', 'json'], {}],
    ]);
    let entries = '?';
    let paths = '?';
    try {
      const j = JSON.parse(changelog.stdout) as { entries?: unknown[]; stats?: { changedPaths?: number; entries?: number } } | unknown[];
      const list = Array.isArray(j) ? j : (j.entries ?? []);
      entries = String(list.length);
      if (!Array.isArray(j) && j.stats?.changedPaths !== undefined) paths = String(j.stats.changedPaths);
    } catch {
      entries = `unreadable (exit ${changelog.status})`;
    }
    rows.push([p.name, 'floor: read + JSON.parse', fmt(floor), mem(floor), faults(floor), '1.0×', '']);
    rows.push(['', 'the floor with `GLIBC_TUNABLES=glibc.malloc.hugetlb=1`, as api-diff runs', fmt(floorTuned), mem(floorTuned), faults(floorTuned), `${(floorTuned.wall / floor.wall).toFixed(2)}×`, `\`api-diff changelog\` is ${(changelog.wall / floorTuned.wall).toFixed(2)}× this one`]);
    rows.push(['', 'schema-blind JSON diff (reference)', fmt(blind), mem(blind), faults(blind), `${(blind.wall / floor.wall).toFixed(1)}×`, `${(JSON.parse(blind.stdout || '[]') as unknown[]).length} differing pointers`]);
    rows.push(['', '`api-diff changelog`', fmt(changelog), mem(changelog), faults(changelog), `**${(changelog.wall / floor.wall).toFixed(2)}×**`, `exit ${changelog.status}; ${entries} entries, ${paths} changed paths`]);
    rows.push(['', '`api-diff breaking`', fmt(breaking), mem(breaking), faults(breaking), `${(breaking.wall / floor.wall).toFixed(1)}×`, `exit ${breaking.status}`]);
    rows.push(['', '`api-diff changelog`, output piped into the harness', fmt(piped), mem(piped), faults(piped), `${(piped.wall / floor.wall).toFixed(1)}×`, `${(piped.stdout.length / 1048576).toFixed(1)} MiB read through a pipe`]);
    if (peers) {
      const peer =
        p.kind === 'openapi'
          ? measure([join(peers, 'node_modules/.bin/openapi-diff'), a, b], { runs: 1, timeoutS: PEER_TIMEOUT_S })
          : measure([process.execPath, join(peers, 'asyncdiff.mjs'), a, b], { runs: 1, timeoutS: PEER_TIMEOUT_S });
      const what = p.kind === 'openapi' ? '`openapi-diff` 0.24.1' : '`@asyncapi/parser` + `@asyncapi/diff` 0.5.0';
      // openapi-diff exits 1 both for "breaking changes found" (a result) and for a crash (no result).
      const crash = peer.stderr.split('\n').find((l) => /error/i.test(l))?.trim().slice(0, 110);
      const outcome = peer.timedOut
        ? 'no result (killed at the cap)'
        : /Breaking changes found|No breaking changes/.test(peer.stdout) || peer.status === 0
          ? `exit ${peer.status}: a result`
          : `exit ${peer.status}, no result: ${crash ?? peer.stderr.trim().split('\n')[0]?.slice(0, 110) ?? ''}`;
      const versus = outcome.includes('no result') && !peer.timedOut ? 'no speed comparison' : `api-diff is ${peer.timedOut ? '≥' : ''}${(peer.wall / changelog.wall).toFixed(1)}× faster`;
      rows.push(['', what, fmt(peer), mem(peer), faults(peer), `${(peer.wall / floor.wall).toFixed(1)}×`, `${outcome}; ${versus}`]);
    }
  }
  table(['pair', 'tool', 'wall (median [min–max])', 'peak RSS', 'page faults', 'vs floor', 'result'], rows);
  if (!peers) console.log('Peers not timed (run with --peers; openapi-diff runs are capped at --peer-timeout seconds).\n');
}

// ---------------------------------------------------------------- validators & types
function benchPackageScript(pkg: string, script: string, title: string) {
  console.log(`## ${title}\n`);
  const dir = join(root, 'packages', pkg);
  if (!existsSync(join(dir, 'package.json')) || !(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).scripts ?? {})[script]) {
    console.log(`Skipped: packages/${pkg} has no \`${script}\` script.\n`);
    return;
  }
  const r = spawnSync('npm', ['run', '--silent', script], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  console.log(r.stdout);
}

function benchTypes() {
  console.log('## Generated types: `tsc --noEmit`\n');
  const client = join(root, 'bench/types-all-versions.ts');
  if (!existsSync(join(root, 'packages/types/package.json'))) {
    console.log('Skipped: packages/types is not built.\n');
    return;
  }
  const tsc = join(root, 'node_modules/.bin/tsc');
  const base = ['--noEmit', '--strict', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--target', 'ES2022', '--skipLibCheck'];
  const empty = join(mkdtempSync(join(tmpdir(), 'tsc-')), 'empty.ts');
  writeFileSync(empty, 'export {};\n');
  const floor = measure([tsc, ...base, empty]);
  const all = measure([tsc, ...base, client]);
  table(
    ['file', 'wall', 'peak RSS', 'vs empty file'],
    [
      ['empty file (tsc floor)', fmt(floor), mem(floor), '1.0×'],
      ['client using every version’s Web + RTM types', fmt(all), mem(all), `${(all.wall / floor.wall).toFixed(1)}× (exit ${all.status})`],
    ],
  );
}

// ---------------------------------------------------------------- mock under load
function benchMock() {
  // its own script: a load generator and the mock CLI (from dist/) in a second process
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench/mock-load.ts')], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 300_000 });
  console.log(r.stdout || `mock load: exit ${r.status}\n`);
}

// ---------------------------------------------------------------- mock fuzz (issue #17; only on request: --only fuzz-mock)
function benchFuzzMock() {
  // 10,000 hostile RTM frames + 2,000 hostile Web bodies through the mock CLI; exit 1 on a crash, hang or malformed answer
  const r = spawnSync(process.execPath, [join(root, 'bench/fuzz-mock.mjs')], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 900_000 });
  console.log(r.stdout || `mock fuzz: exit ${r.status}\n`);
}

console.log(`# Benchmarks — node ${process.version}, ${RUNS} run(s) per figure, medians [min–max]${hasTime ? '' : ' (no /usr/bin/time: no memory figures)'}\n`);
if (only.has('build')) benchBuild();
if (only.has('diff')) benchDiff();
if (only.has('validators')) benchPackageScript('validators', 'bench', 'Validators');
if (only.has('types')) benchTypes();
if (only.has('mock')) benchMock();
if (only.has('fuzz-mock')) benchFuzzMock();
if (only.has('site')) benchPackageScript('docs-site', 'bench', 'Reference site pages');
rmSync(join(root, '.turbo/bench'), { recursive: true, force: true });
