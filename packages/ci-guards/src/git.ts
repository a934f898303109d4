import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function git(repo: string, args: string[]): string {
  return execFileSync('git', args, { cwd: repo, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
}

function tryGit(repo: string, args: string[]): string | undefined {
  try {
    return git(repo, args).trim();
  } catch {
    return undefined;
  }
}

/**
 * The commit to compare with: the merge-base of HEAD and `--base` (or `$API_GUARD_BASE`), else of
 * HEAD and `main` / `origin/main`. When none is found (a shallow clone, a repository with only
 * `master`, unrelated histories) that is an error: comparing with HEAD instead would pass anything.
 */
export function resolveBase(repo: string, explicit?: string): string {
  if (!tryGit(repo, ['rev-parse', '--verify', 'HEAD^{commit}'])) throw new GuardInputError(`${repo} has no commits`, 'Run the guard inside a git repository with at least one commit.');
  const wanted = explicit ?? process.env.API_GUARD_BASE;
  if (wanted) {
    const sha = tryGit(repo, ['rev-parse', '--verify', '--end-of-options', `${wanted}^{commit}`]);
    if (!sha) throw new GuardInputError(`base ${wanted} is not a commit of ${repo}`, 'Pass an existing commit, branch or tag with --base (in a shallow clone, fetch it first: git fetch --deepen or fetch-depth: 0).');
    const mb = tryGit(repo, ['merge-base', 'HEAD', sha]);
    if (!mb) throw new GuardInputError(`HEAD and ${wanted} share no history`, 'Fetch the full history (git fetch --unshallow, or fetch-depth: 0 in CI) or pass a base commit that is an ancestor of HEAD.');
    return mb;
  }
  for (const ref of ['main', 'origin/main']) {
    const mb = tryGit(repo, ['merge-base', 'HEAD', ref]);
    if (mb) return mb;
  }
  throw new GuardInputError(
    'no base to compare with: HEAD shares no history with main or origin/main (a shallow clone, another default branch, or unrelated history)',
    'Pass the base explicitly: --base origin/main (or the branch your changes target), with enough history fetched (fetch-depth: 0).',
  );
}

/** A file's content at `commit`, or undefined when it did not exist there. */
export function showFile(repo: string, commit: string, path: string): string | undefined {
  try {
    return execFileSync('git', ['show', `${commit}:${path}`], { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

/** Files changed between `base` and the working tree (committed or not), repository-relative. */
export function changedFiles(repo: string, base: string): string[] {
  const committed = git(repo, ['diff', '--name-only', base, '--']).split('\n');
  const untracked = git(repo, ['ls-files', '--others', '--exclude-standard']).split('\n');
  return [...new Set([...committed, ...untracked].filter(Boolean))].sort();
}

/** Writes the files under `path` as they were at `commit` into a new temporary folder; returns the folder holding `path`, or undefined if it did not exist. */
export function materialize(repo: string, commit: string, path: string): string | undefined {
  const files = git(repo, ['ls-tree', '-r', '--name-only', commit, '--', path]).split('\n').filter(Boolean);
  if (!files.length) return undefined;
  const root = mkdtempSync(join(tmpdir(), 'api-guard-'));
  for (const f of files) {
    const content = execFileSync('git', ['show', `${commit}:${f}`], { cwd: repo, maxBuffer: 256 * 1024 * 1024 });
    mkdirSync(dirname(join(root, f)), { recursive: true });
    writeFileSync(join(root, f), content);
  }
  return join(root, path);
}

/** Bad input to a guard (not a finding): the CLI exits 2 with this message and hint. */
export class GuardInputError extends Error {
  constructor(message: string, readonly hint: string, readonly file?: string) {
    super(message);
  }
}
