#!/bin/sh
":" //# ; export GLIBC_TUNABLES="${GLIBC_TUNABLES:+$GLIBC_TUNABLES:}glibc.malloc.hugetlb=1"; exec node --max-opt=2 "$0" "$@"
// The two lines above are read by sh, then by Node as a string and a comment. sh starts Node with
// V8's optimising tier capped at Maglev: TurboFan's compiles cost a run of api-diff (about a second
// on a large API) more than its faster code gives back (Stripe: CPU time 1.32 -> 1.16 s; a 2.5 s run
// loses nothing; README.md, "Diff at scale", tenth pass). V8 reads tiering flags only at start-up
// (v8.setFlagsFromString is too late for them), and `env -S` in a shebang is not in every `env`
// (BusyBox), hence sh. Run as `node bin/api-diff.js`, this file works the same, with V8's default
// tiers. Node 22 ships without Maglev: there the cap leaves the baseline compiler.
// sh also asks glibc (2.35 and later; other C libraries ignore it, as does a kernel without
// transparent huge pages) to back what Node mallocs with 2 MiB pages: file buffers, compiler zones,
// output. Where memory touched for the first time is dear (about 11 µs per 4 KiB page on the
// virtual machines we measured), that is 7% of a Stripe run (README.md, "Diff at scale",
// thirteenth pass). V8's own heap is mapped by V8 and keeps 4 KiB pages.
// Committed shim: npm links bins at install time, before dist/ is built.
// V8's compile cache (Node 22.1+) keeps our modules' bytecode between runs, so a run does not spend
// its start-up compiling them again; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
import module from "node:module";
import v8 from "node:v8";
module.enableCompileCache?.();
// Keep V8's young generation at its first size (1 MiB semi-spaces) instead of letting it grow to
// 32 MiB ones: nearly everything api-diff allocates lives to the end (parsed documents, models), so
// a larger nursery only spreads the same copying over memory touched for the first time. On the
// Stripe pair: 45,000 -> 33,500 page faults, 1.2 -> 1.0 s (README.md, "Diff at scale").
// A runtime flag, not a command-line one: `env -S` in the shebang is not in every `env` (BusyBox).
v8.setFlagsFromString("--semi-space-growth-factor=1");
// a reader that stops early (`| head`) closes the pipe: stop there quietly, without a stack trace
process.stdout.on("error", (e) => {
  if (e.code !== "EPIPE") process.stderr.write(`error [output-failed] cannot write the output: ${e.message}\n    hint: Check where the output goes (disk space, permissions).\n`);
  process.exit(e.code === "EPIPE" ? (process.exitCode ?? 0) : 2);
});
// dist/api-diff.mjs is dist/cli.js bundled with @ccapi/load and @ccapi/model (esbuild, at build
// time): one module instead of about 150 halves what api-diff spends before it reads a file.
const { runCli } = await import("../dist/api-diff.mjs");
process.exitCode = await runCli(process.argv.slice(2));
