#!/usr/bin/env node
/**
 * Fuzz run (issue #17; a benchmark-style script, not a timed test): N generated hostile documents
 * (default 10,000) through `api-diff breaking` (its in-process `run`) and the `spec-bundle` path
 * (`loadVersionFolder` with validation, then the atomic write), in a pool of worker threads.
 *
 *   node bench/fuzz-hostile.mjs [--docs 10000] [--workers 2] [--seed 17]
 *
 * Counted: crashes (an exception out of either tool, an exit code other than 0/1/2, an `[internal]`
 * error, an error without file or hint), hangs (a document over 10 s: the worker is terminated),
 * network attempts (a loopback HTTP listener the documents point at, plus every net/tls connect in
 * the workers) and reads outside the document's folder (fs calls in the workers, and a canary file
 * whose text must never show in any output). Needs `npm run build` (uses dist/).
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// FUZZ_ROOT: another checkout's build to fuzz (e.g. the previous release, to see the script find its bugs)
const root = process.env.FUZZ_ROOT ? resolve(process.env.FUZZ_ROOT) : resolve(dirname(fileURLToPath(import.meta.url)), '..');
const HANG_MS = 10_000;
const CANARY = 'CANARY-OUTSIDE-7f3a91';

// ---------------------------------------------------------------- generation (deterministic)
function rng(seed) {
  let s = Math.imul(seed ^ 0x9e3779b9, 2654435761) >>> 0 || 1;
  const next = () => ((s ^= s << 13), (s ^= s >>> 17), (s ^= s << 5), (s >>> 0) / 4294967296);
  for (let k = 0; k < 8; k++) next(); // small seeds start with small values
  return next;
}

function generate(i, seed, ctx) {
  const r = rng(seed * 100_003 + i);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const head = 'openapi: 3.1.0\ninfo: {title: x, version: "1"}\nservers: [{url: "https://x.test"}]\nsecurity: []\npaths:\n  /a:\n    post:\n      operationId: a\n      summary: a\n      responses: {"200": {description: ok}}\n';
  const ahead = 'asyncapi: 3.0.0\ninfo: {title: x, version: "1"}\nchannels:\n  rtm:\n    address: /rtm\n    messages: {m: {$ref: "#/components/messages/m"}}\noperations:\n  send: {action: send, channel: {$ref: "#/channels/rtm"}, messages: [{$ref: "#/channels/rtm/messages/m"}]}\n';
  const url = () =>
    pick([
      `http://127.0.0.1:${ctx.port}/x.yaml`,
      `https://127.0.0.1:${ctx.port}/x.yaml`,
      `//127.0.0.1:${ctx.port}/x.yaml`,
      `HTTP://127.0.0.1:${ctx.port}/x`,
      `http://[::1]:${ctx.port}/x`,
      `http://localhost:${ctx.port}/x#/a`,
      `file://${ctx.canary}`,
      `file:${ctx.canary}`,
      `ftp://127.0.0.1:${ctx.port}/x`,
      `data:application/json,{}`,
    ]);
  const outside = () =>
    pick([
      ctx.canary,
      '../'.repeat(int(1, 8)) + ctx.canaryRel,
      './a/../../' + ctx.canaryRel,
      '%2e%2e/' + ctx.canaryRel,
      '..%2F' + ctx.canaryRel,
      './link.yaml',
      './linkdir/secret.yaml',
      '/etc/passwd',
      '/proc/self/environ',
      '/dev/zero',
    ]);
  const malformed = () => pick(['./a%zz.yaml', '#/components/schemas/%', '%E0%A4%A', './\u0000.yaml', '#/' + '~2'.repeat(10), './' + 'a'.repeat(5000) + '.yaml', '#/a/b/c/d', 'a.yaml#/%ff', '', '#', '#/', './', '.', '..']);
  const where = (ref) =>
    pick([
      `components:\n  schemas:\n    A: {$ref: ${JSON.stringify(ref)}}\n`,
      `components:\n  schemas:\n    A: {type: object, properties: {${pick(['default', 'enum', 'const', 'example', 'examples', 'x-y', '$ref'])}: {$ref: ${JSON.stringify(ref)}}}}\n`,
      `components:\n  schemas:\n    A: {type: object, ${pick(['example', 'default', 'const', 'x-extra'])}: {$ref: ${JSON.stringify(ref)}}}\n`,
      `components:\n  schemas:\n    A: {type: string, enum: [{$ref: ${JSON.stringify(ref)}}]}\n`,
      `x-ext:\n  deep: [{a: {$ref: ${JSON.stringify(ref)}}}]\n`,
      `components:\n  examples:\n    E: {$ref: ${JSON.stringify(ref)}}\n`,
    ]);
  const files = {};
  const links = [];
  let name = 'web.openapi.yaml';
  const family = pick(['remote', 'outside', 'malformed', 'alias', 'nesting', 'keys', 'scalars', 'expo', 'keywords', 'mutate', 'json', 'asyncapi', 'multi']);
  let text;
  switch (family) {
    case 'remote':
      text = head + where(url());
      break;
    case 'outside':
      links.push(['link.yaml', ctx.canary], ['linkdir', dirname(ctx.canary)]);
      text = head + where(outside());
      break;
    case 'malformed':
      text = head + where(malformed());
      break;
    case 'alias': {
      const w = int(2, 12);
      const d = int(2, 12);
      let s = head + 'x-a0: &a0 ["lol"]\n';
      for (let k = 1; k <= d; k++) s += `x-a${k}: &a${k} [${Array(w).fill(`*a${k - 1}`).join(',')}]\n`;
      if (r() < 0.3) s += `x-rec: &rec [*rec]\n`;
      if (r() < 0.3) s = '%YAML 1.1\n---\n' + s + `x-m: {<<: *a0}\n`;
      if (r() < 0.3) {
        // merge keys: each level merges the one before (several times) and adds keys of its own
        const keys = int(10, 3000);
        s += `x-mb0: &mb0 {${Array.from({ length: keys }, (_, k) => `k${k}: ${k}`).join(', ')}}\n`;
        for (let k = 1; k <= d; k++) s += `x-mb${k}: &mb${k} {<<: [${Array(w).fill(`*mb${k - 1}`).join(',')}], n${k}: ${k}}\n`;
        s += Array.from({ length: int(1, 200) }, (_, k) => `x-mu${k}: {<<: *mb${d}}`).join('\n') + '\n';
      }
      if (r() < 0.2) s += Array.from({ length: int(900, 1500) }, (_, k) => `x-n${k}: &n${k} v`).join('\n') + '\n';
      text = s;
      break;
    }
    case 'nesting': {
      const n = int(100, 3000);
      text = r() < 0.5 ? head + `x-d: ${'['.repeat(n)}1${']'.repeat(n)}\n` : head + 'x-d:\n' + Array.from({ length: Math.min(n, 400) }, (_, k) => ' '.repeat(2 * (k + 1)) + 'a:').join('\n') + ' 1\n';
      if (r() < 0.3) text = `{"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{},"x":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`;
      break;
    }
    case 'keys': {
      const n = int(5_000, 16_000);
      text = head + 'x-k:\n' + Array.from({ length: n }, (_, k) => `  k${k}: ${k}`).join('\n') + '\n';
      if (r() < 0.3) text = head + `x-k: {${Array.from({ length: n }, (_, k) => `k${k}: ${k}`).join(', ')}}\n`;
      break;
    }
    case 'scalars':
      text =
        head +
        pick([
          'x-n: 1e400\n',
          'x-n: -1e999\n',
          'x-n: .inf\n',
          'x-n: .nan\n',
          'x-b: !!binary QUFB\n',
          'x-f: !!js/function "function(){}"\n',
          'x-p: !!python/object:os.system [id]\n',
          'x-c: !custom 1\n',
          'x-d: {200: a, "200": b}\n',
          'x-d: {true: a, "true": b}\n',
          'x-d: {null: a, "null": b}\n',
          '__proto__: {polluted: 1}\n',
          'x-o: {constructor: {prototype: {a: 1}}, __proto__: 1}\n',
          'x-s: "\\ud800"\n',
          'x-big: ' + '9'.repeat(int(20, 400)) + '\n',
          'x-str: "' + 'a'.repeat(int(1, 100_000)) + '"\n',
        ]);
      break;
    case 'expo': {
      const d = int(10, 64);
      const b = int(2, 5);
      let s = head.replace('responses:', 'requestBody: {content: {application/json: {schema: {$ref: "#/x-d/d0"}}}}\n      responses:') + 'x-d:\n';
      for (let k = 0; k < d; k++) s += `  d${k}: {type: object, properties: {${Array.from({ length: b }, (_, j) => `p${j}: {$ref: "#/x-d/d${k + 1}"}`).join(', ')}}}\n`;
      text = s + `  d${d}: {type: string}\n`;
      break;
    }
    case 'keywords':
      text = head + `components:\n  schemas:\n    A: {type: string, ${pick(['tsType', 'tsEnumNames'])}: ${pick(['"string; } evil(); {"', '["A = evil()"]', '{}'])}}\n`;
      break;
    case 'mutate': {
      const base = head + 'components:\n  schemas:\n    Chat:\n      type: object\n      required: [id]\n      properties:\n        id: {type: string, description: "the id"}\n        users: {type: array, items: {$ref: "#/components/schemas/User"}}\n    User: {type: object, properties: {name: {type: string}}}\n';
      const chars = [...base];
      for (let k = int(1, 6); k > 0; k--) {
        const at = int(0, chars.length - 1);
        const op = int(0, 3);
        if (op === 0) chars[at] = pick(['{', '}', '[', ']', ':', '"', "'", '&', '*', '!', '%', '#', '\t', '\n', '\u0000', '\ufeff', '|', '>', '-', '?']);
        else if (op === 1) chars.splice(at, int(1, 40));
        else if (op === 2) chars.splice(at, 0, ...chars.slice(int(0, chars.length - 1), int(0, chars.length - 1)));
        else chars.length = at;
      }
      text = chars.join('');
      break;
    }
    case 'json': {
      name = 'web.openapi.json';
      text = pick([
        '\ufeff{"openapi":"3.1.0","info":{"title":"x","version":"1"},"paths":{}}',
        '{"openapi":"3.1.0","info":{"title":"x","version":"1"},"paths":{},"paths":{}}',
        '{"openapi":"3.1.0","info":{"title":"x","version":"1"},"paths":{},"x":1e400}',
        '{"openapi":"3.1.0","info":{"title":"x","version":"1"},"paths":{},"__proto__":{"a":1}}',
        `{"openapi":"3.1.0","info":{"title":"x","version":"1"},"paths":{},"components":{"schemas":{"A":{"$ref":${JSON.stringify(url())}}}}}`,
        `{"openapi":"3.1.0","info":{"title":"x","version":"1"},"paths":{},"x":${'['.repeat(int(150, 5000))}]}`,
        '{"openapi":"3.1.0",',
        '\u0000\u0001\u0002',
      ]);
      break;
    }
    case 'asyncapi':
      name = 'rtm.asyncapi.yaml';
      text = ahead + `components:\n  messages:\n    m: {payload: ${pick([`{$ref: ${JSON.stringify(url())}}`, `{$ref: ${JSON.stringify(outside())}}`, '{type: object, properties: {default: {$ref: "#/x"}}}', '{type: object}'])}}\n${pick(['', '__proto__: {a: 1}\n', 'x-a: {$ref: "./nope.yaml"}\n'])}`;
      links.push(['link.yaml', ctx.canary], ['linkdir', dirname(ctx.canary)]);
      break;
    default: {
      // several files: cycles, refs between them, one of them hostile
      files['schemas/a.yaml'] = `type: object\nproperties:\n  b: {$ref: ./b.yaml}\n`;
      files['schemas/b.yaml'] = pick([`type: object\nproperties:\n  a: {$ref: ./a.yaml}\n`, `$ref: ./a.yaml\n`, `$ref: ${JSON.stringify(url())}\n`, `$ref: ${JSON.stringify('../' + outside())}\n`, `type: string\n`]);
      text = head + `components:\n  schemas:\n    A: {$ref: ./schemas/a.yaml}\n    B: {$ref: "./schemas/b.yaml#/properties"}\n`;
    }
  }
  files[name] = text;
  return { family, files, links };
}

// ---------------------------------------------------------------- worker: run one document
async function workerMain() {
  const { port, canaryDir } = workerData;
  // the CommonJS module objects are writable; syncBuiltinESMExports() carries the patches to ESM imports
  const { createRequire, syncBuiltinESMExports } = await import('node:module');
  const require = createRequire(import.meta.url);
  const net = require('node:net');
  const tls = require('node:tls');
  const fs = require('node:fs');
  let network = 0;
  const reads = [];
  // every connection attempt counts, wherever it goes
  for (const [mod, key] of [[net.Socket.prototype, 'connect'], [tls, 'connect'], [net, 'connect'], [net, 'createConnection']]) {
    const orig = mod[key];
    mod[key] = function (...a) {
      network++;
      return orig.apply(this, a);
    };
  }
  let current = '';
  for (const key of ['readFileSync', 'readFile', 'openSync', 'open', 'createReadStream', 'readdirSync', 'statSync', 'lstatSync', 'existsSync', 'realpathSync']) {
    const orig = fs[key];
    if (typeof orig !== 'function') continue;
    const wrapped = function (p, ...a) {
      if (current && (typeof p === 'string' || p instanceof URL)) {
        const abs = resolve(String(p instanceof URL ? fileURLToPath(p) : p));
        if (!abs.startsWith(current) && !abs.startsWith(root + '/') && !abs.startsWith('/proc/self/') && abs !== root) reads.push(abs);
      }
      return orig.call(this, p, ...a);
    };
    Object.assign(wrapped, orig);
    fs[key] = wrapped;
  }
  const origPromise = fs.promises.readFile;
  fs.promises.readFile = function (p, ...a) {
    if (current && typeof p === 'string' && !resolve(p).startsWith(current) && !resolve(p).startsWith(root + '/')) reads.push(resolve(p));
    return origPromise.call(this, p, ...a);
  };
  syncBuiltinESMExports();
  const { run } = await import(join(root, 'packages/diff/dist/cli.js'));
  const { loadVersionFolder, formatDiagnostics, stableJson, writeFilesAtomically } = await import(join(root, 'packages/load/dist/index.js'));
  // warm up (module loading, Redocly's config, the AsyncAPI parser's ruleset): a hang is a document's time, not start-up
  const warm = mkdtempSync(join(tmpdir(), 'fuzz-warm-'));
  const w = generate(0, 0, { port: 9, canary: '/nonexistent', canaryRel: 'x' });
  writeFileSync(join(warm, 'rtm.asyncapi.yaml'), 'asyncapi: 3.0.0\ninfo: {title: x, version: "1"}\nchannels:\n  rtm:\n    address: /rtm\n    messages: {m: {payload: {type: object}}}\noperations:\n  send: {action: send, channel: {$ref: "#/channels/rtm"}}\n');
  writeFileSync(join(warm, 'web.openapi.yaml'), Object.values(w.files)[0]);
  await loadVersionFolder(warm, { validate: true });
  run(['breaking', warm, warm], { out: () => {}, err: () => {} });
  rmSync(warm, { recursive: true, force: true });
  parentPort.on('message', async ({ dir, id }) => {
    current = dir + '/';
    reads.length = 0;
    const before = network;
    const out = { id, crash: [], contract: [], canary: false };
    const t = performance.now();
    try {
      let stdout = '';
      let stderr = '';
      const code = run(['breaking', dir, dir], { out: (s) => (stdout += s), err: (s) => (stderr += s + '\n') });
      if (![0, 1, 2].includes(code)) out.crash.push(`api-diff exit ${code}`);
      if (/\[internal\]/.test(stderr)) out.crash.push(`api-diff internal: ${stderr.slice(0, 300)}`);
      if (code === 2 && !/hint: /.test(stderr)) out.contract.push(`api-diff without hint: ${stderr.slice(0, 200)}`);
      if ((stdout + stderr).includes(CANARY)) out.canary = true;
      // spec-bundle's path: load + validate, write only when clean
      const folder = await loadVersionFolder(dir, { validate: true });
      const errors = folder.diagnostics.filter((d) => d.severity === 'error');
      const text = formatDiagnostics(folder.diagnostics);
      if (text.includes(CANARY)) out.canary = true;
      for (const e of errors) if (!e.file || !e.hint) out.contract.push(`spec-bundle: ${e.code} without ${e.file ? 'hint' : 'file'}`);
      if (!errors.length) {
        const files = {};
        if (folder.web?.document) files['web.openapi.json'] = stableJson(folder.web.document);
        if (folder.rtm?.document) files['rtm.asyncapi.json'] = stableJson(folder.rtm.document);
        if (Object.values(files).some((f) => f.includes(CANARY))) out.canary = true;
        writeFilesAtomically(join(dir, 'out'), files);
      }
    } catch (e) {
      out.crash.push(`exception: ${String(e?.stack ?? e).slice(0, 400)}`);
    }
    out.ms = performance.now() - t;
    out.network = network - before;
    out.reads = reads.filter((p) => p.startsWith(canaryDir) || !p.startsWith('/tmp/')).slice(0, 5);
    current = '';
    parentPort.postMessage(out);
  });
  parentPort.postMessage({ ready: true });
}

// ---------------------------------------------------------------- main: pool, watchdog, listener
async function main() {
  const args = process.argv.slice(2);
  const opt = (k, d) => (args.includes(`--${k}`) ? Number(args[args.indexOf(`--${k}`) + 1]) : d);
  if (args.includes('--dump')) {
    // --dump I DIR: write document I (of --seed) into DIR, to replay a finding
    const [i, dir] = [Number(args[args.indexOf('--dump') + 1]), args[args.indexOf('--dump') + 2]];
    mkdirSync(join(dir, 'outside'), { recursive: true });
    writeFileSync(join(dir, 'outside/secret.yaml'), `description: ${CANARY}\n`);
    const doc = generate(i, opt('seed', 17), { port: 9, canary: join(dir, 'outside/secret.yaml'), canaryRel: 'outside/secret.yaml' });
    for (const [f, text] of Object.entries(doc.files)) (mkdirSync(dirname(join(dir, 'd', f)), { recursive: true }), writeFileSync(join(dir, 'd', f), text));
    for (const [l, target] of doc.links) symlinkSync(target, join(dir, 'd', l));
    console.log(`${doc.family}: ${Object.keys(doc.files).join(', ')} in ${join(dir, 'd')}`);
    return;
  }
  const N = opt('docs', 10_000);
  const WORKERS = opt('workers', 2);
  const SEED = opt('seed', 17);
  let connections = 0;
  const server = createServer((_q, s) => s.end('type: string\n'));
  server.on('connection', () => connections++);
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const port = server.address().port;
  const work = mkdtempSync(join(tmpdir(), 'fuzz-hostile-'));
  const canaryDir = join(work, 'outside');
  mkdirSync(canaryDir);
  const canary = join(canaryDir, 'secret.yaml');
  writeFileSync(canary, `type: string\ndescription: ${CANARY}\n`);
  const ctx = { port, canary, canaryRel: 'outside/secret.yaml' };

  const totals = { docs: 0, crashes: 0, hangs: 0, network: 0, outsideReads: 0, canary: 0, contract: 0, exit: {}, families: {}, slowest: 0, ms: [] };
  const examples = [];
  let next = 0;
  const t0 = Date.now();
  const prepare = (i) => {
    const doc = generate(i, SEED, ctx);
    // documents live two levels below `work`, so that `../outside` chains of any length stay outside their folder
    const dir = join(work, 'd', String(i));
    for (const [f, text] of Object.entries(doc.files)) {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      writeFileSync(join(dir, f), text);
    }
    for (const [l, target] of doc.links) symlinkSync(target, join(dir, l));
    return { dir, family: doc.family };
  };
  await new Promise((allDone) => {
    let live = 0;
    const spawnWorker = () => {
      live++;
      const w = new Worker(fileURLToPath(import.meta.url), { workerData: { port, canaryDir }, resourceLimits: { maxOldGenerationSizeMb: 512 } });
      let job;
      let timer;
      const give = () => {
        if (next >= N) {
          w.terminate();
          return;
        }
        const i = next++;
        job = { i, ...prepare(i) };
        timer = setTimeout(() => {
          // a hang: count it, replace the worker
          totals.hangs++;
          totals.docs++;
          examples.push(`hang: doc ${job.i} (${job.family})`);
          w.terminate();
        }, HANG_MS);
        w.postMessage({ dir: job.dir, id: job.i });
      };
      w.on('message', (m) => {
        if (m.ready) return give();
        clearTimeout(timer);
        totals.docs++;
        totals.families[job.family] = (totals.families[job.family] ?? 0) + 1;
        totals.ms.push(m.ms);
        if (m.ms > totals.slowest) totals.slowest = m.ms;
        if (m.crash.length) (totals.crashes++, examples.push(`crash: doc ${job.i} (${job.family}): ${m.crash[0]}`));
        if (m.contract.length) (totals.contract++, examples.length < 40 && examples.push(`contract: doc ${job.i} (${job.family}): ${m.contract[0]}`));
        if (m.network) (totals.network += m.network, examples.push(`network: doc ${job.i} (${job.family})`));
        if (m.reads.length) (totals.outsideReads += m.reads.length, examples.push(`read: doc ${job.i} (${job.family}): ${m.reads[0]}`));
        if (m.canary) (totals.canary++, examples.push(`canary: doc ${job.i} (${job.family})`));
        rmSync(job.dir, { recursive: true, force: true });
        if (totals.docs % (process.env.FUZZ_EVERY ? Number(process.env.FUZZ_EVERY) : 1000) === 0) process.stderr.write(`  ${totals.docs}/${N} (${((Date.now() - t0) / 1000).toFixed(0)} s)\n`);
        give();
      });
      w.on('error', (e) => {
        clearTimeout(timer);
        if (!job) {
          console.error(`fuzz-hostile: a worker failed to start: ${e}`);
          process.exit(2);
        }
        totals.crashes++;
        totals.docs++;
        examples.push(`worker died: doc ${job?.i} (${job?.family}): ${String(e).slice(0, 200)}`);
      });
      w.on('exit', () => {
        live--;
        if (next < N) spawnWorker();
        else if (live === 0) allDone();
      });
    };
    for (let k = 0; k < WORKERS; k++) spawnWorker();
  });
  server.close();
  rmSync(work, { recursive: true, force: true });
  const ms = totals.ms.sort((a, b) => a - b);
  const q = (p) => (ms.length ? ms[Math.min(ms.length - 1, Math.floor(p * ms.length))].toFixed(0) : '-');
  console.log(`fuzz-hostile: ${totals.docs} documents (seed ${SEED}, ${WORKERS} workers, ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  console.log(`  families: ${Object.entries(totals.families).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`  crashes ${totals.crashes}, hangs over ${HANG_MS / 1000} s ${totals.hangs}, network attempts ${totals.network} (listener connections ${connections}), outside-file reads ${totals.outsideReads}, canary text in output ${totals.canary}, errors without file/hint ${totals.contract}`);
  console.log(`  per document (api-diff + spec-bundle path): median ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${totals.slowest.toFixed(0)} ms`);
  for (const e of examples.slice(0, 40)) console.log(`  ${e}`);
  process.exitCode = totals.crashes || totals.hangs || totals.network || connections || totals.outsideReads || totals.canary ? 1 : 0;
}

if (isMainThread) await main();
else await workerMain();
