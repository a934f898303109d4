// .ci/guard-base: the commit the CI guards compare with. In scratch repositories: a branch (merge-base
// with main), a clean clone of main (origin/main is HEAD: the previous commit, not HEAD itself), a repository
// without remote, a shallow clone (fails with the fix), API_GUARD_BASE.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const script = fileURLToPath(new URL('../../../.ci/guard-base', import.meta.url));
const ENV: NodeJS.ProcessEnv = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t', GIT_CONFIG_NOSYSTEM: '1' };
delete ENV.API_GUARD_BASE;

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: ENV }).trim();
const base = (cwd: string, env: Record<string, string> = {}) => spawnSync('bash', [script], { cwd, encoding: 'utf8', env: { ...ENV, ...env } });

/** A repository on main with three commits; returns it and the commits, oldest first. */
function repo(): { dir: string; commits: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'guard-base-'));
  git(dir, 'init', '-q', '-b', 'main');
  const commits = ['one', 'two', 'three'].map((n) => {
    writeFileSync(join(dir, n), n);
    git(dir, 'add', n);
    git(dir, 'commit', '-qm', n);
    return git(dir, 'rev-parse', 'HEAD');
  });
  return { dir, commits };
}

test('a branch compares with its merge-base with main', () => {
  const { dir, commits } = repo();
  git(dir, 'checkout', '-qb', 'feature', commits[1]!);
  writeFileSync(join(dir, 'four'), '4');
  git(dir, 'add', 'four');
  git(dir, 'commit', '-qm', 'four');
  const r = base(dir);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), commits[1]);
});

test('a clean clone of main (origin/main is HEAD) compares with the previous commit, not with HEAD', () => {
  const { dir, commits } = repo();
  const clone = mkdtempSync(join(tmpdir(), 'guard-clone-'));
  git(clone, 'clone', '-q', pathToFileURL(dir).href, '.');
  const r = base(clone);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), commits[1]);
  // and a repository with no remote and no main branch: the previous commit too
  git(dir, 'branch', '-qm', 'main', 'trunk');
  assert.equal(base(dir).stdout.trim(), commits[1]);
});

test('a shallow clone fails and says how to fetch the history', () => {
  const { dir } = repo();
  const clone = mkdtempSync(join(tmpdir(), 'guard-shallow-'));
  git(clone, 'clone', '-q', '--depth', '1', pathToFileURL(dir).href, '.');
  const r = base(clone);
  assert.equal(r.status, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^ci: no base for the guards: HEAD has no parent here \(a shallow clone\?\): fetch the history \(git fetch --unshallow; actions\/checkout: fetch-depth: 0\)/);
});

test('API_GUARD_BASE wins, and must be a commit', () => {
  const { dir, commits } = repo();
  assert.equal(base(dir, { API_GUARD_BASE: 'HEAD~2' }).stdout.trim(), commits[0]);
  const r = base(dir, { API_GUARD_BASE: 'nope' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /API_GUARD_BASE=nope is not a commit/);
});
