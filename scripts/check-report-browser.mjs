#!/usr/bin/env node
// Opens a report written by the built package (dist/, so run `npm run build` first) in headless
// Chromium and checks that every chart is drawn: each chart's SVG is visible, has a nonzero size
// and contains marks. Saves a screenshot of the whole page.
//
//   node scripts/check-report-browser.mjs [screenshot.png]
//
// Needs Debian's chromium at /usr/bin/chromium (driven by playwright-core, a dev dependency); if it
// is not installed, says so and exits 0. The browser loads the page from a file:// URL with
// networking features off; any request it tries to make other than the page itself fails the check.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CHROMIUM = '/usr/bin/chromium';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

if (!existsSync(CHROMIUM)) {
  console.log(`skipped: chromium not installed (${CHROMIUM} does not exist)`);
  process.exit(0);
}
for (const built of ['dist/index.js', 'dist/render/index.js']) {
  if (!existsSync(join(root, built))) {
    console.error(`error: ${built} is missing; run \`npm run build\` first`);
    process.exit(1);
  }
}

const { compare } = await import(pathToFileURL(join(root, 'dist/index.js')).href);
const { writeReport } = await import(pathToFileURL(join(root, 'dist/render/index.js')).href);
const { chromium } = await import('playwright-core');

const work = mkdtempSync(join(tmpdir(), 'fas-report-browser-'));
const screenshot = resolve(process.argv[2] ?? join(work, 'report.png'));
// Without a path, the screenshot (and the report beside it) stay in the temporary directory.
const keepWork = process.argv[2] === undefined;
let browser;
let failed = false;
const fail = (message) => {
  console.error(`FAIL: ${message}`);
  failed = true;
};

try {
  // A small real experiment: two policies on the same few replications of a small market.
  const config = { run: { burnInYears: 1, horizonYears: 4 }, suppliers: { initialCount: 60 } };
  const result = await compare(config, { guarantee: { policy: { minimumVolumeShare: 0.3 } } }, { runs: 6, seed: 3 });
  const file = join(work, 'report.html');
  await writeReport(result, file);
  const html = readFileSync(file, 'utf8');
  const titles = [...html.matchAll(/<section class="chart" id="([^"]+)">\s*<h2>([^<]*)<\/h2>/g)].map((m) => ({ id: m[1], title: m[2] }));
  if (titles.length === 0) fail('the report has no charts');
  console.log(`wrote ${file} (${(html.length / 1024).toFixed(0)} KiB, ${titles.length} charts)`);

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const pageUrl = pathToFileURL(file).href;
  const requests = [];
  page.on('request', (request) => {
    if (request.url() !== pageUrl) requests.push(request.url());
  });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(pageUrl, { waitUntil: 'load' });

  const charts = await page.$$eval('section.chart', (sections) =>
    sections.map((section) => {
      const svg = section.querySelector('figure > svg');
      const box = svg?.getBoundingClientRect();
      const style = svg === null || svg === undefined ? null : getComputedStyle(svg);
      const marks = svg === null || svg === undefined ? [] : [...svg.querySelectorAll('g.role-mark')];
      return {
        id: section.id,
        title: section.querySelector('h2')?.textContent ?? '',
        svg: svg !== null && svg !== undefined,
        width: box?.width ?? 0,
        height: box?.height ?? 0,
        visible: style !== null && style.display !== 'none' && style.visibility !== 'hidden' && Number(style.opacity) > 0,
        // Drawn items of every data mark (lines, areas, points, bars, rules), and how many have a size on screen.
        items: marks.reduce((n, g) => n + g.children.length, 0),
        drawn: marks.reduce((n, g) => n + [...g.children].filter((c) => { const b = c.getBoundingClientRect(); return b.width > 0 || b.height > 0; }).length, 0),
        kinds: [...new Set(marks.map((g) => [...g.classList].find((c) => c.startsWith('mark-'))))].filter(Boolean),
        texts: svg === null || svg === undefined ? 0 : [...svg.querySelectorAll('text')].filter((t) => t.getBBox().width > 0).length,
      };
    }),
  );
  if (charts.length !== titles.length) fail(`the page shows ${charts.length} charts, the file has ${titles.length}`);
  for (const c of charts) {
    const line = `${c.id}: "${c.title}" ${Math.round(c.width)}x${Math.round(c.height)} px, ${c.drawn}/${c.items} mark items drawn (${c.kinds.join(', ')}), ${c.texts} text labels`;
    console.log(`  ${line}`);
    if (!c.svg) fail(`${c.id}: no SVG`);
    else if (!c.visible || c.width < 50 || c.height < 50) fail(`${c.id}: the SVG is not visible or too small (${line})`);
    else if (c.drawn === 0) fail(`${c.id}: no marks are drawn`);
    else if (c.texts === 0) fail(`${c.id}: no text is rendered (axis labels, titles)`);
  }
  if (requests.length > 0) fail(`the page requested ${requests.join(', ')}; a report must load nothing`);
  if (errors.length > 0) fail(`the page logged errors: ${errors.join('; ')}`);

  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(`screenshot: ${screenshot}`);
} catch (error) {
  fail(error instanceof Error ? error.stack ?? error.message : String(error));
} finally {
  await browser?.close();
  if (!keepWork) rmSync(work, { recursive: true, force: true });
}
if (failed) process.exit(1);
console.log('report renders in Chromium: OK');
