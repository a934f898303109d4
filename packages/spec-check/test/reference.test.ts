/**
 * Every version bundled under generated/ against the committed reference index: zero findings, except the ones
 * waived in waivers.yaml (each with a reason; a waiver that matches nothing fails).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkVersion, formatFinding } from '../src/check.ts';
import { generatedVersions, indexedVersions, loadGenerated, loadIndex } from '../src/load.ts';
import { applyWaivers, loadWaivers } from '../src/waivers.ts';

const versions = generatedVersions();
const waivers = loadWaivers();

test('generated/ holds bundles for versions of the reference index', () => {
  assert.ok(versions.length > 0, 'no generated/v3.x/{web.openapi.json,rtm.asyncapi.json}: run `npm run build` first');
  for (const v of versions) assert.ok(indexedVersions().includes(v), `no reference index for generated/v${v}`);
});

for (const v of versions) {
  test(`v${v}: specs match the reference`, () => {
    const index = loadIndex(v);
    const result = checkVersion(index, loadGenerated(v));
    const { open, waived, unused } = applyWaivers(result.findings, waivers, [v]);
    for (const p of ['web', 'rtm'] as const) {
      const s = result.stats[p];
      console.log(
        `v${v} ${p}: ${s.methods} methods, ${s.pushes} pushes, ${s.structures} structures, ${s.parameters} parameters, ${s.fields} fields compared, ${open.filter((f) => f.protocol === p).length} findings, ${waived.filter((f) => f.protocol === p).length} waived`,
      );
      // the comparison really ran over the whole index
      assert.equal(s.methods, index[p].methods.length);
      assert.equal(s.pushes, index[p].pushes.length);
      assert.equal(s.structures, index[p].structures.length);
    }
    assert.deepEqual(open.map(formatFinding), [], 'findings (fix the spec, or waive with a reason in packages/spec-check/waivers.yaml)');
    assert.deepEqual(unused, [], 'waivers that match no finding any more: remove them');
  });
}

test('waivers are well-formed and name indexed versions', () => {
  for (const w of waivers) {
    assert.ok(indexedVersions().includes(w.version), `waiver for unknown version ${w.version}`);
    assert.ok(w.reason.trim().length > 10, `waiver needs a real reason: ${JSON.stringify(w)}`);
  }
});
