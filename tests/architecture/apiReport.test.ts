/**
 * The public API is what docs/api-report.md says it is: every change to an entry point's exports
 * or signatures shows in that file's diff, and is made on purpose (issue 14, item 1).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiReport, ENTRY_POINTS } from '../../scripts/apiReport.js';

const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

describe('the API report', () => {
  it('covers every entry point of package.json', () => {
    const manifest = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { exports: Record<string, unknown> };
    const specifiers = Object.keys(manifest.exports)
      .filter((k) => k !== './package.json')
      .map((k) => (k === '.' ? 'framework-agreement-sim' : `framework-agreement-sim/${k.slice(2)}`));
    expect(ENTRY_POINTS.map(([s]) => s).sort()).toEqual(specifiers.sort());
  });

  it('docs/api-report.md matches the sources (if not: run npm run api-report, review the diff, and say why in the CHANGELOG)', () => {
    const committed = readFileSync(`${root}/docs/api-report.md`, 'utf8');
    expect(apiReport(root)).toBe(committed);
  }, 60_000);
});
