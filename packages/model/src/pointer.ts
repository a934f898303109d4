/**
 * JSON pointers (RFC 6901), the one implementation every package uses. A pointer is either plain
 * (`/components/schemas/a~1b`) or a URI fragment (`#/components/schemas/a~1b`); the fragment form is
 * also percent-decoded (RFC 6901 section 6), which is how `$ref`s spell it.
 */

/** `a/b~c` -> `a~1b~0c` (one reference token). */
export function escapeToken(token: string | number): string {
  const s = String(token);
  return s.includes('~') || s.includes('/') ? s.replace(/~/g, '~0').replace(/\//g, '~1') : s;
}

/** `a~1b~0c` -> `a/b~c`. */
export function unescapeToken(token: string): string {
  return token.includes('~') ? token.replace(/~1/g, '/').replace(/~0/g, '~') : token;
}

function percentDecode(s: string): string {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s; // a stray `%` is a literal character, not an error
  }
}

/** The reference tokens of a pointer (`#` or `""` -> `[]`). */
export function pointerTokens(pointer: string): string[] {
  const fragment = pointer.startsWith('#');
  const p = fragment ? pointer.slice(1) : pointer;
  if (p === '') return [];
  return p.replace(/^\//, '').split('/').map((t) => unescapeToken(fragment ? percentDecode(t) : t));
}

/** Joins tokens into a plain pointer; `fragment` prefixes `#`. */
export function pointerOf(tokens: readonly (string | number)[], fragment = false): string {
  const p = tokens.map((t) => `/${escapeToken(t)}`).join('');
  return fragment ? `#${p}` : p;
}

/** `base` + one more token: `appendPointer('/paths', '/action/x')` -> `/paths/~1action~1x`. */
export function appendPointer(base: string, ...tokens: (string | number)[]): string {
  return base + tokens.map((t) => `/${escapeToken(t)}`).join('');
}

/**
 * The value a pointer designates in `root`, or undefined. Only own properties are followed, so a
 * name such as `constructor` or `__proto__` never reaches Object.prototype.
 */
export function getPointer(root: unknown, pointer: string): unknown {
  let cur: unknown = root;
  for (const key of pointerTokens(pointer)) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** The last token of a pointer, decoded (`#/components/messages/a~1b` -> `a/b`). */
export function lastToken(pointer: string): string {
  const t = pointerTokens(pointer);
  return t.length ? t[t.length - 1]! : '';
}

/**
 * Walks `keys` down from `base` (a `#` pointer); whenever the node reached is a `$ref` object (a
 * referenced message, response, request body or schema), the walk goes on from the referenced place.
 * Gives the pointer of where the keys lead, in the document (undefined when they lead nowhere).
 */
export function pointerThrough(root: unknown, base: string, ...keys: string[]): string | undefined {
  let ptr = base.startsWith('#') ? base : `#${base}`;
  let node = getPointer(root, ptr);
  const follow = () => {
    for (let i = 0; i < 50 && node && typeof node === 'object' && typeof (node as { $ref?: unknown }).$ref === 'string'; i++) {
      ptr = (node as { $ref: string }).$ref;
      node = getPointer(root, ptr);
    }
  };
  for (const k of keys) {
    follow();
    if (!node || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, k)) return undefined;
    node = (node as Record<string, unknown>)[k];
    ptr = appendPointer(ptr, k);
  }
  return ptr;
}
