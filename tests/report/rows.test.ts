import { describe, expect, it } from 'vitest';
import { compare, sweep } from '../../src/experiment/index.js';
import { simulate } from '../../src/simulate.js';
import { OUTCOME_METRICS, SERIES_METRICS } from '../../src/model/metrics.js';
import { experimentRows, parameterValueOf, runRows, sweepRows, TIDY_COLUMNS, toRows, type TidyRow } from '../../src/report/index.js';
import { tinyConfig } from '../helpers/tinyMarket.js';
import { AWKWARD, handExperiment, handSweep } from './fixture.js';

const OUTCOMES = Object.keys(OUTCOME_METRICS).length;
const SERIES = Object.keys(SERIES_METRICS).length;

function inColumnOrder(row: TidyRow): boolean {
  const order = Object.keys(row).map((k) => TIDY_COLUMNS.indexOf(k as never));
  return order.every((v, k) => v >= 0 && (k === 0 || v > order[k - 1]!));
}

describe('experimentRows on a hand-made experiment', () => {
  const rows = experimentRows(handExperiment());

  it('lists each policy mean with its interval, n and sd', () => {
    expect(rows.slice(0, 4)).toEqual([
      { policy: 'today', statistic: 'mean', metric: 'smallCohortSurvival', unit: 'share 0-1', value: 0.5, lower: 0.4, upper: 0.6, n: 2, sd: 0.05 },
      // Both runs gave 3: no variation, so no zero-width interval [3, 3].
      { policy: 'today', statistic: 'mean', metric: 'lots', unit: 'lots', value: 3, n: 2, sd: 0 },
      { policy: AWKWARD, statistic: 'mean', metric: 'smallCohortSurvival', unit: 'share 0-1', value: 0.75, lower: 0.7, upper: 0.8, n: 2, sd: 0.02 },
      { policy: AWKWARD, statistic: 'mean', metric: 'lots', unit: 'lots', value: 4, lower: 2, upper: 6, n: 2, sd: 1 },
    ]);
  });

  it('lists paired differences with the baseline and probabilityBetter only where an outcome has a direction', () => {
    expect(rows.slice(4, 6)).toEqual([
      { policy: AWKWARD, statistic: 'difference', baseline: 'today', metric: 'smallCohortSurvival', unit: 'share 0-1', value: 0.25, lower: 0.125, upper: 0.375, n: 2, sd: 0.01, probabilityBetter: 1 },
      { policy: AWKWARD, statistic: 'difference', baseline: 'today', metric: 'lots', unit: 'lots', value: 1, lower: -5.5, upper: 7.5, n: 2, sd: 1e-300 },
    ]);
  });

  it('lists series means per period with year = period / periodsPerYear', () => {
    const survival = rows.filter((r) => r.period !== undefined && r.metric === 'smallCohortSurvival' && r.policy === 'today');
    expect(survival).toEqual([
      { policy: 'today', statistic: 'mean', period: 0, year: 0, metric: 'smallCohortSurvival', unit: 'share 0-1', value: 0.9, lower: 0.9 - 0.1, upper: 0.9 + 0.1, n: 2, sd: 0.01 },
      { policy: 'today', statistic: 'mean', period: 1, year: 0.25, metric: 'smallCohortSurvival', unit: 'share 0-1', value: 0.9 - 0.1, lower: 0.9 - 0.2, upper: 0.9, n: 2, sd: 0.02 },
      { policy: 'today', statistic: 'mean', period: 2, year: 0.5, metric: 'smallCohortSurvival', unit: 'share 0-1', value: 0.9 - 0.2, lower: 0.9 - 0.3, upper: 0.9 - 0.1, n: 2, sd: 0.03 },
    ]);
    expect(rows.filter((r) => r.period !== undefined)).toHaveLength(2 * 4 * 3);
  });

  it('ends with the per-run rows', () => {
    expect(rows.slice(-2)).toEqual([
      { policy: AWKWARD, statistic: 'value', replication: 1, seed: '7#1', metric: 'smallCohortSurvival', unit: 'share 0-1', value: 0.76 },
      { policy: AWKWARD, statistic: 'value', replication: 1, seed: '7#1', metric: 'lots', unit: 'lots', value: 5 },
    ]);
    expect(rows).toHaveLength(4 + 2 + 24 + 8);
  });

  it('keeps keys in column order and never holds undefined or null', () => {
    for (const row of rows) {
      expect(inColumnOrder(row)).toBe(true);
      expect(Object.values(row).every((v) => v !== undefined && v !== null)).toBe(true);
    }
  });

  it('selects parts and metrics, in the fixed part order', () => {
    const some = experimentRows(handExperiment(), { parts: ['runs', 'differences'], metrics: ['lots'] });
    expect(some.map((r) => r.statistic)).toEqual(['difference', 'value', 'value', 'value', 'value']);
    expect(some.every((r) => r.metric === 'lots')).toBe(true);
  });

  it('refuses parts the result lacks and unknown names, with the path', () => {
    const { rows: _rows, ...withoutRows } = handExperiment();
    const noSeries = { ...handExperiment(), policies: handExperiment().policies.map(({ series: _s, ...p }) => p) };
    expect(() => experimentRows(withoutRows, { parts: ['runs'] })).toThrow('options.parts[0]: the result has no per-run rows; run the experiment with rows: true');
    expect(() => experimentRows(noSeries, { parts: ['outcomes', 'series'] })).toThrow('options.parts[1]: the result has no series summaries; run the experiment with series: true');
    expect(() => experimentRows(handExperiment(), { parts: ['mean' as never] })).toThrow(/options.parts\[0\]: expected one of/);
    expect(() => experimentRows(handExperiment(), { metrics: ['lots', 'lot'] })).toThrow('options.metrics[1]: no outcome or series is named "lot"');
    // Without the option, absent parts are simply left out.
    expect(experimentRows(noSeries).some((r) => r.period !== undefined)).toBe(false);
    expect(experimentRows(withoutRows).some((r) => r.statistic === 'value')).toBe(false);
  });
});

describe('sweepRows', () => {
  it('adds the parameter and each policy value to every row', () => {
    const rows = sweepRows(handSweep());
    expect(rows[0]).toEqual({
      policy: 'policy.lotSplit=1', parameter: 'policy.lotSplit', parameterValue: 1, statistic: 'mean', metric: 'smallCohortSurvival', unit: 'share 0-1', value: 0.5, lower: 0.4, upper: 0.6, n: 2, sd: 0.05,
    });
    expect(rows[4]).toMatchObject({ policy: 'policy.lotSplit=2.5', parameterValue: 2.5, statistic: 'difference', baseline: 'policy.lotSplit=1' });
    expect(rows.every((r) => r.parameter === 'policy.lotSplit' && (r.parameterValue === 1 || r.parameterValue === 2.5) && inColumnOrder(r))).toBe(true);
    expect(rows).toHaveLength(experimentRows(handSweep()).length);
  });

  it('writes values that are not numbers as their JSON text, as in the policy names', () => {
    expect(parameterValueOf(0.3)).toBe(0.3);
    expect(parameterValueOf('rank')).toBe('rank');
    expect(parameterValueOf(true)).toBe('true');
    expect(parameterValueOf([1, 2])).toBe('[1,2]');
  });

  it('a real sweep over a text value', async () => {
    const s = await sweep(tinyConfig(), 'policy.scoringRule', ['relative', 'linear'], { runs: 2, series: false });
    const rows = sweepRows(s, { parts: ['outcomes'], metrics: ['lots'] });
    expect(rows.map((r) => [r.policy, r.parameterValue])).toEqual([
      ['policy.scoringRule="relative"', 'relative'],
      ['policy.scoringRule="linear"', 'linear'],
    ]);
  });

  it('refuses a sweep whose values do not match its policies', () => {
    expect(() => sweepRows({ ...handSweep(), values: [1] })).toThrow('sweepRows: the sweep has 1 values but 2 policies');
  });
});

describe('runRows', () => {
  it('gives every series value per period and every outcome of one run', () => {
    const config = tinyConfig();
    const r = simulate(config, 5);
    const rows = runRows(r);
    expect(rows).toHaveLength(SERIES * r.horizonPeriods + OUTCOMES);
    expect(rows[0]).toEqual({ policy: r.policy, statistic: 'value', seed: '5', period: 0, year: 0, metric: 'hhi', unit: 'index 0-1', value: r.series.hhi[0] });
    const cost = rows.filter((x) => x.metric === 'buyerCost' && x.period !== undefined);
    expect(cost.map((x) => x.value)).toEqual(r.series.buyerCost);
    expect(cost.map((x) => x.year)).toEqual([0, 0.25, 0.5, 0.75]);
    const outcome = rows.find((x) => x.metric === 'buyerCostPerYear');
    expect(outcome).toEqual({ policy: r.policy, statistic: 'value', seed: '5', metric: 'buyerCostPerYear', unit: 'NOK per year', value: r.outcomes.buyerCostPerYear });
    expect(toRows(r)).toEqual(rows);
  });
});

describe('rows of a real experiment agree with its runs', () => {
  it('means, differences and per-run rows tell the same story', async () => {
    const r = await compare(tinyConfig({ market: { demand: { cellVolatility: 0.1, macroVolatility: 0.05 } } }), { guarantee: { policy: { minimumVolumeShare: 0.9, suppliersPerAgreement: 2 } } }, { runs: 3, seed: 1 });
    const rows = toRows(r);
    const periods = r.policies[0]!.series!.hhi.length;
    expect(rows.filter((x) => x.statistic === 'mean' && x.period === undefined)).toHaveLength(2 * OUTCOMES);
    expect(rows.filter((x) => x.statistic === 'difference')).toHaveLength(OUTCOMES);
    expect(rows.filter((x) => x.period !== undefined)).toHaveLength(2 * SERIES * periods);
    expect(rows.filter((x) => x.statistic === 'value')).toHaveLength(3 * 2 * OUTCOMES);
    const runValues = (policy: string, metric: string) =>
      rows.filter((x) => x.statistic === 'value' && x.policy === policy && x.metric === metric).sort((a, b) => a.replication! - b.replication!).map((x) => x.value);
    for (const metric of ['buyerCostPerYear', 'meanQuality', 'costPerParticipantWeek']) {
      const today = runValues('today', metric);
      const guarantee = runValues('guarantee', metric);
      const mean = rows.find((x) => x.statistic === 'mean' && x.period === undefined && x.policy === 'guarantee' && x.metric === metric)!;
      expect(mean.value).toBeCloseTo(guarantee.reduce((a, b) => a + b) / 3, 9);
      const diff = rows.find((x) => x.statistic === 'difference' && x.metric === metric)!;
      expect(diff.baseline).toBe('today');
      expect(diff.value).toBeCloseTo(guarantee.reduce((a, b, i) => a + b - today[i]!, 0) / 3, 9);
      expect(diff.lower).toBeLessThanOrEqual(diff.value);
      expect(diff.upper).toBeGreaterThanOrEqual(diff.value);
    }
  });

  it('toRows refuses what is not a result', () => {
    expect(() => toRows({} as never)).toThrow('toRows: expected the result of simulate, an experiment');
    expect(() => toRows(null as never)).toThrow('toRows: expected a result object, got null');
  });

  it('toRows sends a sweep to sweepRows', () => {
    expect(toRows(handSweep())).toEqual(sweepRows(handSweep()));
    expect(toRows(handExperiment())).toEqual(experimentRows(handExperiment()));
  });
});
