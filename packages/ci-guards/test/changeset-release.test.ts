import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

/** The workspace's manifests and changeset config, without sources: enough for `changeset version`. */
function manifestsCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'release-'));
  cpSync(join(repo, 'package.json'), join(dir, 'package.json'));
  cpSync(join(repo, '.changeset/config.json'), join(dir, '.changeset/config.json'));
  for (const ws of ['packages', 'specs']) {
    for (const name of readdirSync(join(repo, ws))) {
      const manifest = join(repo, ws, name, 'package.json');
      if (!existsSync(manifest)) continue;
      mkdirSync(join(dir, ws, name), { recursive: true });
      cpSync(manifest, join(dir, ws, name, 'package.json'));
    }
  }
  return dir;
}

test('changeset version bumps the generated packages together and writes their CHANGELOGs', () => {
  const dir = manifestsCopy();
  const version = (pkg: string) => (JSON.parse(readFileSync(join(dir, 'packages', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  const before = version('types');
  writeFileSync(join(dir, '.changeset/new-field.md'), '---\n"@ccapi/types": minor\n---\n\nThread gains `queue`.\n');
  const r = spawnSync(join(repo, 'node_modules/.bin/changeset'), ['version'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const after = version('types');
  assert.notEqual(after, before);
  // types, validators and client are a fixed group: one version for all three.
  assert.equal(version('validators'), after);
  assert.equal(version('client'), after);
  for (const pkg of ['types', 'validators', 'client']) assert.ok(existsSync(join(dir, 'packages', pkg, 'CHANGELOG.md')), `${pkg}/CHANGELOG.md`);
  assert.match(readFileSync(join(dir, 'packages/types/CHANGELOG.md'), 'utf8'), /Thread gains `queue`/);
  assert.ok(!existsSync(join(dir, '.changeset/new-field.md')), 'consumed');
});
