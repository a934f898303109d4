// Peer suite: 129 base/revision pairs labelled breaking or not by oasdiff's and @asyncapi/diff's own
// tests (copied from the shared breaking corpus, see test/corpus/SOURCE-README.md). Each pair is run
// through `api-diff breaking --fail-on WARN`; exit 1 must mean "breaking", 0 "non-breaking".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { run } from '../src/cli.ts';

const dir = join(import.meta.dirname, 'corpus');
const manifest: Array<{ id: string; format: string; base: string; revision: string; expected: string }> = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const waivers: Record<string, string> = parse(readFileSync(join(dir, 'waivers.yaml'), 'utf8')) ?? {};

test('corpus: api-diff breaking agrees with the peer labels (waivers aside)', () => {
  assert.equal(manifest.length, 129);
  const disagree: string[] = [];
  const counts: Record<string, { agree: number; total: number }> = {};
  for (const p of manifest) {
    let out = '';
    const code = run(['breaking', join(dir, p.base), join(dir, p.revision), '--fail-on', 'WARN'], { out: (s) => { out += s; }, err: (s) => { out += s; } });
    const got = code === 1 ? 'breaking' : code === 0 ? 'non-breaking' : `exit ${code}`;
    const c = (counts[p.format] ??= { agree: 0, total: 0 });
    c.total++;
    if (got === p.expected) c.agree++;
    else disagree.push(p.id);
  }
  const report = Object.entries(counts).map(([f, c]) => `${f}: ${c.agree}/${c.total} agree`).join(', ');
  console.log(`corpus agreement: ${report}; disagreements: ${disagree.join(', ') || 'none'}`);
  const unwaived = disagree.filter((id) => !(id in waivers));
  const stale = Object.keys(waivers).filter((id) => !disagree.includes(id));
  assert.deepEqual(unwaived, [], 'disagreements without a waiver');
  assert.deepEqual(stale, [], 'waivers for pairs that now agree: remove them');
  for (const [id, reason] of Object.entries(waivers)) assert.ok(reason.length > 40, `waiver ${id} needs a reason`);
});

test('corpus, strict: --fail-on ERR agrees with oasdiff ERR levels (AsyncAPI on labels)', () => {
  const disagree: string[] = [];
  for (const p of manifest as Array<typeof manifest[number] & { level: string | null }>) {
    const code = run(['breaking', join(dir, p.base), join(dir, p.revision), '--fail-on', 'ERR'], { out: () => {}, err: () => {} });
    const expected = p.format === 'openapi' ? p.level === 'ERR' : p.expected === 'breaking';
    if ((code === 1) !== expected || (code !== 0 && code !== 1)) disagree.push(p.id);
  }
  console.log(`corpus strict agreement: ${manifest.length - disagree.length}/${manifest.length}; disagreements: ${disagree.join(', ') || 'none'}`);
  assert.deepEqual(disagree.filter((id) => !(id in waivers)), []);
});
