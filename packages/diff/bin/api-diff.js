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
import module from "node:module";
import v8 from "node:v8";
import vm from "node:vm";
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
// Node's compile cache (22.1+) for the modules loaded by name (yaml); its folder also holds the
// bundle's own cache (below). NODE_DISABLE_COMPILE_CACHE=1 turns both off.
const cacheDir = module.enableCompileCache?.()?.directory;
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
// dist/api-diff.cjs is dist/cli.js bundled with @ccapi/load and @ccapi/model (esbuild, at build
// time): one script instead of about 150 modules halves what api-diff spends before it reads a file.
// It runs as a vm.Script so that its V8 code cache can be written after a run: Node's compile cache
// is made when a module is compiled, so it holds only the functions compiled eagerly, and every run
// parsed and compiled the other 684 again (Stripe pair: 0.834 -> 0.803 s; README.md, "Diff at
// scale", fourteenth pass). The cache file is named by a hash of the bundle file's identity, Node's
// version and its flags (V8 itself checks only the source's length, its own version and flags); it is
// written when missing or rejected, and again after a run that took over twice as long as the one
// that wrote it (a longer run compiles more of the bundle). A cache that cannot be read or written
// is skipped.
/** 64-bit FNV-1a of a string's UTF-16 units, as 16 hex digits. */
function fnv(text) {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) h = BigInt.asUintN(64, (h ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n);
  return h.toString(16).padStart(16, "0");
}
const bundle = fileURLToPath(new URL("../dist/api-diff.cjs", import.meta.url));
// (a hash of the file's identity, not of its text: node:crypto alone takes ~20 ms to load; a file
// rewritten in place gets a new ctime, which no tool sets back; one descriptor for both, so the text
// read is the file described)
const fd = openSync(bundle, "r");
const id = fstatSync(fd);
const source = readFileSync(fd, "utf8");
closeSync(fd);
const cacheFile = cacheDir && join(cacheDir, `api-diff-${fnv(`${id.dev}:${id.ino}:${id.size}:${id.mtimeMs}:${id.ctimeMs}:${process.version}:${process.execArgv.join(" ")}:${process.env.NODE_OPTIONS ?? ""}`)}.v8`);
// the file: "ADC1", the writing run's milliseconds (uint32 LE), then V8's cached data
let cached, wroteIn = 0;
try {
  const file = cacheFile ? readFileSync(cacheFile) : undefined;
  if (file?.length > 8 && file.toString("latin1", 0, 4) === "ADC1") (wroteIn = file.readUInt32LE(4)), (cached = file.subarray(8));
} catch {}
const started = performance.now();
// the wrapper gives the bundle what a CommonJS module has, and `import.meta.url` (see the build script)
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __api_diff_url) {${source.startsWith("#!") ? `//${source.slice(2)}` : source}\n})`, { filename: bundle, cachedData: cached });
const loaded = { exports: {} };
script.runInThisContext()(loaded.exports, module.createRequire(bundle), loaded, bundle, dirname(bundle), pathToFileURL(bundle).href);
process.exitCode = await loaded.exports.runCli(process.argv.slice(2));
const took = Math.min(Math.round(performance.now() - started), 0xffffffff);
if (cacheFile && (!cached || script.cachedDataRejected || took > 2 * wroteIn)) {
  // written whole under a name of this process's, then renamed: a run reading it meanwhile gets the
  // old file or the new one
  const tmp = `${cacheFile}.${process.pid}`;
  try {
    const data = script.createCachedData();
    const head = Buffer.alloc(8);
    head.write("ADC1", 0, "latin1");
    head.writeUInt32LE(took, 4);
    writeFileSync(tmp, Buffer.concat([head, data]));
    renameSync(tmp, cacheFile);
    // each build of the bundle has caches of its own: those of builds not run for a week go (and
    // what a run stopped while writing left)
    const week = Date.now() - 7 * 24 * 3600 * 1000;
    for (const f of readdirSync(cacheDir)) if (/^api-diff-[0-9a-f]{16}\.v8(\.\d+)?$/.test(f) && statSync(join(cacheDir, f)).mtimeMs < week) rmSync(join(cacheDir, f), { force: true });
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {}
  }
}
