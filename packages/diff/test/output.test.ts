// How api-diff writes large outputs: in pieces (never between the halves of a surrogate pair) and,
// for the JSON changelog, with each `affects` list put back exactly where it belongs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeInPieces, writeParts } from '../src/cli.ts';
import { changelogJson, type ChangelogEntry } from '../src/render.ts';

test('writeInPieces: the pieces join to the text, none over the size, none ends inside a surrogate pair', () => {
  // an astral character (two UTF-16 units) lands on every possible piece boundary
  for (let offset = 0; offset < 4; offset++) {
    const text = 'a'.repeat(offset) + '😀x'.repeat(40) + 'é'.repeat(7);
    const pieces: string[] = [];
    writeInPieces(text, (p) => pieces.push(p), 5);
    assert.equal(pieces.join(''), text);
    for (const p of pieces) {
      assert.ok(p.length > 0 && p.length <= 5);
      const last = p.charCodeAt(p.length - 1);
      assert.ok(!(last >= 0xd800 && last <= 0xdbff), `piece ends with a high surrogate: ${JSON.stringify(p)}`);
      // each piece encodes on its own as the same bytes it has inside the whole text (no U+FFFD)
      assert.ok(!Buffer.from(p).toString().includes('\ufffd'));
    }
    assert.equal(Buffer.concat(pieces.map((p) => Buffer.from(p))).toString(), text);
  }
  const short: string[] = [];
  writeInPieces('short', (p) => short.push(p));
  assert.deepEqual(short, ['short']);
});

test('changelogJson: the same as plain indented JSON with each affects list on one line, whatever strings the entries hold', () => {
  const affects = [{ kind: 'method', name: 'get_thing', protocols: ['web'] }];
  // strings that spell what an earlier version of the stand-in looked like ("\u0000<n>\u0000")
  const entry = (text: string, a: unknown = affects) => ({ version: 'v2', area: 'Methods', protocols: ['web'], kind: 'field-added', breaking: false, text, source: 'diff', path: '\u00000\u0000', affects: a }) as unknown as ChangelogEntry;
  const entries = [entry('\u00001\u0000'), entry('"\u0000', null), entry('plain', [...affects, { kind: 'push', name: 'thing_changed', protocols: ['rtm'] }])];
  const out = changelogJson(entries, { entries: 3, changedPaths: 3 } as never);
  assert.deepEqual(JSON.parse(out), { entries: JSON.parse(JSON.stringify(entries)), items: [], stats: { entries: 3, changedPaths: 3 } });
  // and the lists are written on one line each
  assert.ok(out.includes('"affects": [{"kind":"method","name":"get_thing","protocols":["web"]}]'));
});

test('changelogJson: lists equal in content but built apart are written once each where they belong; lists that differ only in a protocol or a kind stay apart', () => {
  const item = (kind: string, name: string, protocols: string[]) => ({ kind, name, protocols });
  // the same lengths and end names (what a list is first sorted by), told apart only inside
  const lists = [
    [item('method', 'a', ['web']), item('method', 'b', ['web']), item('method', 'c', ['web'])],
    [item('method', 'a', ['web']), item('method', 'b', ['web']), item('method', 'c', ['web'])],
    [item('method', 'a', ['web']), item('method', 'b', ['web', 'rtm']), item('method', 'c', ['web'])],
    [item('method', 'a', ['web']), item('push', 'b', ['web']), item('method', 'c', ['web'])],
    [item('method', 'a', ['web']), item('method', 'bb', ['web']), item('method', 'c', ['web'])],
    [item('method', 'a', ['rtm']), item('method', 'b', ['web']), item('method', 'c', ['web'])],
  ];
  const entries = lists.map((affects, i) => ({ version: 'v2', area: 'Methods', protocols: ['web'], kind: 'field-added', breaking: false, text: `e${i}`, source: 'diff', affects }) as unknown as ChangelogEntry);
  const out = changelogJson(entries, { entries: lists.length, changedPaths: 1 } as never);
  assert.deepEqual(JSON.parse(out).entries, JSON.parse(JSON.stringify(entries)));
});

test('writeParts: the batches join to the parts, and only a part longer than a batch makes one longer', () => {
  const parts = ['ab', 'cdefgh', 'i', 'j'.repeat(25), 'kl', '', 'mnopq'];
  const out: string[] = [];
  writeParts(parts, (s) => out.push(s), 8);
  assert.equal(out.join(''), parts.join(''));
  assert.deepEqual(out, ['abcdefgh', 'i', 'j'.repeat(25), 'klmnopq']);
});

test('writeParts: a part of `alone` characters or more goes by itself, the very string given', () => {
  const big = 'x'.repeat(40);
  const parts = ['ab', 'cd', big, 'ef', big, big, 'g'];
  const out: string[] = [];
  writeParts(parts, (s) => out.push(s), 8, 10);
  assert.equal(out.join(''), parts.join(''));
  assert.deepEqual(out, ['abcd', big, 'ef', big, big, 'g']);
  assert.ok(out[1] === big && out[3] === big);
  // the default sends nothing under 4,096 characters alone
  const small: string[] = [];
  writeParts(['a'.repeat(4095), 'b'], (s) => small.push(s), 65536);
  assert.equal(small.length, 1);
});
