#!/usr/bin/env node
// Committed shim: npm links bins at install time, before dist/ is built.
// V8's compile cache (Node 22.1+) keeps our modules' bytecode between runs, so a run does not spend
// its start-up compiling them again; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
import module from "node:module";
module.enableCompileCache?.();
await import("../dist/cli.js");
