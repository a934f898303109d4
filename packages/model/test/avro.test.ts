// avroReadable: Avro's schema resolution, writer -> reader, on the cases its specification lists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { avroReadable } from '../src/avro.ts';

const rec = (fields: unknown[], extra: Record<string, unknown> = {}) => ({ type: 'record', name: 'Posting', namespace: 'bank', fields, ...extra });
const f = (name: string, type: unknown, extra: Record<string, unknown> = {}) => ({ name, type, ...extra });
const ok = (w: unknown, r: unknown) => assert.deepEqual(avroReadable(w, r), []);
const fails = (w: unknown, r: unknown, path: string, message: RegExp) => {
  const p = avroReadable(w, r);
  assert.ok(p.some((x) => x.path === path && message.test(x.message)), JSON.stringify(p));
};

test('records: a field the writer lacks needs the reader\'s default; one the reader lacks is skipped', () => {
  const w = rec([f('id', 'string')]);
  ok(w, rec([f('id', 'string'), f('channel', 'string', { default: 'web' })]));
  fails(w, rec([f('id', 'string'), f('channel', 'string')]), 'channel', /no default/);
  ok(rec([f('id', 'string'), f('gone', 'int')]), w);
  // found by an alias of the reader's field
  ok(rec([f('amount', 'long')]), rec([f('amountMinor', 'long', { aliases: ['amount'] })]));
  // a default of null is a default
  ok(w, rec([f('id', 'string'), f('note', ['null', 'string'], { default: null })]));
});

test('numbers promote one way: int -> long -> float -> double; strings and bytes read as each other', () => {
  for (const [w, r] of [['int', 'long'], ['int', 'double'], ['long', 'float'], ['float', 'double'], ['string', 'bytes'], ['bytes', 'string']]) ok(rec([f('v', w)]), rec([f('v', r)]));
  for (const [w, r] of [['long', 'int'], ['double', 'float'], ['string', 'int'], ['boolean', 'string']]) fails(rec([f('v', w)]), rec([f('v', r)]), 'v', /cannot be read/);
  // a primitive written as an object (a logical type on it) is that primitive
  ok(rec([f('at', { type: 'long', logicalType: 'timestamp-millis' })]), rec([f('at', 'long')]));
});

test('enums: a symbol the reader does not know fails unless the reader has a default symbol', () => {
  const e = (symbols: string[], extra = {}) => rec([f('status', { type: 'enum', name: 'Status', symbols, ...extra })]);
  ok(e(['OPEN']), e(['OPEN', 'CLOSED']));
  fails(e(['OPEN', 'CLOSED']), e(['OPEN']), 'status', /`CLOSED` unknown/);
  ok(e(['OPEN', 'CLOSED']), e(['OPEN', 'UNKNOWN'], { default: 'UNKNOWN' }));
});

test('unions: each writer branch needs a reader branch; a plain reader takes a union only when every branch reads', () => {
  ok(rec([f('v', 'string')]), rec([f('v', ['null', 'string'])]));
  fails(rec([f('v', ['null', 'string'])]), rec([f('v', 'string')]), 'v', /`null` value cannot be read as `string`/);
  fails(rec([f('v', ['null', 'long'])]), rec([f('v', ['null', 'int'])]), 'v', /matches no branch/);
  ok(rec([f('v', ['null', 'int'])]), rec([f('v', ['null', 'long'])]));
});

test('named types: referenced by name, recursive ones checked once, renamed ones need an alias', () => {
  const node = (extraField?: unknown) => ({ type: 'record', name: 'Node', fields: [f('value', 'int'), f('next', ['null', 'Node'], { default: null }), ...(extraField ? [extraField] : [])] });
  ok(node(), node());
  ok(node(), node(f('label', 'string', { default: '' })));
  fails(node(), node(f('label', 'string')), 'label', /no default/);
  fails(rec([f('a', { type: 'record', name: 'Money', fields: [f('minor', 'long')] })]), rec([f('a', { type: 'record', name: 'Amount', fields: [f('minor', 'long')] })]), 'a', /record `bank.Money` is read as record `bank.Amount`/);
  ok(rec([f('a', { type: 'record', name: 'Money', fields: [f('minor', 'long')] })]), rec([f('a', { type: 'record', name: 'Amount', aliases: ['Money'], fields: [f('minor', 'long')] })]));
  // arrays and maps: their items and values
  fails(rec([f('xs', { type: 'array', items: 'long' })]), rec([f('xs', { type: 'array', items: 'int' })]), 'xs[]', /cannot be read/);
  fails(rec([f('m', { type: 'map', values: 'string' })]), rec([f('m', { type: 'map', values: 'int' })]), 'm{}', /cannot be read/);
  fails(rec([f('h', { type: 'fixed', name: 'H', size: 16 })]), rec([f('h', { type: 'fixed', name: 'H', size: 32 })]), 'h', /16 bytes/);
});
