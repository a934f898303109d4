#!/usr/bin/env node
// Committed shim: npm links bins at install time, before dist/ is built.
// V8's compile cache (Node 22.1+) keeps our modules' bytecode between runs, so a run does not spend
// its start-up compiling them again; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
import module from "node:module";
module.enableCompileCache?.();
// a reader that stops early (`| head`) closes the pipe: stop there quietly, without a stack trace
process.stdout.on("error", (e) => {
  if (e.code !== "EPIPE") process.stderr.write(`error [output-failed] cannot write the output: ${e.message}\n    hint: Check where the output goes (disk space, permissions).\n`);
  process.exit(e.code === "EPIPE" ? (process.exitCode ?? 0) : 2);
});
await import("../dist/cli.js");
