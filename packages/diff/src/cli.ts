#!/usr/bin/env node
import { once } from 'node:events';
import { fstatSync, realpathSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '@ccapi/model';
import { formatDiagnostic } from '@ccapi/load';
import { diffPaths, labelOf } from './diff.js';
import { changelogJsonParts, changelogStats, markdownSection, renderBreakingMarkdown, renderText, toChangelog } from './render.js';
import { writeChangelog } from './generate-changelog.js';
import { buildHistory } from './history.js';
import { reconcileFile, renderReconcile } from './reconcile.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { LEVEL_RANK, type Level } from './types.js';

const USAGE = `Usage:
  api-diff changelog BASE REVISION [--format markdown|json] [--written-by client|server]
  api-diff breaking BASE REVISION [--format text|markdown|json] [--fail-on ERR|WARN] [--written-by client|server]
  api-diff changelog-all SPECS_DIR [--out DIR]
  api-diff history SPECS_DIR [--out FILE]        (default: JSON on stdout)
  api-diff reconcile CHANGELOG --against SPECS_DIR [--format markdown|json] [--out FILE] [--fail-on-unsupported yes]

BASE and REVISION are OpenAPI 3.0/3.1 or AsyncAPI 2.x/3.x files (YAML or JSON) or version folders.
--written-by: who an AsyncAPI 3 document describes (a server's application: what it sends, clients
receive; or a client's). Without it, request/reply operations decide, then the other version; with
neither, the document is read as the server's and a warning says so.
Exit codes: 0 no change at or above --fail-on, 1 such a change was found, 2 bad input or usage.
breaking --format json: the top-level "breaking" is the --fail-on verdict (true exactly when the exit
code is 1); each finding's "breaking" says its level is WARN or ERR. WARN findings under the default
--fail-on ERR are therefore "breaking": true on the finding and false at the top.`;

/** Where the CLI writes: `out` may be called several times for one output (large ones go in pieces). */
export interface Io { out: (s: string) => void; err: (s: string) => void }

class UsageError extends Error {}

function parseArgs(argv: string[]): { positional: string[]; flags: Record<string, string> } {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [k, v] = a.includes('=') ? [a.slice(2, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a.slice(2), argv[i + 1]];
      if (!a.includes('=')) i++;
      if (v === undefined || v.startsWith('--')) throw new UsageError(`option --${k} needs a value`);
      flags[k] = v;
    } else positional.push(a);
  }
  return { positional, flags };
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], dflt: T): T {
  if (value === undefined) return dflt;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

/** A --fail-on level in any case, spelled short or long: `ERR`, `err`, `error`, `WARN`, `Warning`. */
function parseLevel(value: string | undefined): Level {
  if (value === undefined) return 'ERR';
  const v = value.toLowerCase();
  if (v === 'err' || v === 'error') return 'ERR';
  if (v === 'warn' || v === 'warning') return 'WARN';
  throw new UsageError(`--fail-on must be one of ERR, WARN (got "${value}")`);
}

/** The one error format of every CLI here (`file:line:col: error [code] message` + `hint:`), from @ccapi/load. */
function printDiagnostics(diags: Diagnostic[], io: Io): void {
  for (const d of diags) {
    io.err(formatDiagnostic({ ...d, code: d.code ?? (d.severity === 'error' ? 'invalid-input' : 'note'), hint: d.hint ?? 'Fix the input named above and run again.' }));
  }
}

/** An error that is not about a place in a file (usage, internal), in the same format. */
function printError(io: Io, code: string, message: string, hint: string): void {
  io.err(formatDiagnostic({ severity: 'error', code, message: `api-diff: ${message}`, hint }));
}

/**
 * Writes `text` to stdout in pieces of about 64 KiB. One write of a whole changelog (7.7 MB on
 * Stripe) encodes it into one fresh buffer as large: 65-70 ms against 6-10 ms in pieces, to a pipe.
 * A piece never ends between the two halves of a surrogate pair, which would each become U+FFFD.
 */
export function writeInPieces(text: string, write: (piece: string) => void, size = 65536): void {
  if (text.length <= size) return void write(text);
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    write(text.slice(start, end));
    start = end;
  }
}

/**
 * Sends `parts` to `out`: small ones joined into pieces of about `size` characters, each part of
 * `alone` characters or more by itself, as it is. Joining the large ones would copy them for nothing:
 * Stripe's JSON changelog is 7.7 MB of which nearly all is in parts of 4 KiB or more, and its joined
 * copy (7.7 MB more of V8 heap, ~1,500 pages touched for the first time) cost ~20 ms.
 */
export function writeParts(parts: string[], out: (s: string) => void, size = 65536, alone = 4096): void {
  let batch: string[] = [];
  let length = 0;
  const flush = () => {
    if (batch.length) out(batch.join(''));
    batch = [];
    length = 0;
  };
  for (const part of parts) {
    if (part.length >= alone) {
      flush();
      out(part);
      continue;
    }
    if (length + part.length > size) flush();
    batch.push(part);
    length += part.length;
  }
  flush();
}

/** A message line on stderr (every diagnostic the CLI prints goes this way). */
const errLine = (s: string) => void process.stderr.write(`${s}\n`);

/**
 * `run` as the bin runs it: the output goes to `stdout` at the pace its reader takes it. Written all
 * at once to a pipe whose reader is slower, it would wait in memory whole (Stripe's JSON changelog,
 * 7.4 MiB, took ~13 MB of fresh buffers, about 3,400 page faults), so a write that fills the
 * stream's buffer waits for 'drain' before the next piece goes.
 */
export async function runCli(argv: string[], stdout: NodeJS.WritableStream = process.stdout): Promise<number> {
  const pieces: string[] = [];
  const code = run(argv, { out: (s) => writeInPieces(s, (piece) => void pieces.push(piece)), err: errLine });
  // to a regular file, pieces go straight to the descriptor: Node's stream for a file copies each
  // string into a fresh Buffer first (Stripe's JSON changelog: 25-30 ms against 5-8 ms)
  if (stdout === process.stdout && isFile(1)) {
    try {
      for (const piece of pieces) if (writeSync(1, piece) !== Buffer.byteLength(piece)) throw new Error('a short write (is the disk full?)');
    } catch (e) {
      // told the way the bin tells a failed stream write (exit 2, no stack trace)
      stdout.emit('error', e);
      return 2;
    }
    return code;
  }
  for (const piece of pieces) if (!stdout.write(piece)) await once(stdout, 'drain');
  return code;
}

function isFile(fd: number): boolean {
  try {
    return fstatSync(fd).isFile();
  } catch {
    return false;
  }
}

/** Runs the CLI and returns its exit code (only the bin entry point calls process.exit). */
export function run(argv: string[], io: Io = { out: (s) => writeInPieces(s, (piece) => process.stdout.write(piece)), err: errLine }): number {
  try {
    const [command, ...rest] = argv;
    // asking for help anywhere (`api-diff breaking --help`) is asking for help, not a flag without a value
    const help = (a: string) => a === '--help' || a === '-h';
    if (!command || help(command) || command === 'help' || rest.some(help)) {
      io.out(`${USAGE}\n`);
      return command ? 0 : 2;
    }
    const { positional, flags } = parseArgs(rest);
    if (command === 'changelog-all') {
      if (positional.length !== 1) throw new UsageError('changelog-all needs SPECS_DIR');
      const diags = writeChangelog(positional[0], flags.out ?? 'generated');
      printDiagnostics(diags, io);
      return diags.some((d) => d.severity === 'error') ? 2 : 0;
    }
    if (command === 'history') {
      if (positional.length !== 1) throw new UsageError('history needs SPECS_DIR');
      const { history, diagnostics } = buildHistory(positional[0]);
      printDiagnostics(diagnostics, io);
      if (diagnostics.some((d) => d.severity === 'error')) return 2;
      const json = `${JSON.stringify(history, null, 2)}\n`;
      if (flags.out) {
        mkdirSync(dirname(flags.out), { recursive: true });
        writeFileSync(flags.out, json);
      } else io.out(json);
      return 0;
    }
    if (command === 'reconcile') {
      if (positional.length !== 1 || !flags.against) throw new UsageError('reconcile needs CHANGELOG and --against SPECS_DIR');
      const format = oneOf('format', flags.format, ['markdown', 'json'] as const, 'markdown');
      let r: ReturnType<typeof reconcileFile>;
      try {
        r = reconcileFile(positional[0], flags.against);
      } catch (e) {
        io.err(formatDiagnostic({ severity: 'error', code: 'invalid-input', message: (e as Error).message, file: positional[0], hint: 'Give a readable changelog file (Markdown or text) and a specs folder of version folders.' }));
        return 2;
      }
      printDiagnostics(r.diagnostics, io);
      if (r.diagnostics.some((d) => d.severity === 'error')) return 2;
      const text = format === 'json' ? `${JSON.stringify({ $comment: 'auto-generated by `api-diff reconcile`; do not edit', versions: r.versions }, null, 2)}\n` : renderReconcile(r, flags.source ?? positional[0]);
      if (flags.out) {
        mkdirSync(dirname(flags.out), { recursive: true });
        writeFileSync(flags.out, text);
      } else io.out(text);
      return flags['fail-on-unsupported'] === 'yes' && r.versions.some((v) => v.unsupported.length) ? 1 : 0;
    }
    if (command !== 'changelog' && command !== 'breaking') throw new UsageError(`unknown command "${command}" (expected changelog, breaking, changelog-all, history or reconcile)`);
    if (positional.length !== 2) throw new UsageError(`${command} needs BASE and REVISION (got ${positional.length} path${positional.length === 1 ? '' : 's'})`);
    const known = command === 'changelog' ? ['format', 'written-by'] : ['format', 'fail-on', 'written-by'];
    for (const k of Object.keys(flags)) if (!known.includes(k)) throw new UsageError(`unknown option --${k} for ${command} (allowed: ${known.map((x) => `--${x}`).join(', ')})`);
    const [base, revision] = positional;
    // who an AsyncAPI 3 document describes, when its operations do not say (see docs/modelling.md)
    const writtenBy = flags['written-by'] === undefined ? undefined : oneOf('written-by', flags['written-by'], ['client', 'server'] as const, 'server');
    const result = diffPaths(base, revision, { writtenBy });
    printDiagnostics(result.diagnostics.filter((d) => d.severity === 'warning'), io);
    if (result.diagnostics.some((d) => d.severity === 'error')) {
      printDiagnostics(result.diagnostics.filter((d) => d.severity === 'error'), io);
      return 2;
    }
    if (command === 'changelog') {
      const format = oneOf('format', flags.format, ['markdown', 'json'] as const, 'markdown');
      const { entries, items } = toChangelog(result, labelOf(revision));
      if (format === 'json') writeParts([...changelogJsonParts(entries, changelogStats(result, entries), items), '\n'], io.out);
      else io.out(markdownSection(`${labelOf(base)} -> ${labelOf(revision)}`, items));
      return 0;
    }
    const format = oneOf('format', flags.format, ['text', 'markdown', 'json'] as const, 'text');
    const failOn = parseLevel(flags['fail-on']);
    const failing = result.findings.filter((f) => LEVEL_RANK[f.level] >= LEVEL_RANK[failOn]);
    if (format === 'json') io.out(`${JSON.stringify({ failOn, breaking: failing.length > 0, findings: result.findings.filter((f) => f.breaking) }, null, 2)}\n`);
    else if (format === 'markdown') io.out(renderBreakingMarkdown(result.findings));
    else io.out(renderText(result.findings, failOn));
    return failing.length ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) {
      printError(io, 'usage', e.message, 'See the usage below (api-diff --help).');
      io.err(`\n${USAGE}`);
      return 2;
    }
    printError(io, 'internal', (e as Error).message, 'This is a bug in api-diff; please report it with the two input files.');
    return 2;
  }
}

function isMain(): boolean {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) process.exitCode = run(process.argv.slice(2));
