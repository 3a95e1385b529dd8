import { finaliseExperiment } from '../experiment/result.js';
import { runShard } from '../experiment/shard.js';
import type { ConfigInput } from '../model/config.js';
import { inputError } from '../model/decode.js';
import { OUTCOME_METRICS, type OutcomeMetric } from '../model/metrics.js';
import { normalQuantile } from '../random/normalQuantile.js';
import { studentTQuantile } from '../metrics/studentT.js';
import type { Seed } from '../random/streams.js';

/** Options of the statistical helpers. */
export interface PairedOptions {
  /** Paired replications (default 30). */
  readonly runs?: number;
  /** Master seed (default 1): fixed, so a property gives the same verdict every time it runs. */
  readonly seed?: Seed;
}

/** The paired effect of going from config A to config B on one outcome. */
export interface PairedEffect {
  readonly metric: OutcomeMetric;
  readonly runs: number;
  /** Mean of A and of B over the replications. */
  readonly meanA: number;
  readonly meanB: number;
  /** Mean paired difference B - A, its standard error and 95 % t interval. */
  readonly difference: number;
  readonly se: number;
  readonly lower: number;
  readonly upper: number;
}

const DEFAULT_RUNS = 30;

/**
 * Runs A and B on the same replications (common random numbers: same seeds, same burned-in
 * market when B only changes what the horizon uses) and returns the paired difference B - A on
 * one outcome. Synchronous and deterministic, so it fits inside fast-check properties.
 *
 *   difference = mean_i (B_i - A_i),  se = sd_i(B_i - A_i) / sqrt(runs),  95 % interval = difference -/+ t(0.975, runs - 1) se
 *
 * @example
 * const e = pairedEffect({}, { policy: { minimumVolumeShare: 0.3 } }, 'smallCohortSurvival', { runs: 20 });
 * e.difference; // about +0.016
 */
export function pairedEffect(a: ConfigInput, b: ConfigInput, metric: OutcomeMetric, options: PairedOptions = {}): PairedEffect {
  const runs = options.runs ?? DEFAULT_RUNS;
  if (!Number.isInteger(runs) || runs < 2 || runs > 1_000_000) {
    throw inputError([{ path: 'options.runs', message: `expected an integer in [2, 1000000], got ${String(runs)}` }]);
  }
  if (!Object.prototype.hasOwnProperty.call(OUTCOME_METRICS, metric)) {
    throw inputError([{ path: 'metric', message: `no outcome is named "${String(metric)}"; see OUTCOME_METRICS` }]);
  }
  const spec = { config: a, variants: [{ name: 'B', input: b }], seed: options.seed ?? 1, rows: false, series: false };
  const result = finaliseExperiment(runShard(spec, 0, runs));
  const d = result.differences.B![metric];
  return {
    metric,
    runs,
    meanA: result.policies[0]!.outcomes[metric].mean,
    meanB: result.policies[1]!.outcomes[metric].mean,
    difference: d.mean,
    se: d.se,
    lower: d.lower,
    upper: d.upper,
  };
}

/**
 * The decision rule of {@link assertAtLeastAsGood}: true when a mean gain (positive = better) with
 * standard error `se` over `runs` paired runs is worse than -tolerance beyond doubt, i.e.
 * gain + t(1 - falseFailureRate, runs - 1) x se < -tolerance (one-sided test at that level).
 * @example clearlyWorse(-0.05, 0.01, 30, 0, 0.001) // true: 5 standard errors below 0
 */
export function clearlyWorse(gain: number, se: number, runs: number, tolerance: number, falseFailureRate: number): boolean {
  const q = runs > 1 ? studentTQuantile(1 - falseFailureRate, runs - 1) : normalQuantile(1 - falseFailureRate);
  return gain + q * se < -tolerance;
}

/** Options of {@link assertAtLeastAsGood}. */
export interface AssertOptions extends PairedOptions {
  /** How much worse B may be than A and still pass, in the outcome's unit (default 0). */
  readonly tolerance?: number;
  /**
   * Largest false-failure rate accepted: the probability that the assertion fails although B is
   * truly at most `tolerance` worse (default 0.001). The test is one-sided at this level.
   */
  readonly falseFailureRate?: number;
  /** Which direction is better, for outcomes whose catalogue direction is 'neither'. */
  readonly better?: 'higher' | 'lower';
}

/** Thrown when a statistical assertion fails; carries the effect it measured. */
export class StatisticalAssertionError extends Error {
  readonly effect: PairedEffect;
  constructor(message: string, effect: PairedEffect) {
    super(message);
    this.name = 'StatisticalAssertionError';
    this.effect = effect;
  }
}

/**
 * Asserts that B is at least as good as A on an outcome, within `tolerance`, using paired runs.
 * "Good" follows the outcome's direction (OUTCOME_METRICS[metric].better) or `better`.
 *
 * It fails only when the data are clear that B is worse by more than the tolerance: for a
 * higher-is-better outcome, when difference + q x se < -tolerance, with q the one-sided
 * (1 - falseFailureRate) t quantile. If B is truly at most `tolerance` worse, the chance of a
 * failure is at most `falseFailureRate` (0.1 % by default; exact for normal differences,
 * approximate otherwise; the t quantile is accurate from 10 runs). With a fixed seed the verdict never changes between runs: a property
 * is either true for that seed or reported, never flaky.
 * @throws {StatisticalAssertionError} with the measured effect.
 * @example
 * assertAtLeastAsGood({}, { policy: { minimumVolumeShare: 0.3 } }, 'smallCohortSurvival', { runs: 20 });
 */
export function assertAtLeastAsGood(a: ConfigInput, b: ConfigInput, metric: OutcomeMetric, options: AssertOptions = {}): PairedEffect {
  const tolerance = options.tolerance ?? 0;
  const rate = options.falseFailureRate ?? 0.001;
  if (!(tolerance >= 0) || !Number.isFinite(tolerance)) {
    throw inputError([{ path: 'options.tolerance', message: `expected a finite number of at least 0, got ${String(tolerance)}` }]);
  }
  if (!(rate > 0 && rate < 0.5)) {
    throw inputError([{ path: 'options.falseFailureRate', message: `expected a number in (0, 0.5), got ${String(rate)}` }]);
  }
  const direction = options.better ?? OUTCOME_METRICS[metric]?.better;
  if (direction !== 'higher' && direction !== 'lower') {
    throw inputError([
      { path: 'options.better', message: `"${String(metric)}" has no better direction; say whether higher or lower is better` },
    ]);
  }
  const effect = pairedEffect(a, b, metric, options);
  // Signed so that positive means "B better".
  const gain = direction === 'higher' ? effect.difference : -effect.difference;
  if (clearlyWorse(gain, effect.se, effect.runs, tolerance, rate)) {
    throw new StatisticalAssertionError(
      `expected B to be at least as good as A on ${metric} (${direction} is better) within ${tolerance}, ` +
        `but B - A = ${effect.difference.toPrecision(4)} (se ${effect.se.toPrecision(3)}, ${effect.runs} paired runs): ` +
        `worse by more than the tolerance with one-sided confidence ${1 - rate}`,
      effect,
    );
  }
  return effect;
}
