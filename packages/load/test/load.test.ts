import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { distCli } from '@ccapi/test-support';
import { loadSpec, loadVersionFolder, stableJson } from '../src/index.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const good = join(here, 'fixtures/good');
// The built CLI (turbo builds dist/ before the tests): through tsx every start costs seconds.
const cli = distCli(join(here, '..'));

/** A copy of the good fixture with one file edited: every negative case differs from a passing one by one change. */
function variant(edit: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'load-'));
  cpSync(good, dir, { recursive: true });
  edit(dir);
  return dir;
}
function replaceIn(file: string, from: string, to: string) {
  const text = readFileSync(file, 'utf8');
  assert.ok(text.includes(from), `fixture edit: ${from} not in ${file}`);
  writeFileSync(file, text.replace(from, to));
}
function runCli(args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
}

test('the good fixture bundles into internal refs only', async () => {
  const folder = await loadVersionFolder(good, { validate: true });
  assert.deepEqual(folder.diagnostics.filter((d) => d.severity === 'error'), []);
  const web = JSON.stringify(folder.web!.document);
  const rtm = JSON.stringify(folder.rtm!.document);
  assert.ok(!/"\$ref":"\.\//.test(web) && !/"\$ref":"\.\//.test(rtm), 'no external refs remain');
  assert.match(web, /"\$ref":"#\/components\/schemas\/Thread"/);
  assert.equal(folder.web!.kind, 'openapi');
  assert.equal(folder.rtm!.kind, 'asyncapi');
});

test('a YAML syntax error names the file and line', async () => {
  const dir = variant((d) => replaceIn(join(d, 'schemas/Thread.yaml'), 'required: [id]', 'required: [id'));
  const r = await loadSpec(join(dir, 'web.openapi.yaml'));
  const e = r.diagnostics.find((d) => d.code === 'yaml-syntax');
  assert.ok(e, JSON.stringify(r.diagnostics));
  assert.equal(e!.file, join(dir, 'schemas/Thread.yaml'));
  assert.ok(e!.line && e!.line >= 2);
  assert.equal(r.document, undefined);
});

test('a dangling file $ref names the referring file and line', async () => {
  const dir = variant((d) => replaceIn(join(d, 'schemas/Chat.yaml'), './Thread.yaml', './Thred.yaml'));
  const r = await loadSpec(join(dir, 'web.openapi.yaml'));
  const e = r.diagnostics.find((d) => d.code === 'ref-unresolved');
  assert.ok(e);
  assert.equal(e!.file, join(dir, 'schemas/Chat.yaml'));
  assert.equal(e!.line, 4);
  assert.match(e!.message, /Thred\.yaml/);
});

test('a dangling JSON pointer is an error', async () => {
  const dir = variant((d) => replaceIn(join(d, 'web.openapi.yaml'), "'#/components/schemas/Chat'", "'#/components/schemas/Chta'"));
  const r = await loadSpec(join(dir, 'web.openapi.yaml'));
  assert.ok(r.diagnostics.some((d) => d.code === 'ref-unresolved' && /Chta/.test(d.message) && d.line === 21));
});

test('a $ref to a URL is refused without any network access', async () => {
  const dir = variant((d) => replaceIn(join(d, 'rtm.asyncapi.yaml'), 'Thread: {$ref: ./schemas/Thread.yaml}', 'Thread: {$ref: "https://example.invalid/t.yaml"}'));
  const r = await loadSpec(join(dir, 'rtm.asyncapi.yaml'));
  const e = r.diagnostics.find((d) => d.code === 'ref-remote');
  assert.ok(e);
  assert.match(e!.hint!, /network/);
});

test('a $ref outside the document folder is refused', async () => {
  const dir = variant((d) => replaceIn(join(d, 'schemas/Chat.yaml'), './Thread.yaml', '../../../etc/passwd'));
  const r = await loadSpec(join(dir, 'web.openapi.yaml'));
  assert.ok(r.diagnostics.some((d) => d.code === 'ref-outside-root'));
});

test('duplicate keys, a missing version field and unsupported versions are errors', async () => {
  const dup = variant((d) => replaceIn(join(d, 'schemas/Thread.yaml'), 'type: object', 'type: object\ntype: string'));
  assert.ok((await loadSpec(join(dup, 'web.openapi.yaml'))).diagnostics.some((d) => d.code === 'duplicate-key' && d.line === 2));
  const none = variant((d) => replaceIn(join(d, 'web.openapi.yaml'), 'openapi: 3.1.0', 'openapo: 3.1.0'));
  assert.ok((await loadSpec(join(none, 'web.openapi.yaml'))).diagnostics.some((d) => d.code === 'not-a-spec'));
  const old = variant((d) => replaceIn(join(d, 'rtm.asyncapi.yaml'), 'asyncapi: 3.0.0', 'asyncapi: 1.2.0'));
  assert.ok((await loadSpec(join(old, 'rtm.asyncapi.yaml'))).diagnostics.some((d) => d.code === 'unsupported-version'));
});

test('AsyncAPI parser errors are reported when validating', async () => {
  const dir = variant((d) => replaceIn(join(d, 'rtm.asyncapi.yaml'), 'action: send', 'action: publish'));
  const r = await loadSpec(join(dir, 'rtm.asyncapi.yaml'), { validate: true });
  assert.ok(r.diagnostics.some((d) => d.severity === 'error' && d.code.startsWith('asyncapi/')), JSON.stringify(r.diagnostics));
  assert.equal(r.document, undefined);
});

test('CLI: writes both bundles, and on error writes nothing and exits 2', () => {
  const out = mkdtempSync(join(tmpdir(), 'out-'));
  const ok = runCli([good, '--out', out]);
  assert.equal(ok.status, 0, ok.stderr);
  assert.deepEqual(readdirSync(out).sort(), ['rtm.asyncapi.json', 'web.openapi.json']);
  const before = readFileSync(join(out, 'web.openapi.json'), 'utf8');

  const bad = variant((d) => replaceIn(join(d, 'schemas/Thread.yaml'), 'required: [id]', 'required: [id'));
  const r = runCli([bad, '--out', out]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /schemas\/Thread\.yaml:\d+:\d+: error \[yaml-syntax\]/);
  assert.match(r.stderr, /nothing was written/);
  assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/, 'no stack trace');
  assert.equal(readFileSync(join(out, 'web.openapi.json'), 'utf8'), before, 'old output untouched');
  assert.deepEqual(readdirSync(out).sort(), ['rtm.asyncapi.json', 'web.openapi.json'], 'no temp files left');
});

test('CLI: bundling is deterministic', async () => {
  // twice in-process (the CLI's own calls: load, then stableJson), and once through the CLI, which must write those bytes
  const bytes = async () => {
    const folder = await loadVersionFolder(good, { validate: true });
    return { 'web.openapi.json': stableJson(folder.web!.document), 'rtm.asyncapi.json': stableJson(folder.rtm!.document) };
  };
  const [first, second] = [await bytes(), await bytes()];
  const a = mkdtempSync(join(tmpdir(), 'a-'));
  assert.equal(runCli([good, '--out', a]).status, 0);
  for (const f of ['web.openapi.json', 'rtm.asyncapi.json'] as const) {
    assert.equal(second[f], first[f], f);
    assert.equal(readFileSync(join(a, f), 'utf8'), first[f], `${f}: the CLI writes what the functions return`);
  }
  assert.ok(existsSync(join(a, 'web.openapi.json')));
});

test('CLI: bad usage exits 2', () => {
  assert.equal(runCli([]).status, 2);
  assert.equal(runCli([good, '--bogus']).status, 2);
});
