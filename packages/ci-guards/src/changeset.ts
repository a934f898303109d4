import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { changedFiles, resolveBase } from './git.js';

export interface ChangesetReport {
  base: string;
  /** Changed files that call for a changeset: specs, and sources of publishable packages. */
  needing: string[];
  changesets: string[];
  ok: boolean;
}

function isPublished(repo: string, pkgDir: string, cache: Map<string, boolean>): boolean {
  if (!cache.has(pkgDir)) {
    const file = join(repo, pkgDir, 'package.json');
    let published = false;
    if (existsSync(file)) published = (JSON.parse(readFileSync(file, 'utf8')) as { private?: boolean }).private !== true;
    cache.set(pkgDir, published);
  }
  return cache.get(pkgDir)!;
}

/** A change under `specs/` or in a published package needs a new `.changeset/*.md` in the same change. */
export function checkChangesets(options: { repo: string; base?: string }): ChangesetReport {
  const repo = resolve(options.repo);
  const base = resolveBase(repo, options.base);
  const files = changedFiles(repo, base);
  const cache = new Map<string, boolean>();
  const changesets = files.filter((f) => /^\.changeset\/[^/]+\.md$/.test(f) && !f.endsWith('README.md') && existsSync(join(repo, f)));
  const needing = files.filter((f) => {
    if (f.startsWith('specs/')) return true;
    const m = /^packages\/([^/]+)\/(.+)$/.exec(f);
    if (!m || /^(test|bench)\//.test(m[2]) || m[2] === 'README.md' || m[2] === 'CHANGELOG.md') return false;
    return isPublished(repo, `packages/${m[1]}`, cache);
  });
  return { base, needing, changesets, ok: needing.length === 0 || changesets.length > 0 };
}

export function renderChangesetReport(r: ChangesetReport): string {
  if (!r.needing.length) return 'Changesets: no change under specs/ or in a published package.';
  if (r.ok) return `Changesets: ${r.needing.length} changed file(s) covered by ${r.changesets.join(', ')}.`;
  return [
    `Changesets: ${r.needing.length} changed file(s) need a changeset and none was added:`,
    ...r.needing.slice(0, 20).map((f) => `  ${f}`),
    ...(r.needing.length > 20 ? [`  … and ${r.needing.length - 20} more`] : []),
    'Run `npx changeset`, pick the packages and the bump, describe the change, and commit the new .changeset/*.md file.',
  ].join('\n');
}
