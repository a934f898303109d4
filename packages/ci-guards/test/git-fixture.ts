import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** git in `cwd`, its stdout; throws on a non-zero exit. */
export function sh(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function write(repo: string, file: string, text: string): void {
  mkdirSync(dirname(join(repo, file)), { recursive: true });
  writeFileSync(join(repo, file), text);
}

export const VERSIONS = 'versions:\n  - { id: v1, status: stable }\n  - { id: v2, status: preview }\n';

/** A repository whose `branch` has one stable version (v1) and one preview (v2) of `spec`, with a feature branch checked out. */
export function repoWithSpecs(spec: string, branch = 'main'): string {
  const repo = mkdtempSync(join(tmpdir(), 'guard-repo-'));
  sh(repo, 'init', '-q', '-b', branch);
  sh(repo, 'config', 'user.email', 'ci@test');
  sh(repo, 'config', 'user.name', 'CI');
  write(repo, 'specs/versions.yaml', VERSIONS);
  write(repo, 'specs/v1/web.openapi.yaml', spec);
  write(repo, 'specs/v2/web.openapi.yaml', spec);
  sh(repo, 'add', '-A');
  sh(repo, 'commit', '-qm', 'specs');
  sh(repo, 'checkout', '-qb', 'feature');
  return repo;
}
