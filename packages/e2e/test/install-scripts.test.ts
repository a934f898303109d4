// `npm ci` on a fresh clone prints no "install scripts not yet covered by allowScripts" warning: every
// package of the lockfile that has an install script is decided in package.json's allowScripts
// (true: runs, e.g. esbuild's binary check; false: never runs, e.g. @scarf/scarf's telemetry).
// Read from the lockfile, so it holds whichever npm runs it; .ci/run also fails on any `npm warn` of npm ci.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

test('every dependency with an install script is approved or denied in allowScripts', () => {
  const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean; link?: boolean }> };
  const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean>; scarfSettings?: { enabled?: boolean } };
  const decided = new Set(Object.keys(manifest.allowScripts ?? {}).map((k) => k.replace(/(.)@[^/]*$/, '$1')));
  const withScripts = Object.entries(lock.packages)
    .filter(([path, p]) => path.includes('node_modules/') && p.hasInstallScript)
    .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
  assert.ok(withScripts.length > 0, 'the lockfile marks install scripts');
  assert.deepEqual(withScripts.filter((n) => !decided.has(n)), [], 'install scripts nobody decided on: npm install-scripts approve|deny <pkg>');
  assert.equal(manifest.allowScripts?.['@scarf/scarf'], false, "scarf's telemetry stays off");
  assert.equal(manifest.scarfSettings?.enabled, false, 'and off for npm versions without allowScripts too');
});
