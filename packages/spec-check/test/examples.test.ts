/**
 * Every JSON example of the reference (committed copy in reference/examples) validated with ajv against the
 * schema it belongs to in the bundled documents of its version. Examples listed in
 * specs/v3.x/known-example-errors.yaml must fail (so the list cannot rot), unless the entry says `validates: true`
 * (listed only for its keys, see example-keys.test.ts); all others must pass.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createValidator, loadManifest, readExample, targetOf } from '../src/examples.ts';
import { type KnownExample, loadKnownExamples } from '../src/known.ts';
import { generatedVersions, loadGenerated } from '../src/load.ts';

const manifest = loadManifest();
const versions = generatedVersions();

function knownErrors(v: string): Map<string, KnownExample> {
  return loadKnownExamples(v);
}

test('the committed manifest lists example files of every version', () => {
  assert.ok(manifest.files.length > 0);
  assert.ok(versions.length > 0, 'no generated/v3.x bundles: run `npm run build` first');
});

for (const v of versions) {
  test(`v${v}: reference examples validate against the bundled schemas`, () => {
    const docs = loadGenerated(v);
    const validate = createValidator(docs);
    const known = knownErrors(v);
    const entries = manifest.files.filter((f) => f.version === v);
    const skipped = manifest.skipped.filter((f) => f.version === v).length;
    const problems: string[] = [];
    let passed = 0;
    let failedAsKnown = 0;
    for (const e of entries) {
      const target = targetOf(e, docs);
      if (typeof target === 'string') {
        problems.push(`${e.file}: ${target}`);
        continue;
      }
      const errors = validate(target, readExample(e));
      if (known.has(e.file) && !known.get(e.file)!.validates) {
        if (errors.length) failedAsKnown++;
        else problems.push(`${e.file}: listed in known-example-errors.yaml but validates now against ${target.protocol}${target.pointer}: remove it from the list`);
      } else if (errors.length) {
        problems.push(`${e.file} against ${target.protocol}${target.pointer}: ${errors.slice(0, 3).join('; ')}`);
      } else passed++;
    }
    for (const f of known.keys())
      if (!entries.some((e) => e.file === f)) problems.push(`known-example-errors.yaml names ${f}, which is not an example of v${v}`);
    console.log(`v${v}: ${entries.length} examples: ${passed} validated, ${failedAsKnown} known errors, ${skipped} skipped because not JSON`);
    assert.deepEqual(problems, []);
  });
}

test('the validator rejects a changed example (the comparison is real)', () => {
  const v = versions.at(-1)!;
  const docs = loadGenerated(v);
  const validate = createValidator(docs);
  const known = knownErrors(v);
  const e = manifest.files.find((f) => f.version === v && f.kind === 'request' && f.protocol === 'rtm' && f.shape === 'frame' && !known.has(f.file))!;
  const target = targetOf(e, docs);
  assert.equal(typeof target, 'object');
  if (typeof target === 'string') return;
  const frame = readExample(e) as Record<string, unknown>;
  assert.deepEqual(validate(target, frame), []);
  assert.notDeepEqual(validate(target, { ...frame, action: 'no_such_action' }), []);
  assert.notDeepEqual(validate(target, { ...frame, payload: 42 }), []);
});
