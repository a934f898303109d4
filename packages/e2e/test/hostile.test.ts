import { test } from 'node:test';
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec, loadVersionFolder } from '@ccapi/load';

const here = fileURLToPath(new URL('.', import.meta.url));
const corpus = join(here, 'hostile');
const bin = (name: string) => join(here, '../../../node_modules/.bin', name);
import { exec, type Run } from './limited.ts';

interface Case {
  name: string;
  dir: string;
  expect: string;
  entry?: string;
}
const cases: Case[] = readdirSync(corpus)
  .sort()
  .map((name) => {
    const dir = join(corpus, name);
    const entry = readdirSync(dir).find((f) => f.startsWith('spec.'));
    return { name, dir, expect: readFileSync(join(dir, 'expect'), 'utf8').trim(), entry };
  });

/** A 50 MB document, written at test time (too big to commit). */
function hugeCase(): Case {
  const dir = mkdtempSync(join(tmpdir(), 'huge-'));
  const filler = 'x'.repeat(1000);
  const props = Array.from({ length: 52_000 }, (_, i) => `  p${i}: {type: string, description: ${filler}}`).join('\n');
  writeFileSync(join(dir, 'spec.yaml'), `openapi: 3.1.0\ninfo: {title: x, version: "1"}\npaths: {}\nx-big:\n${props}\n`);
  return { name: 'file-50mb', dir, expect: 'file-too-large', entry: 'spec.yaml' };
}

function assertCleanError(r: Run, c: Case) {
  const stderr = String(r.stderr);
  assert.notEqual(r.signal, 'SIGTERM', `${c.name}: timed out`);
  assert.doesNotMatch(stderr, /\n\s+at .+:\d+:\d+\)?\n/, `${c.name}: no stack trace in\n${stderr}`);
  assert.doesNotMatch(stderr, /internal error/, `${c.name}: reported as an internal error:\n${stderr}`);
  assert.ok(/hint:/.test(stderr), `${c.name}: says what to do:\n${stderr}`);
}

test('the hostile corpus has at least 30 cases, each with an expected error code', () => {
  assert.ok(cases.length >= 30, `only ${cases.length} cases`);
  for (const c of cases) assert.match(c.expect, /^[a-z-]+$/, c.name);
});

// Two CLI runs per case, each mostly start-up: running the cases side by side keeps the file under a minute.
test('hostile inputs', { concurrency: Math.max(2, availableParallelism()) }, async (t) => {
  await Promise.all([...cases, hugeCase()].map((c) => t.test(`hostile input: ${c.name}`, async () => {
      const target = c.entry ? join(c.dir, c.entry) : c.name === 'folder-without-specs' ? c.dir : join(c.dir, 'nope.yaml');

      // 1. The library: an error diagnostic with the expected code and the file it is in; no document.
      const r = c.entry || c.name !== 'folder-without-specs' ? await loadSpec(target, { validate: true }) : await loadVersionFolder(target);
      const errors = r.diagnostics.filter((d) => d.severity === 'error');
      assert.ok(errors.length > 0, `${c.name}: no error`);
      if (c.expect !== 'any') assert.ok(errors.some((d) => d.code === c.expect), `${c.name}: expected ${c.expect}, got ${errors.map((d) => d.code).join(', ')}`);
      assert.ok(errors.every((d) => d.file), `${c.name}: every error names its file`);
      assert.equal((r as { document?: unknown }).document, undefined);

      // 2. api-diff: exit 2 with a clear message naming the file.
      const d = await exec(bin('api-diff'), ['breaking', target, target]);
      assert.equal(d.status, 2, `${c.name}: api-diff exit ${d.status}\n${d.stdout}${d.stderr}`);
      assertCleanError(d, c);

      // 3. spec-bundle on a version folder holding the case: exit 2, nothing written.
      if (c.entry) {
        const folder = mkdtempSync(join(tmpdir(), 'hostile-'));
        cpSync(c.dir, folder, { recursive: true });
        renameSync(join(folder, c.entry), join(folder, c.entry.replace(/^spec\./, 'web.openapi.')));
        const out = join(folder, 'out');
        const b = await exec(bin('spec-bundle'), [folder, '--out', out]);
        assert.equal(b.status, 2, `${c.name}: spec-bundle exit ${b.status}\n${b.stderr}`);
        assertCleanError(b, c);
        assert.ok(!existsSync(out) || readdirSync(out).length === 0, `${c.name}: nothing written`);
        rmSync(folder, { recursive: true, force: true });
      }
  })));
});
