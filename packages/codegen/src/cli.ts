#!/usr/bin/env node
import { formatDiagnostics } from '@ccapi/load';
import { bundledVersions, findRoot, generateVersion, writeOutputs, type Output } from './generate.js';
import { CodegenError } from './normalize.js';

const USAGE = `usage: ccapi-codegen --version 3.3 [--check]   (or --all)
Reads generated/v<version>/{web.openapi.json,rtm.asyncapi.json} and writes
packages/types/src/v<version>/*, packages/validators/src/v<version>/*.
--check  write nothing; exit 1 when a committed file differs from what would be written.`;

async function main(argv: string[]): Promise<number> {
  let versions: string[] = [];
  let check = false;
  let all = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--version' || a === '-v') versions.push(String(argv[++i] ?? '').replace(/^v/, ''));
    else if (a.startsWith('--version=')) versions.push(a.slice(10).replace(/^v/, ''));
    else if (a === '--check') check = true;
    else if (a === '--all') all = true;
    else if (a === '--help' || a === '-h' || a === 'help') {
      console.log(USAGE);
      return 0;
    } else {
      console.error(`ccapi-codegen: unknown argument ${a}\n${USAGE}`);
      return 2;
    }
  }
  const root = findRoot(process.cwd());
  if (all) versions = bundledVersions(root);
  if (versions.length === 0 || versions.some((v) => !/^\d+\.\d+$/.test(v))) {
    console.error(`ccapi-codegen: give --version <major.minor> (e.g. 3.3) or --all\n${USAGE}`);
    return 2;
  }
  let stale = 0;
  // every version is computed before anything is written: one bad version writes nothing
  const computed: [string, Output[]][] = [];
  let failed = false;
  for (const v of versions) {
    const { outputs, diagnostics } = await generateVersion(root, v);
    if (diagnostics.length) console.error(formatDiagnostics(diagnostics.map((d) => ({ ...d, code: d.code ?? 'codegen' }))));
    if (diagnostics.some((d) => d.severity === 'error')) failed = true;
    computed.push([v, outputs]);
  }
  if (failed) {
    console.error('ccapi-codegen: nothing written');
    return 2;
  }
  for (const [v, outputs] of computed) {
    if (check) {
      const { readFileSync, existsSync } = await import('node:fs');
      for (const o of outputs) {
        if (!existsSync(o.path) || readFileSync(o.path, 'utf8') !== o.content) {
          console.error(`stale: ${o.path}`);
          stale++;
        }
      }
      continue;
    }
    const { written, unchanged } = writeOutputs(outputs);
    console.log(`ccapi-codegen v${v}: ${written} written, ${unchanged} unchanged`);
  }
  if (stale) {
    console.error(`ccapi-codegen: ${stale} generated file(s) are stale; run npm run build`);
    return 1;
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof CodegenError) console.error(`ccapi-codegen: ${e.message}`);
    else console.error(`ccapi-codegen: internal error: ${(e as Error)?.stack ?? e}`);
    process.exit(1);
  },
);
