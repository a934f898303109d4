// The README's "Using the generated packages" example, as a new user would run it: the three packages
// packed with `npm pack`, installed into an empty folder (their dependencies from the npm cache or the
// registry), then the example and every TypeScript example of the packages' READMEs type-checked with
// the README's own minimal tsconfig.json, and the three entries imported by Node.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const PACKAGES = ['types', 'validators', 'client'];
let dir = '';
let app = '';

/** The fenced blocks of one language in a Markdown text, in order. */
function blocks(markdown: string, lang: string): string[] {
  return [...markdown.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

/** The root README's section on the generated packages: its TypeScript example and its tsconfig.json. */
function readmeSection(): { example: string; tsconfig: string } {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  const start = readme.indexOf('## Using the generated packages');
  assert.ok(start >= 0, 'README has the section "Using the generated packages"');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const [example] = blocks(section, 'ts');
  const [tsconfig] = blocks(section, 'json');
  assert.ok(example && tsconfig, 'the section has a ts example and a json tsconfig');
  return { example, tsconfig };
}

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')} failed:\n${r.stdout}${r.stderr}`);
  return r;
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'readme-example-'));
  app = join(dir, 'app');
  mkdirSync(app);
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir, ...PACKAGES.flatMap((p) => ['-w', `@ccapi/${p}`])], repo).stdout) as Array<{ filename: string }>;
  assert.equal(packed.length, PACKAGES.length);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'new-user-app', private: true, type: 'module' }));
  run('npm', ['install', '--prefer-offline', '--no-package-lock', ...packed.map((p) => join(dir, p.filename))], app);
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the README example and the package READMEs type-check against the packed packages with the README tsconfig', () => {
  const { example, tsconfig } = readmeSection();
  writeFileSync(join(app, 'tsconfig.json'), tsconfig);
  writeFileSync(join(app, 'example.ts'), example);
  let n = 0;
  for (const p of PACKAGES) {
    for (const code of blocks(readFileSync(join(repo, 'packages', p, 'README.md'), 'utf8'), 'ts')) {
      // each example is its own module (top-level await, no name clashes between examples)
      writeFileSync(join(app, `${p}-${n++}.ts`), `${code}\nexport {};\n`);
    }
  }
  assert.ok(n >= 3, `${n} examples in the package READMEs`);
  const tsc = spawnSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', join(app, 'tsconfig.json')], { cwd: app, encoding: 'utf8' });
  assert.equal(tsc.status, 0, `tsc reported errors:\n${tsc.stdout}${tsc.stderr}`);
});

test('the packed entries load in Node from the clean folder', () => {
  const code = PACKAGES.map((p) => `await import('@ccapi/${p}/v3.3');`).join(' ') + " const v = await import('@ccapi/validators/v3.3'); if (v.validateRtmFrame({}).valid) process.exit(1);";
  run(process.execPath, ['--input-type=module', '-e', code], app);
});
