import { addToSketch, emptySketch, mergeSketch, sketchQuantile, type QuantileSketch } from '../metrics/quantileSketch.js';
import { addToSum, emptySum, mergeSum, sumValue, type ExactSum } from '../metrics/exactSum.js';
import { studentTQuantile } from '../metrics/studentT.js';

/** Relative accuracy of the quantiles in every summary (0.1 %). */
export const QUANTILE_ACCURACY = 0.001;

/** Running totals of one metric over many runs; merges exactly (see exactSum, quantileSketch). */
export interface MetricTotals {
  n: number;
  sum: ExactSum;
  sumOfSquares: ExactSum;
  min: number;
  max: number;
  sketch: QuantileSketch;
}

/** What many runs say about one metric. */
export interface Summary {
  /** Number of runs. */
  n: number;
  mean: number;
  /** Sample standard deviation (n - 1 in the denominator; 0 for one run, and 0 exactly when there is no variation). */
  sd: number;
  /** Standard error of the mean, sd / sqrt(n). */
  se: number;
  /**
   * 95 % confidence interval of the mean, mean -/+ t(0.975, n - 1) x se. Only an interval when
   * {@link hasInterval} is true: with one run, or with no variation, lower = upper = mean, which says
   * nothing about the uncertainty of the mean (reports print "n/a" or "no variation in N runs").
   */
  lower: number;
  upper: number;
  /**
   * True when at least two runs were summarised and all gave exactly the same value (min = max).
   * Then sd and se are 0 and the zero-width "interval" is not a certain result: the runs cannot
   * tell how much the mean would move with more of them. A 0/1 outcome with a rare event, or the
   * paired difference of two policies that rarely differ, often shows no variation in a few dozen runs.
   */
  noVariation: boolean;
  min: number;
  max: number;
  /** Quantiles across runs (from a sketch with 0.1 % relative accuracy). */
  q05: number;
  q25: number;
  q50: number;
  q75: number;
  q95: number;
}

/**
 * t(0.975, df) of the last df asked for: every summary of one result has the same n, and the exact
 * quantile costs a root search, so it is computed once per result rather than once per summary.
 */
let lastT975: { df: number; t: number } = { df: 0, t: 0 };

function t975(df: number): number {
  if (lastT975.df !== df) lastT975 = { df, t: studentTQuantile(0.975, df) };
  return lastT975.t;
}

/**
 * Whether a summary's lower and upper make a 95 % interval: it has at least two runs, and they
 * vary ({@link Summary.noVariation} is false). Reports print no interval otherwise.
 * @example
 * const s = summarise(totals);
 * const text = hasInterval(s) ? `[${s.lower}, ${s.upper}]` : s.noVariation ? `no variation in ${s.n} runs` : 'n/a';
 */
export function hasInterval(s: Pick<Summary, 'n' | 'noVariation'>): boolean {
  return s.n >= 2 && !s.noVariation;
}

/** Empty totals. */
export function emptyTotals(): MetricTotals {
  // min and max mean nothing while n is 0; they start at 0 so the totals stay JSON-safe.
  return { n: 0, sum: emptySum(), sumOfSquares: emptySum(), min: 0, max: 0, sketch: emptySketch(QUANTILE_ACCURACY) };
}

/** Adds one run's value. */
export function addValue(t: MetricTotals, x: number): void {
  if (t.n === 0 || x < t.min) t.min = x;
  if (t.n === 0 || x > t.max) t.max = x;
  t.n++;
  addToSum(t.sum, x);
  addToSum(t.sumOfSquares, x * x);
  addToSketch(t.sketch, x);
}

/** Adds `other` into `target`. */
export function mergeTotals(target: MetricTotals, other: MetricTotals): void {
  if (other.n === 0) return;
  if (target.n === 0 || other.min < target.min) target.min = other.min;
  if (target.n === 0 || other.max > target.max) target.max = other.max;
  target.n += other.n;
  mergeSum(target.sum, other.sum);
  mergeSum(target.sumOfSquares, other.sumOfSquares);
  mergeSketch(target.sketch, other.sketch);
}

/**
 * Mean, spread, interval and quantiles from totals.
 *   mean = S1 / n,  sd^2 = (S2 - S1^2 / n) / (n - 1),  se = sd / sqrt(n)
 * With the exact sums S1 and S2 the result does not depend on the order runs were added. When
 * every value is the same (min = max) the mean is that value and sd is 0 exactly (the formula
 * could leave a rounding residue), and two or more runs are flagged `noVariation`.
 * @example
 * const t = emptyTotals();
 * [0, 0, 0].forEach((x) => addValue(t, x));
 * summarise(t); // { n: 3, mean: 0, sd: 0, lower: 0, upper: 0, noVariation: true, ... }
 */
export function summarise(t: MetricTotals): Summary {
  const n = t.n;
  if (n === 0) {
    return { n: 0, mean: 0, sd: 0, se: 0, lower: 0, upper: 0, noVariation: false, min: 0, max: 0, q05: 0, q25: 0, q50: 0, q75: 0, q95: 0 };
  }
  const constant = t.min === t.max;
  const s1 = sumValue(t.sum);
  const mean = constant ? t.min : s1 / n;
  const variance = n > 1 && !constant ? Math.max(0, (sumValue(t.sumOfSquares) - (s1 * s1) / n) / (n - 1)) : 0;
  const sd = Math.sqrt(variance);
  const se = sd / Math.sqrt(n);
  const half = n > 1 ? t975(n - 1) * se : 0;
  // The sketch's representative can sit a hair outside the observed range: clamp to it.
  const q = (p: number) => Math.min(t.max, Math.max(t.min, sketchQuantile(t.sketch, p)));
  return {
    n,
    mean,
    sd,
    se,
    lower: mean - half,
    upper: mean + half,
    noVariation: n > 1 && constant,
    min: t.min,
    max: t.max,
    q05: q(0.05),
    q25: q(0.25),
    q50: q(0.5),
    q75: q(0.75),
    q95: q(0.95),
  };
}
