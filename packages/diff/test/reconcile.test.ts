import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

test('lines the reference contradicts are listed with page and section (published v3.2: chat_transferred reason/thread_id, Filled form fields answer.id)', () => {
  const r = reconcileFile(published, specs);
  const v32 = r.versions.find((v) => v.version === 'v3.2')!;
  assert.deepEqual(v32.contradicted.map((c) => [c.subject, c.names.join(','), c.check, c.holds]), [
    ['chat_transferred', 'reason', 'absent', true],
    ['chat_transferred', 'thread_id', 'present-before', true],
    ['FilledFormField', 'answer.id', 'present-before', true],
  ]);
  for (const c of v32.contradicted) assert.match(`${c.page} ${c.section}`, /^reference\/livechat-docs\/v3\.[12]\/rtm\.mdx \S/);
  // v3.1: the push Set Customer Fields triggers (behaviour, nothing in a schema): the line is listed with its page
  const v31 = r.versions.find((v) => v.version === 'v3.1')!;
  assert.deepEqual(v31.contradicted.map((c) => [c.subject, c.check, c.holds, c.section]), [['set_customer_fields', 'behaviour', true, 'Methods > Customers > Set Customer Fields (Specifics, push message)']]);
  const report = renderReconcile(r, SOURCE);
  assert.match(report, /### Hand-written entries the reference contradicts \(3\)/);
  assert.match(report, /Contradicted by reference\/livechat-docs\/v3\.2\/rtm\.mdx, section "Pushes > Chat access > chat_transferred/);
});

test('a contradiction record is checked against the specs: one that no longer holds is flagged', () => {
  const dir = mkdtempSync(join(tmpdir(), 'contra-'));
  try {
    cpSync(join(here, 'folders', 'base'), join(dir, 'v1'), { recursive: true });
    cpSync(join(here, 'folders', 'revision'), join(dir, 'v2'), { recursive: true });
    writeFileSync(join(dir, 'v2', 'changelog-contradictions.yaml'), [
      '- {match: [order_updated, colour], subject: order_updated, names: [colour], check: absent, page: ref/v2.md, section: Pushes > order_updated, finding: no colour}',
      '- {match: [order_updated, reason], subject: order_updated, names: [reason], check: absent, page: ref/v2.md, section: Pushes > order_updated, finding: wrong on purpose}',
      '- {match: [Order, status], subject: Order, names: [status], check: present-before, page: ref/v1.md, section: Order, finding: status was there}',
    ].join('\n'));
    const md = ['## [v2]', '### Orders', '- The order_updated push has new fields: `colour` and `reason`.', '- The Order data structure has a new field, `status`.'].join('\n');
    const r = reconcile(md, dir);
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(r.versions[0].contradicted.map((c) => [c.names[0], c.holds]), [['colour', true], ['reason', false], ['status', true]]);
    assert.match(renderReconcile(r, 'x'), /no longer holds/);
    writeFileSync(join(dir, 'v2', 'changelog-contradictions.yaml'), '- {match: [x], subject: y}\n');
    assert.equal(reconcile(md, dir).diagnostics[0]?.severity, 'error', 'a malformed record is an error');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
