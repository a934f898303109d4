/**
 * When codegen gives a oneOf ajv's `discriminator` (src/emit-validators.ts `tagsUnion`): exactly ajv's rules, so a
 * union that breaks one stays a plain oneOf instead of making ajv refuse to compile the version.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tagsUnion } from '../src/emit-validators.ts';

const defs: Record<string, Record<string, unknown>> = {
  Message: { type: 'object', required: ['type', 'text'], properties: { type: { const: 'message' }, text: { type: 'string' } } },
  File: { type: 'object', required: ['type'], properties: { type: { enum: ['file', 'image'] } } },
  Loose: { type: 'object', properties: { type: { const: 'loose' } } },
  Untyped: { type: 'object', required: ['type'], properties: { type: { type: 'string' } } },
  Other: { type: 'object', required: ['type'], properties: { type: { const: 'message' } } },
  Alias: { $ref: '#/$defs/Message' },
};
const resolve = (ref: string) => defs[ref.replace('#/$defs/', '')];
const ref = (n: string) => ({ $ref: `#/$defs/${n}` });

test('a union whose branches each require a const/enum `type` with unique values is tagged', () => {
  assert.equal(tagsUnion([ref('Message'), ref('File')], resolve), true);
  assert.equal(tagsUnion([ref('Message'), { type: 'object', required: ['type'], properties: { type: { const: 'inline' } } }], resolve), true);
});

test('each broken rule leaves the union untagged', () => {
  assert.equal(tagsUnion([ref('Message'), ref('Loose')], resolve), false, '`type` not required');
  assert.equal(tagsUnion([ref('Message'), ref('Untyped')], resolve), false, 'no const/enum');
  assert.equal(tagsUnion([ref('Message'), ref('Other')], resolve), false, 'a tag value shared by two branches');
  assert.equal(tagsUnion([ref('File'), ref('Alias')], resolve), false, 'ajv follows one $ref only');
  assert.equal(tagsUnion([ref('Message'), ref('Missing')], resolve), false, 'unresolvable branch');
  assert.equal(tagsUnion([ref('Message')], resolve), false, 'one branch is no union');
  assert.equal(tagsUnion([ref('Message'), { type: 'object', required: ['type'], properties: { type: { enum: [1] } } }], resolve), false, 'non-string tag');
});
