#!/usr/bin/env node
// Committed shim: npm links bins at install time, before dist/ is built.
import "../dist/cli.js";
