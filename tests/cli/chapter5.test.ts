import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Chapter5Json } from '../../src/cli/chapter5.js';
import { compare } from '../../src/experiment/compare.js';
import { robustness } from '../../src/experiment/robustness.js';
import type { ConfigInput } from '../../src/model/config.js';
import { NAMED_POLICIES } from '../../src/policies/chapter5.js';
import { WORLDS } from '../../src/scenarios/worlds.js';
import { TABLE_CSV_COLUMNS } from '../../src/report/tableCsv.js';
import { cli } from '../helpers/cli.js';

const namedChanges = (name: string) => NAMED_POLICIES.find((p) => p.name === name)!.changes;
const dir = mkdtempSync(join(tmpdir(), 'fas-chapter5-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);

// A tiny market: 300 suppliers, 1 year of burn-in, a 5-year horizon; a few runs take well under a
// second. The robustness check runs 2 paired runs in each world (the first 2 of the 3 are the reference's).
writeFileSync(at('tiny.json'), JSON.stringify({ run: { burnInYears: 1, horizonYears: 5 }, suppliers: { initialCount: 300 } }));
const tiny = ['--config', at('tiny.json'), '--runs', '3', '--workers', '1', '--world-runs', '2'];

describe('chapter5: the table', () => {
  it('prints one table of every named policy, the text after it, and the runs and time', async () => {
    const r = await cli('chapter5', ...tiny);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(new RegExp(`^${NAMED_POLICIES.length} policies against today’s policy \\(today\\): 3 paired runs, 5-year horizon, seed 2026$`, 'm'));
    for (const p of NAMED_POLICIES) expect(r.stdout).toMatch(new RegExp(`^  ${p.name} +\\S+`, 'm'));
    expect(r.stdout).toMatch(/^Small suppliers \(cohort at the start\) still operating after 4 years/m);
    expect(r.stdout).toMatch(/^Small suppliers \(cohort at the start\) still operating after 5 years/m);
    expect(r.stdout).not.toMatch(/after 8 years/); // beyond the horizon
    expect(r.stdout).toMatch(/^From 3 paired runs over 5 years/m);
    expect(r.stdout).toMatch(
      new RegExp(`^3 paired runs of ${NAMED_POLICIES.length} policies and today in \\d+\\.\\d s on 1 thread; robustness check: 2 paired runs in each of 2 more worlds in \\d+\\.\\d s; \\d+\\.\\d s in all\\.$`, 'm'),
    );
    // each policy's verdict across the default worlds, between the table and the text
    expect(r.stdout).toMatch(/^Does it hold in other worlds\? Each policy against today in 3 worlds, 2 paired runs in each:$/m);
    expect(r.stdout).toMatch(/^reference \(the base config as given\), rank allocation \(allocation rule\), demand -30% \(demand fall\)\.$/m);
    for (const p of NAMED_POLICIES) expect(r.stdout).toMatch(new RegExp(`^  ${p.name} +(holds|depends|reverses|no clear effect|no change)`, 'm'));
    // A soft lever moves transitions, if only by assumption: the check judges them too.
    expect(r.stdout).not.toMatch(/^ {2}crossSectorCollaboration +no change in any world$/m);
    expect(r.stdout).toMatch(/^ {2}crossSectorCollaboration +(holds|no clear effect): .*extra transitions/m);
    expect(r.stdout.indexOf('Does it hold')).toBeGreaterThan(r.stdout.indexOf('Transitions to work per year'));
    expect(r.stdout.indexOf('Does it hold')).toBeLessThan(r.stdout.indexOf('From 3 paired runs'));
    expect(r.stdout).not.toMatch(/^Paired change from today in each world/m); // the full table only with --worlds
  });

  it('is the default command: no command, or options only', async () => {
    const a = await cli(...tiny, '--policies', 'riskSharing');
    const b = await cli('chapter5', ...tiny, '--policies', 'riskSharing');
    expect(a.code).toBe(0);
    const table = (t: string) => t.replace(/\d+\.\d s/g, '');
    expect(table(a.stdout)).toBe(table(b.stdout));
  });

  it('runs only the policies asked for, and the same seed gives the same numbers', async () => {
    const r = await cli('chapter5', ...tiny, '--policies', 'smallerContracts,riskSharing', '--seed', '9', '--json');
    const again = await cli('chapter5', ...tiny, '--policies', 'smallerContracts,riskSharing', '--seed', '9', '--json');
    const json = JSON.parse(r.stdout) as Chapter5Json;
    expect(json.table.policies.map((p) => p.name)).toEqual(['smallerContracts', 'riskSharing']);
    expect(json.result.seed).toBe('9'); // stored in its one text form
    expect(r.stdout).toBe(again.stdout);
  });

  it('--json holds the table, its text and the full result with every policy', async () => {
    const r = await cli('chapter5', ...tiny, '--json', '--horizon', '3');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Chapter5Json;
    expect(json.kind).toBe('framework-agreement-sim/chapter5');
    expect(json.result.policies.map((p) => p.name)).toEqual(['today', ...NAMED_POLICIES.map((p) => p.name)]);
    expect(Object.keys(json.result.differences)).toEqual(NAMED_POLICIES.map((p) => p.name));
    expect(json.result.runs).toBe(3);
    expect(json.table.horizonYears).toBe(3);
    expect(json.table.rows.map((row) => row.cells.length)).toEqual(json.table.rows.map(() => NAMED_POLICIES.length));
    expect(json.narrative).toMatch(/^From 3 paired runs over 3 years/);
    expect(r.stderr).toMatch(new RegExp(`^3 paired runs of ${NAMED_POLICIES.length} policies and today in .*; robustness check: 2 paired runs in each of 2 more worlds in `));
    const check = json.robustness!;
    expect(check.kind).toBe('framework-agreement-sim/robustness');
    expect(check.runs).toBe(2);
    expect(check.worlds.map((w) => w.name)).toEqual(['reference', 'rank allocation', 'demand -30%']);
    expect(check.policies).toEqual(NAMED_POLICIES.map((p) => p.name));
    expect(check.verdicts.riskSharing!.smallCohortSurvival!.worlds).toHaveLength(3);
  });

  it('--csv is tidy CSV with a line per metric and policy', async () => {
    const r = await cli('chapter5', ...tiny, '--csv', '--policies', 'riskSharing,allOfChapter5');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(TABLE_CSV_COLUMNS.join(','));
    const body = lines.slice(1);
    expect(body.length % 3).toBe(0); // today, riskSharing, allOfChapter5 per metric
    expect(body.filter((l) => l.startsWith('smallCohortSurvival,')).map((l) => l.split(',')[4])).toEqual(['today', 'riskSharing', 'allOfChapter5']);
    for (const line of body) {
      const unquoted = line.replace(/"[^"]*"/g, 'x');
      expect(unquoted.split(',')).toHaveLength(TABLE_CSV_COLUMNS.length);
    }
  });

  it('--out writes the output to a file', async () => {
    const r = await cli('chapter5', ...tiny, '--csv', '--policies', 'riskSharing', '--out', at('table.csv'));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^wrote .*table\.csv: 3 paired runs/);
    expect(readFileSync(at('table.csv'), 'utf8')).toMatch(/^metric,label,/);
  });

  it('--help explains the options', async () => {
    const r = await cli('chapter5', '--help');
    expect(r.code).toBe(0);
    for (const flag of ['--runs', '--seed', '--horizon', '--policies', '--config', '--json', '--csv', '--out', '--workers', '--world-runs', '--worlds']) expect(r.stdout).toContain(flag);
  });
});

describe('chapter5: the robustness check', () => {
  it('reuses the first runs of the main comparison as its reference world: the same numbers as compare() in each world', async () => {
    const r = await cli('chapter5', ...tiny, '--policies', 'riskSharing,smallerContracts', '--json');
    const json = JSON.parse(r.stdout) as Chapter5Json;
    const config = JSON.parse(readFileSync(at('tiny.json'), 'utf8')) as ConfigInput;
    const policies = { riskSharing: { policy: { ...namedChanges('riskSharing'), name: 'riskSharing' } }, smallerContracts: { policy: { ...namedChanges('smallerContracts'), name: 'smallerContracts' } } };
    const main = await compare(config, policies, { runs: 3, seed: 2026, rows: false, series: false });
    expect(JSON.stringify(json.result)).toBe(JSON.stringify(main));
    const check = await robustness(config, policies, { runs: 2, seed: 2026 });
    expect(JSON.stringify(json.robustness)).toBe(JSON.stringify(check));
  });

  it('--worlds checks every world and prints the per-world table', async () => {
    const r = await cli('chapter5', ...tiny, '--policies', 'riskSharing', '--worlds');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Does it hold in other worlds\\? Each policy against today in ${WORLDS.length} worlds, 2 paired runs in each:$`, 'm'));
    expect(r.stdout).toMatch(/^Paired change from today in each world \(2 paired runs per world, seed 2026\);$/m);
    expect(r.stdout).toMatch(/^riskSharing: Risk sharing: a minimum-volume guarantee$/m);
    for (const w of WORLDS) expect(r.stdout).toMatch(new RegExp(`^  ${w.name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')} +[−+]?\\d`, 'm'));
    expect(r.stdout).toMatch(/^ {2}verdict +(holds|depends|reverses|no clear effect|no change)/m);
    expect(r.stdout).toMatch(new RegExp(`robustness check: 2 paired runs in each of ${WORLDS.length - 1} more worlds`));
  });

  it('more runs per world than main runs: the reference world runs on its own', async () => {
    const r = await cli('chapter5', ...tiny, '--policies', 'riskSharing', '--world-runs', '4', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Chapter5Json;
    expect(json.robustness!.runs).toBe(4);
    expect(json.robustness!.worlds[0]!.result.runs).toBe(4);
    expect(r.stderr).toMatch(/robustness check: 4 paired runs in each of 3 worlds in /);
  });

  it('--world-runs 0 and --csv skip it', async () => {
    const r = await cli('chapter5', ...tiny, '--policies', 'riskSharing', '--world-runs', '0');
    expect(r.stdout).not.toMatch(/Does it hold/);
    expect(r.stdout).toMatch(/^3 paired runs of 1 policy and today in \d+\.\d s on 1 thread\.$/m);
    const json = JSON.parse((await cli('chapter5', ...tiny, '--policies', 'riskSharing', '--world-runs', '0', '--json')).stdout) as Chapter5Json;
    expect(json.robustness).toBeNull();
    const csv = await cli('chapter5', ...tiny, '--policies', 'riskSharing', '--csv');
    expect(csv.stderr).toMatch(/^3 paired runs of 1 policy and today in \d+\.\d s on 1 thread\n$/);
  });
});

describe('chapter5: user errors are one line, exit 2, no stack trace', () => {
  writeFileSync(at('broken.json'), '{ "policy": ');
  writeFileSync(at('bad-value.json'), JSON.stringify({ policy: { priceWeight: 1.4 } }));
  writeFileSync(at('typo.json'), JSON.stringify({ suppliers: { initalCount: 50 } }));
  writeFileSync(at('list.json'), '[1, 2]');
  const names = NAMED_POLICIES.map((p) => p.name).join(', ');
  const cases: Array<[string, string[], RegExp]> = [
    ['an unknown policy, with a suggestion and the valid names', ['--policies', 'riskSharing,smallContracts'], new RegExp(`^error: unknown policy "smallContracts" \\(did you mean "smallerContracts"\\?\\); valid policies: ${names}$`)],
    ['a policy named by a part of its name', ['--policies', 'riskShar'], /^error: unknown policy "riskShar" \(did you mean "riskSharing"\?\); valid policies: /],
    ['an unknown policy without a close name', ['--policies', 'everything'], new RegExp(`^error: unknown policy "everything"; valid policies: ${names}$`)],
    ['an empty policy list', ['--policies', 'riskSharing,'], /^error: --policies expects names separated by commas/],
    ['a policy listed twice', ['--policies', 'riskSharing,riskSharing'], /^error: --policies lists "riskSharing" twice$/],
    ['a config file that does not exist', ['--config', at('nope.json')], /^error: cannot read config .*nope\.json: ENOENT/],
    ['a config file that is not JSON', ['--config', at('broken.json')], /^error: .*broken\.json is not valid JSON/],
    ['a wrong value at a path', ['--config', at('bad-value.json')], /^error: .*bad-value\.json: policy\.priceWeight: expected a number in \[0, 1\], got 1\.4$/],
    ['an unknown key at a path', ['--config', at('typo.json')], /^error: .*typo\.json: suppliers\.initalCount: unknown key; did you mean "initialCount"\?$/],
    ['a config that is not an object', ['--config', at('list.json')], /^error: .*list\.json: \(config\): expected an object/],
    ['too few runs', ['--runs', '1'], /^error: --runs expects an integer in \[2, /],
    ['a horizon out of range', ['--horizon', '0'], /^error: --horizon expects an integer in \[1, 100\]/],
    ['both --json and --csv', ['--json', '--csv'], /^error: choose one of --json and --csv$/],
    ['one run in each world', ['--world-runs', '1'], /^error: --world-runs expects 0 \(no robustness check\) or at least 2 paired runs$/],
    ['--worlds without runs in them', ['--worlds', '--world-runs', '0'], /^error: --worlds needs --world-runs of at least 2$/],
    ['--worlds with --csv', ['--worlds', '--csv'], /^error: --worlds has no place in --csv output; use --json$/],
    ['an unknown option', ['--fast'], /^error: Unknown option '--fast'/],
    ['an unwritable --out', ['--out', join(dir, 'no', 'such', 'file.txt')], /^error: cannot write --out .*does not exist/],
  ];

  it.each(cases)('%s', async (_, argv, message) => {
    for (const command of [['chapter5'], []]) {
      const r = await cli(...command, ...argv);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd()).toMatch(message);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('chapter5: --demand-shift (scenario events)', () => {
  it('adds the shifts to the config file’s own shocks, for every policy', async () => {
    writeFileSync(at('shocked.json'), JSON.stringify({ run: { burnInYears: 1, horizonYears: 5 }, suppliers: { initialCount: 60 }, market: { shocks: [{ fromYear: 1, change: 0.1, measureType: null }] } }));
    const r = await cli('chapter5', '--config', at('shocked.json'), '--runs', '2', '--workers', '1', '--world-runs', '0', '--policies', 'riskSharing',
      '--demand-shift=-0.2@4', '--demand-shift=-0.3@2:followUp', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Chapter5Json;
    expect(json.result.config.market.shocks).toEqual([
      { fromYear: 1, change: 0.1, measureType: null },
      { fromYear: 4, change: -0.2, measureType: null },
      { fromYear: 2, change: -0.3, measureType: 'followUp' },
    ]);
  });

  it('changes the numbers: half the demand, clearly less spending and about half the weeks served', async () => {
    const base = JSON.parse((await cli('chapter5', ...tiny, '--policies', 'riskSharing', '--json')).stdout) as Chapter5Json;
    const shifted = JSON.parse((await cli('chapter5', ...tiny, '--policies', 'riskSharing', '--demand-shift=-0.5@0', '--json')).stdout) as Chapter5Json;
    const cost = (j: Chapter5Json) => j.result.policies[0]!.outcomes.buyerCostPerYear.mean;
    expect(cost(shifted)).toBeLessThan(0.9 * cost(base));
    // (v1 also saw a lower unserved share; in v2 a demand collapse drives exits, and a lot left
    // short waits a quarter for its re-tender, so the share can rise a little: it is not asserted.)
    const served = (j: Chapter5Json) => j.result.policies[0]!.outcomes.participantWeeksPerYear.mean;
    expect(served(shifted)).toBeLessThan(0.6 * served(base));
    expect(served(shifted)).toBeGreaterThan(0.4 * served(base));
  });

  it('refuses a malformed shift, an unknown measure type or a year past the horizon in one line', async () => {
    for (const [arg, message] of [
      ['-0.2', /^error: --demand-shift expects <change>@<year>\[:<measure type>\], such as --demand-shift=-0.2@4/],
      ['-0.2@1:nope', /^error: --demand-shift: market\.shocks\[0\]\.measureType: /],
      ['-0.2@9', /^error: --demand-shift: market\.shocks\[0\]/],
    ] as const) {
      const r = await cli('chapter5', ...tiny, `--demand-shift=${arg}`);
      expect(r.code, arg).toBe(2);
      expect(r.stderr, arg).toMatch(message);
      expect(r.stderr.trim().split('\n'), arg).toHaveLength(1);
    }
  });
});
