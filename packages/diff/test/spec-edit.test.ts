// Changing a spec changes the changelog: a copy of a bundled spec (generated/v3.3, committed by the
// build) is edited in three ways and the resulting entry is checked. The edited items are picked
// generically (first operation, first request property, first optional parameter), so nothing here
// depends on a particular method or field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffPaths } from '../src/diff.ts';
import { toEntries } from '../src/render.ts';

const bundle = join(import.meta.dirname, '..', '..', '..', 'generated', 'v3.3', 'web.openapi.json');
const skip = existsSync(bundle) ? false : 'generated/v3.3/web.openapi.json not built yet';

function edit(mutate: (doc: any) => unknown) {
  const doc = JSON.parse(readFileSync(bundle, 'utf8'));
  const picked = mutate(doc);
  const dir = mkdtempSync(join(tmpdir(), 'api-diff-edit-'));
  const file = join(dir, 'web.openapi.json');
  writeFileSync(file, JSON.stringify(doc));
  const result = diffPaths(bundle, file);
  assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error'), []);
  return { picked, result, entries: toEntries(result, 'edited') };
}

const ops = (doc: any) => Object.entries<any>(doc.paths).flatMap(([p, item]) => Object.entries<any>(item).filter(([v]) => ['get', 'post', 'put', 'patch', 'delete'].includes(v)).map(([v, op]) => ({ p, v, op })));
const deref = (doc: any, s: any): any => (s && s.$ref ? deref(doc, s.$ref.slice(2).split('/').reduce((o: any, k: string) => o?.[k], doc)) : s);

test('removing a method adds a breaking method-removed entry', { skip }, () => {
  const { picked, result, entries } = edit((doc) => {
    const first = ops(doc)[0];
    delete doc.paths[first.p][first.v];
    return first.op.operationId;
  });
  const f = result.findings.find((x) => x.ruleId === 'method-removed');
  assert.ok(f, JSON.stringify(entries.map((e) => e.text)));
  assert.equal(f.owner.name, picked);
  const e = entries.find((x) => x.kind === 'method-removed')!;
  assert.equal(e.breaking, true);
  assert.equal(e.source, 'diff');
  assert.match(e.text, new RegExp(`\`${picked}\``));
});

test('renaming a request field (x-renamed-from) adds a field-renamed entry', { skip }, () => {
  const { picked, result } = edit((doc) => {
    for (const { op } of ops(doc)) {
      const s = deref(doc, op.requestBody?.content?.['application/json']?.schema);
      const props = s?.properties && Object.keys(s.properties);
      if (!props?.length) continue;
      const old = props[0];
      s.properties[`${old}_renamed`] = { ...s.properties[old], 'x-renamed-from': old };
      delete s.properties[old];
      if (Array.isArray(s.required)) s.required = s.required.map((r: string) => (r === old ? `${old}_renamed` : r));
      return old;
    }
    throw new Error('no request body with properties found');
  });
  const f = result.findings.find((x) => x.ruleId === 'field-renamed');
  assert.ok(f, JSON.stringify(result.findings.map((x) => x.text)));
  assert.equal(f.from, picked);
  assert.equal(f.to, `${picked}_renamed`);
  assert.equal(f.breaking, true);
});

test('making an optional parameter required adds a request-field-became-required entry', { skip }, () => {
  const { picked, result } = edit((doc) => {
    for (const { op } of ops(doc)) for (const p0 of op.parameters ?? []) {
      const p = deref(doc, p0);
      if (p && !p.required && p.in !== 'path') { p.required = true; return p.name; }
    }
    throw new Error('no optional parameter found');
  });
  const f = result.findings.find((x) => x.ruleId === 'request-field-became-required');
  assert.ok(f, JSON.stringify(result.findings.map((x) => x.text)));
  assert.match(f.text, new RegExp(`parameter \`${picked}\` is now required`));
  assert.equal(f.level, 'ERR');
});
