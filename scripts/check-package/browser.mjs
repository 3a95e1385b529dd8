// Loads a browser bundle (esbuild, IIFE) into a page of headless Chromium and prints the JSON
// that its `globalThis.runProbe()` resolves to. Usage: node browser.mjs <bundle.js> <repo root>.
// No network: the page is set from a string and the script injected from the file's text, and
// Chromium's own background traffic is switched off.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [bundlePath, root] = process.argv.slice(2);
// playwright-core is a dev dependency of the checkout, not of the temporary app.
const { chromium } = createRequire(join(root, 'package.json'))('playwright-core');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  timeout: 60_000,
});
try {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('request', (r) => { if (!r.url().startsWith('about:') && !r.url().startsWith('data:')) problems.push(`network request: ${r.url()}`); });
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
  await page.addScriptTag({ content: readFileSync(bundlePath, 'utf8') });
  const json = await page.evaluate(async () => JSON.stringify(await globalThis.runProbe()));
  const userAgent = await page.evaluate(() => navigator.userAgent);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  console.error(`ran in ${userAgent}`);
  process.stdout.write(json);
} finally {
  await browser.close();
}
