#!/usr/bin/env node
// Committed shim: npm links bins at install time, before dist/ is built.
import { run } from "../dist/cli.js";
process.exitCode = await run(process.argv.slice(2));
