/**
 * Browser tests: the built site in Debian's Chromium (playwright-core, no browser download), ONE browser for the
 * whole file, a fresh context per check. Pages are served over a real HTTP server on 127.0.0.1 and opened from
 * file://; any request to another host (or port) is aborted and fails the test. Timing budgets are not checked
 * here (bench/site.bench.ts prints them); these tests check what the reader gets.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildSite, PACKAGE_DIR, REPO_ROOT } from '../src/build.ts';
import { createStaticServer, listen } from '../src/serve.ts';
import { axeSerious, chromiumMissing, launch, open, watch, type Visit } from './harness.ts';
import { CONTEXTS, PAYLOADS } from './hostile-strings.ts';

const SITE = join(REPO_ROOT, 'dist/site');
const SHOTS = join(REPO_ROOT, 'dist/screenshots');
const missing = chromiumMissing();
// Locally a missing Chromium skips with one clear line; in CI (CI=true) it fails, so a skipped suite is never green.
if (missing && process.env.CI) {
  test('Chromium is installed for the browser tests', { timeout: 40_000 }, () => assert.fail(missing));
}
const skip = missing && !process.env.CI ? missing : false;
if (skip) console.log(`# SKIP browser tests: ${skip}`);

/** Every `id` and every internal `href` of the built HTML, read from the files (no browser needed). */
function scanSite(root: string): { ids: Map<string, Set<string>>; links: Array<{ from: string; href: string }> } {
  const ids = new Map<string, Set<string>>();
  const links: Array<{ from: string; href: string }> = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, name.name);
      if (name.isDirectory()) walk(full);
      else if (name.name.endsWith('.html')) {
        const rel = relative(root, full).split('\\').join('/');
        const html = readFileSync(full, 'utf8');
        const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
        ids.set(rel, new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1]))));
        for (const m of html.matchAll(/<a\s[^>]*href="([^"]*)"/g)) links.push({ from: rel, href: decode(m[1]) });
      }
    }
  };
  walk(root);
  return { ids, links };
}

/** Resolves an internal link: [page, anchor] or null for external ones. */
function resolveLink(from: string, href: string): [string, string] | null {
  if (/^[a-z]+:/i.test(href)) return null;
  const [pathAndQuery, anchor = ''] = href.split('#');
  const path = pathAndQuery.split('?')[0];
  const page = path ? posix.normalize(posix.join(posix.dirname(from), path)) : from;
  return [page, anchor];
}

describe('reference site in Chromium', { skip }, () => {
  let browser: Browser;
  let server: Server;
  let base = '';
  let pages: string[] = [];
  let nav: any;

  before(async () => {
    // DOCS_SITE_GENERATED points the suite at another generated/ folder (e.g. a branch's, before merging it).
    const generated = process.env.DOCS_SITE_GENERATED ?? join(REPO_ROOT, 'generated');
    const result = await buildSite({
      outDir: SITE,
      generatedDir: generated,
      versionsFile: join(REPO_ROOT, 'specs/versions.yaml'),
      changelogFile: join(generated, 'changelog.json'),
      rulesFile: join(generated, 'rules.json'),
      historyFile: join(generated, 'history.json'),
      examplesDir: join(REPO_ROOT, 'packages/spec-check/reference/examples'),
    });
    pages = result.pages;
    const navJs = readFileSync(join(SITE, 'assets/nav-data.js'), 'utf8');
    nav = JSON.parse(navJs.slice(navJs.indexOf('=') + 1).trim().replace(/;$/, ''));
    server = createStaticServer(SITE);
    base = await listen(server, 0);
    browser = await launch();
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });

  async function context(opts: { width?: number; allowed?: string } = {}): Promise<{ ctx: BrowserContext; visit: Visit }> {
    const ctx = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: 900 } });
    const visit = await watch(ctx, opts.allowed ?? base);
    return { ctx, visit };
  }

  async function go(page: Page, url: string): Promise<void> {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => document.body?.getAttribute('data-ready') === 'true', null, { timeout: 10_000 });
  }

  function clean(visit: Visit): void {
    assert.deepEqual(visit.errors, [], 'console errors');
    assert.deepEqual(visit.outside, [], 'requests that left the site');
  }

  // One page per template gets axe (sampled: see axeSerious); `npm run bench -w @ccapi/docs-site -- --axe` runs it on all.
  const SHOT_PAGES = ['changelog.html', 'v3.3/web.html', 'v3.3/rtm.html'];
  const AXE_PAGES = ['index.html', 'changelog.html', 'policy.html', 'v3.3/web.html', 'v3.3/rtm.html', 'v3.3/structures.html', 'v3.1/rtm.html'];

  test('every page: content shown, script ran, no console error, nothing off-host, not wider than 390 px; axe per template', { timeout: 50_000 }, async (t) => {
    const { ctx, visit } = await context();
    const findings: string[] = [];
    const wide: string[] = [];
    const times: string[] = [];
    // Two tabs share the list (the browser's processes overlap the waits of one tab with the work of the other).
    const queue = [...pages];
    const worker = async () => {
      const page = await ctx.newPage();
      for (let p = queue.shift(); p; p = queue.shift()) {
        const t0 = Date.now();
        // Every check at 390 px (one layout per page); the screenshot pages are then shown at desktop width.
        await page.setViewportSize({ width: 390, height: 800 });
        await page.goto(base + p, { waitUntil: 'load' });
        // nav.js runs at the end of <body>, so at `load` it has run (data-ready) unless it failed.
        const shown = await page.evaluate(() => {
          const h1 = document.querySelector('main h1');
          const r = h1?.getBoundingClientRect();
          const width = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
          return { ready: document.body.getAttribute('data-ready'), h1: h1?.textContent ?? '', visible: !!r && r.height > 0, text: (document.querySelector('main')?.textContent ?? '').length, width };
        });
        assert.ok(shown.ready === 'true' && shown.h1 && shown.visible && shown.text > 200, `${p}: ${JSON.stringify(shown)}`);
        if (shown.width > 390) wide.push(`${p}: ${shown.width} px`);
        if (AXE_PAGES.includes(p)) {
          // axe at 390 px, or at desktop width on the pages screenshotted (both layouts get checked).
          if (SHOT_PAGES.includes(p)) await page.setViewportSize({ width: 1280, height: 900 });
          if (SHOT_PAGES.includes(p)) await page.screenshot({ path: join(SHOTS, `${p.replace(/\//g, '-').replace(/\.html$/, '')}.png`) });
          for (const f of await axeSerious(page, 4)) findings.push(`${p}: ${f.impact} ${f.id} (${f.nodes}×, e.g. ${f.target}): ${f.help}`);
        }
        times.push(`${p} ${Date.now() - t0} ms`);
      }
    };
    await Promise.all([worker(), worker()]);
    t.diagnostic(`page times: ${times.join(', ')}`);
    await ctx.close();
    assert.deepEqual(findings, [], 'axe: serious or critical');
    assert.deepEqual(wide, [], 'wider than 390 px');
    clean(visit);
  });

  test('every internal link resolves to a page and an anchor on it, and every nav-data anchor exists', { timeout: 40_000 }, () => {
    const { ids, links } = scanSite(SITE);
    const broken: string[] = [];
    let checked = 0;
    for (const { from, href } of links) {
      const r = resolveLink(from, href);
      if (!r) continue;
      checked++;
      const [page, anchor] = r;
      const target = ids.get(page);
      if (!target) broken.push(`${from} -> ${href} (no page ${page})`);
      else if (anchor && !target.has(decodeURIComponent(anchor))) broken.push(`${from} -> ${href} (no #${anchor})`);
    }
    for (const [v, p] of Object.entries<any>(nav.pages)) {
      for (const [kind, file] of [['web', 'web'], ['rtm', 'rtm'], ['schemas', 'structures']] as const)
        for (const [name, anchor] of Object.entries<string>(p[kind])) {
          checked++;
          if (!ids.get(`${v}/${file}.html`)?.has(anchor.slice(1))) broken.push(`nav ${v} ${kind} ${name} -> ${file}.html${anchor}`);
        }
    }
    assert.ok(checked > 3000, `${checked} links checked`);
    assert.deepEqual(broken.slice(0, 20), []);
  });

  test('version menu: keeps the method across renames, the field, a renamed structure; says when the target lacks it; arrow keys stay', { timeout: 40_000 }, async () => {
    const { ctx, visit } = await context();
    const menuHref = (page: Page, v: string) => page.evaluate((v) => document.querySelector(`#ccapi-versions a[data-version="${v}"]`)?.getAttribute('href'), v);
    const page = await ctx.newPage();
    await go(page, `${base}v3.3/rtm.html#operation-request-resume_chat`);
    assert.equal(await menuHref(page, 'v3.2'), '../v3.2/rtm.html#operation-request-activate_chat');
    // Arrow keys move between versions (newest first: v3.4, v3.3, v3.2, ...) and do not navigate.
    await page.focus('#ccapi-version');
    await page.keyboard.press('Enter');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-version')), 'v3.2');
    assert.match(page.url(), /v3\.3\/rtm\.html#operation-request-resume_chat$/);
    await Promise.all([page.waitForURL(/v3\.2\/rtm\.html#operation-request-activate_chat$/), page.keyboard.press('Enter')]);
    await page.waitForFunction(() => document.body?.getAttribute('data-ready') === 'true');

    await go(page, `${base}v3.3/web.html#/chats/resume_chat`);
    await page.click('#ccapi-version');
    await Promise.all([page.waitForURL(/v3\.2\/web\.html/), page.click('#ccapi-versions a[data-version="v3.2"]')]);
    assert.match(page.url(), /v3\.2\/web\.html#\/chats\/activate_chat$/);
    assert.ok(await page.evaluate(() => { const r = document.getElementById('/chats/activate_chat')?.getBoundingClientRect(); return !!r && r.top >= 0 && r.top < 200; }), 'lands on activate_chat');

    // A field keeps its place; a structure renamed between versions follows its rename.
    await go(page, `${base}v3.3/structures.html#schema-Chat.users`);
    assert.equal(await menuHref(page, 'v3.1'), '../v3.1/structures.html#schema-Chat.users');
    const renamed = Object.entries<any>(nav.renames['v3.3'] ?? {}).flatMap(([to, table]) => Object.entries<any>(table).filter(([name, there]) => there && nav.pages['v3.3'].schemas[name] && nav.pages[to].schemas[there]).map(([name, there]) => ({ to, name, there })));
    assert.ok(renamed.length > 0, 'the specs rename at least one structure between versions');
    const r = renamed[0];
    await go(page, `${base}v3.3/structures.html#schema-${r.name}`);
    assert.equal(await menuHref(page, r.to), `../${r.to}/structures.html#schema-${r.there}`);

    // Missing in the target: the page says so.
    const gone = Object.entries<any>(nav.renames['v3.3']['v3.1']).find(([name, there]) => there === null && nav.pages['v3.3'].rtm[name]);
    assert.ok(gone, 'some v3.3 method is not in v3.1');
    await go(page, `${base}v3.3/rtm.html${nav.pages['v3.3'].rtm[gone[0]]}`);
    await page.click('#ccapi-version');
    await Promise.all([page.waitForURL(/v3\.1\/rtm\.html/), page.click('#ccapi-versions a[data-version="v3.1"]')]);
    const notice = await page.evaluate(() => { const n = document.getElementById('ccapi-notice'); return n && !n.hidden ? n.textContent : null; });
    assert.ok(notice && notice.includes(gone[0]) && notice.includes('v3.1 has no'), `notice: ${notice}`);
    // A field the target version lacks: shown its structure, with a notice.
    await go(page, `${base}v3.1/structures.html#schema-Chat.no_such_field`);
    assert.match((await page.textContent('#ccapi-notice')) ?? '', /has no field no_such_field/);
    // Deprecated versions carry the banner, pointing at the same item in the stable version.
    await go(page, `${base}v3.1/rtm.html#operation-request-start_chat`);
    assert.equal(await page.getAttribute('#ccapi-use-stable', 'href'), '../v3.3/rtm.html#operation-request-start_chat');
    await ctx.close();
    clean(visit);
  });

  test('search: every version, old names find the new ones, pushes, fields and changes; Enter opens the hit', { timeout: 40_000 }, async () => {
    const { ctx, visit } = await context();
    const page = await open(ctx, `${base}v3.3/web.html`);
    const search = async (q: string) => {
      await page.fill('#ccapi-search', q);
      await page.waitForFunction(() => !document.getElementById('ccapi-results')!.hidden);
      return page.$$eval('#ccapi-results a', (as) => as.map((a) => ({ text: a.textContent ?? '', href: a.getAttribute('href') ?? '' })));
    };
    const old = await search('activate_chat');
    assert.ok(old.some((h) => h.text.startsWith('resume_chat') && h.text.includes('v3.3')), JSON.stringify(old.slice(0, 5)));
    assert.ok(old.some((h) => h.text.startsWith('activate_chat') && h.text.includes('v3.2')));
    const push = await search('incoming_event');
    assert.ok(push.some((h) => h.text.startsWith('incoming_event') && h.text.includes('push')), JSON.stringify(push.slice(0, 3)));
    const field = await search('Chat.users');
    assert.ok(field.some((h) => h.text.startsWith('Chat.users') && h.href.includes('structures.html#schema-Chat.users')));
    const change = await search('chat_anonymized');
    assert.ok(change.some((h) => h.href.includes('changelog.html#v3.4-')), JSON.stringify(change.slice(0, 3)));
    await search('start_chat');
    await Promise.all([page.waitForURL(/start_chat/), page.press('#ccapi-search', 'Enter')]);
    await page.close();
    await ctx.close();
    clean(visit);
  });

  test('method sections: name as heading, real examples, code samples with copy, pushes as links, Web/RTM cross-links', { timeout: 40_000 }, async () => {
    const { ctx, visit } = await context();
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base.replace(/\/$/, '') });
    const page = await open(ctx, `${base}v3.3/rtm.html#operation-request-start_chat`);
    const section = await page.evaluate(() => {
      const s = document.getElementById('operation-request-start_chat')!;
      const r = s.getBoundingClientRect();
      return {
        heading: s.querySelector('h2 code')?.textContent,
        inView: r.top >= 0 && r.top < 200,
        pushes: [...s.querySelectorAll('.pushes a')].map((a) => a.getAttribute('href')),
        samples: [...s.querySelectorAll('figure.sample figcaption span')].map((x) => x.textContent),
        frame: s.querySelector('figure.sample pre')?.textContent ?? '',
        cross: s.querySelector('a.xproto')?.getAttribute('href'),
      };
    });
    assert.equal(section.heading, 'start_chat');
    assert.ok(section.inView);
    assert.deepEqual(section.pushes, ['#operation-receive-incoming_chat']);
    assert.deepEqual(section.samples.slice(0, 2), ['Request frame', 'Response frame']);
    assert.match(section.frame, /"action": "start_chat"/);
    assert.equal(section.cross, 'web.html#/chats/start_chat');
    await page.click('#operation-request-start_chat button.copy');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), section.frame);
    await Promise.all([page.waitForURL(/#operation-receive-incoming_chat$/), page.click('#operation-request-start_chat .pushes a')]);
    await page.close();
    const web = await open(ctx, `${base}v3.3/web.html#/chats/start_chat`);
    const samples: Array<[string, string]> = await web.$$eval('[id="/chats/start_chat"] figure.sample', (fs) => fs.map((f) => [f.querySelector('figcaption span')?.textContent ?? '', f.querySelector('pre')?.textContent ?? ''] as [string, string]));
    assert.equal(samples[0][0], 'curl');
    assert.match(samples[0][1], /^curl -X POST 'https:\/\/api\.livechatinc\.com\/v3\.3\/customer\/action\/start_chat\?license_id=123'/);
    assert.match(samples[1][1], /new WebClient\(/);
    assert.match(samples[1][1], /web\.call\('start_chat'/);
    assert.equal(samples[3][0], 'Request frame', 'the RTM frames sit next to the Web samples');
    assert.match(samples[3][1], /"action": "start_chat"/);
    await web.close();
    await ctx.close();
    clean(visit);
  });

  test('changelog: filters, an anchor per item, links that land on the method', { timeout: 40_000 }, async () => {
    const { ctx, visit } = await context();
    const page = await open(ctx, `${base}changelog.html`);
    const total = await page.$$eval('ul.entries > li.entry', (l) => l.length);
    await page.check('#changelog-filters input[name=breaking]');
    const shown = await page.$$eval('ul.entries > li.entry:not([hidden])', (l) => l.map((x) => x.getAttribute('data-breaking')));
    assert.ok(shown.length > 0 && shown.length < total && shown.every((b) => b === '1'), `${shown.length} of ${total}`);
    await page.selectOption('#changelog-filters select[name=version]', 'v3.2');
    await page.selectOption('#changelog-filters select[name=protocol]', 'rtm');
    const filtered = await page.$$eval('ul.entries > li.entry:not([hidden])', (l) => l.map((x) => [x.getAttribute('data-version'), x.getAttribute('data-protocols')]));
    assert.ok(filtered.length > 0 && filtered.every(([v, p]) => v === 'v3.2' && p!.includes('rtm')));
    assert.match((await page.textContent('#changelog-count')) ?? '', new RegExp(`^${filtered.length} of ${total} changes$`));
    const ids = await page.$$eval('ul.entries li.entry', (l) => l.map((x) => x.id));
    assert.equal(new Set(ids).size, ids.length, 'one unique anchor per item');
    // A link to an item hidden by the filters shows it.
    const hiddenId = await page.$eval('ul.entries > li.entry[hidden]', (x) => x.id);
    await page.evaluate((id) => { location.hash = id; }, hiddenId);
    await page.waitForFunction((id) => !document.getElementById(id)!.closest('[hidden]'), hiddenId);
    const link = await page.$eval('li.entry a.ref[href*="rtm.html#operation-"]', (a) => a.getAttribute('href')!);
    await page.goto(base + link);
    await page.waitForFunction(() => document.body.getAttribute('data-ready') === 'true');
    const anchor = decodeURIComponent(link.split('#')[1]);
    assert.ok(await page.evaluate((id) => { const r = document.getElementById(id)?.getBoundingClientRect(); return !!r && r.top >= 0 && r.top < 200; }, anchor), `${link} lands on its section`);
    await page.close();
    await ctx.close();
    clean(visit);
  });

  test('from file://: pages, anchors, switcher and search work with no request outside the folder', { timeout: 40_000 }, async () => {
    const root = pathToFileURL(SITE).href + '/';
    const { ctx, visit } = await context({ allowed: root });
    const page = await open(ctx, `${root}v3.3/rtm.html#operation-request-resume_chat`);
    assert.equal(await page.evaluate(() => !!document.getElementById('operation-request-resume_chat')), true);
    assert.equal(await page.getAttribute('#ccapi-versions a[data-version="v3.2"]', 'href'), '../v3.2/rtm.html#operation-request-activate_chat');
    await page.fill('#ccapi-search', 'incoming_event');
    await page.waitForFunction(() => document.querySelectorAll('#ccapi-results a').length > 0);
    await page.click('#ccapi-version');
    await Promise.all([page.waitForURL(/v3\.2\/rtm\.html/), page.click('#ccapi-versions a[data-version="v3.2"]')]);
    await page.waitForFunction(() => document.body.getAttribute('data-ready') === 'true');
    await page.close();
    await ctx.close();
    clean(visit);
  });

  describe('hostile descriptions (test/fixtures/xss plus generated payloads)', () => {
    let xssServer: Server;
    let xssBase = '';
    let out = '';
    let xssPages: string[] = [];
    before(async () => {
      const fixture = join(PACKAGE_DIR, 'test/fixtures/xss');
      out = mkdtempSync(join(tmpdir(), 'ccapi-xss-'));
      // Every payload in every Markdown context goes into descriptions, titles, names and examples of v9.9.
      const gen = join(out, 'generated');
      cpSync(join(fixture, 'generated'), gen, { recursive: true });
      const strings = PAYLOADS.flatMap((p) => CONTEXTS.map((c) => c(p)));
      let n = 0;
      // Each description holds every payload, in the next Markdown context.
      const next = () => PAYLOADS.map(CONTEXTS[n++ % CONTEXTS.length]).join('\n\n');
      const poison = (node: any): any => {
        if (Array.isArray(node)) return node.map(poison);
        if (!node || typeof node !== 'object') return node;
        const outNode: any = {};
        for (const [k, v] of Object.entries(node)) {
          if (k === 'description' || k === 'summary' || k === 'title') outNode[k] = `${typeof v === 'string' ? v : ''}\n\n${next()}\n\n${next()}\n\n${next()}`;
          else outNode[k] = poison(v);
        }
        if (node.properties && typeof node.properties === 'object') outNode.properties[next()] = { type: 'string', description: next(), 'x-renamed-from': next() };
        if (node.type === 'object' && !node.examples) outNode.examples = [{ note: next() }];
        return outNode;
      };
      for (const f of ['web.openapi.json', 'rtm.asyncapi.json']) {
        const file = join(gen, 'v9.9', f);
        writeFileSync(file, JSON.stringify(poison(JSON.parse(readFileSync(file, 'utf8')))));
      }
      const entries = JSON.parse(readFileSync(join(fixture, 'changelog.json'), 'utf8'));
      const list = Array.isArray(entries) ? entries : entries.entries;
      for (const s of strings.slice(0, 60)) list.push({ version: 'v9.9', area: s.slice(0, 40), protocols: ['web'], kind: 'x', breaking: true, text: s, migration: s, source: 'diff' });
      writeFileSync(join(out, 'changelog.json'), JSON.stringify(list));
      const result = await buildSite({ outDir: join(out, 'site'), generatedDir: gen, versionsFile: join(fixture, 'versions.yaml'), changelogFile: join(out, 'changelog.json') });
      xssPages = result.pages;
      xssServer = createStaticServer(join(out, 'site'));
      xssBase = await listen(xssServer, 0);
    });
    after(() => {
      xssServer?.close();
      if (out) rmSync(out, { recursive: true, force: true });
    });

    test('nothing runs, nothing is fetched, no form or input appears; the markup shows as text', { timeout: 40_000 }, async () => {
      const { ctx, visit } = await context({ allowed: xssBase });
      const page = await ctx.newPage();
      for (const p of xssPages) {
        await go(page, xssBase + p);
        const state = await page.evaluate(() => ({
          xss: (window as any).__xss,
          active: [...document.querySelectorAll('main form:not(#changelog-filters), main input:not(#changelog-filters input), main img, main iframe, main svg, main object, main embed, main video, main style, main link, main meta, main script, main [onerror], main [onload], main [style]')].map((e) => e.outerHTML.slice(0, 80)),
          badLinks: [...document.querySelectorAll('main a[href]')].map((a) => a.getAttribute('href')!).filter((h) => /^\s*(javascript|data|vbscript):/i.test(h)),
          text: document.querySelector('main')?.textContent ?? '',
        }));
        assert.equal(state.xss, undefined, `${p}: a script from the spec ran`);
        assert.deepEqual(state.active, [], `${p}: active markup`);
        assert.deepEqual(state.badLinks, [], `${p}: script links`);
        if (/web\.html|rtm\.html/.test(p) && p.startsWith('v9.9') && !state.text.includes('<script>window.__xss=1</script>')) console.log(state.text.slice(0, 3000));
        if (/web\.html|rtm\.html/.test(p) && p.startsWith('v9.9')) {
          assert.ok(state.text.includes('<script>window.__xss=1</script>'), `${p}: the script tag is shown as text`);
          assert.ok(state.text.includes('<input type="password" name="p">'), `${p}: the password input is shown as text`);
        }
      }
      // The search index carries the same strings: results are text too.
      await go(page, `${xssBase}v9.9/web.html`);
      await page.fill('#ccapi-search', 'script');
      await page.waitForFunction(() => document.querySelectorAll('#ccapi-results a').length > 0);
      assert.equal(await page.evaluate(() => (window as any).__xss), undefined, 'search results ran a script');
      assert.equal(await page.$$eval('#ccapi-results img, #ccapi-results form, #ccapi-results script', (l) => l.length), 0);
      await ctx.close();
      assert.deepEqual(visit.outside, [], 'beacons fetched');
      assert.deepEqual(visit.errors, []);
    });
  });
});
