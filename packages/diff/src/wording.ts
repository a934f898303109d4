/**
 * Plain wording for changelog prose: no schema keywords (`allOf`, `oneOf`, `anyOf`), no flattened
 * path notation for map values (`{}`), no AsyncAPI message keys (`reply:x`). Rule messages stay as
 * they are for `api-diff breaking` (they name the construct a linter user looks for); the changelog
 * says the same in words. Each rewrite is listed in docs/changelog-wording.md with its rule.
 */

const list = (names: string[]) => (names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);

/** "`object {a,b}`" (an unnamed alternative) -> "an object with `a` and `b`". */
function shapes(text: string): string {
  return text.replace(/`object \{([^}`]*)\}`/g, (_, keys: string) => (keys ? `an object with ${list(keys.split(',').map((k) => `\`${k}\``))}` : 'an object'));
}

/** "customer_id" -> "customer", "Properties" -> "property": the noun for one value of a map structure. */
function singular(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase().split(' ');
  const last = words.pop()!;
  const one = last.endsWith('ies') ? `${last.slice(0, -3)}y` : last.endsWith('ses') ? last.slice(0, -2) : last.endsWith('s') && !last.endsWith('ss') ? last.slice(0, -1) : last;
  return [...words, one].join(' ');
}

/** A field label whose path runs through map values: said in words. */
function mapPath(label: string, path: string, owner: string | undefined): string {
  // only map levels at the root of a structure: its values ("each property value")
  if (/^(\{\})+$/.test(path)) return owner ? `each ${singular(owner)} value` : 'each value';
  const at = path.indexOf('{}');
  const map = path.slice(0, at).replace(/\[\]$/, '');
  const inner = path.slice(at + 2).replace(/^(\{\})+/, '').replace(/^\./, '');
  if (!map) return `${label} \`${inner.replace(/\{\}/g, '')}\` in ${owner ? `each ${singular(owner)} value` : 'each value'}`;
  if (!inner) return `each value of ${label} \`${map}\``;
  return `${label} \`${inner.replace(/\{\}/g, '')}\` in each value of \`${map}\``;
}

/** The migration hint of a change reworded by `plain` (a map's values that changed shape are still sent and read). */
export function plainMigration(text: string, migration: string | undefined): string | undefined {
  if (migration && /changed shape\.( |$)/.test(text)) return 'Send and read the values in their new shape.';
  return migration;
}

/** The changelog wording of one rule message (`owner`: the name of the structure, method or push it is about). */
export function plain(text: string, owner?: string): string {
  // a changelog words each finding three times (entry, migration, item): the rewrites run once
  const key = `${owner ?? ''}\0${text}`;
  let t = plainMemo.get(key);
  if (t === undefined) {
    if (plainMemo.size >= 50_000) plainMemo.clear();
    plainMemo.set(key, (t = plainOnce(text, owner)));
  }
  return t;
}
const plainMemo = new Map<string, string>();

function plainOnce(text: string, owner?: string): string {
  let t = text;
  // a data structure's own shape: "In the `X` data structure, the schema ..." -> "The `X` data structure ..."
  t = t.replace(/^In (the `[^`]+` data structure), the schema (may now|no longer accepts|must now also|has fewer)/, (_, s: string, v: string) => `${s[0].toUpperCase()}${s.slice(1)} ${v}`);
  t = t.replace(/^In (the `[^`]+` data structure), the oneOf\/anyOf alternatives of the schema changed/, (_, s: string) => `${s[0].toUpperCase()}${s.slice(1)} changed its alternatives`);
  // alternatives (oneOf/anyOf)
  t = t.replace(/ may now be (.+?) \(a new oneOf\/anyOf alternative\)/, ' may now also be $1');
  t = t.replace(/ no longer accepts the alternative\(s\) (.+?) \(oneOf\/anyOf\)/, ' no longer accepts $1');
  t = t.replace(/(^|, )the oneOf\/anyOf alternatives of (.+?) changed \(added: (.+?); removed: (.+?)\)/, (_, pre: string, what: string, add: string, rem: string) => {
    const parts = [add !== 'none' ? `may now also be ${add}` : '', rem !== 'none' ? `may no longer be ${rem}` : ''].filter(Boolean);
    return `${pre}${what} ${parts.join(', and ')}`;
  });
  t = t.replace(/ changed its alternatives \(added: (.+?); removed: (.+?)\)/, (_, add: string, rem: string) =>
    ` ${[add !== 'none' ? `may now also be ${add}` : '', rem !== 'none' ? `may no longer be ${rem}` : ''].filter(Boolean).join(', and ')}`);
  t = shapes(t);
  // closed objects: the schema keyword in parentheses says nothing more than the words before it
  t = t.replace(/ \(`additionalProperties: false`\)/g, '');
  // AsyncAPI message keys: "`reply:x`" -> "reply message `x`"
  t = t.replace(/a new message, `(\w+):([^`]+)`/g, 'a new $1 message, `$2`').replace(/the message `(\w+):([^`]+)`/g, 'the $1 message `$2`').replace(/message `(\w+):([^`]+)`/g, '$1 message `$2`');
  // map values: a removed map-value path means the values changed shape
  // both map-value rewrites need a `{}` path: most lines have none, and the patterns are costly per line
  if (!t.includes('{}')) return t;
  t = t.replace(/^(The `[^`]+` (?:data structure|method|push)) no longer (?:returns|accepts) (?:the optional |the deprecated )?((?:request |response )?field|query parameter|header parameter) `([^`]*\{\})`\./,
    (_, subj: string, label: string, path: string) => {
      const what = mapPath(label, path, owner);
      return `In ${subj[0].toLowerCase()}${subj.slice(1)}, ${what} changed shape.`;
    });
  t = t.replace(/((?:request |response )?field|query parameter|header parameter) `([^`]*\{\}[^`]*)`/g, (_, label: string, path: string) => mapPath(label, path, owner));
  return t;
}
