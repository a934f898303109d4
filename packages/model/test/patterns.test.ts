// patternRelation: which of two patterns admits more, for runs of single-character atoms; anything
// else stays unknown. Each row is checked against real RegExp matching on sample strings, so a row
// that claims "wider" while some string matches only the old pattern fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { patternLengths, patternRelation } from '../src/patterns.ts';

const rows: Array<[string, string, 'same' | 'wider' | 'narrower' | 'unknown']> = [
  ['^[A-Za-z0-9 ]*$', "^[A-Za-z0-9 /?:().,'+-]*$", 'wider'],
  ['^[a-z]+$', '^[a-z0-9]+$', 'wider'],
  ['^[a-z0-9]+$', '^[a-z]+$', 'narrower'],
  ['^[a-z]{2,5}$', '^[a-z]{1,8}$', 'wider'],
  ['^[a-z]{2,5}$', '^[a-z]{3,5}$', 'narrower'],
  ['^\\d{4}-\\d{2}$', '^[0-9]{4}-[0-9]{2}$', 'same'],
  ['^[a-mn-z]+$', '^[a-z]+$', 'same'],
  ['^\\w+$', '^[A-Za-z0-9_]+$', 'same'],
  ['^[a-z]+$', '^.+$', 'wider'],
  ['^\\S+$', '^.+$', 'wider'],
  ['^[a-z]+$', '^[a-z0-9]{3,}$', 'unknown'],
  ['^[a-z]+$', '^([a-z]|[0-9])+$', 'unknown'],
  ['^[a-z]+$', '^[a-z]+$|^zz$', 'unknown'],
  // anchors: dropped, the same atoms may match anywhere (more strings); added, fewer
  ['^[a-z]+$', '[a-z]+$', 'wider'],
  ['^[A-Z]{2}[0-9]{4}$', '[A-Z]{2}[0-9]{4}', 'wider'],
  ['[A-Z]{2}[0-9]{4}', '^[A-Z]{2}[0-9]{4}$', 'narrower'],
  ['^[a-z]+', '[a-z]+$', 'unknown'],
  ['[a-z]+', '[a-z0-9]+', 'wider'],
  ['^[a-z]+$', '[a-z]{2}', 'unknown'],
  ['^[a-z]+$', '^[a-z]+[0-9]*$', 'unknown'],
  ['^[^a]+$', '^[^ab]+$', 'unknown'],
  ['^\\s*$', '^[ \\t]*$', 'unknown'],
  ['^a+?$', '^a*$', 'wider'],
  ['^[\\-a]$', '^[a\\-z]$', 'wider'],
  ['^[a-]$', '^[-a-c]$', 'wider'],
  ['^😀$', '^[😀a]$', 'wider'],
  ['^[z-a]$', '^[a-z]$', 'unknown'],
  ['^a{2,1}$', '^a+$', 'unknown'],
  ['^\\1$', '^a$', 'unknown'],
  // a whole anchored pattern written as alternatives: one added, one dropped, the rest related as patterns
  ['^"[^"]*"(\\s*,\\s*"[^"]*")*$', '^(\\*|"[^"]*"(\\s*,\\s*"[^"]*")*)$', 'wider'],
  ['^(a|b)$', '^a$', 'narrower'],
  ['^[a-z]+$', '^([a-z]+|[0-9]+)$', 'wider'],
  ['^(?:ab|cd)$', '^(?:cd|ef|ab)$', 'wider'],
  ['^(?:ab|cd)$', '^(cd|ab)$', 'same'],
  ['^(a|[bc])$', '^([a-c]|z)$', 'wider'],
  ['^(a)(b)$', '^a$', 'unknown'],
  ['^(a|b\\1)$', '^a$', 'unknown'],
  ['^(?=a)(a|b)$', '^a$', 'unknown'],
];

const samples = ['*', '"ab"', '"a", "b"', 'cd', 'ef', '', 'a', 'b', 'z', 'aa', 'abc', 'abcdefgh', 'ab1', '123', '1234-56', '12345-6', 'A_1', 'x y', "a/b?c:(d).e,f'g+h-i", ' \t', '-', 'a-', 'c', '😀', 'a😀', '\n', 'a\nb'];

/** Every string that matches the pattern `rel` says admits no less does match the other. */
function assertHolds(was: string, now: string, rel: 'same' | 'wider' | 'narrower', strings: string[]) {
  const a = new RegExp(was, 'u'), b = new RegExp(now, 'u');
  for (const s of strings) {
    if (rel !== 'narrower' && a.test(s)) assert.ok(b.test(s), `${rel}: ${JSON.stringify(s)} matches ${was} but not ${now}`);
    if (rel !== 'wider' && b.test(s)) assert.ok(a.test(s), `${rel}: ${JSON.stringify(s)} matches ${now} but not ${was}`);
  }
}

for (const [was, now, want] of rows) {
  test(`${was} -> ${now}: ${want}`, () => {
    assert.equal(patternRelation(was, now), want);
    if (want !== 'unknown') assertHolds(was, now, want, samples);
  });
}

/** 600 generated pairs (`pattern` draws one with the generator it is given): each relation claimed holds on 400 generated strings. */
function randomPairsHold(seed: number, pattern: (rnd: () => number) => string, alphabet: string, longest: number) {
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const strings = Array.from({ length: 400 }, () => Array.from({ length: Math.floor(rnd() * (longest + 1)) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join(''));
  let decided = 0;
  for (let i = 0; i < 600; i++) {
    const was = pattern(rnd), now = pattern(rnd);
    const rel = patternRelation(was, now);
    if (rel === 'unknown') continue;
    decided++;
    assertHolds(was, now, rel, strings);
  }
  assert.ok(decided > 50, `too few decided pairs to mean anything (${decided})`);
}

test('random single-class patterns: a claimed relation always holds on generated strings', () => {
  const classes = ['[a-z]', '[a-f]', '[0-9]', '\\d', '[a-z0-9]', '.', '[ab]', 'a', '\\w', '[a-c0-2_]'];
  const counts = ['', '*', '+', '?', '{2}', '{1,3}', '{0,2}', '{2,}'];
  // the two patterns of a pair have as many atoms: one or two, drawn for each pair
  let calls = 0, atoms = 1;
  randomPairsHold(7, (rnd) => {
    if (calls++ % 2 === 0) atoms = 1 + Math.floor(rnd() * 2);
    // each anchor present three times in four: pairs with anchors dropped, added or moved
    const body = Array.from({ length: atoms }, () => classes[Math.floor(rnd() * classes.length)] + counts[Math.floor(rnd() * counts.length)]).join('');
    return `${rnd() < 0.75 ? '^' : ''}${body}${rnd() < 0.75 ? '$' : ''}`;
  }, 'abfgz0129_ -', 5);
});

test('random alternatives of whole patterns: a claimed relation always holds on generated strings', () => {
  const bodies = ['[a-z]+', '[a-f]*', '\\d{2}', '[0-9]+', 'a', 'ab', '[ab]{1,3}', '\\w+', '.', 'z?'];
  randomPairsHold(11, (rnd) => {
    const alts = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => bodies[Math.floor(rnd() * bodies.length)]);
    return alts.length === 1 ? `^${alts[0]}$` : `^(${rnd() < 0.5 ? '?:' : ''}${alts.join('|')})$`;
  }, 'abfgz0129_', 4);
});

test('under a maxLength both sides keep, counts beyond it admit nothing more', () => {
  assert.equal(patternRelation('^[A-Za-z0-9-]{1,12}$', '^[A-Za-z0-9-]{1,32}$'), 'wider');
  assert.equal(patternRelation('^[A-Za-z0-9-]{1,12}$', '^[A-Za-z0-9-]{1,32}$', 12), 'same');
  assert.equal(patternRelation('^[a-z]+$', '^[a-z]{1,8}$', 8), 'same');
  assert.equal(patternRelation('^[a-z]{2,}$', '^[a-z]{1,8}$', 8), 'wider');
  // checked on strings no longer than the cap: a relation claimed holds there
  const strings = ['', 'a', 'ab', 'abcdefgh', 'abcdefghi', 'a-1', 'A'];
  for (const [was, now] of [['^[a-z]+$', '^[a-z]{1,8}$'], ['^[a-z]{2,}$', '^[a-z]{1,8}$']]) {
    const rel = patternRelation(was, now, 8);
    const a = new RegExp(was, 'u'), b = new RegExp(now, 'u');
    for (const x of strings.filter((t) => [...t].length <= 8)) {
      if (rel !== 'narrower' && a.test(x)) assert.ok(b.test(x), `${x} ${was} ${now}`);
      if (rel !== 'wider' && b.test(x)) assert.ok(a.test(x), `${x} ${now} ${was}`);
    }
  }
});

test('patternLengths: the fewest and most characters a match has', () => {
  assert.deepEqual(patternLengths('^[A-Z]{3}$'), { min: 3, max: 3 });
  assert.deepEqual(patternLengths('^[A-Z0-9]{4,12}$'), { min: 4, max: 12 });
  assert.deepEqual(patternLengths('^(ab|cde)$'), { min: 2, max: 3 });
  assert.deepEqual(patternLengths('[a-z]{2}'), { min: 2, max: Infinity });
  assert.deepEqual(patternLengths('^a+$'), { min: 1, max: Infinity });
  assert.equal(patternLengths('^(a)(b)$'), undefined);
});
