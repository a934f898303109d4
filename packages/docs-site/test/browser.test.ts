/**
 * Browser tests: the built site in Debian's Chromium driven by playwright-core, served over a real HTTP
 * server on 127.0.0.1 and opened from file://. Any request to another host is blocked and fails the test.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildSite, PACKAGE_DIR, REPO_ROOT } from '../src/build.ts';
import { createStaticServer, listen } from '../src/serve.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SITE = join(REPO_ROOT, 'dist/site');
const SHOTS = join(REPO_ROOT, 'dist/screenshots');
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing: run scripts/install-chromium.sh (CI installs it)`;
if (skip) console.log(`# SKIP browser tests: ${skip}`);

interface Visit { errors: string[]; outside: string[] }

/** Opens a page, recording console errors, page errors and every request that leaves the site. */
async function open(browser: Browser, url: string, allowed: string): Promise<{ page: Page; visit: Visit }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const visit: Visit = { errors: [], outside: [] };
  page.on('console', (m) => { if (m.type() === 'error') visit.errors.push(`${url}: console: ${m.text()}`); });
  page.on('pageerror', (e) => visit.errors.push(`${url}: page error: ${e.message}`));
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(allowed) || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
    visit.outside.push(u);
    return route.abort();
  });
  await page.goto(url, { waitUntil: 'load' });
  await rendered(page);
  return { page, visit };
}

/** Waits until the client-side renderer (Redoc or the AsyncAPI component) has drawn the reference. */
async function rendered(page: Page): Promise<void> {
  const kind = await page.evaluate(() => document.getElementById('ccapi-bar')?.getAttribute('data-page') ?? '');
  if (kind === 'web') await page.waitForFunction(() => document.querySelectorAll('a[href^="#/"]').length > 0, null, { timeout: 60_000 });
  if (kind === 'rtm') await page.waitForFunction(() => document.body.getAttribute('data-rendered') === 'true', null, { timeout: 90_000 });
}

/** Every anchor a page can land on: element ids, plus the hash routes Redoc itself links to. */
async function anchorsOf(page: Page): Promise<Set<string>> {
  const list = await page.evaluate(() => [
    ...[...document.querySelectorAll('[id]')].map((e) => '#' + e.id),
    ...[...document.querySelectorAll('a[href^="#/"]')].map((a) => a.getAttribute('href') ?? ''),
  ]);
  return new Set(['', '#', '#/', ...list]);
}

/** Screenshot for review, after the renderer's last repaint. */
async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(1200);
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

async function linksOf(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href));
}

/** True when an element whose text is `text` (or whose id is `id`) is inside the viewport. */
async function inView(page: Page, sel: { id?: string; heading?: string }): Promise<boolean> {
  return page.evaluate(({ id, heading }) => {
    const els = id ? [document.getElementById(id)] : [...document.querySelectorAll('h1,h2,h3')].filter((h) => h.textContent?.trim() === heading);
    return els.some((el) => {
      if (!el) return false;
      const r = el.getBoundingClientRect();
      return r.height > 0 && r.top >= -2 && r.top < window.innerHeight * 0.6;
    });
  }, sel);
}

async function waitInView(page: Page, sel: { id?: string; heading?: string }, timeout = 20_000): Promise<void> {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await inView(page, sel)) return;
    await page.waitForTimeout(200);
  }
  assert.fail(`${JSON.stringify(sel)} is not in view at ${page.url()}`);
}

describe('reference site in Chromium', { skip }, () => {
  let browser: Browser;
  let server: Server;
  let base = '';
  let versions: string[] = [];
  const anchors = new Map<string, Set<string>>();
  const links = new Map<string, string[]>();
  const webRoutes = new Set<string>();

  before(async () => {
    const result = await buildSite({
      outDir: SITE,
      generatedDir: join(REPO_ROOT, 'generated'),
      versionsFile: join(REPO_ROOT, 'specs/versions.yaml'),
      changelogFile: join(REPO_ROOT, 'generated/changelog.json'),
      rulesFile: join(REPO_ROOT, 'generated/rules.json'),
      historyFile: join(REPO_ROOT, 'generated/history.json'),
    });
    versions = result.versions;
    assert.ok(result.rules && result.rules > 50, `rules on the policy page: ${result.rules}`);
    server = createStaticServer(SITE);
    base = await listen(server, 0);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });

  test('every page loads with no console error and no request to another host', async () => {
    const pages = ['index.html', 'changelog.html', 'policy.html', ...versions.flatMap((v) => [`${v}/web.html`, `${v}/rtm.html`])];
    const problems: string[] = [];
    for (const path of pages) {
      const { page, visit } = await open(browser, base + path, base);
      problems.push(...visit.errors, ...visit.outside.map((u) => `${path}: request to ${u}`));
      anchors.set(path, await anchorsOf(page));
      links.set(path, await linksOf(page));
      await page.close();
    }
    assert.deepEqual(problems, []);
    assert.equal(anchors.size, 3 + versions.length * 2);
  });

  test('every method, push and structure of the nav data is an anchor the renderers produce', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(base + 'index.html');
    const nav = await page.evaluate(() => (window as any).CCAPI_NAV);
    const missing: string[] = [];
    for (const v of versions) {
      // RTM: the AsyncAPI component renders every operation and structure at once, so ids are enough.
      for (const a of Object.values<string>(nav.pages[v].rtm)) if (!anchors.get(`${v}/rtm.html`)!.has(a)) missing.push(`${v} rtm ${a}`);
      for (const a of Object.values<string>(nav.pages[v].schemas)) if (!anchors.get(`${v}/rtm.html`)!.has(a)) missing.push(`${v} schema ${a}`);
      // Web: Redoc renders one route at a time; each method's route must show that method's title.
      const doc = JSON.parse(readFileSync(join(REPO_ROOT, 'generated', v, 'web.openapi.json'), 'utf8'));
      const titles = new Map<string, string>();
      for (const item of Object.values<any>(doc.paths)) for (const op of Object.values<any>(item)) if (op?.operationId) titles.set(op.operationId, op.summary ?? op.operationId);
      await page.goto(`${base}${v}/web.html`);
      await rendered(page);
      for (const [name, hash] of Object.entries<string>(nav.pages[v].web)) {
        await page.evaluate((h) => { location.hash = h; }, hash);
        try {
          await waitInView(page, { heading: titles.get(name) }, 10_000);
          webRoutes.add(`${v}/web.html${hash}`);
        } catch {
          missing.push(`${v} web ${hash}`);
        }
      }
    }
    await page.close();
    assert.deepEqual(missing, []);
    assert.ok(webRoutes.size > 100, `only ${webRoutes.size} Web routes verified`);
  });

  test('every internal link resolves to an existing page and anchor', async () => {
    assert.ok(links.size > 0, 'needs the page visits of the previous test');
    let checked = 0;
    const broken: string[] = [];
    for (const [from, hrefs] of links) {
      for (const href of hrefs) {
        if (!href.startsWith(base)) continue; // mailto:, external documentation links
        const url = new URL(href);
        const path = decodeURIComponent(url.pathname.slice(1)) || 'index.html';
        const target = path.endsWith('/') ? path + 'index.html' : path;
        checked++;
        if (!anchors.has(target)) {
          const res = await fetch(base + target);
          if (res.status !== 200) broken.push(`${from} -> ${href} (HTTP ${res.status})`);
          else if (url.hash) broken.push(`${from} -> ${href} (anchor on a page not visited)`);
          continue;
        }
        const hash = decodeURIComponent(url.hash);
        if (!anchors.get(target)!.has(hash) && !webRoutes.has(target + hash)) broken.push(`${from} -> ${href} (no such anchor)`);
      }
    }
    assert.deepEqual(broken, []);
    assert.ok(checked > 500, `only ${checked} internal links checked`);
  });

  test('the version switcher keeps the reader on the same method, following renames', async () => {
    const { page, visit } = await open(browser, `${base}v3.3/web.html#/chats/resume_chat`, base);
    await waitInView(page, { heading: 'Resume Chat' });
    await shot(page, 'web');
    await page.selectOption('#ccapi-version', 'v3.2');
    await page.waitForURL(/\/v3\.2\/web\.html#\/chats\/activate_chat$/);
    await rendered(page);
    await waitInView(page, { heading: 'Activate Chat' });
    // v3.2 -> v3.1: get_chat was get_chat_threads.
    await page.goto(`${base}v3.2/rtm.html#operation-request-get_chat`);
    await rendered(page);
    await page.selectOption('#ccapi-version', 'v3.1');
    await page.waitForURL(/\/v3\.1\/rtm\.html#operation-request-get_chat_threads$/);
    await rendered(page);
    await waitInView(page, { id: 'operation-request-get_chat_threads' });
    // A method that the other version does not have: the page of that version, from the top.
    await page.goto(`${base}v3.3/web.html#/configuration/get_configuration`);
    await rendered(page);
    await page.selectOption('#ccapi-version', 'v3.1');
    await page.waitForURL(/\/v3\.1\/web\.html$/);
    assert.deepEqual(visit.errors, []);
    assert.deepEqual(visit.outside, []);
    await page.close();
  });

  test('the cross-link goes from a Web method to the same RTM method and back', async () => {
    const { page, visit } = await open(browser, `${base}v3.3/web.html#/chats/start_chat`, base);
    await page.waitForSelector('#ccapi-cross:not([hidden])');
    await page.click('#ccapi-cross');
    await page.waitForURL(/\/v3\.3\/rtm\.html#operation-request-start_chat$/);
    await rendered(page);
    await waitInView(page, { id: 'operation-request-start_chat' });
    await shot(page, 'rtm');
    await page.waitForSelector('#ccapi-cross:not([hidden])');
    assert.match((await page.getAttribute('#ccapi-cross', 'href')) ?? '', /^web\.html#\/chats\/start_chat$/);
    // A push has no Web page, so no cross-link.
    await page.goto(`${base}v3.3/rtm.html#operation-receive-incoming_chat`);
    await rendered(page);
    await page.waitForSelector('#ccapi-cross[hidden]', { state: 'attached' });
    assert.deepEqual([...visit.errors, ...visit.outside], []);
    await page.close();
  });

  test('a changelog entry link lands on the method or structure it names', async () => {
    const { page, visit } = await open(browser, `${base}changelog.html`, base);
    await shot(page, 'changelog');
    const { page: landing } = await open(browser, `${base}index.html`, base);
    await shot(landing, 'landing');
    await landing.close();
    // The v3.3 rename of activate_chat: its Web link.
    const methodLink = page.locator('#v3\\.3 a.ref[href="v3.3/web.html#/chats/resume_chat"]').first();
    assert.equal(await methodLink.count(), 1, 'the v3.3 changelog links resume_chat');
    await methodLink.click();
    await page.waitForURL(/\/v3\.3\/web\.html#\/chats\/resume_chat$/);
    await rendered(page);
    await waitInView(page, { heading: 'Resume Chat' });
    // A structure entry: the RTM page's schema section.
    await page.goto(`${base}changelog.html`);
    const structure = page.locator('#v3\\.3 a.ref[href^="v3.3/rtm.html#schema-"]').first();
    const href = (await structure.getAttribute('href'))!;
    await structure.click();
    await page.waitForURL((u) => u.href.endsWith(href));
    await rendered(page);
    await waitInView(page, { id: href.split('#')[1] });
    assert.deepEqual([...visit.errors, ...visit.outside], []);
    await page.close();
  });

  test('the policy page lists every rule of rules.json; breaking changelog entries show their migration hint', async () => {
    const rules = JSON.parse(readFileSync(join(REPO_ROOT, 'generated/rules.json'), 'utf8')).rules as { id: string; breaking: boolean }[];
    const { page, visit } = await open(browser, `${base}policy.html`, base);
    await shot(page, 'policy');
    const ids = await page.evaluate(() => [...document.querySelectorAll('section.rule')].map((s) => s.id));
    assert.equal(ids.length, rules.length);
    assert.equal(await page.locator('section.rule.breaking').count(), rules.filter((r) => r.breaking).length);
    // The bar links here from every page; clicking a rule in the summary table scrolls to its section.
    const first = rules.find((r) => r.breaking)!;
    await page.click(`table.rules a[href="#rule-${first.id}"]`);
    await waitInView(page, { id: `rule-${first.id}` });
    // Changelog: each breaking entry that has a hint shows it on a visible line of its own.
    await page.goto(`${base}changelog.html`);
    const entries = JSON.parse(readFileSync(join(REPO_ROOT, 'generated/changelog.json'), 'utf8'));
    const list: any[] = Array.isArray(entries) ? entries : entries.entries;
    const withHint = list.filter((e) => e.breaking && e.migration).length;
    assert.ok(withHint > 0);
    assert.equal(await page.locator('li.entry.breaking div.migration').count(), withHint);
    assert.ok(await page.locator('li.entry.breaking div.migration').first().isVisible());
    // The per-version index of methods carries the history badges (resume_chat was activate_chat before v3.3).
    await page.click('#v3\\.3-methods summary');
    const row = page.locator('#v3\\.3-methods li', { hasText: 'resume_chat' }).first();
    assert.match((await row.textContent()) ?? '', /renamed in v3\.3 \(was activate_chat\)/);
    assert.deepEqual([...visit.errors, ...visit.outside], []);
    await page.close();
  });

  test('the site also works opened from the file system', async () => {
    const root = pathToFileURL(SITE).href + '/';
    const { page, visit } = await open(browser, root + 'index.html', 'file://');
    await page.click('a[href="v3.3/web.html"]');
    await page.waitForURL(/v3\.3\/web\.html$/);
    await rendered(page);
    await waitInView(page, { heading: 'Customer Chat Web API (3.3)' });
    await page.goto(root + 'v3.3/rtm.html#operation-request-send_event');
    await rendered(page);
    await waitInView(page, { id: 'operation-request-send_event' });
    await page.selectOption('#ccapi-version', 'v3.4');
    await page.waitForURL(/v3\.4\/rtm\.html#operation-request-send_event$/);
    await rendered(page);
    await page.goto(root + 'changelog.html');
    assert.ok((await page.locator('li.entry').count()) > 0);
    assert.deepEqual([...visit.errors, ...visit.outside], []);
    await page.close();
  });
});

describe('HTML and script in spec descriptions are shown as text', { skip }, () => {
  let browser: Browser;
  let server: Server;
  let base = '';
  let out = '';
  const fixture = join(PACKAGE_DIR, 'test/fixtures/xss');

  before(async () => {
    out = mkdtempSync(join(tmpdir(), 'ccapi-xss-'));
    await buildSite({ outDir: out, generatedDir: join(fixture, 'generated'), versionsFile: join(fixture, 'versions.yaml'), changelogFile: join(fixture, 'changelog.json') });
    server = createStaticServer(out);
    base = await listen(server, 0);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  after(async () => {
    await browser?.close();
    server?.close();
    rmSync(out, { recursive: true, force: true });
  });

  for (const path of ['v9.9/web.html', 'v9.9/rtm.html', 'changelog.html', 'index.html']) {
    test(`${path}: no injected script runs and the markup is visible as text`, async () => {
      const { page, visit } = await open(browser, base + path, base);
      if (path.includes('/')) {
        // Expand what the renderer folds away so that nested descriptions are in the DOM too.
        await page.waitForTimeout(500);
      }
      const state = await page.evaluate(() => ({
        xss: (window as any).__xss,
        text: document.body.innerText,
        handlers: document.querySelectorAll('[onerror], [onload]').length,
        scripts: [...document.querySelectorAll('script')].filter((s) => !s.src && s.type !== 'application/json' && (s.textContent ?? '').includes('window.__xss=1')).length,
      }));
      assert.equal(state.xss, undefined, 'window.__xss was set: a script from the spec ran');
      assert.equal(state.handlers, 0, 'an element with an inline event handler was created');
      if (path !== 'index.html') {
        assert.ok(state.text.includes('XSS-MARKER'), 'the description is rendered');
        assert.ok(state.text.includes('<script>window.__xss=1</script>'), 'the script tag is shown as text');
        assert.ok(state.text.includes('<img src=x onerror="window.__xss=1">'), 'the img tag is shown as text');
      }
      assert.deepEqual([...visit.errors, ...visit.outside], []);
      await page.close();
    });
  }
});
