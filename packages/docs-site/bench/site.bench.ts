/**
 * Page budgets of the reference site (`npm run bench -- --only site`, or `npm run bench -w @ccapi/docs-site`):
 * builds the site, serves it on 127.0.0.1, then opens every page in one Chromium tab after a first page has
 * filled the cache, and prints per page: ready time (navigation start to the site script having run), DOM
 * nodes, elements, bytes transferred and requests. Budgets: ready < 3 s, < 20k DOM nodes, < 1 MB transferred
 * per page after the first. Exit 1 when a page is over budget (figures are printed either way).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, REPO_ROOT } from '../src/build.ts';
import { createStaticServer, listen } from '../src/serve.ts';
import { axeSerious, chromiumMissing, launch, measurePage, type PageFigures } from '../test/harness.ts';

const BUDGET = { readyMs: 3000, domNodes: 20_000, bytes: 1024 * 1024 };
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 0) || 3;
// --axe: also run axe-core on the whole of every page (the timed browser test samples one page per template).
const withAxe = process.argv.includes('--axe');

const missing = chromiumMissing();
if (missing) {
  console.log(`Skipped: ${missing}\n`);
  process.exit(0);
}
const out = mkdtempSync(join(tmpdir(), 'ccapi-site-bench-'));
const built = await buildSite({
  outDir: out,
  generatedDir: join(REPO_ROOT, 'generated'),
  versionsFile: join(REPO_ROOT, 'specs/versions.yaml'),
  changelogFile: join(REPO_ROOT, 'generated/changelog.json'),
  rulesFile: join(REPO_ROOT, 'generated/rules.json'),
  historyFile: join(REPO_ROOT, 'generated/history.json'),
  examplesDir: join(REPO_ROOT, 'packages/spec-check/reference/examples'),
});
const server = createStaticServer(out);
const base = await listen(server, 0);
const browser = await launch();
const rows: Array<PageFigures & { axe?: number }> = [];
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // The first page fills the cache with the shared assets (site.css, nav.js, nav-data.js).
  const first = await measurePage(page, `${base}index.html`, 'index.html (first, cold cache)');
  rows.push(first);
  for (const p of [...built.pages.filter((x) => x !== 'index.html'), 'index.html']) {
    const samples: PageFigures[] = [];
    for (let i = 0; i < runs; i++) samples.push(await measurePage(page, `${base}${p}`, p));
    // Bytes of the first visit (the page itself is not cached yet; the shared assets are); ready time: median.
    const firstVisit = samples[0];
    samples.sort((a, b) => a.readyMs - b.readyMs);
    const row: PageFigures & { axe?: number } = { ...samples[Math.floor(samples.length / 2)], bytes: firstVisit.bytes, requests: firstVisit.requests };
    if (withAxe) row.axe = (await axeSerious(page)).reduce((n, f) => n + f.nodes, 0);
    rows.push(row);
  }
  await context.close();
} finally {
  await browser.close();
  server.close();
  rmSync(out, { recursive: true, force: true });
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
console.log(`## Reference site pages (Chromium ${browser.version()}, ready: median of ${runs} loads; bytes: first visit of each page, shared assets cached by the first page)\n`);
console.log(`| page | ready | DOM nodes | elements | transferred | requests |${withAxe ? ' axe serious/critical |' : ''} within budget |`);
console.log(`| --- | ---: | ---: | ---: | ---: | ---: |${withAxe ? ' ---: |' : ''} --- |`);
let over = 0;
for (const [i, r] of rows.entries()) {
  const problems = [
    r.readyMs >= BUDGET.readyMs ? 'ready' : '',
    r.domNodes >= BUDGET.domNodes ? 'nodes' : '',
    i > 0 && r.bytes >= BUDGET.bytes ? 'bytes' : '',
  ].filter(Boolean);
  if (problems.length) over++;
  const axe = (r as { axe?: number }).axe;
  if (axe) problems.push('axe');
  console.log(`| ${r.page} | ${r.readyMs} ms | ${r.domNodes} | ${r.elements} | ${kb(r.bytes)} | ${r.requests} |${withAxe ? ` ${axe ?? '-'} |` : ''} ${problems.length ? `no: ${problems.join(', ')}` : 'yes'} |`);
}
const max = (k: keyof PageFigures) => Math.max(...rows.slice(1).map((r) => Number(r[k])));
console.log(`\nWorst page after the first: ready ${max('readyMs')} ms, ${max('domNodes')} DOM nodes, ${kb(max('bytes'))} transferred. Budgets: ready < ${BUDGET.readyMs} ms, < ${BUDGET.domNodes} nodes, < ${kb(BUDGET.bytes)}.`);
process.exit(over ? 1 : 0);
