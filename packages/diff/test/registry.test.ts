// Tests over the registry itself: every rule has full metadata, a message, a description, a doc
// page that is up to date, a check file named after it and a fixture directory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../src/checks/registry.ts';
import { messages } from '../src/messages.ts';
import { indexPage, rulePage } from '../src/gen-rule-docs.ts';

const pkg = join(import.meta.dirname, '..');
const docs = join(pkg, '..', '..', 'docs', 'rules');

test('rule ids are unique kebab-case and metadata is complete', () => {
  const ids = rules.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length, 'duplicate rule id');
  for (const r of rules) {
    assert.match(r.id, /^[a-z]+(-[a-z]+)*$/, r.id);
    assert.ok(['ERR', 'WARN', 'INFO'].includes(r.level), `${r.id}: level`);
    assert.ok(['request', 'response', 'any'].includes(r.direction), `${r.id}: direction`);
    assert.ok(['operation', 'structure', 'field', 'server', 'channel', 'security'].includes(r.area), `${r.id}: area`);
    assert.match(r.kind, /^[a-z]+(-[a-z]+)*$/, `${r.id}: kind`);
    assert.equal(typeof r.handler, 'function');
  }
});

test('one check file per rule, named after it, exporting RULE_ID', () => {
  const files = readdirSync(join(pkg, 'src', 'checks')).filter((f) => f.endsWith('.ts') && f !== 'registry.ts' && f !== 'helpers.ts');
  assert.deepEqual(files.map((f) => f.replace(/\.ts$/, '')).sort(), rules.map((r) => r.id).sort());
  for (const f of files) assert.match(readFileSync(join(pkg, 'src', 'checks', f), 'utf8'), new RegExp(`export const RULE_ID = '${f.replace(/\.ts$/, '')}'`));
});

test('every rule has a message and a description; breaking rules say what to do', () => {
  const m = messages();
  for (const r of rules) {
    assert.ok(m[r.id], `${r.id}: message`);
    assert.ok(m[`${r.id}-description`], `${r.id}: description`);
    if (r.level !== 'INFO') assert.ok(m[`${r.id}-comment`], `${r.id}: comment (migration hint)`);
  }
  const known = new Set(rules.flatMap((r) => [r.id, `${r.id}-description`, `${r.id}-comment`, `${r.id}-grouped`, `${r.id}-unique`, `${r.id}-comment-unique`, `${r.id}-variable-default`, `${r.id}-variable-enum-removed`, `${r.id}-added`, `${r.id}-removed`]));
  assert.deepEqual(Object.keys(m).filter((k) => !known.has(k)), [], 'messages for unknown rules');
});

test('docs/rules pages exist and are current (npm run docs:rules -w @ccapi/diff)', () => {
  for (const r of rules) {
    const p = join(docs, `${r.id}.md`);
    assert.ok(existsSync(p), `missing ${p}`);
    assert.equal(readFileSync(p, 'utf8'), rulePage(r), `${r.id}.md is stale`);
  }
  assert.equal(readFileSync(join(docs, 'README.md'), 'utf8'), indexPage());
});

test('symmetry: each added/removed style rule has its counterpart', () => {
  const ids = new Set(rules.map((r) => r.id));
  const pairs: Array<[string, string]> = [['method-added', 'method-removed'], ['push-added', 'push-removed'], ['structure-added', 'structure-removed'],
    ['server-added', 'server-removed'], ['channel-added', 'channel-removed'], ['request-message-added', 'request-message-removed'], ['response-message-added', 'response-message-removed'],
    ['request-field-added', 'request-field-removed'], ['response-field-added', 'response-required-field-removed'],
    ['request-enum-value-added', 'request-enum-value-removed'], ['response-enum-value-added', 'response-enum-value-removed'],
    ['request-field-became-required', 'request-field-became-optional'], ['response-field-became-required', 'response-field-became-optional'],
    ['request-limit-tightened', 'request-limit-relaxed'], ['response-limit-tightened', 'response-limit-relaxed']];
  for (const [a, b] of pairs) assert.ok(ids.has(a) && ids.has(b), `${a} / ${b}`);
});

test('generated/rules.json (the "What counts as breaking" data) is current and complete', async () => {
  const { rulesJson, rulesData } = await import('../src/gen-rule-docs.ts');
  const file = join(import.meta.dirname, '..', '..', '..', 'generated', 'rules.json');
  assert.equal(readFileSync(file, 'utf8'), rulesJson(), 'run `npm run changelog` (or npm run docs:rules -w @ccapi/diff)');
  const { rules: data } = rulesData();
  assert.equal(data.length, rules.length);
  for (const r of data) {
    assert.ok(r.example, `${r.id}: has a fixture example`);
    assert.notEqual(r.example.before, r.example.after, `${r.id}: before and after differ`);
    assert.ok(r.example.findings.length > 0, `${r.id}: the fixture's finding text`);
    assert.ok(r.description, `${r.id}: description`);
    if (r.breaking) assert.ok(r.migration, `${r.id}: a breaking rule says how to migrate`);
  }
});
