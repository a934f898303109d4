// Golden test: generated/changelog.json (written by `api-diff changelog-all specs --out generated`)
// holds every entry of the published changelog for v3.1-v3.3, as listed in
// test/golden/reference-changelog.yaml; and the committed files are what the command produces now.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildChangelog } from '../src/generate-changelog.ts';

const repo = join(import.meta.dirname, '..', '..', '..');
const file = join(repo, 'generated', 'changelog.json');
const skip = existsSync(file) ? false : 'generated/changelog.json not built yet (api-diff changelog-all specs --out generated)';

interface Golden { version: string; change: string; expect: string[][]; source?: 'diff' | 'note'; gap?: string }

test('the generated changelog holds every published entry of v3.1-v3.3', { skip }, () => {
  const entries: Array<{ version: string; text: string; source: string }> = JSON.parse(readFileSync(file, 'utf8')).entries;
  const golden: Golden[] = parse(readFileSync(join(import.meta.dirname, 'golden', 'reference-changelog.yaml'), 'utf8'));
  const found = (g: Golden) => g.expect.every((subs) => entries.some((e) => e.version === g.version && (!g.source || e.source === g.source) && subs.every((s) => e.text.includes(s))));
  const missing = golden.filter((g) => !g.gap && !found(g)).map((g) => `${g.version}: ${g.change}`);
  const closed = golden.filter((g) => g.gap && found(g)).map((g) => `${g.version}: ${g.change}`);
  const gaps = golden.filter((g) => g.gap && !found(g));
  console.log(`golden: ${golden.length - gaps.length - missing.length}/${golden.length} published entries found; ${gaps.length} known spec gaps: ${gaps.map((g) => `${g.version} ${g.change}`).join('; ')}`);
  assert.deepEqual(missing, [], 'published changelog entries missing from generated/changelog.json');
  assert.deepEqual(closed, [], 'gaps now closed: remove their `gap:` marker');
});

test('every entry has the contract fields', { skip }, () => {
  const entries = JSON.parse(readFileSync(file, 'utf8')).entries;
  assert.ok(entries.length > 0);
  for (const e of entries) {
    for (const k of ['version', 'area', 'protocols', 'kind', 'breaking', 'text', 'source']) assert.ok(k in e, `${k} missing in ${JSON.stringify(e)}`);
    assert.ok(['diff', 'note'].includes(e.source));
    assert.equal(typeof e.breaking, 'boolean');
  }
});

test('generated/CHANGELOG.md and changelog.json are current', { skip }, () => {
  const specs = join(repo, 'specs');
  const { markdown, entries } = buildChangelog(specs);
  assert.equal(readFileSync(join(repo, 'generated', 'CHANGELOG.md'), 'utf8'), markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'run: npx api-diff changelog-all specs --out generated');
  assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')).entries, JSON.parse(JSON.stringify(entries)));
  const md = markdown;
  const versions = [...md.matchAll(/^## \[(v[\d.]+)\]/gm)].map((m) => m[1]);
  assert.deepEqual(versions, [...versions].sort((a, b) => b.localeCompare(a, undefined, { numeric: true })), 'newest first');
});
