import { beforeAll, describe, expect, it } from 'vitest';
import { compare, sweep, type ExperimentOutput, type SweepOutput } from '../../src/experiment/index.js';
import { simulate } from '../../src/simulate.js';
import {
  chartsFor,
  concentrationChart,
  forestPlot,
  HEADLINE_OUTCOMES,
  runChart,
  survivalChart,
  sweepChart,
  VEGA_LITE_MIME,
  VEGA_LITE_SCHEMA,
  type TidyRow,
  type VegaLiteSpec,
} from '../../src/report/index.js';
import { axisTitle } from '../../src/report/chartParts.js';
import { AWKWARD, handExperiment, handSweep } from './fixture.js';
import { compileAndDraw } from '../helpers/drawChart.js';

const policiesOf = (spec: VegaLiteSpec) => new Set(((spec.data as { values: TidyRow[] }).values).map((r) => r.policy));

const small = { run: { burnInYears: 1, horizonYears: 2 }, suppliers: { initialCount: 300 } } as const;
let experiment: ExperimentOutput;
let numericSweep: SweepOutput;

beforeAll(async () => {
  experiment = await compare(small, { guarantee: { policy: { minimumVolumeShare: 0.3 } }, 'split lots': { policy: { lotSplit: 2 } } }, { runs: 3, seed: 3, rows: false });
  numericSweep = await sweep(small, 'policy.minimumVolumeShare', [0, 0.85, 0.95], { runs: 2, seed: 3, rows: false, series: false });
});

describe('chart specs', () => {
  it('are Vega-Lite 5 specs with inline data', () => {
    const spec = survivalChart(experiment);
    expect(spec.$schema).toBe(VEGA_LITE_SCHEMA);
    expect(Object.keys(spec)[0]).toBe('$schema');
    expect(Array.isArray((spec.data as { values: unknown }).values)).toBe(true);
  });

  it('survivalChart: a band and a line per cohort panel, every policy, both cohorts', async () => {
    const spec = survivalChart(experiment);
    const { marks, svg } = await compileAndDraw(spec);
    expect(marks).toEqual({ area: 2, line: 2 });
    expect(policiesOf(spec)).toEqual(new Set(['today', 'guarantee', 'split lots']));
    const rows = (spec.data as { values: TidyRow[] }).values;
    expect(new Set(rows.map((r) => r.metric))).toEqual(new Set(['smallCohortSurvival', 'nonProfitCohortSurvival']));
    const inBand = (r: TidyRow) => (r.lower === undefined ? r.upper === undefined && r.sd === 0 : r.lower <= r.value && r.value <= r.upper!);
    expect(rows.every((r) => r.statistic === 'mean' && r.period !== undefined && inBand(r))).toBe(true);
    // Periods in which every run gave the same share (all non-profits still operating, in a short run) have no band, only the line.
    const withoutVariation = experiment.policies.flatMap((p) =>
      (['smallCohortSurvival', 'nonProfitCohortSurvival'] as const).flatMap((m) => p.series![m].flatMap((s, period) => (s.noVariation ? [`${p.name} ${m} ${period}`] : []))),
    );
    expect(withoutVariation.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.lower === undefined).map((r) => `${r.policy} ${r.metric} ${r.period}`)).toEqual(withoutVariation);
    for (const text of ['split lots', 'guarantee', 'Years since policy start', 'Share still operating', '(share 0-1)', 'Suppliers small at policy start']) expect(svg).toContain(text);
  });

  it('concentrationChart: two panels with their units', async () => {
    const spec = concentrationChart(experiment);
    const { marks, svg } = await compileAndDraw(spec);
    expect(marks).toEqual({ area: 2, line: 2 });
    expect(policiesOf(spec)).toEqual(new Set(['today', 'guarantee', 'split lots']));
    for (const text of ['Top-15 share of', 'payments (share 0-1)', 'Suppliers operating', '(suppliers)']) expect(svg).toContain(text);
  });

  it('series charts say to run with series: true when the summaries are missing', async () => {
    expect(() => survivalChart(numericSweep)).toThrow('survivalChart needs the per-period series summaries: run the experiment with series: true');
    expect(() => concentrationChart(numericSweep)).toThrow('concentrationChart needs the per-period series summaries: run the experiment with series: true');
  });

  it('forestPlot: per outcome a zero line, an interval and a point for every variant', async () => {
    const spec = forestPlot(experiment);
    const { marks, svg } = await compileAndDraw(spec);
    const k = HEADLINE_OUTCOMES.length;
    // In this small experiment the 30 % guarantee never pays, so guarantee payments do not vary:
    // that panel has no interval to draw (an interval layer over no values warns of an infinite extent).
    expect(marks).toEqual({ rule: 2 * k - 1, symbol: k });
    expect(policiesOf(spec)).toEqual(new Set(['guarantee', 'split lots']));
    expect((spec.data as { values: TidyRow[] }).values).toHaveLength(2 * k);
    expect(svg).toContain('Small suppliers still operating at the end');
    expect(svg).toContain('Difference (NOK per year)');
    const two = forestPlot(experiment, ['lots', 'meanQuality']);
    expect((await compileAndDraw(two)).marks).toEqual({ rule: 4, symbol: 2 });
  });

  it('forestPlot refuses a plain Monte Carlo and unknown outcomes', () => {
    const single = { ...handExperiment(), differences: {} };
    expect(() => forestPlot(single, ['lots'])).toThrow('forestPlot needs policies compared with a baseline');
    expect(() => forestPlot(experiment, ['lots', 'lot' as never])).toThrow('forestPlot: metrics[1]: no outcome is named "lot"');
    expect(() => forestPlot(experiment, [])).toThrow('forestPlot: metrics: give at least one outcome');
  });

  it('sweepChart: a band, a line and points over numeric values', async () => {
    const spec = sweepChart(numericSweep, 'guaranteePaymentsPerYear');
    const { marks, svg } = await compileAndDraw(spec);
    expect(marks).toEqual({ area: 1, line: 1, symbol: 1 });
    const rows = (spec.data as { values: TidyRow[] }).values;
    expect(rows.map((r) => r.parameterValue)).toEqual([0, 0.85, 0.95]);
    expect(rows[0]!.value).toBe(0);
    expect(rows[2]!.value).toBeGreaterThan(rows[1]!.value);
    expect(svg).toContain('policy.minimumVolumeShare');
    for (const text of ['Payments for unused', 'guaranteed capacity per', 'year (NOK per year)']) expect(svg).toContain(text);
    expect(() => sweepChart(numericSweep, 'lot' as never)).toThrow('sweepChart: metric[0]: no outcome is named "lot"');
  });

  it('sweepChart: points with interval lines over text values, in the order swept', async () => {
    const text = { ...handSweep(), parameter: 'policy.scoringRule', values: ['linear', 'relative'] };
    const spec = sweepChart(text, 'lots');
    const { marks } = await compileAndDraw(spec);
    expect(marks).toEqual({ rule: 1, symbol: 1 });
    expect((spec.data as { values: TidyRow[] }).values.map((r) => r.parameterValue)).toEqual(['linear', 'relative']);
  });

  it('charts of the hand-made experiment draw awkward policy names', async () => {
    for (const spec of [survivalChart(handExperiment()), forestPlot(handExperiment(), ['lots', 'smallCohortSurvival'])]) {
      await compileAndDraw(spec);
      expect(policiesOf(spec).has(AWKWARD)).toBe(true);
    }
  });

  it('forestPlot draws variants named like properties of Object.prototype, in the order given', async () => {
    const names = ['toString', 'constructor', '__proto__', 'valueOf'];
    const base = handExperiment();
    const own = base.policies[1]!;
    const difference = base.differences[AWKWARD]!;
    const differences = {};
    for (const name of names) Object.defineProperty(differences, name, { value: difference, enumerable: true });
    const result = { ...base, policies: [base.policies[0]!, ...names.map((name) => ({ ...own, name }))], differences, rows: [] };
    const spec = forestPlot(result, ['lots']);
    const { svg } = await compileAndDraw(spec);
    expect(policiesOf(spec)).toEqual(new Set(names));
    const labels = [...svg.matchAll(/<text[^>]*>(toString|constructor|__proto__|valueOf)<\/text>/g)].map((m) => m[1]);
    expect(labels).toEqual(names);
  });

  it('runChart: one line panel per series of one run', async () => {
    const run = simulate(small, 4);
    const { marks } = await compileAndDraw(runChart(run));
    expect(marks).toEqual({ line: 4 });
    expect(() => runChart(run, ['hh' as never])).toThrow('runChart: metrics[0]: no series is named "hh"');
  });
});

describe('axisTitle', () => {
  it('wraps a label and its unit into lines of at most 22 characters', () => {
    expect(axisTitle('Top-15 share of payments', 'share 0-1')).toEqual(['Top-15 share of', 'payments (share 0-1)']);
    expect(axisTitle('Lots', 'lots')).toEqual(['Lots (lots)']);
    expect(axisTitle('Cost per participant-week', 'NOK per participant-week')).toEqual(['Cost per', 'participant-week (NOK', 'per participant-week)']);
  });
});

describe('chartsFor', () => {
  it('lists the charts that apply, each named, titled and drawable', async () => {
    expect(chartsFor(experiment).map((c) => c.name)).toEqual(['survival', 'concentration', 'differences']);
    expect(chartsFor(numericSweep).map((c) => c.name)).toEqual([...HEADLINE_OUTCOMES.map((m) => `sweep-${m}`), 'differences']);
    expect(chartsFor(simulate(small, 4)).map((c) => c.name)).toEqual(['run']);
    const single = { ...handExperiment(), differences: {} };
    expect(chartsFor(single).map((c) => c.name)).toEqual(['survival', 'concentration']);
    for (const chart of [...chartsFor(experiment), chartsFor(numericSweep)[0]!]) {
      expect(chart.title.length).toBeGreaterThan(0);
      expect(chart.caption.length).toBeGreaterThan(0);
      await compileAndDraw(chart.spec);
    }
  });
});

describe('notebook display', () => {
  it('a spec displays itself as a Vega-Lite MIME bundle that JSON leaves out', () => {
    for (const spec of [survivalChart(experiment), forestPlot(experiment), sweepChart(numericSweep, 'lots'), runChart(simulate(small, 4))]) {
      const display = (spec as unknown as Record<symbol, () => Record<string, unknown>>)[Symbol.for('Jupyter.display')];
      expect(typeof display).toBe('function');
      const bundle = display!();
      expect(Object.keys(bundle)).toEqual([VEGA_LITE_MIME]);
      expect(VEGA_LITE_MIME).toBe('application/vnd.vegalite.v5+json');
      const json = JSON.stringify(spec);
      expect(bundle[VEGA_LITE_MIME]).toEqual(JSON.parse(json));
      expect(json).not.toContain('Jupyter');
      expect(Object.keys(spec)).not.toContain('Jupyter.display');
      expect(Object.getOwnPropertySymbols({ ...spec })).toEqual([]);
      expect(Object.getOwnPropertyDescriptor(spec, Symbol.for('Jupyter.display'))!.enumerable).toBe(false);
    }
  });
});
