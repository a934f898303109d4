// Recursive schemas: a self-reference is named by where it leads, whether it is written inside an
// external file (`#/Comment`, `./schemas.yaml#/Comment`) or as a component; and a self-reference
// replaced by an inline schema is a change of type, though the recursion is not expanded again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffPaths } from '../src/diff.ts';

const api = (schemaRef: string, post = true) => `openapi: 3.0.3
info: {title: Comments, version: 1.0.0}
paths:
  /comments:
    get:
      operationId: listComments
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: ${post ? `{type: array, items: {$ref: '${schemaRef}'}}` : `{$ref: '${schemaRef}'}`}
${post ? `    post:
      operationId: addComment
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {text: {type: string}}}
      responses:
        '201':
          description: ok
          content:
            application/json:
              schema: {$ref: '${schemaRef}'}
` : ''}`;
const comment = (self: string, replies = `{type: array, items: {$ref: '${self}'}}`) => `type: object
required: [id]
properties:
  id: {type: string}
  replies: ${replies}
`;

function pair(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'recursion-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

test('a self-reference inside an external file is the same schema however it is spelled, or once moved into components', () => {
  const d = pair({
    'a/api.yaml': api('./schemas.yaml#/Comment'), 'a/schemas.yaml': `Comment:\n${comment('#/Comment').replace(/^/gm, '  ')}`,
    'b/api.yaml': api('./schemas.yaml#/Comment'), 'b/schemas.yaml': `Comment:\n${comment('./schemas.yaml#/Comment').replace(/^/gm, '  ')}`,
    'c/api.yaml': `${api('#/components/schemas/Comment')}components:\n  schemas:\n    Comment:\n${comment('#/components/schemas/Comment').replace(/^/gm, '      ')}`,
  });
  for (const [x, y] of [['a', 'b'], ['b', 'a'], ['a', 'c'], ['c', 'a']]) {
    const r = diffPaths(join(d, x, 'api.yaml'), join(d, y, 'api.yaml'));
    assert.deepEqual(r.diagnostics, [], `${x} -> ${y}`);
    assert.deepEqual(r.findings.filter((f) => f.breaking).map((f) => f.text), [], `${x} -> ${y}`);
  }
});

test('a self-reference replaced by a scalar is a type change, both ways (shared, or owned by one operation)', () => {
  for (const post of [true, false]) {
  const d = pair({
    'a/api.yaml': `${api('#/components/schemas/Comment', post)}components:\n  schemas:\n    Comment:\n${comment('#/components/schemas/Comment').replace(/^/gm, '      ')}`,
    'b/api.yaml': `${api('#/components/schemas/Comment', post)}components:\n  schemas:\n    Comment:\n${comment('', '{type: array, items: {type: string}}').replace(/^/gm, '      ')}`,
  });
  for (const [x, y] of [['a', 'b'], ['b', 'a']]) {
    const r = diffPaths(join(d, x, 'api.yaml'), join(d, y, 'api.yaml'));
    assert.deepEqual(r.diagnostics, []);
    assert.ok(r.findings.some((f) => f.ruleId === 'response-field-type-changed' && /replies\[\]/.test(f.text)), `${x} -> ${y}: ${JSON.stringify(r.findings.map((f) => f.text))}`);
  }
  }
});
