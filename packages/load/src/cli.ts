#!/usr/bin/env node
import { basename, resolve } from 'node:path';
import { statSync } from 'node:fs';
import { formatDiagnostic, formatDiagnostics, hasErrors } from './diagnostics.js';
import { loadVersionFolder } from './load.js';
import { stableJson, writeFilesAtomically } from './write.js';

const USAGE = `usage: spec-bundle <version-folder> (--out <dir> | --check) [--quiet]

Bundles the folder's *.openapi.yaml (Web) and *.asyncapi.yaml (RTM) documents into one JSON file
each, after validating them (Redocly lint with our rules, @asyncapi/parser). Only files inside the
folder are read (symbolic links resolved), never the network.
  --out <dir>   write <dir>/web.openapi.json and <dir>/rtm.asyncapi.json (all or nothing)
  --check       validate only, write nothing
Exit codes: 0 ok, 2 the documents have errors (printed as file:line:col: error [code] message,
with a hint; nothing is written) or bad usage.`;

function usage(message: string): void {
  console.error(formatDiagnostic({ severity: 'error', code: 'usage', message: `spec-bundle: ${message}`, hint: 'See the usage below (spec-bundle --help).' }) + `\n\n${USAGE}`);
}

/** Why `--out` cannot receive the bundles (it exists and is not a folder), checked before any work. */
function outProblem(dir: string): string | undefined {
  try {
    return statSync(dir).isDirectory() ? undefined : '--out exists and is not a folder';
  } catch {
    return undefined; // created when writing
  }
}

async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  let out: string | undefined;
  let check = false;
  let quiet = false;
  const positional: string[] = [];
  while (args.length) {
    const a = args.shift()!;
    if (a === '--out') out = args.shift();
    else if (a === '--check') check = true;
    else if (a === '--quiet') quiet = true;
    else if (a === '-h' || a === '--help' || a === 'help') {
      console.log(USAGE);
      return 0;
    } else if (a.startsWith('-')) {
      usage(`unknown option ${a}`);
      return 2;
    } else positional.push(a);
  }
  if (positional.length !== 1 || (!out && !check)) {
    usage(positional.length !== 1 ? 'give exactly one version folder' : 'give --out <dir> or --check');
    return 2;
  }
  if (out !== undefined) {
    const problem = outProblem(resolve(out));
    if (problem) {
      console.error(formatDiagnostic({ severity: 'error', code: 'out-invalid', message: problem, file: resolve(out), hint: '--out names a folder (created if missing); the two bundles are written into it.' }));
      return 2;
    }
  }
  const folder = await loadVersionFolder(positional[0], { validate: true });
  const warnings = folder.diagnostics.filter((d) => d.severity === 'warning');
  if (hasErrors(folder.diagnostics)) {
    console.error(formatDiagnostics(folder.diagnostics.filter((d) => d.severity === 'error')));
    console.error(`spec-bundle: ${folder.dir}: ${folder.diagnostics.filter((d) => d.severity === 'error').length} error(s); nothing was written.`);
    return 2;
  }
  if (warnings.length && !quiet) console.error(formatDiagnostics(warnings));
  if (out) {
    const files: Record<string, string> = {};
    if (folder.web?.document) files['web.openapi.json'] = stableJson(folder.web.document);
    if (folder.rtm?.document) files['rtm.asyncapi.json'] = stableJson(folder.rtm.document);
    try {
      writeFilesAtomically(resolve(out), files);
    } catch (e) {
      console.error(formatDiagnostic({ severity: 'error', code: 'out-unwritable', message: `cannot write the bundles: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, file: resolve(out), hint: 'Check that --out is a writable folder; nothing was written.' }));
      return 2;
    }
    console.error(`spec-bundle: ${basename(folder.dir)} -> ${out}: ${Object.keys(files).join(', ')} (${warnings.length} warning(s))`);
  } else console.error(`spec-bundle: ${basename(folder.dir)}: valid (${warnings.length} warning(s))`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    // An exception here is our bug, not the user's input: say so plainly, in the one format.
    console.error(formatDiagnostic({ severity: 'error', code: 'internal', message: `spec-bundle: ${(e as Error).message}`, hint: 'This is a bug in spec-bundle; please report it with the input folder.' }));
    process.exit(2);
  },
);
