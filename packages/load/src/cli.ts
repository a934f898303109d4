#!/usr/bin/env node
import { basename, resolve } from 'node:path';
import { formatDiagnostics, hasErrors } from './diagnostics.js';
import { loadVersionFolder } from './load.js';
import { stableJson, writeFilesAtomically } from './write.js';

const USAGE = `usage: spec-bundle <version-folder> (--out <dir> | --check) [--quiet]

Bundles the folder's *.openapi.yaml (Web) and *.asyncapi.yaml (RTM) documents into one JSON file
each, after validating them (Redocly lint with the nearest redocly.yaml; @asyncapi/parser).
  --out <dir>   write <dir>/web.openapi.json and <dir>/rtm.asyncapi.json (all or nothing)
  --check       validate only, write nothing
Exit codes: 0 ok, 1 the documents have errors, 2 bad usage.`;

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
    else if (a === '-h' || a === '--help') {
      console.log(USAGE);
      return 0;
    } else if (a.startsWith('-')) {
      console.error(`spec-bundle: unknown option ${a}\n\n${USAGE}`);
      return 2;
    } else positional.push(a);
  }
  if (positional.length !== 1 || (!out && !check)) {
    console.error(USAGE);
    return 2;
  }
  const folder = await loadVersionFolder(positional[0], { validate: true });
  const warnings = folder.diagnostics.filter((d) => d.severity === 'warning');
  if (hasErrors(folder.diagnostics)) {
    console.error(formatDiagnostics(folder.diagnostics.filter((d) => d.severity === 'error')));
    console.error(`spec-bundle: ${folder.dir}: ${folder.diagnostics.filter((d) => d.severity === 'error').length} error(s); nothing was written.`);
    return 1;
  }
  if (warnings.length && !quiet) console.error(formatDiagnostics(warnings));
  if (out) {
    const files: Record<string, string> = {};
    if (folder.web?.document) files['web.openapi.json'] = stableJson(folder.web.document);
    if (folder.rtm?.document) files['rtm.asyncapi.json'] = stableJson(folder.rtm.document);
    writeFilesAtomically(resolve(out), files);
    console.error(`spec-bundle: ${basename(folder.dir)} -> ${out}: ${Object.keys(files).join(', ')} (${warnings.length} warning(s))`);
  } else console.error(`spec-bundle: ${basename(folder.dir)}: valid (${warnings.length} warning(s))`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    // An exception here is our bug, not the user's input: say so plainly.
    console.error(`spec-bundle: internal error: ${(e as Error).message}`);
    process.exit(3);
  },
);
