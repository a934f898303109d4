// Version folders: the Web and RTM documents are compared together; the same change on both
// protocols is one entry "(Web & RTM)", a change on one protocol says which; notes.yaml entries
// are rendered with source "note".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { diffPaths } from '../src/diff.ts';
import { markdownSection, toChangelog } from '../src/render.ts';

const base = join(import.meta.dirname, 'folders', 'base');
const revision = join(import.meta.dirname, 'folders', 'revision');

test('folder diff merges protocols and adds notes', () => {
  const r = diffPaths(base, revision);
  assert.deepEqual(r.diagnostics, []);
  assert.equal(r.folders, true);
  const { entries, items } = toChangelog(r, 'v2');
  const texts = entries.map((e) => e.text);
  assert.ok(texts.includes('The `Order` data structure has a new field `note`. (Web & RTM) Affects `get_order` (Web & RTM).'), texts.join('\n'));
  assert.ok(texts.includes('In the `Order` data structure, field `status` has the new possible value(s) `cancelled`. (Web & RTM) Affects `get_order` (Web & RTM). Migration: Handle the new values (or unknown values in general).'), texts.join('\n'));
  assert.ok(texts.includes('The `order_updated` push has a new field `reason`. (RTM)'), texts.join('\n'));
  const note = entries.find((e) => e.source === 'note')!;
  assert.deepEqual({ area: note.area, protocols: note.protocols, kind: note.kind, breaking: note.breaking }, { area: 'Orders', protocols: ['web', 'rtm'], kind: 'note', breaking: false });
  assert.equal(entries.filter((e) => e.text.includes('`note`')).length, 1, 'one entry for a change on both protocols');
  const noteField = entries.find((e) => e.text.includes('`note`'))!;
  assert.deepEqual(noteField.affects, [{ kind: 'method', name: 'get_order', protocols: ['web', 'rtm'] }], 'the affected operations are kept as data');
  assert.equal(noteField.migration, null, 'additions need no migration');
  assert.equal(entries.find((e) => e.text.includes('`cancelled`'))!.migration, 'Handle the new values (or unknown values in general).');
  const md = markdownSection('v2', items);
  assert.match(md, /^## \[v2\]\n\n### Data structures\n\n/);
  assert.match(md, /### Orders\n\n- `get_order` now returns cancelled orders too\. \(Web & RTM\)/);
  // the two changes of `Order` are one item with two sub-items, the breaking one still marked
  assert.match(md, /- The `Order` data structure: \(Web & RTM\) Affects `get_order` \(Web & RTM\)\.\n  - has a new field `note`\.\n  - \*\*Breaking:\*\* field `status` has the new possible value/);
  for (const e of entries) assert.ok(items.some((it) => it.id === e.item && it.entries.includes(entries.indexOf(e))), `${e.text}: its item lists it`);
});

test('a folder compared with itself has no entries besides its notes', () => {
  const r = diffPaths(base, base);
  assert.deepEqual(r.findings, []);
});

test('a version folder that is unclear is refused, and one missing a protocol says so (blind set 27)', async () => {
  const { mkdtempSync, writeFileSync, copyFileSync, readdirSync, mkdirSync, cpSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const copy = (from: string, skip: string[] = []) => {
    const dir = join(mkdtempSync(join(tmpdir(), 'folder-')), 'v');
    cpSync(from, dir, { recursive: true });
    for (const f of skip) rmSync(join(dir, f));
    return dir;
  };
  const files = readdirSync(revision);
  const web = files.find((f) => /\.openapi\./.test(f))!, rtm = files.find((f) => /\.asyncapi\./.test(f))!;
  // two OpenAPI documents: which one is meant is not guessed
  const two = copy(revision);
  copyFileSync(join(revision, web), join(two, 'other.openapi.yaml'));
  assert.deepEqual(diffPaths(base, two).diagnostics.map((d) => `${d.severity} ${d.code}`), ['error ambiguous-folder']);
  // a file named as the RTM document that holds no AsyncAPI document (empty, or an OpenAPI one)
  for (const content of ['', 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\n']) {
    const bad = copy(revision, [rtm]);
    writeFileSync(join(bad, 'rtm.asyncapi.yaml'), content);
    assert.deepEqual(diffPaths(base, bad).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code), ['not-a-spec'], JSON.stringify(content));
  }
  // the RTM document gone: its operations read as removed, and a warning says why
  const gone = copy(revision, [rtm]);
  mkdirSync(join(gone, 'x'), { recursive: true });
  const r = diffPaths(base, gone);
  assert.deepEqual(r.diagnostics.map((d) => `${d.severity} ${d.code}`), ['warning document-missing']);
  assert.ok(r.findings.some((f) => f.breaking));
});
