// What one flattened schema admits compared with another (src/admits.ts): the relation the diff
// uses to judge a schema against the alternatives of a union that replaced it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { admits, flatten, Resolver, valueAdmitted, type Relation } from '../src/index.ts';

const fields = (schema: unknown) => flatten(schema, '', new Resolver({}, true), { followRoot: true, rootRequired: true });
const rel = (a: unknown, b: unknown): Relation => admits(fields(a), '', fields(b), '');

test('bounds, enums, types and formats relate by the values they admit', () => {
  assert.equal(rel({ type: 'string', maxLength: 5 }, { type: 'string', maxLength: 5 }), 'same');
  assert.equal(rel({ type: 'string', maxLength: 5 }, { type: 'string' }), 'wider');
  assert.equal(rel({ type: 'string' }, { type: 'string', maxLength: 5 }), 'narrower');
  assert.equal(rel({ type: 'string', maxLength: 5 }, { type: 'string', minLength: 1 }), 'unknown');
  assert.equal(rel({ type: 'integer' }, { type: 'number' }), 'wider');
  assert.equal(rel({ type: 'string' }, { type: 'integer' }), 'unknown');
  assert.equal(rel({ type: 'string', enum: ['a'] }, { type: 'string', enum: ['a', 'b'] }), 'wider');
  assert.equal(rel({ type: 'string' }, { type: 'string', format: 'uuid' }), 'narrower');
  assert.equal(rel({ type: 'integer', minimum: 1 }, { type: 'integer', exclusiveMinimum: 0 }), 'same');
});

test('an enum on one side is judged by whether the other side admits each of its values', () => {
  assert.equal(rel({ type: 'string', maxLength: 10 }, { type: 'string', enum: [''] }), 'narrower');
  assert.equal(rel({ type: 'string', enum: [''] }, { type: 'string', maxLength: 10 }), 'wider');
  assert.equal(rel({ type: 'string', minLength: 1 }, { type: 'string', enum: [''] }), 'unknown');
  assert.equal(rel({ type: 'string', pattern: '^[a-z]+$' }, { type: 'string', enum: ['ab'] }), 'narrower');
  assert.equal(valueAdmitted('x', { path: '', required: true, nullable: false, hasDefault: false, limits: {}, pointer: '', type: 'string', format: 'uuid' }), false, 'a format is not checked, so not proven');
});

test('children count: items, and required properties only', () => {
  assert.equal(rel({ type: 'array', items: { enum: ['a', 'b'] } }, { type: 'array', items: { enum: ['a'] } }), 'narrower');
  assert.equal(rel({ type: 'array', items: { type: 'string' } }, { type: 'array', minItems: 1, items: { type: 'string' } }), 'narrower');
  assert.equal(rel({ type: 'object', properties: { a: { type: 'string' } } }, { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } } }), 'same');
  assert.equal(rel({ type: 'object', properties: { a: { type: 'string' } } }, { type: 'object', required: ['b'], properties: { a: { type: 'string' }, b: { type: 'string' } } }), 'narrower');
});
