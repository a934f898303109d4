#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import { checkChangesets, renderChangesetReport } from './changeset.js';
import { checkFrozen, renderFrozenReport } from './frozen.js';
import { GuardInputError } from './git.js';

const USAGE = `usage: api-guard <frozen|changeset> [--repo DIR] [--base REF] [--format text|markdown|json] [--report FILE]

  frozen     fail when a released (stable or deprecated) version in specs/versions.yaml has a
             breaking change compared with the base (the merge-base of HEAD and --base, default
             main or origin/main; no base found is an error, never a pass); losing its status,
             folder or versions.yaml entry counts too; waivers with a reason in
             specs/breaking-waivers.yaml let documented fixes through
  changeset  fail when specs/ or a published package changed and no .changeset/*.md was added

  --format   text (default), markdown (for a PR comment) or json (frozen only)

Exit codes: 0 pass, 1 the guard failed (report printed), 2 bad input or usage.`;

function fail(code: string, message: string, hint: string, file?: string): number {
  const text = file && message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message;
  console.error(`${file ? `${file}: ` : ''}error [${code}] api-guard: ${text}\n    hint: ${hint}`);
  return 2;
}

function main(argv: string[]): number {
  const [cmd, ...rest] = argv;
  if (cmd === '--help' || cmd === '-h' || cmd === 'help' || rest.includes('--help') || rest.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const opts: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const m = /^--(repo|base|format|report)$/.exec(rest[i]);
    if (!m || rest[i + 1] === undefined) {
      fail('usage', `unexpected argument ${rest[i]}${m ? ' (it needs a value)' : ''}`, 'See api-guard --help.');
      console.error(`\n${USAGE}`);
      return 2;
    }
    opts[m[1]] = rest[++i];
  }
  const formats = cmd === 'frozen' ? ['text', 'markdown', 'json'] : ['text'];
  if (opts.format !== undefined && !formats.includes(opts.format)) return fail('usage', `--format ${opts.format} is not supported by ${cmd ?? 'this command'} (use ${formats.join(' or ')})`, 'See api-guard --help.');
  const repo = opts.repo ?? process.cwd();
  try {
    let text: string;
    let ok: boolean;
    if (cmd === 'frozen') {
      const r = checkFrozen({ repo, base: opts.base });
      text = renderFrozenReport(r, (opts.format ?? 'text') as 'text' | 'markdown' | 'json');
      ok = r.blocking.length === 0;
    } else if (cmd === 'changeset') {
      const r = checkChangesets({ repo, base: opts.base });
      text = renderChangesetReport(r);
      ok = r.ok;
    } else {
      if (cmd) fail('usage', `unknown command ${cmd}`, 'The commands are frozen and changeset (api-guard --help).');
      console.error(cmd ? `\n${USAGE}` : USAGE);
      return 2;
    }
    console.log(text);
    if (opts.report) writeFileSync(opts.report, text + '\n');
    return ok ? 0 : 1;
  } catch (e) {
    if (e instanceof GuardInputError) return fail('guard-input', e.message, e.hint, e.file);
    return fail('internal', (e as Error).message, 'This is a bug in api-guard; please report it with the command line.');
  }
}

process.exit(main(process.argv.slice(2)));
