import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulate.js';
import type { SimulationResult } from '../../src/model/result.js';

// Issue "market model v2", item 7: after burn-in, under today's policy, key series do not drift,
// so a policy is compared with a settled market and not during a transient. For each series: the
// OLS slope per year of its yearly means in each run, averaged over runs; its drift over the whole
// horizon (slope x years) must lie within half the series' practical tolerance (the calibration
// tolerance where there is one) plus three Monte Carlo standard errors.
const RUNS = 24;

type Yearly = (r: SimulationResult, year: number) => number;

function yearMean(r: SimulationResult, key: keyof SimulationResult['series'], year: number): number {
  const P = r.periodsPerYear;
  const xs = r.series[key].slice(year * P, (year + 1) * P);
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function yearSum(r: SimulationResult, key: keyof SimulationResult['series'], year: number): number {
  const P = r.periodsPerYear;
  return r.series[key].slice(year * P, (year + 1) * P).reduce((a, b) => a + b, 0);
}

const SERIES: ReadonlyArray<readonly [string, Yearly, number]> = [
  ['suppliers operating', (r, y) => yearMean(r, 'activeSuppliers', y), 40],
  ['suppliers on agreements', (r, y) => yearMean(r, 'tenderedSuppliers', y), 40],
  ['unserved share', (r, y) => yearSum(r, 'unservedDemand', y) / yearSum(r, 'demand', y), 0.02],
  ['top-15 share', (r, y) => yearMean(r, 'top15Share', y), 0.04],
  ['mean margin', (r, y) => yearMean(r, 'meanMargin', y), 0.015],
  ['insolvencies a year', (r, y) => yearSum(r, 'exitsInsolvency', y), 2],
];

function slope(ys: readonly number[]): number {
  const n = ys.length;
  const xm = (n - 1) / 2;
  const ym = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - xm) * (y - ym);
    den += (x - xm) ** 2;
  });
  return num / den;
}

describe('the baseline does not drift after burn-in', () => {
  const runs = Array.from({ length: RUNS }, (_, k) => simulate({}, `stationarity#${k}`));
  const years = runs[0]!.horizonPeriods / runs[0]!.periodsPerYear;

  it.each(SERIES.map(([name, of, tolerance]) => [name, of, tolerance] as const))('%s', (name, of, tolerance) => {
    const slopes = runs.map((r) => slope(Array.from({ length: years }, (_, y) => of(r, y))));
    const mean = slopes.reduce((a, b) => a + b, 0) / RUNS;
    const se = Math.sqrt(slopes.reduce((a, b) => a + (b - mean) ** 2, 0) / (RUNS - 1) / RUNS);
    const drift = mean * years;
    expect(Math.abs(drift), `${name}: drift ${drift} over ${years} years (se ${se * years})`).toBeLessThanOrEqual(tolerance / 2 + 3 * se * years);
  });
});
