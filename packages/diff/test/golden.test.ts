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

// The published changelog's shape, measured on generated/CHANGELOG.md: few top-level items per
// version (published: v3.1 11, v3.2 33, v3.3 24; one line per field was 129/115/55), no schema
// keywords or message keys in the prose, every breaking record still marked with its migration.
// v3.1 also lists the error statuses (413, 429, 503, 504) its Web methods added, one item per area.
const LIMITS: Record<string, number> = { 'v3.1': 40, 'v3.2': 45, 'v3.3': 35, 'v3.4': 8 };

test('generated/CHANGELOG.md reads like the published changelog', { skip }, () => {
  const md = readFileSync(join(repo, 'generated', 'CHANGELOG.md'), 'utf8');
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const sections = md.split(/^## /m).slice(1);
  const counts: Record<string, number> = {};
  for (const s of sections) counts[s.slice(1, s.indexOf(']'))] = (s.match(/^- /gm) ?? []).length;
  console.log(`top-level items: ${JSON.stringify(counts)}`);
  for (const [v, max] of Object.entries(LIMITS)) assert.ok(counts[v] > 0 && counts[v] <= max, `${v}: ${counts[v]} top-level items (at most ${max})`);
  const prose = md.split('\n').filter((l) => /^\s*- /.test(l));
  // a top-level item is a sentence of its own (a sub-item's wording never stands alone)
  assert.deepEqual(prose.filter((l) => /^- (\*\*Breaking:\*\* )?[a-z]/.test(l)), [], 'top-level items that lost their subject');
  const jargon = prose.filter((l) => /\{\}|allOf|oneOf|anyOf|additionalProperties|`(reply|send|receive):/.test(l));
  assert.deepEqual(jargon, [], 'schema keywords in the prose');
  // every record is in exactly the item it names, and that item is in the Markdown
  const items = new Map<string, any>(json.items.map((it: any) => [it.id, it]));
  assert.equal(items.size, json.items.length, 'item ids are unique');
  json.entries.forEach((e: any, i: number) => {
    const it = items.get(e.item);
    assert.ok(it && it.entries.includes(i), `record ${i} (${e.text}) is not listed by its item ${e.item}`);
    assert.equal(it.version, e.version);
  });
  for (const it of json.items) {
    const line = `- ${it.breaking ? '**Breaking:** ' : ''}${it.text}`;
    assert.ok(md.includes(line), `item ${it.id} missing from CHANGELOG.md`);
    // a breaking change is marked, with its migration hint, on the item or on its line
    for (const l of it.lines) if (l.breaking) assert.ok(md.includes(`  - **Breaking:** ${l.text}`) && (!l.migration || l.text.includes(`Migration: ${l.migration}`)), l.text);
    if (it.breaking && it.migration) assert.ok(it.text.includes(`Migration: ${it.migration}`), it.text);
  }
  for (const e of json.entries.filter((x: any) => x.breaking && x.migration)) {
    const it = items.get(e.item);
    // (a line saying one change of several fields puts the hint in the plural: "Stop reading them.")
    assert.ok((it.breaking && it.text.includes(e.migration)) || it.lines.some((l: any) => l.breaking && l.entries.includes(json.entries.indexOf(e)) && l.migration && l.text.includes(`Migration: ${l.migration}`)), `breaking record without its mark or migration: ${e.text}`);
  }
  // both protocols alike: the item (or its line) still says so
  for (const it of json.items.filter((x: any) => x.protocols.length === 2 && x.lines.length === 0 && x.subjects.length)) assert.match(it.text, /\(Web & RTM\)/, it.id);
});
