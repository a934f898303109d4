import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { distCli } from '../index.js';

const helper = pathToFileURL(join(import.meta.dirname, '..', 'index.js')).href;

/** A browser suite using browserSkip, run by node --test with the given environment. */
function suite(env) {
  const dir = mkdtempSync(join(tmpdir(), 'browser-suite-'));
  const file = join(dir, 'browser.test.mjs');
  writeFileSync(
    file,
    `import { test } from 'node:test';\nimport { browserSkip } from ${JSON.stringify(helper)};\nconst skip = browserSkip('demo');\ntest('renders', { skip }, () => {});\n`,
  );
  const clean = { ...process.env };
  delete clean.CI;
  delete clean.NODE_TEST_CONTEXT; // run as a top-level test process, not as a child of this one
  return spawnSync(process.execPath, ['--test', '--test-reporter=tap', file], { encoding: 'utf8', env: { ...clean, ...env } });
}

for (const [name, env, code] of [
  ['CI=true', { CI: 'true' }, 1],
  ['CI=1', { CI: '1' }, 1],
  ['no CI', {}, 0],
  ['CI=false', { CI: 'false' }, 0],
]) {
  test(`without Chromium (${name}) the browser suite ${code ? 'fails' : 'is skipped with one line'}`, () => {
    const r = suite({ ...env, CHROMIUM_PATH: '/nonexistent/chromium' });
    assert.equal(r.status, code, r.stdout + r.stderr);
    if (code) assert.match(r.stdout, /demo needs Chromium/);
    else {
      const lines = (r.stdout + r.stderr).split('\n').filter((l) => l.includes('SKIPPED'));
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0], /SKIPPED browser tests of demo: no Chromium at \/nonexistent\/chromium; install it with `bash scripts\/install-chromium\.sh`/);
    }
  });
}

test('with Chromium present the suite runs (CHROMIUM_PATH is where it looks)', () => {
  const r = suite({ CI: 'true', CHROMIUM_PATH: process.execPath });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /# pass 1/);
  assert.doesNotMatch(r.stdout + r.stderr, /SKIPPED/);
});

test('distCli: the built entry; refused when missing', () => {
  const pkg = mkdtempSync(join(tmpdir(), 'pkg-'));
  mkdirSync(join(pkg, 'src'));
  mkdirSync(join(pkg, 'dist'));
  writeFileSync(join(pkg, 'src', 'cli.ts'), '');
  assert.throws(() => distCli(pkg), /dist\/cli\.js is missing: run `npm run build`/);
  writeFileSync(join(pkg, 'dist', 'cli.js'), '');
  // older than src/ is fine: turbo restores dist/ from its cache with the mtimes it had when cached
  const old = new Date(Date.now() - 60_000);
  utimesSync(join(pkg, 'dist', 'cli.js'), old, old);
  assert.equal(distCli(pkg), join(pkg, 'dist', 'cli.js'));
  assert.throws(() => distCli(pkg, 'other.js'), /dist\/other\.js is missing/);
});
