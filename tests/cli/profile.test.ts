import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { burnIn, marketProfile } from '../../src/index.js';
import { replicationSeed } from '../../src/experiment/seeds.js';
import type { MarketProfile } from '../../src/model/profile.js';
import { formatProfiles } from '../../src/report/profileText.js';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'fas-profile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const tinyInput = { run: { burnInYears: 2 }, suppliers: { initialCount: 100 } };
const tiny = join(dir, 'tiny.json');
writeFileSync(tiny, JSON.stringify(tinyInput));

describe('profile', () => {
  it('profiles the markets replication k of chapter5 starts from, as text and as JSON', async () => {
    const text = await cli('profile', '--config', tiny, '--runs', '3', '--seed', '9');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^The market when a policy starts \(end of burn-in\), 3 markets: mean \(10-90 % range\)\.$/m);
    for (const row of ['size: small', 'main income (buyer > 40 % of revenue)', 'small share of revenue', 'ownership: nonProfit']) expect(text.stdout).toContain(`  ${row}`);
    expect(text.stdout).toMatch(/too small to take a median lot alone, even growing: [\d.]+ % \(/);
    const json = await cli('profile', '--config', tiny, '--runs', '3', '--seed', '9', '--json');
    const profiles = JSON.parse(json.stdout) as MarketProfile[];
    expect(profiles).toEqual([0, 1, 2].map((k) => marketProfile(burnIn(tinyInput, replicationSeed(9, k)))));
    expect(text.stdout.startsWith(formatProfiles(profiles))).toBe(true);
  });

  it('writes to --out, and refuses bad flags with one line and exit code 2', async () => {
    const out = join(dir, 'profile.txt');
    const r = await cli('profile', '--config', tiny, '--runs', '1', '--out', out);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^The market when a policy starts/);
    for (const [args, message] of [
      [['--runs', '0'], /--runs/],
      [['--runs', 'x'], /--runs/],
      [['--seed', ''], /--seed expects a value/],
      [['--nope'], /nope/],
    ] as const) {
      const bad = await cli('profile', ...args);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(message);
      expect(bad.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });
});

describe('formatProfiles', () => {
  it('says so when there is nothing to show', () => {
    expect(formatProfiles([])).toBe('No market profiled.');
  });
});
