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
 * The commit to compare with: `$API_GUARD_BASE` if set, else the merge-base of HEAD with `main`
 * (or `origin/main`). On `main` itself that is HEAD, so nothing is reported.
 */
export function resolveBase(repo: string, explicit?: string): string {
  const wanted = explicit ?? process.env.API_GUARD_BASE;
  if (wanted) {
    const sha = tryGit(repo, ['rev-parse', '--verify', `${wanted}^{commit}`]);
    if (!sha) throw new GuardInputError(`base ${wanted} is not a commit of ${repo}`, 'Pass an existing commit, branch or tag with --base.');
    return sha;
  }
  for (const ref of ['main', 'origin/main']) {
    const mb = tryGit(repo, ['merge-base', 'HEAD', ref]);
    if (mb) return mb;
  }
  const head = tryGit(repo, ['rev-parse', 'HEAD']);
  if (!head) throw new GuardInputError(`${repo} has no commits`, 'Run the guard inside a git repository with at least one commit.');
  return head;
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
  constructor(message: string, readonly hint: string) {
    super(message);
  }
}
