// A second unchanged `npm run build` must be a full turbo cache hit (README promise). Turbo writes its own
// log into each package (specs/v3.x/.turbo/turbo-build.log); a task whose inputs take in that log reruns
// on every build. Checked with turbo's dry run (hashes only, nothing runs): a file dropped into every
// `.turbo/` folder changes no task's hash, and no task lists a `.turbo/` file among its inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

interface DryTask { taskId: string; hash: string; inputs: Record<string, string> }

function dryRun(): DryTask[] {
  const r = spawnSync(join(repo, 'node_modules/.bin/turbo'), ['run', 'build', 'changelog', '--dry=json'], {
    cwd: repo,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1' },
  });
  assert.equal(r.status, 0, r.stderr);
  return (JSON.parse(r.stdout) as { tasks: DryTask[] }).tasks;
}

test('turbo logs are no task input: a file in every .turbo/ folder changes no build hash', () => {
  const folders = ['specs', 'packages'].flatMap((top) => readdirSync(join(repo, top), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(repo, top, d.name, '.turbo')));
  folders.push(join(repo, '.turbo'));
  const probes = folders.map((f) => ({ dir: f, existed: existsSync(f), file: join(f, `cache-probe-${process.pid}.log`) }));
  const before = dryRun();
  for (const t of before) assert.deepEqual(Object.keys(t.inputs).filter((k) => /(^|\/)\.turbo\//.test(k)), [], `${t.taskId} reads turbo's own files`);
  try {
    for (const p of probes) {
      mkdirSync(p.dir, { recursive: true });
      writeFileSync(p.file, 'a log line\n');
    }
    const after = new Map(dryRun().map((t) => [t.taskId, t.hash]));
    const changed = before.filter((t) => after.get(t.taskId) !== t.hash).map((t) => t.taskId);
    assert.deepEqual(changed, [], 'tasks that would rerun because a log file appeared');
    assert.ok(before.some((t) => t.taskId === '//#changelog'), 'the changelog task is in the build');
  } finally {
    for (const p of probes) rmSync(p.existed ? p.file : p.dir, { recursive: true, force: true });
  }
});
