/** The frame of every page: head, the bar (home, version menu, protocol links, search), the deprecation banner. */
import { escapeHtml } from './escape.js';
import type { VersionInfo } from './model.js';

export type Page = 'home' | 'changelog' | 'policy' | 'web' | 'rtm' | 'structures';

export function statusLabel(status: string): string {
  return status === 'preview' ? 'developer preview' : status;
}

/** The version to send readers of a deprecated version to: the newest stable one. */
export function recommendedVersion(versions: VersionInfo[]): VersionInfo | undefined {
  return versions.filter((v) => v.status === 'stable').pop();
}

/**
 * The version menu is a disclosure of plain links (no `<select>`: arrow keys on a select fire `change` and
 * navigated away); nav.js points each link at the same item in that version.
 */
function versionMenu(versions: VersionInfo[], current: string, page: Page): string {
  const items = versions
    .slice()
    .reverse()
    .map((v) => `<li><a class="vlink${v.id === current ? ' current' : ''}" data-version="${escapeHtml(v.id)}" href="../${escapeHtml(v.id)}/${page}.html"${v.id === current ? ' aria-current="page"' : ''}>${escapeHtml(v.id)} <span class="status">${escapeHtml(statusLabel(v.status))}</span></a></li>`)
    .join('');
  return `<details class="vmenu" id="ccapi-vmenu"><summary id="ccapi-version" aria-label="API version ${escapeHtml(current)}, change version">${escapeHtml(current)}</summary><ul id="ccapi-versions">${items}</ul></details>`;
}

export function navBar(page: Page, version: string | null, versions: VersionInfo[], prefix: string): string {
  const parts: string[] = [`<a class="home" href="${prefix}index.html">Customer Chat API</a>`];
  const links: string[] = [];
  if (version) {
    const info = versions.find((v) => v.id === version);
    parts.push(versionMenu(versions, version, page), info ? `<span class="badge ${escapeHtml(info.status)}">${escapeHtml(statusLabel(info.status))}</span>` : '');
    const cur = (p: Page) => (page === p ? ' current" aria-current="page' : '');
    links.push(
      `<a class="proto${cur('web')}" id="ccapi-web-link" href="web.html">Web API</a>`,
      `<a class="proto${cur('rtm')}" id="ccapi-rtm-link" href="rtm.html">RTM API</a>`,
      `<a class="proto${cur('structures')}" id="ccapi-structures-link" href="structures.html">Structures</a>`,
    );
  }
  links.push(`<a class="changelog${page === 'changelog' ? ' current" aria-current="page' : ''}" href="${prefix}changelog.html${version ? `#${escapeHtml(version)}` : ''}">Changelog</a>`);
  links.push(`<a class="policy${page === 'policy' ? ' current" aria-current="page' : ''}" href="${prefix}policy.html">Breaking changes</a>`);
  const search =
    `<div class="search" role="search"><label class="sr-only" for="ccapi-search">Search every version</label>` +
    `<input id="ccapi-search" type="search" placeholder="Search methods, pushes, fields, changes" autocomplete="off" spellcheck="false" aria-describedby="ccapi-search-status">` +
    `<span id="ccapi-search-status" class="sr-only" aria-live="polite"></span><div id="ccapi-results" hidden></div></div>`;
  return (
    `<header id="ccapi-bar" data-page="${escapeHtml(page)}" data-version="${escapeHtml(version ?? '')}" data-root="${escapeHtml(prefix)}">` +
    `${parts.join('')}<nav class="links" aria-label="Site">${links.join('')}<a id="ccapi-cross" class="cross" hidden href="#"></a></nav>${search}</header>` +
    `<p id="ccapi-notice" class="notice" role="status" hidden></p>`
  );
}

function banner(version: string | null, versions: VersionInfo[], page: Page): string {
  const info = versions.find((v) => v.id === version);
  if (!info || info.status !== 'deprecated') return '';
  const rec = recommendedVersion(versions);
  if (!rec) return '';
  return `<p class="deprecated-banner" role="note"><strong>${escapeHtml(info.id)} is deprecated.</strong> It is still served but no longer recommended: use <a id="ccapi-use-stable" data-version="${escapeHtml(rec.id)}" href="../${escapeHtml(rec.id)}/${page}.html">${escapeHtml(rec.id)}</a>, the stable version.</p>`;
}

export function shell(title: string, page: Page, version: string | null, versions: VersionInfo[], prefix: string, body: string, scripts = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${prefix}assets/site.css">
</head>
<body class="page-${page}">
<a class="skip" href="#main">Skip to content</a>
${navBar(page, version, versions, prefix)}
${banner(version, versions, page)}
${body}
<script src="${prefix}assets/nav-data.js"></script><script src="${prefix}assets/nav.js"></script>${scripts}
</body>
</html>
`;
}
