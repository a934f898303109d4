import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { generate } from '@ccapi/codegen';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const bin = (name: string) => join(repo, 'node_modules/.bin', name);
const VERSION = '3.3';

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

/** A copy of a spec folder with the keys of every YAML mapping in reverse order (same meaning, other bytes). */
function reversedCopy(src: string): string {
  // Same folder name as the source: the folder name is the version label in changelogs.
  const dst = join(mkdtempSync(join(tmpdir(), 'reversed-')), basename(src));
  cpSync(src, dst, { recursive: true });
  let changed = 0;
  const reverse = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(reverse);
    if (!v || typeof v !== 'object') return v;
    const keys = Object.keys(v);
    if (keys.length > 1) changed++;
    return Object.fromEntries(keys.reverse().map((k) => [k, reverse((v as Record<string, unknown>)[k])]));
  };
  for (const f of files(dst).filter((f) => f.endsWith('.yaml'))) {
    const value = parse(readFileSync(join(dst, f), 'utf8'));
    writeFileSync(join(dst, f), stringify(reverse(value), { aliasDuplicateObjects: false }));
  }
  assert.ok(changed > 100, `reordered ${changed} mappings`);
  return dst;
}

function bundle(specDir: string): string {
  const out = mkdtempSync(join(tmpdir(), 'bundle-'));
  const r = spawnSync(bin('spec-bundle'), [specDir, '--out', out, '--quiet'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return out;
}

test('two bundles of the same spec are byte-identical, and equal the committed ones', () => {
  const a = bundle(join(repo, 'specs', `v${VERSION}`));
  const b = bundle(join(repo, 'specs', `v${VERSION}`));
  for (const f of ['web.openapi.json', 'rtm.asyncapi.json']) {
    const bytes = readFileSync(join(a, f), 'utf8');
    assert.equal(readFileSync(join(b, f), 'utf8'), bytes, f);
    assert.equal(readFileSync(join(repo, 'generated', `v${VERSION}`, f), 'utf8'), bytes, `generated/v${VERSION}/${f} is what the build writes`);
  }
});

test('key order in the spec files changes neither the bundles nor the generated code', async () => {
  const reversed = reversedCopy(join(repo, 'specs', `v${VERSION}`));
  const original = bundle(join(repo, 'specs', `v${VERSION}`));
  const shuffled = bundle(reversed);
  for (const f of ['web.openapi.json', 'rtm.asyncapi.json']) assert.equal(readFileSync(join(shuffled, f), 'utf8'), readFileSync(join(original, f), 'utf8'), f);

  // Code generation from the bundles of the reordered spec, in a scratch root.
  const root = mkdtempSync(join(tmpdir(), 'root-'));
  mkdirSync(join(root, 'generated'), { recursive: true });
  cpSync(shuffled, join(root, 'generated', `v${VERSION}`), { recursive: true });
  writeFileSync(join(root, 'package.json'), '{"private": true, "workspaces": ["packages/*"]}');
  const fromShuffled = await generate(root, VERSION);
  const fromRepo = await generate(repo, VERSION);
  const byPath = (outs: Array<{ path: string; content: string }>, base: string) => new Map(outs.map((o) => [relative(base, o.path), o.content]));
  const s = byPath(fromShuffled, root);
  const r = byPath(fromRepo, repo);
  assert.deepEqual([...s.keys()].sort(), [...r.keys()].sort());
  for (const [path, content] of r) assert.equal(s.get(path), content, path);
});

test('key order in the spec files does not change the changelog', () => {
  const reversed = reversedCopy(join(repo, 'specs', `v${VERSION}`));
  const prev = join(repo, 'specs', 'v3.2');
  const run = (rev: string) => spawnSync(bin('api-diff'), ['changelog', prev, rev, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const a = run(join(repo, 'specs', `v${VERSION}`));
  const b = run(reversed);
  assert.equal(a.status, 0, a.stderr);
  assert.equal(b.stdout.replaceAll(reversed, '<rev>'), a.stdout.replaceAll(join(repo, 'specs', `v${VERSION}`), '<rev>'));
});
