/**
 * The frozen guard fails closed: hiding a released version (status back to preview, folder deleted,
 * entry removed from versions.yaml) is itself a breaking change, and a repository where no base can
 * be found is an error, never "no breaking change". Runs the built CLI (dist/), not tsx.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoWithSpecs, sh, VERSIONS, write } from './git-fixture.ts';

const cli = join(dirname(fileURLToPath(import.meta.url)), '../dist/cli.js');

const SPEC = `openapi: 3.1.0
info: { title: Pets, version: '1.0' }
paths:
  /pets:
    get:
      operationId: list_pets
      responses: { '200': { description: ok } }
  /pets/{id}:
    delete:
      operationId: delete_pet
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { '204': { description: Deleted. } }
`;
const repo = (branch = 'main') => repoWithSpecs(SPEC, branch);
const breakV1 = (r: string) => write(r, 'specs/v1/web.openapi.yaml', SPEC.slice(0, SPEC.indexOf('  /pets/{id}:')));
function guard(r: string, ...args: string[]) {
  const env = { ...process.env };
  delete env.API_GUARD_BASE;
  return spawnSync(process.execPath, [cli, ...args, '--repo', r], { encoding: 'utf8', env, timeout: 60_000 });
}

for (const [name, hide, rule] of [
  ['its status is switched to preview', (r: string) => write(r, 'specs/versions.yaml', VERSIONS.replace('v1, status: stable', 'v1, status: preview')), 'version-unreleased'],
  ['its folder is deleted', (r: string) => rmSync(join(r, 'specs/v1'), { recursive: true }), 'version-folder-removed'],
  ['its versions.yaml entry is removed', (r: string) => write(r, 'specs/versions.yaml', VERSIONS.replace('  - { id: v1, status: stable }\n', '')), 'version-entry-removed'],
] as const) {
  test(`frozen: a breaking change to a released version still fails when ${name}`, () => {
    const r = repo();
    breakV1(r);
    hide(r);
    const g = guard(r, 'frozen', '--format', 'json');
    assert.equal(g.status, 1, g.stdout + g.stderr);
    const report = JSON.parse(g.stdout) as { ok: boolean; changes: Array<{ rule: string; blocking: boolean }> };
    assert.equal(report.ok, false);
    assert.ok(report.changes.some((c) => c.rule === rule && c.blocking), g.stdout);
    // a reviewed waiver for that rule lets it through (the other breaking change still blocks unless waived too)
    write(r, 'specs/breaking-waivers.yaml', `waivers:\n  - { version: v1, rule: ${rule}, reason: v1 is withdrawn on purpose }\n`);
    const w = JSON.parse(guard(r, 'frozen', '--format', 'json').stdout) as { changes: Array<{ rule: string; blocking: boolean }> };
    assert.ok(w.changes.some((c) => c.rule === rule && !c.blocking));
    rmSync(r, { recursive: true, force: true });
  });
}

test('frozen: no base found is an error (exit 2), never a silent pass', () => {
  // only `master`, no main: nothing to take a merge-base with
  const master = repo('master');
  breakV1(master);
  let g = guard(master, 'frozen');
  assert.equal(g.status, 2, g.stdout + g.stderr);
  assert.match(g.stderr, /error \[guard-input\] .*no base to compare with/);
  assert.match(g.stderr, /hint: Pass the base explicitly: --base/);
  assert.doesNotMatch(g.stdout, /No breaking change/);
  // an explicit --base fixes it
  g = guard(master, 'frozen', '--base', 'master');
  assert.equal(g.status, 1, g.stdout + g.stderr);

  // unrelated history: a `main` that shares no commit with HEAD
  const lonely = repo();
  sh(lonely, 'checkout', '-q', '--orphan', 'other');
  sh(lonely, 'commit', '-qm', 'unrelated');
  g = guard(lonely, 'frozen');
  assert.equal(g.status, 2, g.stdout + g.stderr);
  g = guard(lonely, 'frozen', '--base', 'main');
  assert.equal(g.status, 2, g.stdout + g.stderr);
  assert.match(g.stderr, /share no history/);

  // a shallow clone of the feature branch only: main's history is not there
  const source = repo();
  breakV1(source);
  sh(source, 'commit', '-qam', 'break v1');
  const shallow = mkdtempSync(join(tmpdir(), 'guard-shallow-'));
  sh(tmpdir(), 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${source}`, shallow);
  g = guard(shallow, 'frozen');
  assert.equal(g.status, 2, g.stdout + g.stderr);
  g = guard(shallow, 'frozen', '--base', 'origin/main');
  assert.equal(g.status, 2, g.stdout + g.stderr);
  for (const r of [master, lonely, source, shallow]) rmSync(r, { recursive: true, force: true });
});

test('versions.yaml and waivers: bad content is bad input (exit 2 with a hint), never an internal error', () => {
  const r = repo();
  for (const text of ['versions: [null]\n', 'versions:\n  - { id: ../../etc, status: stable }\n', 'versions: {a: [\n', '[]\n', 'versions:\n  - { id: v1, status: stable }\n  - { id: v1, status: stable }\n']) {
    write(r, 'specs/versions.yaml', text);
    const g = guard(r, 'frozen');
    assert.equal(g.status, 2, `${text}: ${g.stdout}${g.stderr}`);
    assert.match(g.stderr, /error \[guard-input\].*\n    hint: /, text);
    assert.doesNotMatch(g.stderr, /internal|\n\s+at /, text);
  }
  write(r, 'specs/versions.yaml', VERSIONS);
  for (const reason of ['"   "', '"\\u200b"', '"\\u200b \\u00a0\\t"', '"..."']) {
    write(r, 'specs/breaking-waivers.yaml', `waivers:\n  - { version: v1, rule: x, reason: ${reason} }\n`);
    const g = guard(r, 'frozen');
    assert.equal(g.status, 2, `${reason}: ${g.stdout}${g.stderr}`);
    assert.match(g.stderr, /lacks reason/);
  }
  rmSync(r, { recursive: true, force: true });
});

test('api-guard --help, -h and help exit 0; an unsupported --format is refused', () => {
  for (const a of [['--help'], ['-h'], ['help'], ['frozen', '--help']]) {
    const g = spawnSync(process.execPath, [cli, ...a], { encoding: 'utf8' });
    assert.equal(g.status, 0, a.join(' '));
    assert.match(g.stdout, /usage: api-guard/);
  }
  const r = repo();
  const f = guard(r, 'changeset', '--format', 'json');
  assert.equal(f.status, 2);
  assert.match(f.stderr, /--format json is not supported by changeset/);
  const j = guard(r, 'frozen', '--format', 'json');
  assert.equal(j.status, 0, j.stderr);
  assert.equal(JSON.parse(j.stdout).ok, true);
  rmSync(r, { recursive: true, force: true });
});
