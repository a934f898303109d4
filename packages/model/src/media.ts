/**
 * Media types compared by meaning, the one place that decides it: type and subtype are
 * case-insensitive; a `charset` parameter names an encoding, which JSON does not have (it is UTF-8
 * by definition) and which is UTF-8 where none is written, so only another charset on a type that is
 * not JSON (`text/plain; charset=iso-8859-1`) is kept, in lower case; other parameters (a `version`,
 * a `profile`) are kept; and a range (`audio/*`, `*\/*`) stands for every type it matches.
 */

// memoised: a large spec spells the same few media types in thousands of places
const keys = new Map<string, string>();

/** `type/subtype` in lower case, then the parameters sorted, a `charset` only when it says something (see above). */
export function mediaKey(media: string): string {
  let key = keys.get(media);
  if (key === undefined) {
    if (keys.size >= 10_000) keys.clear();
    keys.set(media, (key = spellMediaKey(media)));
  }
  return key;
}

function spellMediaKey(media: string): string {
  const [written, ...params] = media.split(';');
  const head = written.trim().toLowerCase();
  const json = head === 'application/json' || head.endsWith('+json');
  const kept = params
    .map((p) => {
      const i = p.indexOf('=');
      const name = (i < 0 ? p : p.slice(0, i)).trim().toLowerCase();
      const value = i < 0 ? '' : p.slice(i + 1).trim().replace(/^"(.*)"$/, '$1');
      if (name !== 'charset') return name ? `${name}=${value}` : '';
      const charset = value.toLowerCase();
      return json || charset === 'utf-8' || charset === 'utf8' || charset === '' ? '' : `charset=${charset}`;
    })
    .filter(Boolean)
    .sort();
  return [head, ...kept].join(';');
}

/** Does the media type or range `outer` match every type `inner` stands for? */
function covers(outer: string, inner: string): boolean {
  if (outer === inner) return true;
  const [ot, ...op] = outer.split(';'), [it, ...ip] = inner.split(';');
  // a range with parameters matches only types with those parameters
  if (!op.every((p) => ip.includes(p))) return false;
  if (ot === '*/*') return true;
  if (!ot.endsWith('/*')) return false;
  return it !== '*/*' && it.startsWith(ot.slice(0, -1));
}

/**
 * How the media type `now` relates to `was`: the `same` type, `wider` (a range that matches `was`
 * and more), `narrower` (`was` is a range that matches `now`), or undefined (unrelated).
 */
export function mediaRelation(was: string, now: string): 'same' | 'wider' | 'narrower' | undefined {
  const a = mediaKey(was), b = mediaKey(now);
  if (a === b) return 'same';
  if (covers(b, a)) return 'wider';
  if (covers(a, b)) return 'narrower';
  return undefined;
}
