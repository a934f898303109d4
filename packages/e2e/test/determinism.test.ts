// Determinism, compared in-process: the functions the CLIs call (bundle + stableJson, generate, the
// api-diff run()) are called twice / on reordered input and their bytes compared. Spawning the CLIs for
// this cost two full bundles per test (about 9 s each on the 2-core machine) and showed nothing more:
// the CLIs themselves are covered by the hostile tests and by CI's generated-files freshness check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { generate } from '@ccapi/codegen';
import { run } from '@ccapi/diff';
import { loadVersionFolder, stableJson } from '@ccapi/load';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const VERSION = '3.3';
const FILES = ['web.openapi.json', 'rtm.asyncapi.json'] as const;

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

/** The bytes spec-bundle writes for a version folder (the same calls as its CLI: load, then stableJson). */
async function bundle(specDir: string): Promise<Record<(typeof FILES)[number], string>> {
  const folder = await loadVersionFolder(specDir);
  assert.deepEqual(folder.diagnostics.filter((d) => d.severity === 'error'), []);
  return { 'web.openapi.json': stableJson(folder.web!.document), 'rtm.asyncapi.json': stableJson(folder.rtm!.document) };
}

let originalBundle: ReturnType<typeof bundle> | undefined;
const original = () => (originalBundle ??= bundle(join(repo, 'specs', `v${VERSION}`)));

test('two bundles of the same spec are byte-identical, and equal the committed ones', async () => {
  const a = await original();
  const b = await bundle(join(repo, 'specs', `v${VERSION}`));
  for (const f of FILES) {
    assert.equal(b[f], a[f], f);
    assert.equal(readFileSync(join(repo, 'generated', `v${VERSION}`, f), 'utf8'), a[f], `generated/v${VERSION}/${f} is what the build writes`);
  }
});

test('key order in the spec files changes neither the bundles nor the generated code', async () => {
  const reversed = reversedCopy(join(repo, 'specs', `v${VERSION}`));
  const shuffled = await bundle(reversed);
  for (const f of FILES) assert.equal(shuffled[f], (await original())[f], f);

  // Code generation from the bundles of the reordered spec, in a scratch root.
  const root = mkdtempSync(join(tmpdir(), 'root-'));
  mkdirSync(join(root, 'generated', `v${VERSION}`), { recursive: true });
  for (const f of FILES) writeFileSync(join(root, 'generated', `v${VERSION}`, f), shuffled[f]);
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
  // api-diff's own entry point, in-process: the exact stdout of `api-diff changelog A B --format json`
  const changelog = (rev: string) => {
    let stdout = '';
    let stderr = '';
    const code = run(['changelog', prev, rev, '--format', 'json'], { out: (t) => void (stdout += t), err: (t) => void (stderr += t) });
    return { code, stdout, stderr };
  };
  const a = changelog(join(repo, 'specs', `v${VERSION}`));
  const b = changelog(reversed);
  assert.equal(a.code, 0, a.stderr);
  assert.ok(JSON.parse(a.stdout).entries.length > 0, 'the changelog has entries');
  assert.equal(b.stdout.replaceAll(reversed, '<rev>'), a.stdout.replaceAll(join(repo, 'specs', `v${VERSION}`), '<rev>'));
});
