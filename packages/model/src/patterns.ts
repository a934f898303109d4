import type { Relation } from './admits.js';

/**
 * Which of two regular expressions (JSON Schema `pattern`) admits more, for the one shape that can be
 * decided cheaply and is what most API patterns are: a sequence of single-character atoms (a class
 * `[A-Za-z0-9 ]`, an escape `\d`, `.`, a literal) each with a count (`*`, `+`, `?`, `{m,n}`), maybe
 * anchored. Two such patterns with as many atoms, each atom of one admitting every character and
 * count of the other's, admit every string the other does: matching is done atom by atom. An anchor
 * dropped only widens and one added only narrows. Under `maxLength` (one both schemas keep), counts
 * are read up to it. Anything else (groups, alternation, look-arounds, back-references, negated
 * classes that differ) is `unknown`, and the diff keeps treating the change as unprovable.
 */
export function patternRelation(was: string, now: string, maxLength = Infinity): Relation {
  if (was === now) return 'same';
  // a whole anchored pattern as a group of alternatives (`^(A|B)$`) admits what `^A$` or `^B$` does:
  // alternatives added or dropped, the others related as single patterns
  const wa = wholeAlternatives(was), na = wholeAlternatives(now);
  if (wa.length > 1 || na.length > 1) {
    const within = (xs: string[], ys: string[], rel: Relation) => xs.every((x) => ys.some((y) => { const r = patternRelation(x, y, maxLength); return r === 'same' || r === rel; }));
    const wider = within(wa, na, 'wider'), narrower = within(na, wa, 'wider');
    return wider && narrower ? 'same' : wider ? 'wider' : narrower ? 'narrower' : 'unknown';
  }
  const a = parsePattern(was), b = parsePattern(now);
  if (!a || !b || a.atoms.length !== b.atoms.length) return 'unknown';
  // without an anchor the atoms may match anywhere in the string: a string matching the anchored
  // pattern contains that match, so dropping an anchor only admits more, and adding one fewer
  let wider = (a.start || !b.start) && (a.end || !b.end), narrower = (b.start || !a.start) && (b.end || !a.end);
  // under a `maxLength` both sides keep, no atom of a match repeats more often than that: counts
  // beyond it admit nothing more (`{1,32}` capped at 12 characters is `{1,12}`)
  for (let i = 0; i < a.atoms.length; i++) {
    const x = a.atoms[i], y = b.atoms[i];
    const xMax = Math.min(x.max, maxLength), yMax = Math.min(y.max, maxLength);
    if (!(covers(y.chars, x.chars) && y.min <= x.min && yMax >= xMax)) wider = false;
    if (!(covers(x.chars, y.chars) && x.min <= y.min && xMax >= yMax)) narrower = false;
  }
  return wider && narrower ? 'same' : wider ? 'wider' : narrower ? 'narrower' : 'unknown';
}

/**
 * `^(A|B|...)$` (or `^(?:A|B)$`) as `['^A$', '^B$', ...]`, when the group spans the whole pattern
 * and no alternative refers back to a group (their numbers would shift); any other pattern alone.
 */
function wholeAlternatives(p: string): string[] {
  const m = /^\^\((\?:)?([\s\S]*)\)\$$/.exec(p);
  if (!m || m[2].startsWith('?') || /\\[1-9]|\\k</.test(m[2])) return [p];
  const parts: string[] = [];
  let depth = 0, inClass = false, from = 0;
  for (let i = 0; i < m[2].length; i++) {
    const c = m[2][i];
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') { if (--depth < 0) return [p]; }
    else if (c === '|' && depth === 0) { parts.push(m[2].slice(from, i)); from = i + 1; }
  }
  if (depth !== 0 || inClass) return [p];
  parts.push(m[2].slice(from));
  return parts.map((x) => `^${x}$`);
}

interface Chars {
  /** Code point ranges, sorted and merged. */
  ranges: Array<[number, number]>;
  /** Classes kept by name (`\s`, `\S`, `\D`, `\W`, `.`, a negated class as written): equal only to themselves. */
  named: Set<string>;
}
interface Atom { chars: Chars; min: number; max: number }

const DIGITS: Array<[number, number]> = [[0x30, 0x39]];
const WORD: Array<[number, number]> = [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]];
const CONTROL: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13, '0': 0 };
// escapes that stand for their own character (inside or outside a class)
const SELF = new Set('\\/^$.|?*+()[]{}-'.split(''));

function parsePattern(p: string): { start: boolean; end: boolean; atoms: Atom[] } | undefined {
  let i = 0;
  const start = p.startsWith('^');
  if (start) i++;
  let end = false;
  const atoms: Atom[] = [];
  while (i < p.length) {
    const c = p[i];
    if (c === '$' && i === p.length - 1) { end = true; break; }
    let chars: Chars;
    if (c === '[') {
      const r = parseClass(p, i + 1);
      if (!r) return undefined;
      chars = r.chars;
      i = r.next;
    } else if (c === '\\') {
      const e = parseEscape(p, i + 1, false);
      if (!e) return undefined;
      chars = e.chars;
      i = e.next;
    } else if (c === '.') {
      chars = { ranges: [], named: new Set(['.']) };
      i++;
    } else if ('()|*+?{}^$]'.includes(c)) {
      return undefined;
    } else {
      const cp = p.codePointAt(i)!;
      chars = { ranges: [[cp, cp]], named: new Set() };
      i += cp > 0xffff ? 2 : 1;
    }
    const q = parseCount(p, i);
    if (!q) return undefined;
    i = q.next;
    atoms.push({ chars: { ranges: merge(chars.ranges), named: chars.named }, min: q.min, max: q.max });
  }
  return { start, end, atoms };
}

function parseCount(p: string, i: number): { min: number; max: number; next: number } | undefined {
  let min = 1, max = 1;
  const c = p[i];
  if (c === '*') { min = 0; max = Infinity; i++; }
  else if (c === '+') { min = 1; max = Infinity; i++; }
  else if (c === '?') { min = 0; max = 1; i++; }
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i));
    if (!m) return undefined;
    min = Number(m[1]);
    max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    if (max < min) return undefined;
    i += m[0].length;
  }
  // a lazy count matches the same strings when nothing follows that could take them: the whole
  // pattern is judged by the strings it admits, so laziness changes nothing here
  if (p[i] === '?' && c !== undefined && '*+?{'.includes(c)) i++;
  if (p[i] === '*' || p[i] === '+' || p[i] === '{') return undefined;
  return { min, max, next: i };
}

function parseEscape(p: string, i: number, inClass: boolean): { chars: Chars; next: number } | undefined {
  const c = p[i];
  if (c === undefined) return undefined;
  if (c === 'd') return { chars: { ranges: [...DIGITS], named: new Set() }, next: i + 1 };
  if (c === 'w') return { chars: { ranges: [...WORD], named: new Set() }, next: i + 1 };
  if (c === 's' || c === 'S' || c === 'D' || c === 'W') return { chars: { ranges: [], named: new Set([`\\${c}`]) }, next: i + 1 };
  if (c in CONTROL && (c !== '0' || !/\d/.test(p[i + 1] ?? ''))) return { chars: single(CONTROL[c]), next: i + 1 };
  if (c === 'u') {
    const m = /^u([0-9a-fA-F]{4})/.exec(p.slice(i));
    return m ? { chars: single(parseInt(m[1], 16)), next: i + 5 } : undefined;
  }
  if (c === 'x') {
    const m = /^x([0-9a-fA-F]{2})/.exec(p.slice(i));
    return m ? { chars: single(parseInt(m[1], 16)), next: i + 3 } : undefined;
  }
  // `\b` is a word boundary outside a class (not a character), a backspace inside one
  if (c === 'b' && inClass) return { chars: single(8), next: i + 1 };
  if (SELF.has(c)) return { chars: single(c.charCodeAt(0)), next: i + 1 };
  return undefined;
}

function parseClass(p: string, i: number): { chars: Chars; next: number } | undefined {
  const open = i - 1;
  const negated = p[i] === '^';
  if (negated) i++;
  const ranges: Array<[number, number]> = [];
  const named = new Set<string>();
  while (i < p.length && p[i] !== ']') {
    const lo = classMember(p, i);
    if (!lo) return undefined;
    i = lo.next;
    // a range `a-z`: both ends single characters; a `-` first, last or after a range is itself
    const from = singleOf(lo.chars);
    if (p[i] === '-' && p[i + 1] !== undefined && p[i + 1] !== ']' && from !== undefined) {
      const hi = classMember(p, i + 1, true);
      const to = hi && singleOf(hi.chars);
      if (to === undefined || to < from) return undefined;
      ranges.push([from, to]);
      i = hi!.next;
      continue;
    }
    ranges.push(...lo.chars.ranges);
    for (const n of lo.chars.named) named.add(n);
  }
  if (p[i] !== ']') return undefined;
  // a negated class is compared as written: equal to itself only
  if (negated) return { chars: { ranges: [], named: new Set([p.slice(open, i + 1)]) }, next: i + 1 };
  return { chars: { ranges, named }, next: i + 1 };
}

const single = (cp: number): Chars => ({ ranges: [[cp, cp]], named: new Set() });
/** The one character a set holds, if it holds exactly one. */
const singleOf = (c: Chars): number | undefined => (c.ranges.length === 1 && !c.named.size && c.ranges[0][0] === c.ranges[0][1] ? c.ranges[0][0] : undefined);

/**
 * One member of a character class at `i`: an escape or a character. A `[` that starts a member is not
 * read (it could open a nested class); as a range's upper end it is the character itself.
 */
function classMember(p: string, i: number, rangeEnd = false): { chars: Chars; next: number } | undefined {
  if (p[i] === '\\') return parseEscape(p, i + 1, true);
  if (p[i] === '[' && !rangeEnd) return undefined;
  const cp = p.codePointAt(i)!;
  return { chars: single(cp), next: i + (cp > 0xffff ? 2 : 1) };
}

function merge(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

// `.` matches any character but the line terminators
const LINE_ENDS = [0x0a, 0x0d, 0x2028, 0x2029];

/** Does `outer` admit every character `inner` does? */
function covers(outer: Chars, inner: Chars): boolean {
  for (const n of inner.named) {
    if (outer.named.has(n)) continue;
    // every non-space is matched by `.` (line terminators are spaces)
    if (n === '\\S' && outer.named.has('.')) continue;
    return false;
  }
  for (const [lo, hi] of inner.ranges) {
    if (outer.named.has('.') && !LINE_ENDS.some((c) => c >= lo && c <= hi)) continue;
    if (!outer.ranges.some(([a, b]) => a <= lo && hi <= b)) return false;
  }
  return true;
}

/**
 * Every string a pattern can match, when that is a small finite set: the pattern (or each of its
 * whole alternatives, `^(A|B)$`) anchored at both ends and made of atoms that repeat a fixed number
 * of times over plain characters and ranges (`^[0-7]$`, `^SEPA$`, `^(card|sepa)$`). Undefined when
 * there are more than `limit` strings, or the pattern is of another kind.
 */
export function patternStrings(p: string, limit: number): string[] | undefined {
  const out = new Set<string>();
  for (const alt of wholeAlternatives(p)) {
    const parsed = parsePattern(alt);
    if (!parsed || !parsed.start || !parsed.end) return undefined;
    let words = [''];
    for (const atom of parsed.atoms) {
      if (atom.min !== atom.max || atom.chars.named.size) return undefined;
      const chars: string[] = [];
      for (const [lo, hi] of atom.chars.ranges) {
        if (chars.length + hi - lo + 1 > limit) return undefined;
        for (let c = lo; c <= hi; c++) chars.push(String.fromCodePoint(c));
      }
      for (let k = 0; k < atom.min; k++) {
        if (words.length * chars.length > limit) return undefined;
        words = words.flatMap((w) => chars.map((c) => w + c));
      }
    }
    for (const w of words) out.add(w);
    if (out.size > limit) return undefined;
  }
  return [...out];
}

/**
 * The fewest and most characters (code points) a string matching the pattern has, when the pattern
 * (or each of its whole alternatives) is a run of single-character atoms: the sum of the atoms'
 * counts; without both anchors, no most. Undefined for a pattern of another kind.
 */
export function patternLengths(p: string): { min: number; max: number } | undefined {
  let min = Infinity, max = 0;
  for (const alt of wholeAlternatives(p)) {
    const parsed = parsePattern(alt);
    if (!parsed) return undefined;
    min = Math.min(min, parsed.atoms.reduce((n, a) => n + a.min, 0));
    max = Math.max(max, parsed.start && parsed.end ? parsed.atoms.reduce((n, a) => n + a.max, 0) : Infinity);
  }
  return { min, max };
}
