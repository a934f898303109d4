// One fixture directory per rule (test/fixtures/<rule-id>/): base.yaml -> revision.yaml must fire
// the rule, and `api-diff breaking --fail-on WARN` must exit 1 for a breaking rule, 0 otherwise.
// The same base against negative.yaml (or, without one, the reversed pair) must not fire it.
// expected.json keeps every finding of the pair (rule, level, text); UPDATE_FIXTURES=1 rewrites it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffPaths } from '../src/diff.ts';
import { run } from '../src/cli.ts';
import { registry, rules } from '../src/checks/registry.ts';

const root = join(import.meta.dirname, 'fixtures');
const quiet = { out: () => {}, err: () => {} };

for (const rule of rules) {
  test(`rule ${rule.id}`, () => {
    const dir = join(root, rule.id);
    assert.ok(existsSync(dir), `fixture directory missing: test/fixtures/${rule.id}`);
    const base = join(dir, 'base.yaml'), revision = join(dir, 'revision.yaml');
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
    const r = diffPaths(base, revision);
    // AsyncAPI 3 fixtures without request/reply are read as the server's, and told so: nothing else
    const unexpected = (ds: typeof r.diagnostics) => ds.filter((d) => d.code !== 'asyncapi-side');
    assert.deepEqual(unexpected(r.diagnostics), []);
    const got = r.findings.map((f) => ({ ruleId: f.ruleId, level: f.level, text: f.text }));
    assert.ok(got.some((f) => f.ruleId === rule.id), `${rule.id} did not fire; got ${JSON.stringify(got)}`);
    if (process.env.UPDATE_FIXTURES) writeFileSync(join(dir, 'expected.json'), `${JSON.stringify({ ...expected, findings: got }, null, 2)}\n`);
    else assert.deepEqual(got, expected.findings, 'findings differ from expected.json');
    assert.equal(expected.breaking, rule.level !== 'INFO');
    assert.equal(run(['breaking', base, revision, '--fail-on', 'WARN'], quiet), expected.breaking ? 1 : 0, 'exit code of api-diff breaking --fail-on WARN');
    const neg = existsSync(join(dir, 'negative.yaml')) ? diffPaths(base, join(dir, 'negative.yaml')) : diffPaths(revision, base);
    assert.deepEqual(unexpected(neg.diagnostics), []);
    assert.ok(!neg.findings.some((f) => f.ruleId === rule.id), `${rule.id} fired on the negative case`);
    assert.deepEqual(diffPaths(base, base).findings, [], 'a document compared with itself has no findings');
  });
}

test('every fixture directory belongs to a rule', () => {
  const dirs = readdirSync(root);
  assert.deepEqual(dirs.filter((d) => !registry[d]), []);
});
