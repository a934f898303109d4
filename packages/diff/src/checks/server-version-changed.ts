import type { DiffItem, Rule } from '../types.js';

/**
 * A server whose address changed only where the documents' own version changed (`info.version`
 * 3.3 -> 3.4 and `/v3.3/` -> `/v3.4/` in the URL): that is the new version's endpoint, reported
 * as information. Any other address change stays `server-changed`.
 */
export const RULE_ID = 'server-version-changed';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when `to` is `from` with every standalone occurrence of `baseVersion` (or `v<baseVersion>`) replaced by `revVersion`. */
export function versionOnlyChange(from: string, to: string, baseVersion: string | undefined, revVersion: string | undefined): boolean {
  if (!baseVersion || !revVersion || baseVersion === revVersion || from === to) return false;
  const re = new RegExp(`(?<![\\w.-])(v?)${esc(baseVersion.replace(/^v/, ''))}(?![\\w.-])`, 'g');
  if (!re.test(from)) return false;
  return from.replace(re, (_, v: string) => `${v}${revVersion.replace(/^v/, '')}`) === to;
}

export const rule: Rule = {
  id: RULE_ID,
  level: 'INFO',
  direction: 'any',
  area: 'server',
  kind: 'server-version-changed',
  handler: (i: DiffItem): boolean => i.subject === 'server' && i.change === 'url-version',
};
