import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHandChangelog, reconcile, reconcileFile, renderReconcile } from '../src/index.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..', '..');
const specs = join(root, 'specs');
// a copy of the published changelog page (scraped text: list markers and code spans lost their formatting)
const published = join(here, 'reconcile', 'published-changelog.txt');
const SOURCE = 'packages/diff/test/reconcile/published-changelog.txt';
// Reconciling diffs every pair of versions (seconds): the two tests on the published changelog share one result.
let publishedResult: ReturnType<typeof reconcileFile> | undefined;
const reconciled = () => (publishedResult ??= reconcileFile(published, specs));

test('the published changelog: every entry is supported by the specs; the v3.4 changes it lacks are named', () => {
  const r = reconciled();
  assert.deepEqual(r.diagnostics, []);
  assert.deepEqual(r.versions.map((v) => v.version), ['v3.4', 'v3.3', 'v3.2', 'v3.1']);
  for (const v of r.versions) assert.deepEqual(v.unsupported.map((h) => h.text), [], `${v.version}: unsupported entries`);
  const v34 = r.versions.find((v) => v.version === 'v3.4')!;
  assert.ok(v34.computedEntries > 0);
  assert.equal(v34.unmentioned.length, v34.computedEntries, 'the published v3.4 section lists no change');
  assert.ok(v34.unmentioned.some((e) => e.text.includes('`form_type`')), 'form_type is named');
  assert.ok(r.versions.find((v) => v.version === 'v3.3')!.handEntries >= 30);
});

test('generated/reconcile-report.md is current', () => {
  const r = reconciled();
  assert.equal(readFileSync(join(root, 'generated', 'reconcile-report.md'), 'utf8'), renderReconcile(r, SOURCE), 'run `npm run changelog`');
});

test('an entry the specs do not back is unsupported; a computed change nobody wrote down is unmentioned', () => {
  const md = [
    '# Changelog',
    '## [v3.3]',
    '### Chats',
    '- The Deactivate Chat method: the `chat_id` parameter was renamed to `id`.',
    '- The `teleport_chat` method was removed.',
    '- In the Thread data structure, the `colour` field was removed.',
    '- Chats are now faster.',
  ].join('\n');
  const parsed = parseHandChangelog(md);
  assert.equal(parsed.length, 4);
  const v33 = reconcile(md, specs).versions.find((v) => v.version === 'v3.3')!;
  assert.deepEqual(v33.unsupported.map((h) => h.text), ['The `teleport_chat` method was removed.', 'In the Thread data structure, the `colour` field was removed.']);
  assert.deepEqual(v33.unchecked.map((h) => h.text), ['Chats are now faster.']);
  assert.ok(!v33.unmentioned.some((e) => e.text.includes('`deactivate_chat` method, request field `chat_id` was renamed')), 'the written entry mentions it');
  assert.ok(v33.unmentioned.some((e) => e.text.includes('`resume_chat`')), 'the rename of activate_chat is not written down');
});
