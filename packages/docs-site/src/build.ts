/** Builds the static reference site (landing, per-version Web, RTM and structures pages, changelog, policy) into one folder. */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeHtml, jsonForScript } from './escape.js';
import { buildNavData, indexVersion, readVersions, schemaAnchor, type VersionIndex, type VersionInfo } from './model.js';
import { parseHistory, type History } from './history.js';
import { parseRules, renderPolicyBody, type Rule } from './policy.js';
import { itemsFromEntries, parseChangelog, parseChangelogItems, renderChangelogBody, type ChangelogEntry, type ChangelogItemView } from './changelog.js';
import { shell, statusLabel } from './layout.js';
import { readReference, readReferenceExamples, type ReferenceVersion } from './reference.js';
import { renderRtmPage, renderStructuresPage, renderWebPage, structuresOf } from './render.js';
import { buildSearchIndex } from './search.js';

export { navBar, type Page } from './layout.js';

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
  /** The official reference's examples (manifest.json + files); used where the specs carry none. */
  examplesDir?: string;
  log?: (line: string) => void;
}

export interface BuildResult { pages: string[]; versions: string[]; changelogEntries: number | null; rules: number | null; ms: number }

export async function buildSite(opts: BuildOptions): Promise<BuildResult> {
  const t0 = Date.now();
  const log = opts.log ?? (() => {});
  const versions = readVersions(opts.versionsFile);
  const out = resolve(opts.outDir);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'assets'), { recursive: true });

  const examples = readReferenceExamples(opts.examplesDir);
  const refs: Record<string, ReferenceVersion> = {};
  const indexes: Record<string, VersionIndex> = {};
  for (const v of versions) {
    const webFile = join(opts.generatedDir, v.id, 'web.openapi.json');
    const rtmFile = join(opts.generatedDir, v.id, 'rtm.asyncapi.json');
    if (!existsSync(webFile) || !existsSync(rtmFile)) throw new Error(`missing bundle for ${v.id} in ${opts.generatedDir} (run npm run build first)`);
    const web = JSON.parse(readFileSync(webFile, 'utf8'));
    const rtm = JSON.parse(readFileSync(rtmFile, 'utf8'));
    indexes[v.id] = indexVersion(v.id, web, rtm);
    refs[v.id] = readReference(v.id, web, rtm, examples);
    // The structures page lists both documents' structures; the few only the Web document has get anchors too.
    for (const s of refs[v.id].webStructures) if (!indexes[v.id].schemas[s.name]) indexes[v.id].schemas[s.name] = schemaAnchor(s.name);
  }

  let entries: ChangelogEntry[] | null = null;
  let items: ChangelogItemView[] | null = null;
  if (opts.changelogFile && existsSync(opts.changelogFile)) {
    const raw = JSON.parse(readFileSync(opts.changelogFile, 'utf8'));
    entries = parseChangelog(raw);
    // Grouped items when the changelog has them (records grouped under items), else one item per record.
    items = parseChangelogItems(raw) ?? itemsFromEntries(entries);
  } else {
    log(`  changelog: ${opts.changelogFile ?? '(none)'} not found; the page says so`);
  }
  let history: History | null = null;
  if (opts.historyFile && existsSync(opts.historyFile)) history = parseHistory(JSON.parse(readFileSync(opts.historyFile, 'utf8')));
  else log(`  history: ${opts.historyFile ?? '(none)'} not found; no history badges`);
  let rules: Rule[] | null = null;
  if (opts.rulesFile && existsSync(opts.rulesFile)) rules = parseRules(JSON.parse(readFileSync(opts.rulesFile, 'utf8')));
  else log(`  rules: ${opts.rulesFile ?? '(none)'} not found; the policy page says so`);
  const pages: string[] = [];
  for (const v of versions) {
    mkdirSync(join(out, v.id), { recursive: true });
    writeFileSync(join(out, v.id, 'web.html'), renderWebPage(refs[v.id], indexes[v.id], versions, history));
    writeFileSync(join(out, v.id, 'rtm.html'), renderRtmPage(refs[v.id], indexes[v.id], versions, history));
    writeFileSync(join(out, v.id, 'structures.html'), renderStructuresPage(refs[v.id], versions, history));
    pages.push(`${v.id}/web.html`, `${v.id}/rtm.html`, `${v.id}/structures.html`);
    log(`  ${v.id}: web.html (${refs[v.id].web.length} methods), rtm.html (${refs[v.id].rtm.length} methods and pushes), structures.html (${structuresOf(refs[v.id]).length} structures)`);
  }
  copyAssets(out);
  const nav = buildNavData(versions, indexes);
  writeFileSync(join(out, 'assets', 'nav-data.js'), `window.CCAPI_NAV = ${jsonForScript(nav)};\n`);
  writeFileSync(join(out, 'assets', 'search-index.js'), `window.CCAPI_SEARCH = ${jsonForScript(buildSearchIndex(versions, refs, indexes, nav, items))};\n`);
  writeFileSync(join(out, 'changelog.html'), renderChangelogPage(entries, items, versions, indexes, history));
  writeFileSync(join(out, 'policy.html'), renderPolicyPage(rules, versions));
  writeFileSync(join(out, 'index.html'), renderLanding(versions, indexes, entries));
  pages.push('changelog.html', 'policy.html', 'index.html');
  for (const page of pages) assertOffline(page, readFileSync(join(out, page), 'utf8'));
  return { pages: pages.sort(), versions: versions.map((v) => v.id), changelogEntries: entries ? entries.length : null, rules: rules ? rules.length : null, ms: Date.now() - t0 };
}

function copyAssets(out: string): void {
  for (const f of ['site.css', 'nav.js', 'changelog.js']) copyFileSync(join(PACKAGE_DIR, 'static', f), join(out, 'assets', f));
}

/** The page must not load anything from another host: no script, stylesheet, font or image URL with a scheme. */
export function assertOffline(page: string, html: string): void {
  const tags = html.match(/<(script|link|img|iframe|source|video|audio)\b[^>]*>/gi) ?? [];
  for (const tag of tags) {
    const m = /\b(src|href|srcset)\s*=\s*["']?\s*((?:https?:)?\/\/[^"'\s>]+)/i.exec(tag);
    if (m && !/^<a\b/i.test(tag)) throw new Error(`${page}: loads ${m[2]} from the network`);
  }
  // Remote styles or fonts: only inside <style> elements and style attributes (text that merely shows such a
  // string, e.g. a description quoting CSS, is escaped and inert).
  const styles = [...html.matchAll(/<style\b[^>]*>([^]*?)<\/style>/gi)].map((m) => m[1]).concat([...html.matchAll(/<[a-z][^>]*?\sstyle\s*=\s*"([^"]*)"/gi)].map((m) => m[1]));
  for (const css of styles) {
    const remote = /@import|url\(\s*["']?(https?:)?\/\/|fonts\.googleapis\.com|fonts\.gstatic\.com/i.exec(css);
    if (remote) throw new Error(`${page}: references remote fonts/styles (${remote[0]})`);
  }
}

function renderPolicyPage(rules: Rule[] | null, versions: VersionInfo[]): string {
  const body = rules
    ? `<main id="main" class="content policy"><h1>What counts as breaking</h1><p>The changelog is written by comparing each version with the one before it. Every difference it can find is one of the rules below. A rule marked <span class="badge breaking">Breaking</span> is a change an existing client may fail on; the level says how sure that is (ERR: it will, WARN: it may, INFO: it will not). Each rule shows the small before/after example it is tested with and what the comparison reports for it.</p>\n${renderPolicyBody(rules)}</main>`
    : '<main id="main" class="content policy"><h1>What counts as breaking</h1><p class="empty">The rules have not been generated yet (generated/rules.json is missing).</p></main>';
  return shell('What counts as breaking: Customer Chat API', 'policy', null, versions, '', body);
}

function renderChangelogPage(entries: ChangelogEntry[] | null, items: ChangelogItemView[] | null, versions: VersionInfo[], indexes: Record<string, VersionIndex>, history: History | null): string {
  const body = entries
    ? `<main id="main" class="content changelog"><h1>API changelog</h1><p>Every change between consecutive versions, newest version first, grouped by area. <span class="badge breaking">Breaking</span> marks changes that can break an existing client; each entry links to what it changed in that version's reference.</p>\n${renderChangelogBody(entries, versions, indexes, history, items)}</main>`
    : '<main id="main" class="content changelog"><h1>API changelog</h1><p class="empty">The changelog has not been generated yet (generated/changelog.json is missing).</p></main>';
  return shell('Customer Chat API changelog', 'changelog', null, versions, '', body, '<script src="assets/changelog.js"></script>');
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
      return `<tr class="version ${escapeHtml(v.status)}"><th scope="row">${escapeHtml(v.id)}</th><td><span class="badge ${escapeHtml(v.status)}">${escapeHtml(statusLabel(v.status))}</span></td><td>${escapeHtml(v.released ?? '—')}</td><td><a href="${escapeHtml(v.id)}/web.html">Web API</a> <span class="count">${Object.keys(idx.web).length} methods</span></td><td><a href="${escapeHtml(v.id)}/rtm.html">RTM API</a> <span class="count">${methods} methods, ${pushes} pushes</span></td><td><a href="${escapeHtml(v.id)}/structures.html">Structures</a> <span class="count">${Object.keys(idx.schemas).length}</span></td><td><a href="changelog.html#${escapeHtml(v.id)}">Changes</a>${changes === null ? '' : ` <span class="count">${changes}</span>`}</td></tr>`;
    })
    .join('\n');
  const stable = versions.filter((v) => v.status === 'stable').map((v) => v.id);
  const body = `<main id="main" class="content landing">
<h1>LiveChat Customer Chat API</h1>
<p>The Customer Chat API is what a chat widget or a custom client uses to talk to LiveChat as a customer: start and resume chats, send events and files, update properties and receive what agents do. It is offered over two protocols that share the same methods and data structures:</p>
<ul>
<li><strong>Web API</strong>: one stateless HTTPS request per method (<code>/action/&lt;method&gt;</code>).</li>
<li><strong>RTM API</strong>: a WebSocket connection carrying request and response frames, plus pushes that the server sends on its own.</li>
</ul>
<p>${stable.length ? `Use <a href="${escapeHtml(stable[stable.length - 1])}/web.html">${escapeHtml(stable[stable.length - 1])}</a>, the stable version. ` : ''}Deprecated versions are still served but no longer recommended; the developer preview may still change in breaking ways.</p>
<h2>Versions</h2>
<table class="versions"><thead><tr><th scope="col">Version</th><th scope="col">Status</th><th scope="col">Released</th><th scope="col">Web</th><th scope="col">RTM</th><th scope="col">Structures</th><th scope="col">Changelog</th></tr></thead><tbody>
${rows}
</tbody></table>
<h2>More</h2>
<ul>
<li><a href="changelog.html">Changelog of all versions</a>, with breaking changes marked, migration hints, and per version an index of its methods and pushes (since / renamed).</li>
<li><a href="policy.html">What counts as breaking</a>: every rule the changelog is written with, its level and an example.</li>
<li>Each reference page has a version menu that keeps your place (method, push, structure or field, following renames), a link to the same method over the other protocol, and a search box over every version (old names find the new ones).</li>
</ul>
</main>`;
  return shell('LiveChat Customer Chat API reference', 'home', null, versions, '', body);
}
