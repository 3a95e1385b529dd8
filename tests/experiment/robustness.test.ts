import { robustnessRows } from '../../src/report/robustnessRows.js';
import { toWideCsv } from '../../src/report/wideCsv.js';
import { OUTCOME_METRICS } from '../../src/model/metrics.js';
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/experiment/compare.js';
import { classifyAcrossWorlds, robustness, robustnessOf, worldStatus, ROBUSTNESS_METRICS, type WorldChange } from '../../src/experiment/robustness.js';
import { serialExecutor } from '../../src/experiment/executor.js';
import { ConfigError, mergeOver, parseConfig } from '../../src/model/decode.js';
import type { ConfigInput } from '../../src/model/config.js';
import { fitColumns, formatRobustnessSummary, formatRobustnessTable } from '../../src/report/robustnessText.js';
import { allocationWorld, demandFallWorld, entryRateWorld, REFERENCE_WORLD, resolveWorld, WORLDS, type World } from '../../src/scenarios/worlds.js';

/** A world's change with a 95 % interval [lower, upper] from 20 runs. */
function w(world: string, lower: number, upper: number, setting = world): WorldChange {
  return { world, setting, n: 20, mean: (lower + upper) / 2, lower, upper, noVariation: false };
}
/** A change that was the same in every run. */
function flat(world: string, value: number, setting = world): WorldChange {
  return { world, setting, n: 20, mean: value, lower: value, upper: value, noVariation: true };
}

describe('worldStatus', () => {
  it('is higher or lower only when the interval excludes zero, and unclear without an interval', () => {
    expect(worldStatus(w('a', 0.01, 0.03))).toBe('higher');
    expect(worldStatus(w('a', -0.03, -0.01))).toBe('lower');
    expect(worldStatus(w('a', -0.01, 0.03))).toBe('unclear');
    expect(worldStatus(w('a', 0, 0.03))).toBe('unclear'); // touching zero is not excluding it
    expect(worldStatus(flat('a', 0.5))).toBe('unclear'); // no variation: no interval
    expect(worldStatus({ n: 1, lower: 0.5, upper: 0.5, noVariation: false })).toBe('unclear'); // one run
  });
});

describe('classifyAcrossWorlds', () => {
  it('holds: clear the same way in every world', () => {
    const v = classifyAcrossWorlds([w('reference', 0.01, 0.03), w('rank', 0.02, 0.05, 'allocation rule'), w('fall', 0.001, 0.01, 'demand fall')]);
    expect(v.verdict).toBe('holds');
    expect(v.direction).toBe('higher');
    expect(v.higherIn).toEqual(['reference', 'rank', 'fall']);
    expect(v.lowerIn).toEqual([]);
    expect(v.unclearIn).toEqual([]);
    expect(v.dependsOn).toEqual([]);
    expect(v.unchanged).toBe(false);
    expect(v.worlds.map((x) => x.status)).toEqual(['higher', 'higher', 'higher']);
  });

  it('holds downwards too, and with a single world', () => {
    expect(classifyAcrossWorlds([w('a', -2, -1), w('b', -5, -0.1)])).toMatchObject({ verdict: 'holds', direction: 'lower' });
    expect(classifyAcrossWorlds([w('a', 1, 2)])).toMatchObject({ verdict: 'holds', direction: 'higher' });
    expect(classifyAcrossWorlds([w('a', -1, 2)])).toMatchObject({ verdict: 'none', direction: null });
  });

  it('depends: clear in the reference, not clear in some others; names their settings once each', () => {
    const v = classifyAcrossWorlds([
      w('reference', 0.01, 0.03, 'none'),
      w('rank', -0.01, 0.02, 'allocation rule'),
      w('mini', -0.02, 0.02, 'allocation rule'),
      w('lots x2', 0.02, 0.04, 'lot size'),
      w('fall', -0.05, 0.01, 'demand fall'),
    ]);
    expect(v.verdict).toBe('depends');
    expect(v.direction).toBe('higher');
    expect(v.higherIn).toEqual(['reference', 'lots x2']);
    expect(v.unclearIn).toEqual(['rank', 'mini', 'fall']);
    expect(v.dependsOn).toEqual(['allocation rule', 'demand fall']);
  });

  it('depends: not clear in the reference, clear elsewhere; names the settings where it appears', () => {
    const v = classifyAcrossWorlds([w('reference', -0.01, 0.03, 'none'), w('rank', -0.3, -0.1, 'allocation rule'), w('lots x2', -0.01, 0.01, 'lot size')]);
    expect(v.verdict).toBe('depends');
    expect(v.direction).toBe('lower');
    expect(v.dependsOn).toEqual(['allocation rule']);
  });

  it('a world without variation is never clear, whatever its value', () => {
    const v = classifyAcrossWorlds([w('reference', 0.01, 0.03), flat('rare', 0.02, 'entry rate')]);
    expect(v.verdict).toBe('depends');
    expect(v.unclearIn).toEqual(['rare']);
    expect(v.worlds[1]).toMatchObject({ lower: null, upper: null, noVariation: true, status: 'unclear' });
    expect(v.unchanged).toBe(false);
  });

  it('reverses: clearly higher in one world and clearly lower in another; names the worlds that turn', () => {
    const v = classifyAcrossWorlds([
      w('reference', 0.01, 0.03, 'none'),
      w('rank', -0.5, -0.2, 'allocation rule'),
      w('fall', -0.01, 0.02, 'demand fall'),
      w('entry', 0.02, 0.03, 'entry rate'),
    ]);
    expect(v.verdict).toBe('reverses');
    expect(v.direction).toBeNull();
    expect(v.higherIn).toEqual(['reference', 'entry']);
    expect(v.lowerIn).toEqual(['rank']);
    expect(v.unclearIn).toEqual(['fall']);
    expect(v.dependsOn).toEqual(['allocation rule']); // not the unclear demand fall
  });

  it('reverses with an unclear reference names every clear world', () => {
    const v = classifyAcrossWorlds([w('reference', -1, 1, 'none'), w('rank', 1, 2, 'allocation rule'), w('fall', -2, -1, 'demand fall')]);
    expect(v.verdict).toBe('reverses');
    expect(v.dependsOn).toEqual(['allocation rule', 'demand fall']);
  });

  it('none: clear nowhere; unchanged when every world gave exactly zero in every run', () => {
    const v = classifyAcrossWorlds([w('reference', -0.01, 0.03), w('rank', -0.2, 0.1)]);
    expect(v).toMatchObject({ verdict: 'none', direction: null, dependsOn: [], unchanged: false });
    const zero = classifyAcrossWorlds([flat('reference', 0), flat('rank', 0)]);
    expect(zero).toMatchObject({ verdict: 'none', unchanged: true });
    // the same change in every run, but not zero: not "unchanged"
    expect(classifyAcrossWorlds([flat('reference', 0.1), flat('rank', 0)]).unchanged).toBe(false);
  });

  it('refuses an empty list of worlds', () => {
    expect(() => classifyAcrossWorlds([])).toThrow(RangeError);
  });
});

describe('worlds', () => {
  const base = parseConfig({});

  it('every world of the full set resolves to a valid config over the baseline, each with its own name', () => {
    expect(new Set(WORLDS.map((x) => x.name)).size).toBe(WORLDS.length);
    for (const world of WORLDS) {
      const resolved = resolveWorld(world, base);
      expect(JSON.parse(JSON.stringify(resolved))).toEqual(resolved);
      expect(() => parseConfig(mergeOver({}, resolved.input))).not.toThrow();
    }
  });

  it('lot size scales every measure type’s lots per tender, in the burn-in and under every policy', () => {
    const big = parseConfig(resolveWorld(WORLDS.find((x) => x.name === 'lots x2')!, base).input);
    expect(big.market.measureTypes.map((m) => m.lotsPerCell)).toEqual(base.market.measureTypes.map((m) => Math.max(1, Math.round((m.lotsPerCell as number) / 2))));
    expect(big.market.measureTypes.map((m) => m.lotsPerCell)).toEqual([9, 3, 3, 4, 2]);
    expect(big.policy.lotSplit).toBe(base.policy.lotSplit);
  });

  it('a demand fall adds to the base’s own shifts, and starts half-way through a short horizon', () => {
    const own = parseConfig({ market: { shocks: [{ fromYear: 1, change: 0.1, measureType: null }] } });
    const resolved = resolveWorld(demandFallWorld(-0.3, 2), own);
    expect(resolved.input).toEqual({ market: { shocks: [{ fromYear: 1, change: 0.1, measureType: null }, { fromYear: 2, change: -0.3, measureType: null }] } });
    const short = parseConfig({ run: { horizonYears: 3 } });
    expect(resolveWorld(demandFallWorld(-0.3, 2), short).input).toEqual({ market: { shocks: [{ fromYear: 1.5, change: -0.3, measureType: null }] } });
  });

  it('refuses to scale a number the base gives as a distribution, naming it', () => {
    const uncertain = parseConfig({ suppliers: { entry: { ratePerYear: { dist: 'uniform', min: 50, max: 150 } } } });
    expect(() => resolveWorld(entryRateWorld(2), uncertain)).toThrow(ConfigError);
    expect(() => resolveWorld(entryRateWorld(2), uncertain)).toThrow(/suppliers\.entry\.ratePerYear: a world scales this number/);
  });

  it('entry and volatility scale the base’s values', () => {
    expect(resolveWorld(entryRateWorld(0.5), base).input).toEqual({ suppliers: { entry: { ratePerYear: (base.suppliers.entry.ratePerYear as number) / 2 } } });
    const vol = resolveWorld(WORLDS.find((x) => x.name === 'volatility x2')!, base).input as { market: { demand: Record<string, number> } };
    expect(vol.market.demand).toEqual({ macroVolatility: 0.08, cellVolatility: 0.16 });
  });
});

describe('robustness: a small real run', () => {
  const small: ConfigInput = { suppliers: { initialCount: 80 }, run: { burnInYears: 2, horizonYears: 3 } };
  const policies = { riskSharing: { policy: { minimumVolumeShare: 0.6 } }, smallerContracts: { policy: { lotSplit: 2 } } };
  const worlds: World[] = [REFERENCE_WORLD, allocationWorld('rank'), demandFallWorld(-0.3, 2), entryRateWorld(2)];
  const options = { runs: 3, seed: 5, worlds };
  let cached: ReturnType<typeof robustness> | undefined;
  /** The check of `policies` in `worlds`, run once for the tests that only read it. */
  const checked = () => (cached ??= robustness(small, policies, options));

  it('has a verdict per policy and outcome, with every world’s change; the same seed gives byte-identical JSON', async () => {
    const r = await checked();
    expect(r.kind).toBe('framework-agreement-sim/robustness');
    expect(r.runs).toBe(3);
    expect(r.seed).toBe('5'); // the canonical text form
    expect(r.baseline).toBe('today');
    expect(r.policies).toEqual(['riskSharing', 'smallerContracts']);
    expect(r.metrics).toEqual(ROBUSTNESS_METRICS);
    expect(r.worlds.map((x) => x.name)).toEqual(['reference', 'rank allocation', 'demand -30%', 'entry x2']);
    expect(r.worlds.map((x) => x.setting)).toEqual(['none', 'allocation rule', 'demand fall', 'entry rate']);
    for (const p of r.policies) {
      expect(Object.keys(r.verdicts[p]!)).toEqual([...ROBUSTNESS_METRICS]);
      for (const m of ROBUSTNESS_METRICS) {
        const cell = r.verdicts[p]![m]!;
        expect(['holds', 'depends', 'reverses', 'none']).toContain(cell.verdict);
        expect(cell.worlds.map((x) => x.world)).toEqual(r.worlds.map((x) => x.name));
        expect(cell.basis).toBe('modelled');
        cell.worlds.forEach((x, k) => expect(x.mean).toBe(r.worlds[k]!.result.differences[p]![m].mean));
      }
    }
    const again = await robustness(small, policies, options);
    expect(JSON.stringify(again)).toBe(JSON.stringify(r));
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('each world’s comparison is a plain compare() in that world, and robustnessOf rebuilds the verdicts from them', async () => {
    const r = await checked();
    const base = parseConfig(small);
    const plain = [];
    for (const [k, world] of worlds.entries()) {
      const resolved = resolveWorld(world, base);
      expect(r.worlds[k]!.input).toEqual(resolved.input);
      const c = await compare(mergeOver(small, resolved.input) as ConfigInput, policies, { runs: 3, seed: 5, rows: false, series: false });
      expect(JSON.stringify(r.worlds[k]!.result)).toBe(JSON.stringify(c));
      plain.push(c);
    }
    const rebuilt = robustnessOf(r.worlds.map(({ result: _, ...world }) => world), plain);
    expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(r));
  });

  it('uses a given reference instead of running the first world, and checks that it is that world’s', async () => {
    const reference = await compare(small, policies, { runs: 3, seed: 5, rows: false, series: false });
    let runsDone = 0;
    const r = await robustness(small, policies, { ...options, reference, executor: serialExecutor, onProgress: (p) => (runsDone = p.done) });
    expect(runsDone).toBe(3 * 3); // three more worlds of three runs
    expect(JSON.stringify(r)).toBe(JSON.stringify(await checked()));
    const other = await compare(small, policies, { runs: 3, seed: 6, rows: false, series: false });
    await expect(robustness(small, policies, { ...options, reference: other })).rejects.toThrow(/options\.reference/);
  });

  it('rejects bad worlds and outcomes before any run, with paths naming the world', async () => {
    const reject = (o: object) => robustness(small, policies, { ...options, ...o });
    await expect(reject({ worlds: [] })).rejects.toThrow(ConfigError);
    await expect(reject({ worlds: [REFERENCE_WORLD, REFERENCE_WORLD] })).rejects.toThrow(/used twice/);
    await expect(reject({ metrics: ['smallCohortSurvivl'] })).rejects.toThrow(/options\.metrics: unknown outcome "smallCohortSurvivl"/);
    const broken: World = { name: 'broken', setting: 'entry rate', description: 'no', input: { suppliers: { entry: { ratePerYear: -1 } } } };
    await expect(reject({ worlds: [REFERENCE_WORLD, broken] })).rejects.toThrow(/worlds\[1\] \(broken\)\.suppliers\.entry\.ratePerYear/);
  });

  it('as tidy rows: one per policy, outcome and world, each the cell it came from', async () => {
    const r = await checked();
    const rows = robustnessRows(r);
    expect(rows).toHaveLength(r.policies.length * r.metrics.length * r.worlds.length);
    let k = 0;
    for (const policy of r.policies) {
      for (const metric of r.metrics) {
        const cell = r.verdicts[policy]![metric]!;
        cell.worlds.forEach((w, j) => {
          const row = rows[k++]!;
          expect(row).toEqual({
            policy, baseline: 'today', metric, unit: OUTCOME_METRICS[metric].unit, world: r.worlds[j]!.name, setting: w.setting,
            change: w.mean, lower: w.lower, upper: w.upper, n: 3, noVariation: w.noVariation, status: w.status,
            verdict: cell.verdict, judgement: cell.judgement, basis: cell.basis,
          });
        });
      }
    }
    // Plain rows: CSV as they are, one line per row after the header.
    expect(toWideCsv(rows).trimEnd().split('\n')).toHaveLength(rows.length + 1);
  });

  it('fits columns into blocks no wider than asked', () => {
    expect(fitColumns([10, 20, 20, 20], 60)).toEqual([[1, 2], [3]]);
    expect(fitColumns([10, 20, 20, 20], 200)).toEqual([[1, 2, 3]]);
    // A column wider than the width still gets a block of its own.
    expect(fitColumns([10, 80, 5], 40)).toEqual([[1], [2]]);
  });

  it('prints a short verdict per policy and the per-world table', async () => {
    const r = await robustness(small, { ...policies, renamed: { policy: { name: 'renamed' } } }, options);
    const summary = formatRobustnessSummary(r);
    expect(summary).toMatch(/^Does it hold in other worlds\? Each policy against today in 4 worlds, 3 paired runs in each:\n/);
    expect(summary).toMatch(/^reference \(the base config as given\), rank allocation \(allocation rule\), demand -30% \(demand fall\),\s+entry x2 \(entry rate\)\.$/m);
    expect(summary).toMatch(/^ {2}riskSharing {2,}\S/m);
    expect(summary).toMatch(/^ {2}renamed {2,}no change in any world$/m);
    for (const line of summary.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(110);
    const table = formatRobustnessTable(r);
    expect(table).toMatch(/^smallerContracts: More, smaller contracts$/m);
    expect(table).toMatch(/^renamed: renamed$/m);
    // Ten outcomes print as blocks of columns that fit in 110 characters, each with the worlds' rows
    // and the verdicts; together they hold every outcome once, in order.
    const headerLines = table.split('\n').filter((l) => /^ {2}world /.test(l));
    const blocks = headerLines.length / 3;
    expect(blocks).toBeGreaterThanOrEqual(2);
    expect(headerLines.slice(0, blocks).join(' ').split(/ {2,}/).filter((h) => h !== '' && h.trim() !== 'world').map((h) => h.trim())).toEqual([
      'small survival (pp)', 'non-profit survival (pp)', 'top-15 share (pp)', 'HHI', 'on agreements', 'unserved (pp)', 'cost/year (MNOK)', 'cost/week (NOK)', 'quality', 'extra transitions',
    ]);
    for (const l of table.split('\nWorlds:')[0]!.split('\n')) expect(l.length).toBeLessThanOrEqual(110);
    expect(table.match(/^ {2}verdict /gm)).toHaveLength(3 * blocks);
    expect(table).toMatch(/^ {2}rank allocation {2}allocation rule: call-offs go down a ranked cascade/m);
  });
});
