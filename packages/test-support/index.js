// Helpers shared by the test suites (plain JS: no build step, importable from any test file).
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

export function distCli(packageDir, entry = 'cli.js') {
  const file = join(packageDir, 'dist', entry);
  const shown = relative(process.cwd(), file) || file;
  // The tests run the built CLI because tsx costs 1.5-5 s per start. `npm test` (turbo) builds dist/ from the
  // current src/ first; no mtime check here, since turbo restores dist/ from its cache with older mtimes.
  if (!existsSync(file)) throw new Error(`${shown} is missing: run \`npm run build\` (turbo builds it before \`npm test\`)`);
  return file;
}

export function chromiumPath() {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export function inCI() {
  const v = (process.env.CI ?? '').toLowerCase();
  return v !== '' && v !== '0' && v !== 'false';
}

export function browserSkip(suite) {
  const exe = chromiumPath();
  if (existsSync(exe)) return false;
  const reason = `${suite}: no Chromium at ${exe}; install it with \`bash scripts/install-chromium.sh\` or set CHROMIUM_PATH`;
  if (inCI()) {
    test(`${suite} needs Chromium (CI does not accept a skipped browser suite)`, () => {
      throw new Error(reason);
    });
  } else {
    process.stderr.write(`SKIPPED browser tests of ${reason}\n`);
  }
  return reason;
}
