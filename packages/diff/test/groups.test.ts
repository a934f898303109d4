// Grouping of changelog records into items (src/group.ts), on any pair of documents: the fixtures
// in test/groups/ (a rename plus changes, one change across sibling structures, a map's values, a
// server address that moved with the document's version only) and generated sibling sets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { diffPaths } from '../src/diff.ts';
import { markdownSection, toChangelog } from '../src/render.ts';
import { groupAtoms, type Atom } from '../src/group.ts';
import { run } from '../src/cli.ts';

const dir = join(import.meta.dirname, 'groups');
const pair = (name: string, rev = 'revision') => [join(dir, `${name}-base.yaml`), join(dir, `${name}-${rev}.yaml`)] as const;
const changelog = (name: string) => {
  const [a, b] = pair(name);
  // the AsyncAPI 3 fixtures describe a server (they have no request/reply to say so)
  const r = diffPaths(a, b, { writtenBy: 'server' });
  assert.deepEqual(r.diagnostics, []);
  const c = toChangelog(r, 'rev');
  for (const [i, e] of c.entries.entries()) assert.equal(c.items.filter((it) => it.entries.includes(i)).length, 1, `${e.text}: in exactly one item`);
  return { ...c, md: markdownSection('rev', c.items) };
};
const JARGON = /\{\}|allOf|oneOf|anyOf|additionalProperties/;

test('a rename plus other changes: one item, the rename first, the other changes as its lines', () => {
  const { items, entries, md } = changelog('rename');
  assert.equal(items.length, 1, md);
  const [it] = items;
  assert.match(it.text, /^The `update_thing` method was renamed to `update_item`\. Migration: .*Other changes to `update_item`:$/);
  assert.equal(it.breaking, true);
  assert.deepEqual(it.lines.map((l) => l.text), ['no longer accepts request field `colour`. Migration: Stop sending it.', 'has a new optional request field `size`.', 'has a new response field `version`.']);
  assert.equal(it.entries.length, entries.length);
  assert.match(md, /^- \*\*Breaking:\*\* The `update_thing` method was renamed/m);
});

test('the same changes to three sibling structures: one item naming them', () => {
  const { items, entries, md } = changelog('siblings');
  assert.equal(entries.length, 9, 'three records per structure are kept for machines');
  assert.equal(items.length, 1, md);
  assert.deepEqual(items[0].subjects.map((s) => s.name), ['Mark', 'Note', 'Upload']);
  assert.equal(items[0].text, 'Each of the `Mark`, `Note` and `Upload` data structures: Affects `list_events`.');
  assert.deepEqual(items[0].lines.map((l) => [l.breaking, l.entries.length]), [[true, 3], [true, 3], [true, 3]]);
  assert.match(items[0].lines[0].text, /^field `timestamp` was renamed to `created_at`/, 'the rename first');
});

test("a map's values changed: said in words, no path notation", () => {
  const { items, md } = changelog('map');
  assert.equal(items.length, 1);
  assert.doesNotMatch(md, JARGON);
  assert.match(items[0].text, /the type of each setting value changed from `object` to `any`/);
});

test("a server address that moved with the document's own version: one informational line, not breaking", () => {
  const { items, md } = changelog('server');
  assert.equal(items.length, 1, md);
  assert.equal(items[0].containsBreaking, false);
  assert.equal(items[0].text, "RTM endpoints: `api.example.com/v1.1/ws`, `backup.api.example.com/v1.1/ws` (the new version's addresses).");
  const quiet = { out: () => {}, err: () => {} };
  assert.equal(run(['breaking', ...pair('server'), '--fail-on', 'WARN'], quiet), 0);
  // the same new path while the document's version stays: a move, still flagged
  let out = '';
  assert.equal(run(['breaking', ...pair('server', 'moved')], { out: (s: string) => void (out += s), err: () => {} }), 1);
  assert.match(out, /server-changed/);
});

test('api-diff changelog --format json prints the records and the items', () => {
  let out = '';
  assert.equal(run(['changelog', ...pair('siblings'), '--format', 'json'], { out: (s: string) => void (out += s), err: () => {} }), 0);
  const j = JSON.parse(out);
  assert.deepEqual(Object.keys(j), ['entries', 'items', 'stats']);
  assert.equal(j.items.length, 1);
  for (const e of j.entries) assert.equal(e.item, j.items[0].id);
});

// generated sibling sets: k subjects share m changes; some also have a change of their own
const atom = (subject: string, rest: string, breaking = false): Atom => ({
  area: 'A', protocols: ['web'], breaking, ruleId: 'response-field-added', kind: 'field-added', subjectKind: 'structure', subjectName: subject, path: rest,
  text: `The \`${subject}\` data structure ${rest}`, rest, restForm: 'verb', migration: null, affects: null,
});
for (let k = 2; k <= 5; k++) for (let m = 1; m <= 3; m++) for (let own = 0; own <= k; own++) {
  test(`generated: ${k} siblings sharing ${m} change(s), ${own} with one more of their own`, () => {
    const names = Array.from({ length: k }, (_, i) => `S${i}`);
    const atoms = names.flatMap((n, i) => [...Array.from({ length: m }, (_, j) => atom(n, `has a new field \`f${j}\`.`)), ...(i < own ? [atom(n, `has a new field \`own_${n}\`.`)] : [])]);
    const { items, itemOf } = groupAtoms('v', atoms, atoms.map((_, i) => i), false);
    assert.equal(new Set(itemOf).size, items.length, 'every item holds records');
    assert.deepEqual(items.flatMap((it) => it.entries).sort((a, b) => a - b), atoms.map((_, i) => i), 'every record in one item');
    const full = k - own;
    // a sibling item stands when it leaves two subjects with nothing else to say; then each other subject keeps one item
    const expected = full >= 2 ? 1 + own : k;
    assert.equal(items.length, expected, JSON.stringify(items.map((it) => it.text)));
    for (const it of items) assert.doesNotMatch(`${it.text} ${it.lines.map((l) => l.text).join(' ')}`, JARGON);
  });
}

test('changes that merge into one line still name their subject when the line is the whole item', () => {
  const atoms = [atom('S0', 'has a new field `f0`.'), atom('S0', 'has a new field `f1`.')];
  const { items } = groupAtoms('v', atoms, [0, 1], false);
  assert.deepEqual(items.map((it) => [it.text, it.lines.length]), [['The `S0` data structure has new fields `f0` and `f1`.', 0]]);
});

test("an OpenAPI server's base path that moved with the document's own version: the new endpoint, not breaking", () => {
  const [a, b] = pair('web-server');
  const c = toChangelog(diffPaths(a, b), 'rev');
  assert.deepEqual(c.items.map((it) => [it.text, it.containsBreaking]), [["Web endpoint: `https://api.example.com/v1.1` (the new version's address).", false]]);
  const quiet = { out: () => {}, err: () => {} };
  assert.equal(run(['breaking', a, b, '--fail-on', 'WARN'], quiet), 0);
  assert.equal(run(['breaking', ...pair('web-server', 'moved'), '--fail-on', 'WARN'], quiet), 1, 'a base path moved within one document version is still flagged');
});
