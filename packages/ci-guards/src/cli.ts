#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import { checkChangesets, renderChangesetReport } from './changeset.js';
import { checkFrozen, renderFrozenReport } from './frozen.js';
import { GuardInputError } from './git.js';

const USAGE = `usage: api-guard <frozen|changeset> [--repo DIR] [--base REF] [--format text|markdown] [--report FILE]

  frozen     fail when a released (stable or deprecated) version in specs/versions.yaml has a
             breaking change compared with the base (default: merge-base of HEAD and main);
             waivers with a reason in specs/breaking-waivers.yaml let documented fixes through
  changeset  fail when specs/ or a published package changed and no .changeset/*.md was added

Exit codes: 0 pass, 1 the guard failed (report printed), 2 bad input or usage.`;

function main(argv: string[]): number {
  const [cmd, ...rest] = argv;
  const opts: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const m = /^--(repo|base|format|report)$/.exec(rest[i]);
    if (!m || rest[i + 1] === undefined) {
      console.error(`api-guard: unexpected argument ${rest[i]}\n\n${USAGE}`);
      return 2;
    }
    opts[m[1]] = rest[++i];
  }
  const repo = opts.repo ?? process.cwd();
  try {
    let text: string;
    let ok: boolean;
    if (cmd === 'frozen') {
      const r = checkFrozen({ repo, base: opts.base });
      text = renderFrozenReport(r, opts.format === 'markdown' ? 'markdown' : 'text');
      ok = r.blocking.length === 0;
    } else if (cmd === 'changeset') {
      const r = checkChangesets({ repo, base: opts.base });
      text = renderChangesetReport(r);
      ok = r.ok;
    } else {
      console.error(cmd ? `api-guard: unknown command ${cmd}\n\n${USAGE}` : USAGE);
      return 2;
    }
    console.log(text);
    if (opts.report) writeFileSync(opts.report, text + '\n');
    return ok ? 0 : 1;
  } catch (e) {
    if (e instanceof GuardInputError) {
      console.error(`api-guard: ${e.message}\n    hint: ${e.hint}`);
      return 2;
    }
    console.error(`api-guard: internal error: ${(e as Error).message}`);
    return 3;
  }
}

process.exit(main(process.argv.slice(2)));
