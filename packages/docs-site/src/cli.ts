/** `build` writes the site (default dist/site at the repository root); `serve` serves it on 127.0.0.1. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSite, REPO_ROOT } from './build.js';
import { createStaticServer, listen } from './serve.js';

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}

async function main(argv: string[]): Promise<number> {
  const [command = 'build', ...args] = argv;
  const out = resolve(option(args, 'out', join(REPO_ROOT, 'dist/site')));
  const build = () =>
    buildSite({
      outDir: out,
      generatedDir: resolve(option(args, 'generated', join(REPO_ROOT, 'generated'))),
      versionsFile: resolve(option(args, 'versions', join(REPO_ROOT, 'specs/versions.yaml'))),
      changelogFile: resolve(option(args, 'changelog', join(REPO_ROOT, 'generated/changelog.json'))),
      rulesFile: resolve(option(args, 'rules', join(REPO_ROOT, 'generated/rules.json'))),
      historyFile: resolve(option(args, 'history', join(REPO_ROOT, 'generated/history.json'))),
      examplesDir: resolve(option(args, 'examples', join(REPO_ROOT, 'packages/spec-check/reference/examples'))),
      log: (line) => console.log(line),
    });
  if (command === 'build') {
    console.log(`building the reference site into ${out}`);
    const result = await build();
    console.log(`built ${result.pages.length} pages for ${result.versions.join(', ')}; changelog entries: ${result.changelogEntries ?? 'none (file missing)'}; rules: ${result.rules ?? 'none (file missing)'}; ${(result.ms / 1000).toFixed(1)} s`);
    return 0;
  }
  if (command === 'serve') {
    if (!existsSync(join(out, 'index.html'))) await build();
    const port = Number(option(args, 'port', process.env.PORT ?? '8080'));
    const url = await listen(createStaticServer(out), port, option(args, 'host', '127.0.0.1'));
    console.log(`serving ${out} at ${url} (Ctrl+C to stop)`);
    return new Promise<number>(() => {});
  }
  console.error(`unknown command ${JSON.stringify(command)}; use "build [--out DIR] [--changelog FILE]" or "serve [--port N]"`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
