/** `build` writes the site (default dist/site at the repository root); `serve` serves it on 127.0.0.1. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSite, REPO_ROOT } from './build.js';
import { createStaticServer, listen } from './serve.js';

/** docs:serve's default port; the mock server defaults to another one, so both can run side by side. */
export const DEFAULT_PORT = 8080;

export interface Io { out: (line: string) => void; err: (line: string) => void }

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}

const USAGE = 'usage: cli.ts build [--out DIR] [--generated DIR] [--versions FILE] [--changelog FILE] [--rules FILE] [--history FILE] [--examples DIR] | serve [--port N] [--host H]';

/** Runs one command; resolves with the exit code (`serve` only resolves when it cannot start). */
export async function main(argv: string[], io: Io = { out: (l) => console.log(l), err: (l) => console.error(l) }): Promise<number> {
  const [command = 'build', ...args] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return 0;
  }
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
      log: io.out,
    });
  if (command === 'build') {
    io.out(`building the reference site into ${out}`);
    const result = await build();
    io.out(`built ${result.pages.length} pages for ${result.versions.join(', ')}; changelog entries: ${result.changelogEntries ?? 'none (file missing)'}; rules: ${result.rules ?? 'none (file missing)'}; ${(result.ms / 1000).toFixed(1)} s`);
    return 0;
  }
  if (command === 'serve') {
    // `--port N`, or a bare number (what reaches us when npm ate the `--port` flag of `npm run docs:serve --port N`).
    const bare = args.find((a, i) => /^\d+$/.test(a) && !args[i - 1]?.startsWith('--'));
    const raw = option(args, 'port', bare ?? process.env.PORT ?? String(DEFAULT_PORT));
    const port = Number(raw);
    const host = option(args, 'host', '127.0.0.1');
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      io.err(`docs:serve: error [bad-port] ${JSON.stringify(raw)} is not a port; use e.g. npm run docs:serve -- --port ${DEFAULT_PORT + 10}`);
      return 2;
    }
    if (!existsSync(join(out, 'index.html'))) await build();
    const server = createStaticServer(out);
    try {
      const url = await listen(server, port, host);
      io.out(`docs:serve: serving ${out} at ${url} (port ${new URL(url).port}; another one with --port N; Ctrl+C to stop)`);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'EADDRINUSE' ? 'is already in use' : code === 'EACCES' ? 'needs privileges' : `cannot be used (${code ?? String(err)})`;
      io.err(`docs:serve: error [port-unavailable] ${host}:${port} ${why}; pick another: npm run docs:serve -- --port ${port === 0 ? DEFAULT_PORT : port + 1}`);
      return 2;
    }
    return new Promise<number>(() => {});
  }
  io.err(`docs-site: error [unknown-command] ${JSON.stringify(command)}; ${USAGE}`);
  return 2;
}
