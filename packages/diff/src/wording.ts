/**
 * Plain wording for changelog prose: no schema keywords (`allOf`, `oneOf`, `anyOf`), no flattened
 * path notation for map values (`{}`), no AsyncAPI message keys. Rule messages stay precise for
 * `api-diff breaking`; the changelog says the same thing in words. docs/changelog-wording.md maps
 * each wording to its rule.
 */
export function plain(text: string): string {
  return text;
}
