import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildHistory } from '../src/index.ts';

/** Three versions: v2 renames `get_thing` to `fetch_thing` and adds `Thing.size`; v3 removes `Thing.colour` and the `pong` method. */
function specs(): string {
  const dir = mkdtempSync(join(tmpdir(), 'history-'));
  const version = (v: string, method: string, renamed: boolean, props: string, ping: boolean) => {
    mkdirSync(join(dir, v));
    const op = (name: string, extra = '') => `  /action/${name}:\n    post:\n      operationId: ${name}\n      tags: [Things]${extra}\n      responses:\n        "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Thing"}}}}\n`;
    writeFileSync(join(dir, v, 'web.openapi.yaml'), `openapi: 3.1.0\ninfo: {title: t, version: "${v}"}\npaths:\n${op(method, renamed ? '\n      x-renamed-from: get_thing' : '')}${op('ping')}${ping ? '  /action/pong:\n    post:\n      operationId: pong\n      tags: [Things]\n      responses: {"200": {description: ok}}\n' : ''}components:\n  schemas:\n    Thing:\n      type: object\n      properties:\n${props}\n`);
  };
  version('v1', 'get_thing', false, '        colour: {type: string}', true);
  version('v2', 'fetch_thing', true, '        colour: {type: string}\n        size: {type: integer}', true);
  version('v3', 'fetch_thing', false, '        size: {type: integer}', false);
  return dir;
}

test('history: since, renamed, changed and removed per method, structure and field', () => {
  const { history: h, diagnostics } = buildHistory(specs());
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(h.versions, ['v1', 'v2', 'v3']);
  assert.deepEqual({ ...h.methods.fetch_thing, events: undefined }, { since: 'v1', renamedIn: 'v2', renamedFrom: 'get_thing', changedIn: ['v2'], events: undefined });
  assert.equal(h.methods.get_thing.renamedTo, 'fetch_thing');
  assert.equal(h.methods.get_thing.removedIn, 'v2');
  assert.equal(h.methods.pong.since, 'v1');
  assert.equal(h.methods.pong.removedIn, 'v3');
  assert.equal(h.methods.ping.removedIn, undefined);
  assert.equal(h.fields['Thing.size'].since, 'v2');
  assert.equal(h.fields['Thing.colour'].removedIn, 'v3');
  assert.deepEqual(h.structures.Thing.changedIn, ['v2', 'v3']);
  assert.equal(h.fields['Thing.size'].events[0].change, 'added');
});
