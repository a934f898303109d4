/**
 * JSON.parse keeps the last of two equal keys without a word; a spec with duplicate keys silently
 * loses data. This linear scan of already-valid JSON finds the first duplicate key and its offset.
 */
export function findDuplicateJsonKey(text: string): { key: string; offset: number } | undefined {
  return scanJsonText(text).duplicate;
}

export interface JsonTextScan {
  /** The first key that appears twice in one object, with the offset of its second occurrence. */
  duplicate?: { key: string; offset: number };
  /** Deepest nesting of objects/arrays (a top-level object alone is 1). */
  maxNesting: number;
  /** Most keys in one object, and the offset of the key that went over the previous maximum. */
  maxKeys: number;
  maxKeysOffset: number;
  /** An upper bound on the values of the parsed tree (1 + commas + opening brackets; exact but for empty containers). */
  values: number;
}

/**
 * One pass over already-valid JSON text: duplicate keys and nesting depth, without building
 * anything per value. Strings are skipped with indexOf; the keys of one object are kept in a
 * reused array per nesting level (objects are small), so large specs cost a few milliseconds.
 */
export function scanJsonText(text: string): JsonTextScan {
  // keys[level] holds the keys seen so far in the open object at that level; null = an array
  const keys: Array<string[] | null> = [];
  const pool: string[][] = [];
  let level = 0;
  let maxNesting = 0;
  let maxKeys = 0;
  let maxKeysOffset = 0;
  let commasAndOpens = 0;
  const sets: Array<Set<string> | undefined> = [];
  let nextBackslash = 0;
  let expectKey = false;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    // whitespace (half of an indented file) first, with one comparison
    if (c < 0x22) {
      i++;
      continue;
    }
    if (c === 0x22 /* " */) {
      const start = i;
      let end = text.indexOf('"', i + 1);
      // next backslash, cached: searching it per string would be quadratic on files without any
      if (nextBackslash !== -1 && nextBackslash <= start) nextBackslash = text.indexOf('\\', start + 1);
      const hasEscape = nextBackslash !== -1 && nextBackslash < end;
      // a quote preceded by an odd number of backslashes is escaped
      while (hasEscape && end !== -1) {
        let b = end - 1;
        while (text.charCodeAt(b) === 0x5c) b--;
        if ((end - 1 - b) % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      if (end === -1) break;
      if (expectKey) {
        const own = keys[level - 1];
        if (own) {
          const key = hasEscape ? (JSON.parse(text.slice(start, end + 1)) as string) : text.slice(start + 1, end);
          let seen = sets[level - 1];
          if (!seen && own.length >= 16) seen = sets[level - 1] = new Set(own);
          if (seen ? seen.has(key) : own.includes(key)) return { duplicate: { key, offset: start }, maxNesting, maxKeys, maxKeysOffset, values: 1 + commasAndOpens };
          own.push(key);
          if (own.length > maxKeys) (maxKeys = own.length), (maxKeysOffset = start);
          seen?.add(key);
        }
        expectKey = false;
      }
      i = end + 1;
      continue;
    }
    if (c === 0x7b /* { */) {
      const own = pool[level] ?? (pool[level] = []);
      own.length = 0;
      sets[level] = undefined;
      keys[level++] = own;
      commasAndOpens++;
      if (level > maxNesting) maxNesting = level;
      expectKey = true;
    } else if (c === 0x5b /* [ */) {
      keys[level++] = null;
      commasAndOpens++;
      if (level > maxNesting) maxNesting = level;
      expectKey = false;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      level--;
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      commasAndOpens++;
      expectKey = keys[level - 1] !== null && level > 0;
    }
    i++;
  }
  return { maxNesting, maxKeys, maxKeysOffset, values: 1 + commasAndOpens };
}

/** Strings in valid JSON text (keys and values): its unescaped quotes, halved. Native searches only. */
export function countJsonStrings(text: string): number {
  let quotes = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) quotes++;
  // a quote after an odd run of backslashes is inside a string
  for (let i = text.indexOf('\\"'); i !== -1; i = text.indexOf('\\"', i + 2)) {
    let b = i;
    while (b > 0 && text.charCodeAt(b - 1) === 0x5c) b--;
    if ((i + 1 - b) % 2 === 1) quotes--;
  }
  return quotes / 2;
}

export interface JsonTreeFacts {
  /** Keys plus string values: equal to the text's strings unless a duplicate key dropped one. */
  strings: number;
  /** Nesting of the deepest object/array (a top-level object alone is 1). */
  maxNesting: number;
  /** Most keys in one object. */
  maxKeys: number;
  /** Values of the tree (scalars, objects, arrays). */
  values: number;
  /** A number JSON.parse turned into ±Infinity. */
  nonFinite: boolean;
}

/**
 * One iterative walk over parsed JSON for everything the text scan would tell, but cheaper: the
 * parser already did the tokenising. A duplicate key is seen by counting: each key JSON.parse
 * overwrote takes at least its own string out of the tree, so the tree holds fewer strings than
 * the text (`countJsonStrings`) exactly when the text repeats a key; only then is the text scanned
 * (`scanJsonText`) to say which key and where.
 */
export function jsonTreeFacts(root: unknown): JsonTreeFacts {
  let strings = 0, maxNesting = 0, maxKeys = 0, values = 0, nonFinite = false;
  const stack: unknown[] = [root];
  const depths: number[] = [0];
  while (stack.length) {
    const v = stack.pop();
    const d = depths.pop()!;
    values++;
    if (typeof v === 'string') strings++;
    else if (typeof v === 'number') { if (!Number.isFinite(v)) nonFinite = true; }
    else if (v !== null && typeof v === 'object') {
      const inner = d + 1;
      if (inner > maxNesting) maxNesting = inner;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) { stack.push(v[i]); depths.push(inner); }
      } else {
        let keys = 0;
        for (const k in v) { keys++; stack.push((v as Record<string, unknown>)[k]); depths.push(inner); }
        strings += keys;
        if (keys > maxKeys) maxKeys = keys;
      }
    }
  }
  return { strings, maxNesting, maxKeys, values, nonFinite };
}
