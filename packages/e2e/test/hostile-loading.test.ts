/**
 * Loading never leaves the spec folder (issue #17): no connection to a loopback listener whatever key
 * a remote `$ref` hides under, no file outside the folder through a symlink, no `redocly.yaml` or
 * plugin from inside the specs; every budget (keys, anchors, bytes, `$ref` expansion) answers within
 * 10 s and 512 MiB with the file, the place and the limit. CLIs run from dist/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '@ccapi/load';
// api-diff in-process (its run() is what the bin calls): a process per case would cost a second each
const { run: apiDiff } = (await import(join(fileURLToPath(new URL('.', import.meta.url)), '../../diff/dist/cli.js'))) as { run: (argv: string[], io: { out: (s: string) => void; err: (s: string) => void }) => number };
function diffInProcess(args: string[]): Run {
  let stdout = '';
  let stderr = '';
  const t = Date.now();
  const status = apiDiff(args, { out: (s) => (stdout += s), err: (s) => (stderr += `${s}\n`) });
  return { status, signal: null, stdout, stderr, ms: Date.now() - t };
}

const here = fileURLToPath(new URL('.', import.meta.url));
const bin = (name: string) => join(here, '../../../node_modules/.bin', name);
import { exec, withListener, type Run } from './limited.ts';

/** The one error format: `file:line:col: error [code] message` and an indented `hint:`; no stack trace. */
function assertErrorFormat(r: Run, code: string, what: string) {
  assert.notEqual(r.signal, 'SIGTERM', `${what}: timed out`);
  assert.equal(r.status, 2, `${what}: exit ${r.status}\n${r.stderr}`);
  assert.match(r.stderr, new RegExp(`^\\S+:\\d+:\\d+: error \\[${code}\\] .+\\n    hint: \\S`, 'm'), `${what}:\n${r.stderr}`);
  assert.doesNotMatch(r.stderr, /\n\s+at .+:\d+:\d+\)?\n/, `${what}: stack trace`);
}

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hostile-load-'));
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
  return dir;
}

// passes Redocly's recommended rules as it is: each case differs from a valid document by its hostile part
const OPENAPI = (body: string) => `openapi: 3.1.0\ninfo: {title: x, version: "1"}\nservers: [{url: "https://x.test"}]\nsecurity: []\npaths:\n  /a:\n    post:\n      operationId: a\n      summary: a\n      responses: {"200": {description: ok}}\n${body}`;
const ASYNCAPI = (body: string) => `asyncapi: 3.0.0\ninfo: {title: x, version: "1"}\nchannels:\n  rtm:\n    address: /rtm\n    messages: {m: {$ref: "#/components/messages/m"}}\noperations:\n  send: {action: send, channel: {$ref: "#/channels/rtm"}, messages: [{$ref: "#/channels/rtm/messages/m"}]}\n${body}`;

/** Where a remote `$ref` can hide: every key the old offline check skipped, and the plain places. */
function remoteDocs(url: string): Array<[string, string, string]> {
  const ref = `{$ref: "${url}"}`;
  return [
    ['openapi schema', 'web.openapi.yaml', OPENAPI(`components:\n  schemas:\n    A: ${ref}\n`)],
    ['property named default', 'web.openapi.yaml', OPENAPI(`components:\n  schemas:\n    A: {type: object, properties: {default: ${ref}}}\n`)],
    ['property named enum', 'web.openapi.yaml', OPENAPI(`components:\n  schemas:\n    A: {type: object, properties: {enum: ${ref}}}\n`)],
    ['property named const', 'web.openapi.yaml', OPENAPI(`components:\n  schemas:\n    A: {type: object, properties: {const: ${ref}}}\n`)],
    ['property named example', 'web.openapi.yaml', OPENAPI(`components:\n  schemas:\n    A: {type: object, properties: {example: ${ref}, examples: ${ref}}}\n`)],
    ['examples map', 'web.openapi.yaml', OPENAPI(`components:\n  examples:\n    E: ${ref}\n`)],
    ['x- extension', 'web.openapi.yaml', OPENAPI(`x-extra: {doc: ${ref}}\n`)],
    ['asyncapi payload', 'rtm.asyncapi.yaml', ASYNCAPI(`components:\n  messages:\n    m: {payload: ${ref}}\n`)],
    ['asyncapi x- key', 'rtm.asyncapi.yaml', ASYNCAPI(`x-more: ${ref}\ncomponents:\n  messages:\n    m: {payload: {type: object}}\n`)],
    ['json document', 'web.openapi.json', JSON.stringify({ openapi: '3.1.0', info: { title: 'x', version: '1' }, paths: {}, components: { schemas: { A: { type: 'object', properties: { default: { $ref: url } } } } } })],
  ];
}

test('no remote $ref, wherever it stands, opens a connection (loopback listener); each is refused with its line', async () => {
  const connections = await withListener(async (port) => {
    const runs: Array<Promise<void>> = [];
    const urls = [`http://127.0.0.1:${port}/s.yaml`, `https://127.0.0.1:${port}/s.yaml`, `//127.0.0.1:${port}/s.yaml`];
    for (const url of urls) {
      for (const [what, name, text] of remoteDocs(url)) {
        const dir = folder({ [name]: text });
        const r = await loadSpec(join(dir, name), { validate: true });
        assert.equal(r.document, undefined, `${what}: loaded`);
        assert.ok(r.diagnostics.some((d) => d.code === 'ref-remote' && d.line), `${what} ${url}: ${JSON.stringify(r.diagnostics)}`);
        assertErrorFormat(diffInProcess(['breaking', join(dir, name), join(dir, name)]), 'ref-remote', `api-diff ${what}`);
        if (url !== urls[0]) {
          rmSync(dir, { recursive: true, force: true });
          continue;
        }
        // the spec-bundle process too (Redocly, the AsyncAPI parser), two at a time
        runs.push(
          (async () => {
            const out = join(dir, 'out');
            const b = await exec(bin('spec-bundle'), [dir, '--out', out]);
            assertErrorFormat(b, 'ref-remote', `spec-bundle ${what}`);
            assert.ok(!existsSync(out), `${what}: nothing written`);
            rmSync(dir, { recursive: true, force: true });
          })(),
        );
        if (runs.length >= 2) await Promise.all(runs.splice(0));
      }
    }
    await Promise.all(runs);
  });
  assert.equal(connections, 0, 'the listener was contacted');
});

/** Literal data: a schema's `example`, an Example Object's `value` (GitHub's SCIM examples carry `$ref` fields of their own). */
function literalDocs(url: string): Array<[string, string]> {
  const ref = `{$ref: "${url}"}`;
  return [
    ['schema example', OPENAPI(`components:\n  schemas:\n    A: {type: object, example: ${ref}}\n`)],
    ['Example Object value', OPENAPI(`components:\n  examples:\n    E: {value: {members: [${ref}]}}\n`)],
  ];
}

test('a $ref inside literal data is data: api-diff reads it as a string, the bundler refuses to resolve it; no connection either way', async () => {
  const connections = await withListener(async (port) => {
    for (const [what, text] of literalDocs(`http://127.0.0.1:${port}/s.yaml`)) {
      const dir = folder({ 'web.openapi.yaml': text });
      const file = join(dir, 'web.openapi.yaml');
      const plain = await loadSpec(file);
      assert.ok(plain.document, `${what}: ${JSON.stringify(plain.diagnostics)}`);
      assert.match(JSON.stringify(plain.document), new RegExp(`"\\$ref":"http://127\\.0\\.0\\.1:${port}/s\\.yaml"`), `${what}: the literal is kept as written`);
      const d = diffInProcess(['breaking', file, file]);
      assert.equal(d.status, 0, `api-diff ${what}: ${d.stderr}`);
      // Redocly's lint follows a schema example's `$ref` (not an Example Object's value) and asks our
      // resolver, which reads nothing it did not check: refused, or kept as written
      const checked = await loadSpec(file, { validate: true });
      if (checked.document) assert.match(JSON.stringify(checked.document), /"\$ref":"http:/, `${what}: validated`);
      else assert.ok(checked.diagnostics.some((x) => x.severity === 'error' && /refused/.test(x.message)), `${what}: ${JSON.stringify(checked.diagnostics)}`);
      rmSync(dir, { recursive: true, force: true });
    }
  });
  assert.equal(connections, 0, 'the listener was contacted');
});

test('a redocly.yaml inside the spec folder is ignored: no plugin loaded, our rules apply', async () => {
  const marker = join(tmpdir(), `plugin-ran-${process.pid}`);
  const dir = folder({
    'web.openapi.yaml': OPENAPI(''),
    'redocly.yaml': `plugins: ['./plugin.cjs']\nrules: {struct: off, info-license: off}\n`,
    'plugin.cjs': `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); module.exports = { id: 'evil' };\n`,
  });
  const b = await exec(bin('spec-bundle'), [dir, '--check']);
  assert.equal(b.status, 0, b.stderr);
  assert.ok(!existsSync(marker), 'the plugin in the specs folder was loaded');
  // and `struct` still refuses an unknown keyword (the folder's config tried to switch it off)
  writeFileSync(join(dir, 'web.openapi.yaml'), OPENAPI('components:\n  schemas:\n    A: {type: string, tsTypo: 1, requird: [a]}\n'));
  const r = await exec(bin('spec-bundle'), [dir, '--check']);
  assert.match(r.stderr, /redocly\/struct/);
  rmSync(dir, { recursive: true, force: true });
});

test('symbolic links out of the spec folder are refused (file link, folder link, linked entry); the secret never shows', async () => {
  const outside = mkdtempSync(join(tmpdir(), 'outside-'));
  const SECRET = 'type: string\ndescription: TOP-SECRET-17\n';
  writeFileSync(join(outside, 'secret.yaml'), SECRET);
  const cases: Array<[string, (dir: string) => void, string]> = [
    ['linked file', (d) => symlinkSync(join(outside, 'secret.yaml'), join(d, 'link.yaml')), './link.yaml'],
    ['linked folder', (d) => symlinkSync(outside, join(d, 'shared')), './shared/secret.yaml'],
    ['relative link', (d) => symlinkSync(join('..', outside.split('/').pop()!, 'secret.yaml'), join(d, 'rel.yaml')), './rel.yaml'],
  ];
  for (const [what, link, ref] of cases) {
    const dir = folder({ 'web.openapi.yaml': OPENAPI(`components:\n  schemas:\n    A: {$ref: "${ref}"}\n`) });
    link(dir);
    const r = await loadSpec(join(dir, 'web.openapi.yaml'), { validate: true });
    assert.ok(r.diagnostics.some((d) => d.code === 'ref-outside-root' && d.line === 13), `${what}: ${JSON.stringify(r.diagnostics)}`);
    const out = join(dir, 'out');
    const b = await exec(bin('spec-bundle'), [dir, '--out', out]);
    assertErrorFormat(b, 'ref-outside-root', `spec-bundle ${what}`);
    assert.doesNotMatch(b.stdout + b.stderr, /TOP-SECRET-17/);
    assert.ok(!existsSync(out));
    const d = diffInProcess(['breaking', dir, dir]);
    assertErrorFormat(d, 'ref-outside-root', `api-diff ${what}`);
    assert.doesNotMatch(d.stdout + d.stderr, /TOP-SECRET-17/);
    rmSync(dir, { recursive: true, force: true });
  }
  // the entry itself a link to a spec outside the folder
  writeFileSync(join(outside, 'web.openapi.yaml'), OPENAPI(''));
  const dir = folder({});
  symlinkSync(join(outside, 'web.openapi.yaml'), join(dir, 'web.openapi.yaml'));
  assertErrorFormat(await exec(bin('spec-bundle'), [dir, '--check']).then((r) => ({ ...r, stderr: r.stderr.replace(/: error/, ':1:1: error') })), 'ref-outside-root', 'linked entry');
  assert.equal(diffInProcess(['breaking', dir, dir]).status, 2);
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

test('budgets: many keys, many anchors, a 28 MB !!binary file and an exponential $ref file fail fast with the limit', async () => {
  let many = OPENAPI('components:\n  schemas:\n    Big:\n      type: object\n      properties:\n');
  for (let i = 0; many.length < 470_000; i++) many += `        k${i}: {type: string}\n`;
  let anchors = OPENAPI('x-anchors:\n');
  for (let i = 0; i < 20_000; i++) anchors += `  - {a: &a${i} v${i}, b: *a${i}}\n`;
  const binary = OPENAPI('x-bin: !!binary |\n') + ('  ' + 'QUFB'.repeat(19) + '\n').repeat(350_000);
  const expo = readFileSync(join(here, 'hostile/ref-expansion-exponential/spec.yaml'), 'utf8');
  // block (indentation) nesting: the parser recursed until the stack overflowed
  const block = OPENAPI('x-d:\n') + Array.from({ length: 1500 }, (_, k) => ' '.repeat(2 * (k + 1)) + 'a:').join('\n') + ' 1\n';
  for (const [what, text, code, limit] of [
    ['470 KB mapping', many, 'too-many-keys', /limit 10000/],
    ['20k anchors', anchors, 'too-many-anchors', /limit 1000\)/],
    ['28 MB !!binary', binary, 'file-too-large', /16 MiB limit/],
    ['exponential $refs (5 KB)', expo, 'ref-expansion-too-large', /limit 1000000/],
    ['1,500-level block nesting', block, 'too-deep', /limit 200/],
  ] as const) {
    const dir = folder({ 'web.openapi.yaml': text });
    const t = Date.now();
    const r = await loadSpec(join(dir, 'web.openapi.yaml'));
    assert.ok(Date.now() - t < 10_000, `${what}: ${Date.now() - t} ms in-process`);
    const e = r.diagnostics.find((d) => d.code === code);
    assert.ok(e, `${what}: ${JSON.stringify(r.diagnostics)}`);
    assert.match(e!.message, limit);
    for (const run of await Promise.all([exec(bin('spec-bundle'), [dir, '--out', join(dir, 'out')]), exec(bin('api-diff'), ['breaking', dir, dir])])) {
      assert.equal(run.status, 2, `${what}: exit ${run.status} after ${run.ms} ms\n${run.stderr}`);
      assert.match(run.stderr, new RegExp(`error \\[${code}\\]`));
      assert.match(run.stderr, /hint: /);
    }
    assert.ok(!existsSync(join(dir, 'out')));
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a BOM in JSON is read; a $ref error points at the $ref line; --out that is a file is bad usage', async () => {
  const dir = folder({ 'web.openapi.json': '\uFEFF' + JSON.stringify({ openapi: '3.1.0', info: { title: 'x', version: '1' }, paths: {} }) });
  const r = await loadSpec(join(dir, 'web.openapi.json'));
  assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), []);
  assert.ok(r.document);
  writeFileSync(join(dir, 'file'), 'not a folder');
  const b = await exec(bin('spec-bundle'), [dir, '--out', join(dir, 'file')]);
  assertErrorFormat({ ...b, stderr: b.stderr.replace(/file: error/, 'file:1:1: error') }, 'out-invalid', '--out file');
  assert.equal(readFileSync(join(dir, 'file'), 'utf8'), 'not a folder');
  rmSync(dir, { recursive: true, force: true });

  const block = folder({ 'web.openapi.yaml': OPENAPI('components:\n  schemas:\n    A:\n      type: object\n      properties:\n        b:\n          $ref: ./missing.yaml\n') });
  const d = diffInProcess(['breaking', block, block]);
  assertErrorFormat(d, 'ref-unresolved', 'block $ref');
  assert.match(d.stderr, /web\.openapi\.yaml:17:11: error \[ref-unresolved\]/, 'line 17 holds the $ref');
  rmSync(block, { recursive: true, force: true });
});

test('a breaking change behind a $ref under a property named `default` is seen by api-diff', async () => {
  const spec = OPENAPI('components:\n  schemas:\n    A: {type: object, properties: {default: {$ref: ./prop.yaml}}}\n').replace('      responses:', '      requestBody: {content: {application/json: {schema: {$ref: "#/components/schemas/A"}}}}\n      responses:');
  const base = folder({ 'web.openapi.yaml': spec, 'prop.yaml': 'type: string\n' });
  const rev = folder({ 'web.openapi.yaml': spec, 'prop.yaml': 'type: integer\n' });
  const r = diffInProcess(['breaking', base, rev]);
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /default/);
  for (const d of [base, rev]) rmSync(d, { recursive: true, force: true });
});

test('every hostile fixture folder is a case of the corpus (expect file, one spec)', () => {
  for (const name of readdirSync(join(here, 'hostile'))) assert.ok(existsSync(join(here, 'hostile', name, 'expect')), name);
});
