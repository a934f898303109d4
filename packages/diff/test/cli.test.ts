// End-to-end: the api-diff process itself (exit codes, stdout/stderr, formats, bad input).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Writable } from 'node:stream';
import { distCli } from '@ccapi/test-support';

const pkg = join(import.meta.dirname, '..');
const fx = (rule: string, f: string) => join(pkg, 'test', 'fixtures', rule, f);
const bad = (f: string) => join(pkg, 'test', 'bad', f);

// The built CLI (dist/, which turbo builds before the tests): starting it through tsx costs seconds per run.
const built = distCli(pkg);

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [built, ...args], { encoding: 'utf8', cwd: pkg });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('breaking: exit 1 on a breaking change, 0 on a non-breaking one', () => {
  const b = cli('breaking', fx('method-removed', 'base.yaml'), fx('method-removed', 'revision.yaml'));
  assert.equal(b.code, 1);
  assert.match(b.out, /ERR +method-removed: The `get_thing` method was removed\./);
  assert.match(b.out, /see docs\/rules\/method-removed\.md/);
  const n = cli('breaking', fx('method-added', 'base.yaml'), fx('method-added', 'revision.yaml'));
  assert.equal(n.code, 0);
  assert.match(n.out, /No breaking changes/);
});

test('breaking --fail-on: a WARN change fails only with --fail-on WARN', () => {
  const args = [fx('request-field-removed', 'base.yaml'), fx('request-field-removed', 'revision.yaml')];
  assert.equal(cli('breaking', ...args).code, 0);
  assert.equal(cli('breaking', ...args, '--fail-on', 'ERR').code, 0);
  assert.equal(cli('breaking', ...args, '--fail-on', 'WARN').code, 1);
});

test('breaking --fail-on takes the level in any case, short or long', () => {
  const args = [fx('request-field-removed', 'base.yaml'), fx('request-field-removed', 'revision.yaml')];
  for (const level of ['err', 'Err', 'error', 'ERROR']) assert.equal(cli('breaking', ...args, '--fail-on', level).code, 0, level);
  for (const level of ['warn', 'Warn', 'warning', 'WARNING']) assert.equal(cli('breaking', ...args, `--fail-on=${level}`).code, 1, level);
  const r = cli('breaking', ...args, '--fail-on', 'errors');
  assert.equal(r.code, 2);
  assert.match(r.err, /--fail-on must be one of ERR, WARN \(got "errors"\)/);
});

test('--help after a command prints the usage and exits 0 (it was "option --help needs a value", exit 2)', () => {
  for (const args of [['breaking', '--help'], ['changelog', 'a.yaml', '-h'], ['reconcile', '--help']]) {
    const r = cli(...args);
    assert.equal(r.code, 0, args.join(' '));
    assert.match(r.out, /^Usage:/, args.join(' '));
    assert.equal(r.err, '', args.join(' '));
  }
});

test('a folder of version folders (specs/) is refused with the version folders to give instead', () => {
  const specs = join(pkg, '..', '..', 'specs');
  const r = cli('breaking', specs, specs);
  assert.equal(r.code, 2);
  assert.match(r.err, /no OpenAPI or AsyncAPI document in folder/);
  assert.match(r.err, /hint: specs holds version folders \(v3\.0, v3\.1, v3\.2, v3\.3, v3\.4[^)]*\): give one of them, e\.g\. \S*specs\/v3\.\d+\./);
  assert.doesNotMatch(r.err, /or give a file/);
});

test('breaking --format json|markdown', () => {
  const j = cli('breaking', fx('request-field-became-required', 'base.yaml'), fx('request-field-became-required', 'revision.yaml'), '--format', 'json');
  assert.equal(j.code, 1);
  const parsed = JSON.parse(j.out);
  assert.equal(parsed.breaking, true);
  assert.equal(parsed.findings[0].ruleId, 'request-field-became-required');
  assert.match(parsed.findings[0].location.pointer, /^\/paths\//);
  const m = cli('breaking', fx('request-field-became-required', 'base.yaml'), fx('request-field-became-required', 'revision.yaml'), '--format', 'markdown');
  assert.match(m.out, /\| ERR \| \[request-field-became-required\]\(docs\/rules\/request-field-became-required\.md\) \|/);
});

test('changelog: markdown and json', () => {
  const m = cli('changelog', fx('field-renamed', 'base.yaml'), fx('field-renamed', 'revision.yaml'));
  assert.equal(m.code, 0);
  assert.match(m.out, /^## \[/);
  assert.match(m.out, /### Things\n\n- \*\*Breaking:\*\* In the `update_thing` method, request field `name` was renamed to `title`\./);
  const j = cli('changelog', fx('field-renamed', 'base.yaml'), fx('field-renamed', 'revision.yaml'), '--format', 'json');
  const { entries, stats } = JSON.parse(j.out);
  assert.deepEqual(stats, { entries: entries.length, changedPaths: 1 });
  assert.match(entries[0].migration, /\S/, 'a breaking entry says how to migrate');
  assert.deepEqual(Object.keys(entries[0]).filter((k) => ['version', 'area', 'protocols', 'kind', 'breaking', 'text', 'source'].includes(k)).length, 7);
  assert.equal(entries[0].source, 'diff');
  assert.equal(entries[0].kind, 'field-renamed');
});

for (const [name, args, pattern] of [
  ['missing file', ['breaking', 'nope.yaml', fx('method-added', 'base.yaml')], /nope\.yaml: error \[invalid-input\] no such file or folder: nope\.yaml\n    hint: /],
  ['broken YAML', ['breaking', bad('broken.yaml'), fx('method-added', 'base.yaml')], /broken\.yaml:\d+:\d+: error \[yaml-syntax\] .*\n    hint: Fix the YAML syntax/],
  ['not OpenAPI 3 / AsyncAPI', ['changelog', bad('swagger2.yaml'), fx('method-added', 'base.yaml')], /swagger2\.yaml: error \[unsupported-version\] swagger 2\.0 \(OpenAPI 2\) is not supported\n    hint: Convert the document to OpenAPI 3/],
  ['missing $ref target', ['breaking', bad('missing-ref.yaml'), bad('missing-ref.yaml')], /missing-ref\.yaml:9:22: error \[ref-unresolved\] \$ref target file not found: \.\/missing\.yaml \(at #\/paths\/~1a\/post\/requestBody\/content\/application~1json\/schema\)\n    hint: [^\n]+\n$/],
  ['OpenAPI vs AsyncAPI', ['breaking', fx('method-added', 'base.yaml'), fx('server-added', 'base.yaml')], /cannot compare an OpenAPI document with an AsyncAPI document/],
  ['parameter in: body (OpenAPI 2)', ['breaking', bad('param-in-body.yaml'), bad('param-in-body.yaml')], /param-in-body\.yaml:9:11: error \[parameter-location\] parameter `payload` has `in: "body"`[^\n]*\n    hint: Describe the body with `requestBody`/],
  ['schema keyword of the wrong type (items: string)', ['breaking', bad('items-string.yaml'), bad('items-string.yaml')], /items-string\.yaml:10:\d+: error \[schema-keyword-type\] `items` must be a schema, not "string"[^\n]*\n    hint: /],
  ['bad --fail-on', ['breaking', fx('method-added', 'base.yaml'), fx('method-added', 'base.yaml'), '--fail-on', 'INFO'], /--fail-on must be one of ERR, WARN \(got "INFO"\)/],
  ['unknown command', ['compare', 'a', 'b'], /unknown command "compare"/],
  ['one path only', ['breaking', fx('method-added', 'base.yaml')], /needs BASE and REVISION \(got 1 path\)/],
] as const) {
  test(`bad input exits 2 with a clear message: ${name}`, () => {
    const r = cli(...args);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.match(r.err, pattern);
    assert.doesNotMatch(r.err, /\n\s+at .*\.(ts|js):\d+/, 'no stack trace');
  });
}

test('the package bin keeps the bundle\'s code cache in Node\'s compile cache folder: written after a run, used as it is, replaced when damaged, none when the cache is off', () => {
  if (!existsSync(join(pkg, 'dist', 'api-diff.cjs'))) return;
  const bin = join(pkg, 'bin', 'api-diff.js');
  const args = ['breaking', fx('method-removed', 'base.yaml'), fx('method-removed', 'revision.yaml')];
  const dir = mkdtempSync(join(tmpdir(), 'api-diff-cache-'));
  const env = { ...process.env, NODE_COMPILE_CACHE: dir };
  delete env.NODE_DISABLE_COMPILE_CACHE;
  const run = (e = env) => { const r = spawnSync(bin, args, { encoding: 'utf8', env: e }); assert.equal(r.status, 1, r.stderr); return r.stdout; };
  const caches = (d: string) => readdirSync(d, { recursive: true, encoding: 'utf8' }).filter((f) => /api-diff-[0-9a-f]{16}\.v8$/.test(f)).map((f) => join(d, f));
  const first = run();
  const [file] = caches(dir);
  assert.ok(file, 'a cache file after the first run');
  const written = readFileSync(file);
  assert.equal(written.toString('latin1', 0, 4), 'ADC1');
  // accepted as it is: a run that took less than twice the writer's time leaves it alone
  written.writeUInt32LE(0x7fffffff, 4);
  writeFileSync(file, written);
  assert.equal(run(), first);
  assert.deepEqual(readFileSync(file), written);
  // damaged: V8 rejects it, the run is the same, and a good one replaces it; writing it, the bin
  // removes the caches of builds not run for a week, and only those
  writeFileSync(file, Buffer.concat([written.subarray(0, 8), Buffer.alloc(4096, 7)]));
  const stale = join(dirname(file), 'api-diff-0000000000000000.v8'), recent = join(dirname(file), 'api-diff-1111111111111111.v8');
  writeFileSync(stale, 'x');
  writeFileSync(recent, 'x');
  utimesSync(stale, new Date(Date.now() - 8 * 86400_000), new Date(Date.now() - 8 * 86400_000));
  assert.equal(run(), first);
  const again = readFileSync(file);
  assert.ok(again.length > 4096 + 8 && again.readUInt32LE(4) < 0x7fffffff);
  assert.ok(!existsSync(stale) && existsSync(recent));
  // off: nothing written
  const off = mkdtempSync(join(tmpdir(), 'api-diff-cache-off-'));
  assert.equal(run({ ...env, NODE_COMPILE_CACHE: off, NODE_DISABLE_COMPILE_CACHE: '1' }), first);
  assert.deepEqual(caches(off), []);
});

test('the package bin starts Node with the tier cap and huge-page malloc through sh, and runs the same when Node starts it', () => {
  const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
  const bin = join(pkg, manifest.bin['api-diff']);
  // sh reads the second line as a command, Node as a string and a comment
  assert.match(readFileSync(bin, 'utf8'), /^#!\/bin\/sh\n":" \/\/# ; export GLIBC_TUNABLES="\$\{GLIBC_TUNABLES:\+\$GLIBC_TUNABLES:\}glibc\.malloc\.hugetlb=1"; exec node --max-opt=2 "\$0" "\$@"\n/);
  assert.match(readFileSync(join(pkg, 'src', 'cli.ts'), 'utf8'), /^#!\/usr\/bin\/env node\n/);
  if (existsSync(join(pkg, 'dist', 'cli.js'))) {
    const args = ['breaking', fx('method-removed', 'base.yaml'), fx('method-removed', 'revision.yaml')];
    // the Node that sh starts tells its flags on stderr (a script preloaded through NODE_OPTIONS)
    const preload = join(mkdtempSync(join(tmpdir(), 'api-diff-bin-')), 'flags.cjs');
    writeFileSync(preload, 'process.stderr.write(`execArgv=${JSON.stringify(process.execArgv)}\\ntunables=${process.env.GLIBC_TUNABLES}\\n`);\n');
    const env = { ...process.env, NODE_OPTIONS: `--require=${preload}` };
    delete env.GLIBC_TUNABLES;
    const direct = spawnSync(bin, args, { encoding: 'utf8', env });
    // a setting the caller made is kept, the launcher's added after it
    const kept = spawnSync(bin, args, { encoding: 'utf8', env: { ...env, GLIBC_TUNABLES: 'glibc.malloc.check=0' } });
    const viaNode = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
    assert.equal(direct.status, 1, direct.stderr);
    assert.match(direct.stderr, /^execArgv=\["--max-opt=2"\]$/m);
    assert.match(direct.stderr, /^tunables=glibc\.malloc\.hugetlb=1$/m);
    assert.match(kept.stderr, /^tunables=glibc\.malloc\.check=0:glibc\.malloc\.hugetlb=1$/m);
    assert.equal(kept.stdout, direct.stdout);
    assert.equal(viaNode.status, 1, viaNode.stderr);
    assert.equal(direct.stdout, viaNode.stdout);
  }
});

test('the bin\'s runCli waits for a slow reader instead of queueing the whole output in memory', async () => {
  const specs = join(pkg, '..', '..', 'specs');
  const args = ['changelog', join(specs, 'v3.0'), join(specs, 'v3.4'), '--format', 'json'];
  const { run, runCli } = (await import(pathToFileURL(built).href)) as {
    run: (argv: string[], io: { out: (s: string) => void; err: (s: string) => void }) => number;
    runCli: (argv: string[], stdout: NodeJS.WritableStream) => Promise<number>;
  };
  let whole = '';
  assert.equal(run(args, { out: (s) => void (whole += s), err: () => {} }), 0);
  // a reader that takes one chunk per turn of the event loop, with a small buffer
  const got: Buffer[] = [];
  let queuedMost = 0;
  const reader = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _enc, done) { got.push(chunk); setImmediate(done); },
  });
  const write = reader.write.bind(reader);
  reader.write = ((chunk: any, ...rest: any[]) => { const ok = write(chunk, ...rest); queuedMost = Math.max(queuedMost, reader.writableLength); return ok; }) as typeof reader.write;
  assert.equal(await runCli(args, reader), 0);
  await new Promise<void>((resolve) => reader.end(resolve));
  assert.equal(Buffer.concat(got).toString('utf8'), whole);
  assert.ok(whole.length > 4 * 65536, `a test of several pieces needs a larger output (${whole.length})`);
  // at most one piece (64 Ki characters, up to 3 bytes each) waits beside the buffer, never the whole output
  assert.ok(queuedMost <= 3 * 65536 + 1024, `queued ${queuedMost} bytes of ${Buffer.byteLength(whole)}`);
});

test('a changelog larger than one write piece reaches a pipe whole and the same as in-process (the bin writes it in 64 KiB pieces)', async () => {
  const specs = join(pkg, '..', '..', 'specs');
  const args = ['changelog', join(specs, 'v3.0'), join(specs, 'v3.4'), '--format', 'json'];
  const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
  const r = spawnSync(join(pkg, manifest.bin['api-diff']), args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, r.stderr);
  let inProcess = '';
  const { run } = (await import(pathToFileURL(built).href)) as { run: (argv: string[], io: { out: (s: string) => void; err: (s: string) => void }) => number };
  assert.equal(run(args, { out: (s) => void (inProcess += s), err: () => {} }), 0);
  assert.ok(inProcess.length > 4 * 65536, `a test of several pieces needs a larger output (${inProcess.length})`);
  assert.equal(r.stdout, inProcess);
  assert.doesNotThrow(() => JSON.parse(r.stdout));
});

test('to a regular file the bin writes the same bytes as to a pipe (it writes to the descriptor there, not through a stream)', () => {
  const specs = join(pkg, '..', '..', 'specs');
  const args = ['changelog', join(specs, 'v3.0'), join(specs, 'v3.4'), '--format', 'json'];
  const bin = join(pkg, JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).bin['api-diff']);
  const piped = spawnSync(bin, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(piped.status, 0, piped.stderr);
  const file = join(mkdtempSync(join(tmpdir(), 'api-diff-out-')), 'changelog.json');
  const fd = openSync(file, 'w');
  const toFile = spawnSync(bin, args, { encoding: 'utf8', stdio: ['ignore', fd, 'pipe'] });
  closeSync(fd);
  assert.equal(toFile.status, 0, toFile.stderr);
  assert.ok(piped.stdout.length > 4 * 65536, `a test of several pieces needs a larger output (${piped.stdout.length})`);
  assert.equal(readFileSync(file, 'utf8'), piped.stdout);
  // a file it cannot write (opened for reading): exit 2 with the output error, no stack trace
  const ro = openSync(file, 'r');
  const refused = spawnSync(bin, args, { encoding: 'utf8', stdio: ['ignore', ro, 'pipe'] });
  closeSync(ro);
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /^error \[output-failed\] cannot write the output: EBADF[^\n]*\n    hint: /);
  assert.doesNotMatch(refused.stderr, /\n\s+at /);
});

test('--written-by: an AsyncAPI 3 document without request/reply is read as the server\'s, with a warning; the flag reads it either way', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const doc = (required: string[]) => JSON.stringify({
    asyncapi: '3.0.0', info: { title: 't', version: '1' },
    channels: { readings: { address: 'readings', messages: { Reading: { payload: { type: 'object', required, properties: { v: { type: 'number' }, unit: { type: 'string' } } } } } } },
    operations: { takeReading: { action: 'receive', channel: { $ref: '#/channels/readings' }, messages: [{ $ref: '#/channels/readings/messages/Reading' }] } },
  });
  const dir = mkdtempSync(join(tmpdir(), 'written-by-'));
  const a = join(dir, 'a.json'), b = join(dir, 'b.json');
  writeFileSync(a, doc(['v']));
  writeFileSync(b, doc(['v', 'unit']));
  // read as the server's: what it receives, clients send, and they must now send `unit`
  const guess = cli('breaking', a, b);
  assert.equal(guess.code, 1, guess.out);
  assert.match(guess.err, /b\.json: warning \[asyncapi-side\] nothing in this AsyncAPI 3 document[^\n]*read as the server's[^\n]*\n    hint: Pass --written-by client/);
  const server = cli('breaking', a, b, '--written-by', 'server');
  assert.equal(server.code, 1);
  assert.equal(server.err, '', 'told who wrote it: no warning');
  // a client's own document: what it receives is what it reads, and a field it reads became required
  const client = cli('breaking', a, b, '--written-by', 'client');
  assert.equal(client.code, 0, client.out);
  const wrong = cli('breaking', a, b, '--written-by', 'broker');
  assert.equal(wrong.code, 2);
  assert.match(wrong.err, /^error \[usage\] api-diff: --written-by must be one of client, server \(got "broker"\)\n    hint: /);
});

test('scripts/api-diff-report.sh puts api-diff\'s warnings in the report and passes --written-by on', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const doc = (extra: Record<string, unknown>) => JSON.stringify({
    asyncapi: '3.0.0', info: { title: 't', version: '1' },
    channels: { readings: { address: 'readings', messages: { Reading: { payload: { type: 'object', properties: { v: { type: 'number' }, ...extra } } } } } },
    operations: { takeReading: { action: 'receive', channel: { $ref: '#/channels/readings' }, messages: [{ $ref: '#/channels/readings/messages/Reading' }] } },
  });
  const dir = mkdtempSync(join(tmpdir(), 'report-'));
  const a = join(dir, 'a.json'), b = join(dir, 'b.json');
  writeFileSync(a, doc({}));
  writeFileSync(b, doc({ unit: { type: 'string' } }));
  const script = join(pkg, '..', '..', 'scripts', 'api-diff-report.sh');
  const report = (...extra: string[]) => spawnSync('bash', [script, a, b, 'ERR', join(dir, 'r.md'), ...extra], { encoding: 'utf8' });
  const guessed = report();
  assert.equal(guessed.status, 0, guessed.stderr);
  assert.match(readFileSync(join(dir, 'r.md'), 'utf8'), /Warnings:\n\n```\n.*warning \[asyncapi-side\][^\n]*\n    hint: Pass --written-by client/);
  const told = report('server');
  assert.equal(told.status, 0, told.stderr);
  assert.doesNotMatch(readFileSync(join(dir, 'r.md'), 'utf8'), /Warnings:/);
});

test('an AsyncAPI 3 revision read from the client\'s side only because it flows the other way from its AsyncAPI 2 base says so (a word-for-word publish -> send migration looks like that; blind set 22)', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const payload = { type: 'object', properties: { v: { type: 'number' } } };
  const v2 = JSON.stringify({ asyncapi: '2.6.0', info: { title: 't', version: '1' }, channels: { readings: { subscribe: { operationId: 'reading', message: { name: 'Reading', payload } } } } });
  // 2.6 `subscribe`: the application sends readings; mapped word for word to 3.0 `receive`
  const v3 = JSON.stringify({
    asyncapi: '3.0.0', info: { title: 't', version: '1' },
    channels: { readings: { address: 'readings', messages: { Reading: { payload } } } },
    operations: { reading: { action: 'receive', channel: { $ref: '#/channels/readings' }, messages: [{ $ref: '#/channels/readings/messages/Reading' }] } },
  });
  const dir = mkdtempSync(join(tmpdir(), 'flipped-'));
  const a = join(dir, 'a.json'), b = join(dir, 'b.json');
  writeFileSync(a, v2);
  writeFileSync(b, v3);
  const read = cli('breaking', a, b);
  assert.equal(read.code, 0, read.out);
  assert.match(read.err, /b\.json: warning \[asyncapi-side\] this AsyncAPI 3 document is read as a client's[^\n]*\n    hint: Pass --written-by server/);
  const same = cli('breaking', a, b, '--written-by', 'server');
  assert.equal(same.code, 1, 'read as the same application, the reading now flows the other way');
  assert.equal(same.err, '');
});
