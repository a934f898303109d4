/**
 * What the browser tests and the page benchmark share: Debian's Chromium through playwright-core (one browser
 * per run, a fresh context per check), a page opener that records console errors and blocks (and records)
 * every request that leaves the site, and the per-page figures (ready time, DOM nodes, bytes transferred).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function chromiumMissing(): string | false {
  return existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing: run scripts/install-chromium.sh (or set CHROMIUM_PATH)`;
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

export interface Visit { errors: string[]; outside: string[]; requests: string[] }

/** Watches a context: console errors, page errors, and requests outside `allowed` (aborted and recorded). */
export async function watch(context: BrowserContext, allowed: string): Promise<Visit> {
  const visit: Visit = { errors: [], outside: [], requests: [] };
  context.on('console', (m) => {
    if (m.type() === 'error') visit.errors.push(`${m.page()?.url()}: console: ${m.text()}`);
  });
  context.on('weberror', (e) => visit.errors.push(`${e.page()?.url()}: page error: ${e.error().message}`));
  await context.route('**/*', (route) => {
    const u = route.request().url();
    visit.requests.push(u);
    if (u.startsWith(allowed) || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
    visit.outside.push(u);
    return route.abort();
  });
  return visit;
}

/** Opens `url` in a new page of `context` and waits for the site's script to have run (body[data-ready]). */
export async function open(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => document.body?.getAttribute('data-ready') === 'true', null, { timeout: 10_000 });
  return page;
}

const require = createRequire(import.meta.url);
let axeSource: string | null = null;

export interface AxeFinding { id: string; impact: string; nodes: number; help: string; target: string }

/** Runs axe-core (from npm, injected into the page) and returns its serious and critical violations. */
/**
 * `repeatsAfter`: on long pages, keep only the first N sections (changelog items, rules, table rows, sidebar
 * entries) and remove the rest before axe runs. Every section of a page comes from the same template, and axe's
 * cost grows with the whole document (it walks all of it even for excluded parts), so the timed test checks a
 * trimmed copy of each template and the benchmark (`--axe`) the whole of every page.
 */
export async function axeSerious(page: Page, repeatsAfter = 0): Promise<AxeFinding[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (repeatsAfter)
    await page.evaluate((n) => {
      const cut = [`main > section:nth-of-type(n+${n + 1})`, `ul.entries > li:nth-child(n+${n + 1})`, '.changelog section.version:nth-of-type(n+3)', `main section.rule:nth-of-type(n+${n + 1})`, 'table tbody tr:nth-child(n+16)', '.sidebar li:nth-child(n+16)', '.methods-index li:nth-child(n+11)', `main > h2.group:nth-of-type(n+${n + 1})`];
      for (const sel of cut) document.querySelectorAll(sel).forEach((e) => e.remove());
    }, repeatsAfter);
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as any).axe;
    const result = await axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: any) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help, target: String(v.nodes[0]?.target ?? '') }));
  });
}

export interface PageFigures { page: string; readyMs: number; domNodes: number; elements: number; bytes: number; requests: number }

/**
 * Loads `url` in `page` and measures: time from navigation start to the site's script having run, DOM nodes
 * (elements and text), and bytes that came over the network (encoded, from the DevTools protocol; cached
 * assets count 0).
 */
export async function measurePage(page: Page, url: string, name: string): Promise<PageFigures> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (e: any) => {
    bytes += e.encodedDataLength ?? 0;
    requests++;
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => document.body?.getAttribute('data-ready') === 'true', null, { timeout: 30_000 });
  const figures = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const ready = (window as any).__ccapiReady ?? performance.now();
    let nodes = 0;
    const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
    while (walker.nextNode()) nodes++;
    return { readyMs: Math.round(ready - (nav ? nav.startTime : 0)), domNodes: nodes, elements: document.getElementsByTagName('*').length };
  });
  await cdp.detach();
  return { page: name, ...figures, bytes, requests };
}
