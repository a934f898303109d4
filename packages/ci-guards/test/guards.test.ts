import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoWithSpecs, sh, write } from './git-fixture.ts';

const cli = join(dirname(fileURLToPath(import.meta.url)), '../src/cli.ts');

const SPEC = `openapi: 3.1.0
info: { title: Pets, version: '1.0', license: { name: MIT, identifier: MIT } }
servers: [{ url: 'https://pets.test/v1' }]
paths:
  /pets:
    get:
      operationId: list_pets
      summary: List pets
      parameters:
        - { name: limit, in: query, required: false, schema: { type: integer } }
      responses:
        '200':
          description: The pets.
          content: { application/json: { schema: { type: object, properties: { pets: { type: array, items: { type: string } } } } } }
  /pets/{id}:
    delete:
      operationId: delete_pet
      summary: Delete a pet
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '204': { description: Deleted. }
`;

function guard(repo: string, ...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', cli, ...args, '--repo', repo], { encoding: 'utf8' });
}
const removeDelete = (s: string) => s.slice(0, s.indexOf('  /pets/{id}:'));
const addParam = (s: string) => s.replace("- { name: limit, in: query, required: false, schema: { type: integer } }", "- { name: limit, in: query, required: false, schema: { type: integer } }\n        - { name: kind, in: query, required: false, schema: { type: string } }");

test('frozen: a breaking change to a stable version fails with a report of the change and its rule', () => {
  const repo = repoWithSpecs(SPEC);
  write(repo, 'specs/v1/web.openapi.yaml', removeDelete(SPEC));
  sh(repo, 'commit', '-qam', 'remove delete_pet');
  const r = guard(repo, 'frozen');
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /v1/);
  assert.match(r.stdout, /delete_pet/);
  assert.match(r.stdout, /BLOCKING/);
  assert.match(r.stdout, /breaking-waivers\.yaml/);
  rmSync(repo, { recursive: true, force: true });
});

test('frozen: a non-breaking change passes, and so does a breaking change to the preview version', () => {
  const repo = repoWithSpecs(SPEC);
  write(repo, 'specs/v1/web.openapi.yaml', addParam(SPEC));
  write(repo, 'specs/v2/web.openapi.yaml', removeDelete(SPEC));
  sh(repo, 'commit', '-qam', 'optional param on v1, removal on preview');
  const r = guard(repo, 'frozen');
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /No breaking change/);
  rmSync(repo, { recursive: true, force: true });
});

test('frozen: a waived breaking change passes and the report names the waiver reason', () => {
  const repo = repoWithSpecs(SPEC);
  write(repo, 'specs/v1/web.openapi.yaml', removeDelete(SPEC));
  sh(repo, 'commit', '-qam', 'remove delete_pet');
  const blocked = guard(repo, 'frozen');
  assert.equal(blocked.status, 1);
  const rule = /^\s+v1\s+(\S+)\s/m.exec(blocked.stdout)?.[1];
  assert.ok(rule, blocked.stdout);
  write(repo, 'specs/breaking-waivers.yaml', `waivers:\n  - version: v1\n    rule: ${rule}\n    match: delete_pet\n    reason: the endpoint never worked; documented fix\n`);
  const r = guard(repo, 'frozen');
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /waived: the endpoint never worked/);
  rmSync(repo, { recursive: true, force: true });
});

test('frozen: a waiver without a reason is bad input (exit 2)', () => {
  const repo = repoWithSpecs(SPEC);
  write(repo, 'specs/breaking-waivers.yaml', 'waivers:\n  - { version: v1, rule: x }\n');
  const r = guard(repo, 'frozen');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /lacks reason/);
  rmSync(repo, { recursive: true, force: true });
});

test('changeset: a spec change needs a changeset', () => {
  const repo = repoWithSpecs(SPEC);
  write(repo, 'specs/v2/web.openapi.yaml', addParam(SPEC));
  sh(repo, 'commit', '-qam', 'param');
  const missing = guard(repo, 'changeset');
  assert.equal(missing.status, 1);
  assert.match(missing.stdout, /specs\/v2\/web\.openapi\.yaml/);
  write(repo, '.changeset/kind-param.md', '---\n"@pets/types": minor\n---\n\nlist_pets accepts `kind`.\n');
  const ok = guard(repo, 'changeset');
  assert.equal(ok.status, 0, ok.stdout);
  assert.match(readFileSync(join(repo, '.changeset/kind-param.md'), 'utf8'), /kind/);
  rmSync(repo, { recursive: true, force: true });
});

test('bad usage exits 2', () => {
  assert.equal(spawnSync(process.execPath, ['--import', 'tsx', cli, 'nope'], { encoding: 'utf8' }).status, 2);
});
