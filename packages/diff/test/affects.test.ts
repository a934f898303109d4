import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { diffPaths, toEntries } from '../src/index.ts';

const cli = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'dist', 'cli.js');

/** An OpenAPI document whose 50 operations all return `Item` (40 directly, 10 through `Page`). */
function doc(itemProps: string): string {
  const ops = Array.from({ length: 50 }, (_, i) => {
    const schema = i < 40 ? '#/components/schemas/Item' : '#/components/schemas/Page';
    return `  /op${i}:\n    post:\n      operationId: op${i}\n      tags: [Things]\n      responses:\n        "200":\n          description: ok\n          content: {application/json: {schema: {$ref: "${schema}"}}}`;
  }).join('\n');
  return `openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths:\n${ops}\ncomponents:\n  schemas:\n    Item:\n      type: object\n      required: [id]\n      properties:\n${itemProps}\n    Page:\n      type: object\n      properties:\n        items: {type: array, items: {$ref: "#/components/schemas/Item"}}\n`;
}

const dir = mkdtempSync(join(tmpdir(), 'affects-'));
const base = join(dir, 'base.yaml');
const revision = join(dir, 'revision.yaml');
writeFileSync(base, doc('        id: {type: string}\n        name: {type: string}'));
writeFileSync(revision, doc('        id: {type: string}'));

test('a change to a schema used by 50 operations is one entry that lists the 50', () => {
  const r = diffPaths(base, revision);
  assert.deepEqual(r.diagnostics, []);
  const entries = toEntries(r, 'revision');
  assert.equal(entries.length, 1, entries.map((e) => e.text).join('\n'));
  const [e] = entries;
  assert.deepEqual(e.subject, { kind: 'structure', name: 'Item' });
  assert.equal(e.affects?.length, 50, 'operations reaching Item directly and through Page');
  assert.ok(e.affects!.some((a) => a.name === 'op45'), 'reached through another structure');
  assert.match(e.text, /^The `Item` data structure no longer returns the optional field `name`\. Affects `op0`, `op1`, .* and 38 more\. Migration: /);
  assert.ok(e.migration);
});

test('changelog --format json reports entries next to changed paths', () => {
  const p = spawnSync(process.execPath, [cli, 'changelog', base, revision, '--format', 'json'], { encoding: 'utf8' });
  assert.equal(p.status, 0, p.stderr);
  const j = JSON.parse(p.stdout);
  assert.deepEqual(j.stats, { entries: 1, changedPaths: 50 });
  assert.equal(j.entries.length, 1);
});

test('breaking text names the migration and the affected operations', () => {
  const p = spawnSync(process.execPath, [cli, 'breaking', base, revision, '--fail-on', 'WARN'], { encoding: 'utf8' });
  assert.equal(p.status, 1);
  assert.match(p.stdout, /migrate: /);
  assert.match(p.stdout, /affects `op0`/);
});

test('a change to a shared parameter is one entry on the parameter; an operation dropping it stays its own entry', () => {
  const gen = (required: boolean, users: number) => {
    const ops = Array.from({ length: 5 }, (_, i) => `  /op${i}:\n    get:\n      operationId: op${i}\n      tags: [Things]\n      parameters: [${i < users ? "{$ref: '#/components/parameters/Limit'}" : ''}]\n      responses: {'200': {description: ok}}`).join('\n');
    return `openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n${ops}\ncomponents:\n  parameters:\n    Limit: {name: limit, in: query, required: ${required}, schema: {type: integer}}\n`;
  };
  writeFileSync(join(dir, 'p-base.yaml'), gen(false, 5));
  writeFileSync(join(dir, 'p-rev.yaml'), gen(true, 4));
  const entries = toEntries(diffPaths(join(dir, 'p-base.yaml'), join(dir, 'p-rev.yaml')), 'r');
  const shared = entries.filter((e) => e.subject?.kind === 'parameter');
  assert.equal(shared.length, 1, entries.map((e) => e.text).join('\n'));
  assert.equal(shared[0].text, 'In every operation using the shared parameter `Limit`, query parameter `limit` is now required. Affects `op0`, `op1`, `op2`, `op3`. Migration: Always send it.');
  assert.deepEqual(shared[0].affects?.map((a) => a.name), ['op0', 'op1', 'op2', 'op3']);
  assert.equal(entries.filter((e) => e.subject?.name === 'op4').length, 1, 'op4 no longer takes it: its own entry');
});

test('operations that start using one shared parameter are one entry listing them; a single one stays its own', () => {
  const gen = (users: number[]) => {
    const ops = Array.from({ length: 4 }, (_, i) => `  /op${i}:\n    get:\n      operationId: op${i}\n      parameters: [${users.includes(i) ? "{$ref: '#/components/parameters/Region'}" : ''}]\n      responses: {'200': {description: ok}}`).join('\n');
    return `openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n${ops}\ncomponents:\n  parameters:\n    Region: {name: X-Region, in: header, schema: {type: string}}\n`;
  };
  writeFileSync(join(dir, 'u-base.yaml'), gen([0]));
  writeFileSync(join(dir, 'u-rev.yaml'), gen([1, 2, 3]));
  const entries = toEntries(diffPaths(join(dir, 'u-base.yaml'), join(dir, 'u-rev.yaml')), 'r');
  assert.deepEqual(entries.map((e) => e.text).sort(), [
    'Several operations have a new optional header parameter `X-Region`. Affects `op1`, `op2`, `op3`.',
    'The `op0` method no longer accepts header parameter `X-Region`. Migration: Stop sending it.',
  ]);
  const grouped = entries.find((e) => e.subject?.kind === 'parameter');
  assert.equal(grouped?.breaking, false);
  assert.deepEqual(grouped?.affects?.map((a) => a.name), ['op1', 'op2', 'op3']);
});

test('recursive structures: every structure of a cycle is reached by the operations reaching any of them', () => {
  const gen = (extra: string) => `openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: get_a\n      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/A'}}}}}\n  /c:\n    get:\n      operationId: get_c\n      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/C'}}}}}\n  /c2:\n    get:\n      operationId: get_c2\n      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/C'}}}}}\ncomponents:\n  schemas:\n    A: {type: object, properties: {b: {$ref: '#/components/schemas/B'}}}\n    B: {type: object, properties: {a: {$ref: '#/components/schemas/A'}${extra}}}\n    C: {type: object, properties: {b: {$ref: '#/components/schemas/B'}}}\n`;
  writeFileSync(join(dir, 'r-base.yaml'), gen(''));
  writeFileSync(join(dir, 'r-rev.yaml'), gen(', n: {type: string}'));
  const entries = toEntries(diffPaths(join(dir, 'r-base.yaml'), join(dir, 'r-rev.yaml')), 'r');
  assert.equal(entries.length, 1, entries.map((e) => e.text).join('\n'));
  assert.deepEqual(entries[0].affects?.map((a) => a.name), ['get_a', 'get_c', 'get_c2']);
});

test('a wrapper dropped by one operation is one entry on that operation, naming the fields that moved up', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unwrap-one-'));
  const fixture = join(import.meta.dirname, 'fixtures', 'fields-unwrapped');
  // keep only update_thing: cut the get_thing path item out of both documents
  const only = (file: string) => readFileSync(join(fixture, file), 'utf8').replace(/  \/action\/get_thing:[^]*?(?=components:|$)/, '').replace(/components:[^]*$/, '');
  writeFileSync(join(dir, 'a.yaml'), only('base.yaml'));
  writeFileSync(join(dir, 'b.yaml'), only('revision.yaml'));
  const r = diffPaths(join(dir, 'a.yaml'), join(dir, 'b.yaml'));
  assert.deepEqual(r.diagnostics, []);
  const texts = r.findings.map((f) => `${f.ruleId}: ${f.text}`);
  assert.deepEqual(texts, [
    'fields-unwrapped: In the `update_thing` method, request field `args` no longer wraps its fields: `id`, `name` moved up one level.',
    'request-field-removed: The `update_thing` method no longer accepts request field `args.legacy`.',
  ]);
  const unwrapped = r.findings[0];
  assert.deepEqual(unwrapped.to, ['id', 'name']);
  assert.equal(unwrapped.breaking, true);
  assert.ok(unwrapped.migration);
});

/** `getPet` names `Pet` directly and `listPets` through the alias `PetAlias`, `{$ref: Pet}`. */
function aliasDoc(petProps: string): string {
  const op = (path: string, id: string, target: string) => `  ${path}:\n    get:\n      operationId: ${id}\n      responses:\n        "200":\n          description: ok\n          content: {application/json: {schema: {$ref: "#/components/schemas/${target}"}}}`;
  return `openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths:\n${op('/pets', 'listPets', 'PetAlias')}\n${op('/pet', 'getPet', 'Pet')}\ncomponents:\n  schemas:\n    PetAlias: {$ref: "#/components/schemas/Pet"}\n    Pet:\n      type: object\n      required: [id, name]\n      properties:\n${petProps}\n`;
}

test('a structure named directly by one operation and through an alias by another is one shared structure; a removal points into the base', () => {
  const d = mkdtempSync(join(tmpdir(), 'affects-alias-'));
  const b = join(d, 'base.yaml'), r = join(d, 'revision.yaml');
  writeFileSync(b, aliasDoc('        id: {type: string}\n        name: {type: string}'));
  // (`name` leaves `required` too: a key still required with no property is present with any value)
  writeFileSync(r, aliasDoc('        id: {type: string}').replace('required: [id, name]', 'required: [id]'));
  const result = diffPaths(b, r);
  assert.deepEqual(result.diagnostics, []);
  assert.equal(result.findings.length, 1, result.findings.map((f) => f.text).join('\n'));
  const [f] = result.findings;
  assert.deepEqual([f.owner.kind, f.owner.name, f.ruleId], ['structure', 'Pet', 'response-required-field-removed']);
  assert.deepEqual(f.affects?.map((a) => a.name), ['getPet', 'listPets']);
  assert.deepEqual(f.location, { file: b, pointer: '/components/schemas/Pet/properties/name' }, 'the field is in the base, not in the revision');
});
