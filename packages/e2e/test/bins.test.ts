import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

/** [package folder, bin name, bin path in the package] of every package's `bin` field. */
function packageBins(): Array<[string, string, string]> {
  const out: Array<[string, string, string]> = [];
  for (const name of readdirSync(join(repo, 'packages'))) {
    let manifest: { bin?: string | Record<string, string> };
    try {
      manifest = JSON.parse(readFileSync(join(repo, 'packages', name, 'package.json'), 'utf8'));
    } catch {
      continue;
    }
    const bins = typeof manifest.bin === 'string' ? { [name]: manifest.bin } : (manifest.bin ?? {});
    for (const [bin, target] of Object.entries(bins)) out.push([name, bin, target]);
  }
  return out;
}

// npm links a workspace's bins during `npm ci`, before anything is built: a bin pointing into dist/
// is silently not linked on a fresh clone, and every script calling it fails with exit 127.
test('every bin of every package is a committed, executable file outside dist/', () => {
  const tracked = new Set(execFileSync('git', ['ls-files', 'packages'], { cwd: repo, encoding: 'utf8' }).split('\n'));
  let count = 0;
  for (const [name, bin, target] of packageBins()) {
    const rel = join('packages', name, target);
    assert.ok(!/(^|\/)dist\//.test(target), `${bin} -> ${rel} points into dist/`);
    assert.ok(tracked.has(rel), `${bin} -> ${rel} is not committed`);
    assert.ok(statSync(join(repo, rel)).mode & 0o111, `${bin} -> ${rel} is not executable`);
    count++;
  }
  assert.ok(count >= 5, `found ${count} bins`);
});

// #18: every CLI answers `--help`, `-h` and `help` with its usage and exit 0 (built bins, from dist/).
test('every bin answers --help, -h and help with exit 0', () => {
  for (const [name, bin, target] of packageBins()) {
    for (const arg of ['--help', '-h', 'help']) {
      const r = spawnSync(process.execPath, [join(repo, 'packages', name, target), arg], { encoding: 'utf8', timeout: 20_000 });
      assert.equal(r.status, 0, `${bin} ${arg}: exit ${r.status}\n${r.stderr}`);
      assert.match(r.stdout, /usage/i, `${bin} ${arg} prints its usage on stdout`);
    }
  }
});

// A reader that stops early (`api-diff changelog … | head`) closes the pipe under the CLI: it stops
// there with its exit code and no stack trace (Node's default is an unhandled 'error' event).
test('every bin whose output pipe is closed early stops without a stack trace', async () => {
  for (const [name, bin, target] of packageBins()) {
    const child = spawn(process.execPath, [join(repo, 'packages', name, target), '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    assert.doesNotMatch(stderr, /Unhandled 'error' event|\n\s+at /, `${bin}: ${stderr}`);
    assert.equal(code, 0, `${bin}: exit ${code}\n${stderr}`);
  }
});
