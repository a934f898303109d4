/**
 * Times `api-diff changelog` on the large real-world pairs of ../shared/bench (see its BASELINES.md)
 * next to the floor measured in the same run: a process that only reads both files and JSON.parses
 * them. Whole processes, Node start-up included, median of N runs; prints the ratio to the floor
 * (target: <= 3x). Skips with a message when the bench data is absent (a fresh clone has none).
 *
 * It times `bin/api-diff.js`, the command npm installs (the bundle with V8's compile cache), not
 * dist/cli.js, which loads ~150 modules and is there for the tests.
 *
 *   npm run bench -w @ccapi/diff            (needs `npm run build` first)
 *   BENCH_RUNS=5 npm run bench -w @ccapi/diff
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const pkg = resolve(import.meta.dirname, '..');
const shared = process.env.BENCH_DIR ?? resolve(pkg, '..', '..', '..', 'shared', 'bench');
const cli = join(pkg, 'bin', 'api-diff.js');
const bundle = join(pkg, 'dist', 'api-diff.cjs');
const runs = Number(process.env.BENCH_RUNS ?? 3);

const PAIRS: Array<[string, string, string]> = [
  ['Stripe 2022-10-13 -> 2023-09-12', 'openapi/stripe-2022-10-13.json', 'openapi/stripe-2023-09-12.json'],
  ['GitHub 2021-08-05 -> 2022-05-23', 'openapi/github-2021-08-05.json', 'openapi/github-2022-05-23.json'],
  ['Canton Ledger HTTP 3.3 -> 3.5.1', 'openapi/canton-ledger-2025-08-20.json', 'openapi/canton-ledger-2026-04-28.json'],
  ['Splice wallet-internal', 'openapi/splice-wallet-internal-2025-09-09.json', 'openapi/splice-wallet-internal-2026-04-28.json'],
  ['Splice validator-internal', 'openapi/splice-validator-internal-2025-09-09.json', 'openapi/splice-validator-internal-2026-04-28.json'],
  ['Canton WS 3.3.0 -> 3.5.1 (AsyncAPI 2.6)', 'asyncapi/canton-ledger-ws-3.3.0-2025-08-20.json', 'asyncapi/canton-ledger-ws-3.5.1-2026-04-28.json'],
  ['Canton WS 3.3.0 -> 3.4.7 (AsyncAPI 2.6)', 'asyncapi/canton-ledger-ws-3.3.0-2025-08-20.json', 'asyncapi/canton-ledger-ws-3.4.7-2025-12-19.json'],
];

const FLOOR = "const fs=require('fs');JSON.parse(fs.readFileSync(process.argv[1],'utf8'));JSON.parse(fs.readFileSync(process.argv[2],'utf8'));";

function time(args: string[]): { s: number; code: number | null; out: string } {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  return { s: Number(process.hrtime.bigint() - t) / 1e9, code: r.status, out: r.stdout };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function main(): number {
  if (!existsSync(shared)) {
    console.log(`bench skipped: ${shared} not found (the bench data lives outside the repository).`);
    return 0;
  }
  if (!existsSync(bundle)) {
    console.error(`bench: ${bundle} missing; run \`npm run build -w @ccapi/diff\` first.`);
    return 2;
  }
  console.log(`api-diff changelog vs floor (read + JSON.parse of both files), whole process, median of ${runs} runs\n`);
  console.log('| pair | floor s | api-diff s | ratio | entries | changed paths |');
  console.log('|---|---|---|---|---|---|');
  let worst = 0;
  for (const [name, a, b] of PAIRS) {
    const base = join(shared, a), rev = join(shared, b);
    if (!existsSync(base) || !existsSync(rev)) { console.log(`| ${name} | missing | | | | |`); continue; }
    const floor: number[] = [], diff: number[] = [];
    let entries = 0, paths = 0;
    for (let i = 0; i < runs; i++) {
      floor.push(time(['-e', FLOOR, base, rev]).s);
      const r = time([cli, 'changelog', base, rev, '--format', 'json']);
      if (r.code !== 0) { console.log(`| ${name} | | exit ${r.code} | | | |`); break; }
      const j = JSON.parse(r.out) as { entries: unknown[]; stats: { entries: number; changedPaths: number } };
      entries = j.stats.entries;
      paths = j.stats.changedPaths;
      diff.push(r.s);
    }
    if (!diff.length) continue;
    const ratio = median(diff) / median(floor);
    worst = Math.max(worst, ratio);
    console.log(`| ${name} | ${median(floor).toFixed(3)} | ${median(diff).toFixed(3)} | ${ratio.toFixed(2)}x | ${entries} | ${paths} |`);
  }
  console.log(`\nworst ratio ${worst.toFixed(2)}x (target <= 3x the parse floor)`);
  return 0;
}

process.exitCode = main();
