/**
 * JSON.parse keeps the last of two equal keys without a word; a spec with duplicate keys silently
 * loses data. This linear scan of already-valid JSON finds the first duplicate key and its offset.
 */
export function findDuplicateJsonKey(text: string): { key: string; offset: number } | undefined {
  const stack: Array<Set<string> | null> = []; // a Set per open object, null per open array
  let i = 0;
  const n = text.length;
  let expectKey = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i;
      i++;
      let hasEscape = false;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) {
          hasEscape = true;
          i += 2;
          continue;
        }
        if (d === 0x22) break;
        i++;
      }
      const top = stack[stack.length - 1];
      if (expectKey && top) {
        const raw = text.slice(start, i + 1);
        const key = hasEscape ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        if (top.has(key)) return { key, offset: start };
        top.add(key);
        expectKey = false;
      }
      i++;
      continue;
    }
    if (c === 0x7b /* { */) {
      stack.push(new Set());
      expectKey = true;
    } else if (c === 0x5b /* [ */) {
      stack.push(null);
      expectKey = false;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      expectKey = stack[stack.length - 1] instanceof Set;
    }
    i++;
  }
  return undefined;
}
