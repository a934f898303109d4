import type { Operation } from '@ccapi/model';

/** HTTP success codes that carry no content whatever the description says (RFC 9110: 204, 205). */
const NO_CONTENT = new Set([204, 205]);

/**
 * The success codes (200..299) an operation answers with, each with the response key that answers it:
 * an exact code first, then its range (`2XX`), and `default` only when no 2xx key is listed (then it
 * is the success response). What a client written against the operation handles is exactly this.
 */
export function successCodes(op: Operation): Map<number, string> {
  const codes = new Map<number, string>();
  const keys = op.statuses.filter((s) => /^2/.test(s));
  const put = (from: number, to: number, key: string) => { for (let c = from; c <= to; c++) if (!codes.has(c)) codes.set(c, key); };
  for (const s of keys) if (/^2\d\d$/.test(s)) put(Number(s), Number(s), s);
  for (const s of keys) if (/^2xx$/i.test(s)) put(200, 299, s);
  if (!keys.length && op.statuses.includes('default')) put(200, 299, 'default');
  return codes;
}

/**
 * The success answers (`2xx` codes and the `2XX` range) a client's endpoint could give a call of the
 * provider (webhook, callback) that the revision no longer documents: an exact code still listed,
 * covered by its range or by `default` is kept.
 */
export function answersLost(was: string[], now: string[]): string[] {
  const has = (k: string) => now.some((s) => s.toUpperCase() === k.toUpperCase());
  return was.filter((s) => /^2(\d\d|XX)$/i.test(s) && !has(s) && !has('default') && !(/^2\d\d$/.test(s) && has('2XX')));
}

/** Is an exact error code (`404`) answered by the operation under a range key (`4XX`)? */
const rangeCovers = (op: Operation, code: string) => op.statuses.some((s) => s.length === 3 && s[0] === code[0] && s.slice(1).toUpperCase() === 'XX');

/**
 * Error statuses gone and error statuses new to the client, per class (4xx, 5xx) where both happen
 * (`409` -> `422`): `[gone, new]` pairs. A code still covered by a range on the other side counts as
 * neither gone nor new.
 */
export function errorStatusesReplaced(b: Operation, r: Operation): Array<[string[], string[]]> {
  const exact = (s: string) => /^[45]\d\d$/.test(s);
  const out: Array<[string[], string[]]> = [];
  for (const cls of ['4', '5']) {
    const gone = b.statuses.filter((s) => exact(s) && s[0] === cls && !r.statuses.includes(s) && !rangeCovers(r, s)).sort();
    const fresh = r.statuses.filter((s) => exact(s) && s[0] === cls && !b.statuses.includes(s) && !rangeCovers(b, s)).sort();
    if (gone.length && fresh.length) out.push([gone, fresh]);
  }
  return out;
}

/**
 * Error statuses (`4xx`/`5xx` codes and `4XX`/`5XX` ranges) the revision documents that the client
 * was never told of: not listed, not covered by a range, and not the other side of a replacement
 * (see errorStatusesReplaced). A `default` says nothing about which codes come, so it covers none.
 */
export function errorStatusesAdded(b: Operation, r: Operation, replaced: Array<[string[], string[]]>): string[] {
  const fresh = new Set(replaced.flatMap(([, to]) => to));
  const listed = (s: string) => b.statuses.some((x) => x.toUpperCase() === s.toUpperCase());
  return r.statuses.filter((s) => /^[45](\d\d|XX)$/i.test(s) && !listed(s) && !fresh.has(s) && !(/^\d+$/.test(s) && rangeCovers(b, s))).sort();
}

/** What a client receives with one success code: the key's body, and never a body with 204/205. */
export function bodyAt(op: Operation, code: number, key: string): string {
  return NO_CONTENT.has(code) ? '' : (op.successBodies?.[key] ?? '');
}

export interface StatusChanges {
  /** Success keys whose codes are no longer answered, some or all of them. */
  removed: string[];
  /** True when none of the success codes the client handled is answered any more. */
  noneLeft: boolean;
  /** Revision keys answering codes the client never got, with whether some of them answer with a body it never got either. */
  added: Array<{ key: string; newBody: boolean }>;
}

/**
 * How the success statuses of an operation changed for a client: which answers it handled are gone,
 * and which codes are new to it (and with what body). A status written differently (`200` -> `2XX`)
 * that still answers a code is no removal; a range adds every code it covers that was not answered.
 */
export function successChanges(b: Operation, r: Operation): StatusChanges {
  const bc = successCodes(b), rc = successCodes(r);
  const removed: string[] = [];
  let noneLeft = bc.size > 0;
  const lostBy = new Set<string>();
  for (const [c, key] of bc) {
    if (rc.has(c)) noneLeft = false;
    else lostBy.add(key);
  }
  for (const key of lostBy) if (!r.statuses.includes(key)) removed.push(key);
  const added = new Map<string, boolean>();
  // an operation that had no success answer gives nothing to compare a new one with
  if (bc.size) {
    const known = new Set<string>();
    for (const [c, key] of bc) known.add(bodyAt(b, c, key));
    for (const [c, key] of rc) {
      if (bc.has(c)) continue;
      added.set(key, (added.get(key) ?? false) || !known.has(bodyAt(r, c, key)));
    }
  }
  return { removed: removed.sort(), noneLeft, added: [...added].map(([key, newBody]) => ({ key, newBody })) };
}
