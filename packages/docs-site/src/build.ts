/** Builds the static reference site (landing, per-version Web and RTM pages, changelog) into one folder. */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { escapeHtml, jsonForScript, neutraliseDescriptions } from './escape.js';
import { buildNavData, indexVersion, readVersions, type VersionIndex, type VersionInfo } from './model.js';
import { parseHistory, type History } from './history.js';
import { parseRules, renderPolicyBody, type Rule } from './policy.js';
import { parseChangelog, renderChangelogBody, statusLabel, type ChangelogEntry } from './changelog.js';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
export const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = resolve(PACKAGE_DIR, '../..');

export interface BuildOptions {
  outDir: string;
  /** Folder with `<version>/web.openapi.json` and `<version>/rtm.asyncapi.json`. */
  generatedDir: string;
  versionsFile: string;
  /** generated/changelog.json; when missing the page says so. */
  changelogFile?: string;
  /** generated/rules.json (the breaking-change policy page); when missing the page says so. */
  rulesFile?: string;
  /** generated/history.json (since / renamed badges); optional. */
  historyFile?: string;
  log?: (line: string) => void;
}

export interface BuildResult { pages: string[]; versions: string[]; changelogEntries: number | null; rules: number | null; ms: number }

/** Our own small logo for Redoc's "API docs by" corner (the built page would fetch Redocly's from a CDN). */
const LOGO_SVG =
  'data:image/svg+xml,' +
  encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="60" height="16" viewBox="0 0 60 16"><text x="0" y="12" font-family="sans-serif" font-size="11" fill="#555">Redoc</text></svg>');

export async function buildSite(opts: BuildOptions): Promise<BuildResult> {
  const t0 = Date.now();
  const log = opts.log ?? (() => {});
  const versions = readVersions(opts.versionsFile);
  const out = resolve(opts.outDir);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'assets'), { recursive: true });

  const docs: Record<string, { web: any; rtm: any }> = {};
  const indexes: Record<string, VersionIndex> = {};
  for (const v of versions) {
    const webFile = join(opts.generatedDir, v.id, 'web.openapi.json');
    const rtmFile = join(opts.generatedDir, v.id, 'rtm.asyncapi.json');
    if (!existsSync(webFile) || !existsSync(rtmFile)) throw new Error(`missing bundle for ${v.id} in ${opts.generatedDir} (run npm run build first)`);
    const web = JSON.parse(readFileSync(webFile, 'utf8'));
    const rtm = JSON.parse(readFileSync(rtmFile, 'utf8'));
    docs[v.id] = { web, rtm };
    indexes[v.id] = indexVersion(v.id, web, rtm);
  }

  copyAssets(out);
  const nav = buildNavData(versions, indexes);
  writeFileSync(join(out, 'assets', 'nav-data.js'), `window.CCAPI_NAV = ${jsonForScript(nav)};\n`);

  const pages: string[] = [];
  const work = mkdtempSync(join(tmpdir(), 'ccapi-site-'));
  try {
    await Promise.all(
      versions.map(async (v) => {
        mkdirSync(join(out, v.id), { recursive: true });
        const webHtml = await renderWebPage(v, docs[v.id].web, versions, work);
        writeFileSync(join(out, v.id, 'web.html'), webHtml);
        writeFileSync(join(out, v.id, 'rtm.html'), renderRtmPage(v, docs[v.id].rtm, versions));
        pages.push(`${v.id}/web.html`, `${v.id}/rtm.html`);
        log(`  ${v.id}: web.html (${Object.keys(indexes[v.id].web).length} operations), rtm.html (${Object.keys(indexes[v.id].rtm).length} operations, ${Object.keys(indexes[v.id].schemas).length} structures)`);
      }),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  let entries: ChangelogEntry[] | null = null;
  if (opts.changelogFile && existsSync(opts.changelogFile)) {
    entries = parseChangelog(JSON.parse(readFileSync(opts.changelogFile, 'utf8')));
  } else {
    log(`  changelog: ${opts.changelogFile ?? '(none)'} not found; the page says so`);
  }
  let history: History | null = null;
  if (opts.historyFile && existsSync(opts.historyFile)) history = parseHistory(JSON.parse(readFileSync(opts.historyFile, 'utf8')));
  else log(`  history: ${opts.historyFile ?? '(none)'} not found; no history badges`);
  let rules: Rule[] | null = null;
  if (opts.rulesFile && existsSync(opts.rulesFile)) rules = parseRules(JSON.parse(readFileSync(opts.rulesFile, 'utf8')));
  else log(`  rules: ${opts.rulesFile ?? '(none)'} not found; the policy page says so`);
  writeFileSync(join(out, 'changelog.html'), renderChangelogPage(entries, versions, indexes, history));
  writeFileSync(join(out, 'policy.html'), renderPolicyPage(rules, versions));
  writeFileSync(join(out, 'index.html'), renderLanding(versions, indexes, entries));
  pages.push('changelog.html', 'policy.html', 'index.html');
  for (const page of pages) assertOffline(page, readFileSync(join(out, page), 'utf8'));
  return { pages: pages.sort(), versions: versions.map((v) => v.id), changelogEntries: entries ? entries.length : null, rules: rules ? rules.length : null, ms: Date.now() - t0 };
}

function copyAssets(out: string): void {
  const pkg = dirname(require.resolve('@asyncapi/react-component/package.json'));
  copyFileSync(join(pkg, 'browser/standalone/index.js'), join(out, 'assets/asyncapi-standalone.js'));
  copyFileSync(join(pkg, 'styles/default.min.css'), join(out, 'assets/asyncapi.css'));
  for (const f of ['site.css', 'nav.js', 'rtm-render.js']) copyFileSync(join(PACKAGE_DIR, 'static', f), join(out, 'assets', f));
}

/** The page must not load anything from another host: no script, stylesheet, font or image URL with a scheme. */
export function assertOffline(page: string, html: string): void {
  const tags = html.match(/<(script|link|img|iframe|source|video|audio)\b[^>]*>/gi) ?? [];
  for (const tag of tags) {
    const m = /\b(src|href|srcset)\s*=\s*["']?\s*((?:https?:)?\/\/[^"'\s>]+)/i.exec(tag);
    if (m && !/^<a\b/i.test(tag)) throw new Error(`${page}: loads ${m[2]} from the network`);
  }
  const css = /@import\s+url\(\s*["']?(https?:)?\/\/|fonts\.googleapis\.com|fonts\.gstatic\.com/i.exec(html);
  if (css) throw new Error(`${page}: references remote fonts/styles (${css[0]})`);
}

function versionOptions(versions: VersionInfo[], current: string): string {
  return versions
    .slice()
    .reverse()
    .map((v) => `<option value="${escapeHtml(v.id)}"${v.id === current ? ' selected' : ''}>${escapeHtml(v.id)} (${escapeHtml(statusLabel(v.status))})</option>`)
    .join('');
}

export type Page = 'home' | 'changelog' | 'policy' | 'web' | 'rtm';

/** The bar on top of every page: home, version switcher, Web/RTM/changelog links and the cross-link slot. */
export function navBar(page: Page, version: string | null, versions: VersionInfo[], prefix: string): string {
  const parts: string[] = [`<a class="home" href="${prefix}index.html">Customer Chat API</a>`];
  if (version) {
    const info = versions.find((v) => v.id === version);
    parts.push(
      `<label class="switch">Version <select id="ccapi-version" aria-label="API version">${versionOptions(versions, version)}</select></label>`,
      info ? `<span class="badge ${escapeHtml(info.status)}">${escapeHtml(statusLabel(info.status))}</span>` : '',
      `<a class="proto${page === 'web' ? ' current' : ''}" id="ccapi-web-link" href="web.html">Web API</a>`,
      `<a class="proto${page === 'rtm' ? ' current' : ''}" id="ccapi-rtm-link" href="rtm.html">RTM API</a>`,
      `<a id="ccapi-cross" class="cross" hidden href="#"></a>`,
    );
  }
  parts.push(`<a class="changelog${page === 'changelog' ? ' current' : ''}" href="${prefix}changelog.html${version ? `#${escapeHtml(version)}` : ''}">Changelog</a>`);
  parts.push(`<a class="policy${page === 'policy' ? ' current' : ''}" href="${prefix}policy.html">Breaking changes</a>`);
  return `<div id="ccapi-bar" data-page="${escapeHtml(page)}" data-version="${escapeHtml(version ?? '')}">${parts.join('')}</div>`;
}

function navScripts(prefix: string): string {
  return `<script src="${prefix}assets/nav-data.js"></script><script src="${prefix}assets/nav.js"></script>`;
}

async function renderWebPage(v: VersionInfo, web: any, versions: VersionInfo[], work: string): Promise<string> {
  const specFile = join(work, `${v.id}.web.json`);
  const outFile = join(work, `${v.id}.web.html`);
  writeFileSync(specFile, JSON.stringify(neutraliseDescriptions(web)));
  const cli = require.resolve('@redocly/cli/bin/cli.js');
  await run(
    process.execPath,
    [cli, 'build-docs', specFile, '-o', outFile, '--inlineBundle', '--title', `Customer Chat Web API ${v.id}`, '--openapi.disableTelemetry=true', '--lint-config=off'],
    { cwd: work, env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' }, maxBuffer: 16 * 1024 * 1024 },
  );
  let html = readFileSync(outFile, 'utf8');
  html = html.replace(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(-full)?\.svg/g, LOGO_SVG);
  html = injectIntoRedoc(html, navBar('web', v.id, versions, '../'), '../');
  return html;
}

function injectIntoRedoc(html: string, bar: string, prefix: string): string {
  const head = html.indexOf('</head>');
  const body = /<body[^>]*>/i.exec(html);
  const end = html.lastIndexOf('</body>');
  if (head < 0 || !body || end < 0) throw new Error('unexpected Redoc output: no <head>/<body>');
  const css = `<link rel="stylesheet" href="${prefix}assets/site.css">`;
  let out = html.slice(0, head) + css + html.slice(head);
  const bodyAt = body.index + body[0].length + css.length;
  out = out.slice(0, bodyAt) + bar + out.slice(bodyAt);
  const endAt = out.lastIndexOf('</body>');
  return out.slice(0, endAt) + navScripts(prefix) + out.slice(endAt);
}

function shell(title: string, page: Page, version: string | null, versions: VersionInfo[], prefix: string, head: string, body: string, scripts = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${prefix}assets/site.css">
${head}
</head>
<body class="page-${page}">
${navBar(page, version, versions, prefix)}
${body}
${navScripts(prefix)}${scripts}
</body>
</html>
`;
}

function renderRtmPage(v: VersionInfo, rtm: any, versions: VersionInfo[]): string {
  const spec = neutraliseDescriptions(rtm);
  return shell(
    `Customer Chat RTM API ${v.id}`,
    'rtm',
    v.id,
    versions,
    '../',
    '<link rel="stylesheet" href="../assets/asyncapi.css">',
    `<main id="asyncapi" class="rtm" aria-busy="true"><p class="loading">Loading the RTM reference…</p></main>\n<script type="application/json" id="rtm-spec">${jsonForScript(spec)}</script>`,
    '<script src="../assets/asyncapi-standalone.js"></script><script src="../assets/rtm-render.js"></script>',
  );
}

function renderPolicyPage(rules: Rule[] | null, versions: VersionInfo[]): string {
  const body = rules
    ? `<main class="content policy"><h1>What counts as breaking</h1><p>The changelog is written by comparing each version with the one before it. Every difference it can find is one of the rules below. A rule marked <span class="badge breaking">Breaking</span> is a change an existing client may fail on; the level says how sure that is (ERR: it will, WARN: it may, INFO: it will not). Each rule shows the small before/after example it is tested with and what the comparison reports for it.</p>\n${renderPolicyBody(rules)}</main>`
    : '<main class="content policy"><h1>What counts as breaking</h1><p class="empty">The rules have not been generated yet (generated/rules.json is missing).</p></main>';
  return shell('What counts as breaking: Customer Chat API', 'policy', null, versions, '', '', body);
}

function renderChangelogPage(entries: ChangelogEntry[] | null, versions: VersionInfo[], indexes: Record<string, VersionIndex>, history: History | null): string {
  const body = entries
    ? `<main class="content changelog"><h1>API changelog</h1><p>Every change between consecutive versions, newest version first, grouped by area. <span class="badge breaking">Breaking</span> marks changes that can break an existing client; each entry links to what it changed in that version's reference.</p>\n${renderChangelogBody(entries, versions, indexes, history)}</main>`
    : '<main class="content changelog"><h1>API changelog</h1><p class="empty">The changelog has not been generated yet (generated/changelog.json is missing).</p></main>';
  return shell('Customer Chat API changelog', 'changelog', null, versions, '', '', body);
}

function renderLanding(versions: VersionInfo[], indexes: Record<string, VersionIndex>, entries: ChangelogEntry[] | null): string {
  const rows = versions
    .slice()
    .reverse()
    .map((v) => {
      const idx = indexes[v.id];
      const methods = Object.values(idx.rtm).filter((o) => o.kind === 'method').length;
      const pushes = Object.values(idx.rtm).filter((o) => o.kind === 'push').length;
      const changes = entries ? entries.filter((e) => e.version === v.id).length : null;
      return `<tr class="version ${escapeHtml(v.status)}"><th scope="row">${escapeHtml(v.id)}</th><td><span class="badge ${escapeHtml(v.status)}">${escapeHtml(statusLabel(v.status))}</span></td><td>${escapeHtml(v.released ?? '—')}</td><td><a href="${escapeHtml(v.id)}/web.html">Web API</a> <span class="count">${Object.keys(idx.web).length} methods</span></td><td><a href="${escapeHtml(v.id)}/rtm.html">RTM API</a> <span class="count">${methods} methods, ${pushes} pushes</span></td><td><a href="changelog.html#${escapeHtml(v.id)}">Changes</a>${changes === null ? '' : ` <span class="count">${changes}</span>`}</td></tr>`;
    })
    .join('\n');
  const stable = versions.filter((v) => v.status === 'stable').map((v) => v.id);
  const body = `<main class="content landing">
<h1>LiveChat Customer Chat API</h1>
<p>The Customer Chat API is what a chat widget or a custom client uses to talk to LiveChat as a customer: start and resume chats, send events and files, update properties and receive what agents do. It is offered over two protocols that share the same methods and data structures:</p>
<ul>
<li><strong>Web API</strong>: one stateless HTTPS request per method (<code>/action/&lt;method&gt;</code>).</li>
<li><strong>RTM API</strong>: a WebSocket connection carrying request and response frames, plus pushes that the server sends on its own.</li>
</ul>
<p>${stable.length ? `Use <a href="${escapeHtml(stable[stable.length - 1])}/web.html">${escapeHtml(stable[stable.length - 1])}</a>, the stable version. ` : ''}Deprecated versions are still served but no longer recommended; the developer preview may still change in breaking ways.</p>
<h2>Versions</h2>
<table class="versions"><thead><tr><th scope="col">Version</th><th scope="col">Status</th><th scope="col">Released</th><th scope="col">Web</th><th scope="col">RTM</th><th scope="col">Changelog</th></tr></thead><tbody>
${rows}
</tbody></table>
<h2>More</h2>
<ul>
<li><a href="changelog.html">Changelog of all versions</a>, with breaking changes marked, migration hints, and per version an index of its methods and pushes (since / renamed).</li>
<li><a href="policy.html">What counts as breaking</a>: every rule the changelog is written with, its level and an example.</li>
<li>Each reference page has a version switcher that keeps you on the same method (following renames) and a link to the same method over the other protocol.</li>
</ul>
</main>`;
  return shell('LiveChat Customer Chat API reference', 'home', null, versions, '', '', body);
}
