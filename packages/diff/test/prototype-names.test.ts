/**
 * Names from the spec that are also members of Object.prototype (`constructor`, `toString`, ...)
 * are ordinary names: removing or changing a field, method or structure so named is found
 * like any other change. (Before the model's records lost their prototype, `constructor` was always
 * "there" and its removal went unreported.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildHistory } from '../src/history.ts';
import { diffPaths } from '../src/diff.ts';
import { toEntries } from '../src/render.ts';

const NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'];

function doc(opts: { fieldType: string; dropFields: boolean; dropMethod: boolean; dropStructure: boolean; dropServer: boolean }): string {
  const props = NAMES.map((n) => `                ${JSON.stringify(n)}: {type: ${opts.fieldType}}`).join('\n');
  const method = (name: string) => `  /action/${name}:
    post:
      operationId: ${JSON.stringify(name)}
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
${opts.dropFields ? '                other: {type: string}' : props}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Holder'}
`;
  return `openapi: 3.1.0
info: {title: t, version: '1'}
servers:
  - url: https://a.example
${opts.dropServer ? '' : '  - url: https://toString.example\n'}paths:
${method('keep')}${opts.dropMethod ? '' : method('constructor')}components:
  schemas:
    Holder:
      type: object
      properties:
        x: {$ref: '#/components/schemas/Kept'}
${opts.dropStructure ? '' : "        y: {$ref: '#/components/schemas/toString'}\n"}    Kept:
      type: object
      properties:
        a: {type: string}
${opts.dropStructure ? '' : '    toString:\n      type: object\n      properties:\n        b: {type: string}\n'}`;
}

test('fields, methods and structures named like Object.prototype members are compared like any other', () => {
  const dir = mkdtempSync(join(tmpdir(), 'proto-names-'));
  const a = join(dir, 'a.yaml');
  const b = join(dir, 'b.yaml');
  writeFileSync(a, doc({ fieldType: 'string', dropFields: false, dropMethod: false, dropStructure: false, dropServer: false }));
  // every name changes type in the kept method
  writeFileSync(b, doc({ fieldType: 'integer', dropFields: false, dropMethod: false, dropStructure: false, dropServer: false }));
  const typed = diffPaths(a, b);
  assert.deepEqual(typed.diagnostics, []);
  const texts = toEntries(typed, 'v').map((e) => e.text);
  for (const n of NAMES) {
    assert.ok(texts.some((t) => t.includes('`keep` method') && t.includes(`field \`${n}\``) && t.includes('integer')), `type change of ${n} in keep: ${texts.join('\n')}`);
  }
  // the fields, the method `constructor` and the structure `toString` all go away
  writeFileSync(b, doc({ fieldType: 'string', dropFields: true, dropMethod: true, dropStructure: true, dropServer: true }));
  const gone = toEntries(diffPaths(a, b), 'v').map((e) => e.text);
  for (const n of NAMES) assert.ok(gone.some((t) => t.includes('`keep` method no longer accepts') && t.includes(`\`${n}\``)), `removal of ${n}: ${gone.join('\n')}`);
  assert.ok(gone.some((t) => t.includes('`constructor` method was removed')), gone.join('\n'));
  assert.ok(gone.some((t) => t.includes('`toString` data structure was removed')), gone.join('\n'));
});

test('history keeps an entry for a method named `constructor`', () => {
  const specs = mkdtempSync(join(tmpdir(), 'proto-history-'));
  for (const [v, dropMethod] of [['v1.0', false], ['v1.1', true]] as const) {
    const folder = join(specs, v);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'web.openapi.yaml'), doc({ fieldType: 'string', dropFields: false, dropMethod, dropStructure: false, dropServer: false }));
  }
  const { history, diagnostics } = buildHistory(specs);
  assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
  const item = Object.hasOwn(history.methods, 'constructor') ? history.methods.constructor : undefined;
  assert.equal(typeof item, 'object');
  assert.equal(item?.since, 'v1.0');
  assert.equal(item?.removedIn, 'v1.1');
});
