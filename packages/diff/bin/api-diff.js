#!/usr/bin/env node
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
const { run } = await import("../dist/api-diff.mjs");
process.exitCode = await run(process.argv.slice(2));
