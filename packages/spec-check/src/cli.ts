#!/usr/bin/env node
/**
 * Prints the differences between the API reference and one version's specs.
 *
 *   npx tsx packages/spec-check/src/cli.ts 3.3 [--bundle] [--json] [--all]
 *
 * Reads generated/v3.3/*.json, or bundles specs/v3.3 with Redocly when generated/ lacks it (or with --bundle).
 * Waived findings (waivers.yaml) are hidden unless --all. Exit code: 0 no open finding, 1 findings, 2 bad input.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkVersion, formatFinding } from './check.js';
import { bundleSpecs, indexedVersions, loadGenerated, loadIndex, normaliseVersion, repoRoot } from './load.js';
import { applyWaivers, loadWaivers } from './waivers.js';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  const positional = args.filter((a) => !a.startsWith('--'));
  const versions = positional.length ? positional.map(normaliseVersion) : indexedVersions();
  let open = 0;
  const out: unknown[] = [];
  for (const v of versions) {
    if (!indexedVersions().includes(v)) {
      console.error(`spec-check: no reference index for v${v} (have: ${indexedVersions().join(', ')})`);
      return 2;
    }
    const gen = join(repoRoot, 'generated', `v${v}`);
    const useGenerated = !flags.has('--bundle') && existsSync(join(gen, 'web.openapi.json')) && existsSync(join(gen, 'rtm.asyncapi.json'));
    const docs = useGenerated ? loadGenerated(v) : await bundleSpecs(v);
    const result = checkVersion(loadIndex(v), docs);
    const { open: o, waived } = applyWaivers(result.findings, loadWaivers(), [v]);
    open += o.length;
    if (flags.has('--json')) {
      out.push({ version: v, source: useGenerated ? 'generated' : 'specs', stats: result.stats, findings: o, waived });
      continue;
    }
    for (const f of flags.has('--all') ? result.findings : o) console.log(formatFinding(f));
    for (const p of ['web', 'rtm'] as const) {
      const s = result.stats[p];
      const n = o.filter((f) => f.protocol === p).length;
      console.error(
        `v${v} ${p} (${useGenerated ? 'generated' : 'bundled from specs'}): ${s.methods} methods, ${s.pushes} pushes, ${s.structures} structures, ${s.parameters} parameters, ${s.fields} fields compared, ${n} findings${waived.length ? ` (+${waived.filter((f) => f.protocol === p).length} waived)` : ''}`,
      );
    }
  }
  if (flags.has('--json')) console.log(JSON.stringify(out, null, 2));
  return open ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`spec-check: ${(e as Error).message}`);
    process.exit(2);
  },
);
