import type { ConfigInput } from '../model/config.js';
import { inputError, mergeOver } from '../model/decode.js';
import type { ConfigIssue } from '../model/codecs.js';
import { OUTCOME_METRICS, type OutcomeMetric } from '../model/metrics.js';
import { monteCarlo } from '../experiment/monteCarlo.js';
import { setAt } from '../experiment/sweep.js';
import type { Executor } from '../experiment/executor.js';
import type { Seed } from '../random/streams.js';
import { unitLatinHypercube } from '../random/unitLatinHypercube.js';

export { unitLatinHypercube };
import { nelderMead } from './nelderMead.js';
import { addValue, emptyTotals, summarise } from '../experiment/summary.js';

/** A free parameter of a calibration: a range to search and how a value becomes config. */
export interface CalibrationParameter {
  /** Unique name, used in results. */
  readonly name: string;
  readonly lower: number;
  readonly upper: number;
  /** Where the search starts (default: the middle of the range). */
  readonly start?: number;
  /** A dotted config path the value is written to, such as `behaviour.markupScale`. */
  readonly path?: string;
  /** Or a function that turns the value into a partial config (to move several numbers together). */
  readonly apply?: (value: number) => ConfigInput;
  /** Round to a whole number before use (counts such as `suppliers.initialCount`). */
  readonly integer?: boolean;
  /** What it is and its unit, for reports. */
  readonly description?: string;
}

/**
 * A moment computed from one run's outcomes, for targets that no single outcome measures, such as
 * net entry (entries minus exits per year, 0 in a market that neither grows nor shrinks).
 */
export interface DerivedMoment {
  readonly name: string;
  readonly of: (outcomes: Readonly<Record<OutcomeMetric, number>>) => number;
}

/** A moment to match: the mean across runs of an outcome (or a derived moment), against a value or a range. */
export interface CalibrationTarget {
  readonly metric: OutcomeMetric | DerivedMoment;
  /** The value to hit. Give this or `range`. */
  readonly value?: number;
  /** A range inside which every value fits equally well, such as prices of 3 500-5 000 NOK. */
  readonly range?: readonly [number, number];
  /**
   * The distance from the target that counts as one unit of misfit, in the outcome's unit: the
   * objective adds (distance / tolerance)^2, and the fit report calls a moment met when its
   * distance is at most the tolerance.
   */
  readonly tolerance: number;
  /** Where the target comes from. */
  readonly source?: string;
}

/** How one target is met. */
export interface FitRow {
  /** The outcome, or the derived moment's name. */
  readonly metric: string;
  readonly value: number | null;
  readonly range: readonly [number, number] | null;
  readonly tolerance: number;
  /** Mean of the outcome across runs. */
  readonly fitted: number;
  /** Its Monte Carlo standard error and 95 % interval. */
  readonly se: number;
  readonly lower: number;
  readonly upper: number;
  /** Distance from the value, or from the nearest end of the range (0 inside it). */
  readonly distance: number;
  /** distance / tolerance. */
  readonly misfit: number;
  /** distance <= tolerance. */
  readonly met: boolean;
  readonly source: string | null;
}

/** Settings of a calibration or a fit check. */
export interface CalibrationOptions {
  /** Replications per evaluated parameter set; every set uses the same seeds (common random numbers). */
  readonly runs: number;
  readonly seed?: Seed;
  /** Most parameter sets the simplex search evaluates (default 150). */
  readonly maxEvaluations?: number;
  /**
   * Parameter sets of a Latin-hypercube design evaluated before the search (default 0); the search
   * then starts from the best of them and the start values. A global look first, because a
   * simulated objective has local dips that a simplex alone can settle into.
   */
  readonly initialDesign?: number;
  /** Edge of the search's start simplex as a share of each parameter's range (default 0.15); smaller to refine an earlier fit. */
  readonly initialStep?: number;
  readonly executor?: Executor;
  readonly signal?: AbortSignal;
  /** Called after each evaluated parameter set. */
  readonly onEvaluation?: (evaluation: CalibrationEvaluation) => void;
}

/** One evaluated parameter set. */
export interface CalibrationEvaluation {
  readonly evaluation: number;
  readonly parameters: Readonly<Record<string, number>>;
  readonly objective: number;
}

/** What a calibration found. */
export interface CalibrationResult {
  /** The best parameter values. */
  readonly parameters: Readonly<Record<string, number>>;
  /** The base config with the best values applied: pass it to any experiment. */
  readonly config: ConfigInput;
  /** Sum over targets of (distance / tolerance)^2 at the best values. */
  readonly objective: number;
  readonly fit: readonly FitRow[];
  readonly evaluations: number;
  /** True when the search met its tolerances, false when it ran out of evaluations. */
  readonly converged: boolean;
  readonly history: readonly CalibrationEvaluation[];
  readonly runs: number;
  readonly seed: Seed;
}

function checkInputs(parameters: readonly CalibrationParameter[], targets: readonly CalibrationTarget[], options: CalibrationOptions): void {
  const issues: ConfigIssue[] = [];
  const names = new Set<string>();
  parameters.forEach((p, i) => {
    const at = `parameters[${i}]`;
    if (typeof p.name !== 'string' || p.name === '') issues.push({ path: `${at}.name`, message: 'expected a non-empty name' });
    else if (names.has(p.name)) issues.push({ path: `${at}.name`, message: `"${p.name}" is used twice; give each parameter its own name` });
    names.add(p.name);
    if (!Number.isFinite(p.lower) || !Number.isFinite(p.upper) || !(p.lower < p.upper)) {
      issues.push({ path: `${at}.lower`, message: `expected finite bounds with lower < upper, got [${p.lower}, ${p.upper}]` });
    } else if (p.start !== undefined && !(p.start >= p.lower && p.start <= p.upper)) {
      issues.push({ path: `${at}.start`, message: `expected a number in [${p.lower}, ${p.upper}], got ${p.start}` });
    }
    if ((p.path === undefined) === (p.apply === undefined)) issues.push({ path: at, message: 'give either a config path or an apply function' });
  });
  if (parameters.length === 0) issues.push({ path: 'parameters', message: 'give at least one parameter to fit' });
  targets.forEach((t, i) => checkTarget(t, `targets[${i}]`, issues));
  if (targets.length === 0) issues.push({ path: 'targets', message: 'give at least one target' });
  if (!Number.isInteger(options.runs) || options.runs < 2) issues.push({ path: 'options.runs', message: `expected an integer >= 2 (a standard error needs two runs), got ${options.runs}` });
  const max = options.maxEvaluations;
  const design = options.initialDesign;
  if (design !== undefined && (!Number.isInteger(design) || design < 0 || design > 100_000)) {
    issues.push({ path: 'options.initialDesign', message: `expected an integer in [0, 100000], got ${design}` });
  }
  if (max !== undefined && (!Number.isInteger(max) || max < parameters.length + 1)) {
    issues.push({ path: 'options.maxEvaluations', message: `expected an integer >= ${parameters.length + 1} (one start simplex), got ${max}` });
  }
  if (issues.length > 0) throw inputError(issues);
}

function checkTarget(t: CalibrationTarget, at: string, issues: ConfigIssue[]): void {
  if (typeof t.metric === 'object' && t.metric !== null) {
    if (typeof t.metric.name !== 'string' || t.metric.name === '' || typeof t.metric.of !== 'function') {
      issues.push({ path: `${at}.metric`, message: 'a derived moment needs a name and a function `of`' });
    }
  } else if (!(t.metric in OUTCOME_METRICS)) issues.push({ path: `${at}.metric`, message: `"${String(t.metric)}" is not an outcome; see OUTCOME_METRICS` });
  if ((t.value === undefined) === (t.range === undefined)) issues.push({ path: at, message: 'give either a value or a range' });
  if (t.value !== undefined && !Number.isFinite(t.value)) issues.push({ path: `${at}.value`, message: `expected a finite number, got ${t.value}` });
  if (t.range !== undefined && !(Number.isFinite(t.range[0]) && Number.isFinite(t.range[1]) && t.range[0] <= t.range[1])) {
    issues.push({ path: `${at}.range`, message: 'expected [low, high] with low <= high' });
  }
  if (!(Number.isFinite(t.tolerance) && t.tolerance > 0)) issues.push({ path: `${at}.tolerance`, message: `expected a positive number, got ${t.tolerance}` });
}

/** Distance of `x` from a target: from its value, or from the nearest end of its range (0 inside). */
export function targetDistance(target: Pick<CalibrationTarget, 'value' | 'range'>, x: number): number {
  if (target.range !== undefined) return x < target.range[0] ? target.range[0] - x : x > target.range[1] ? x - target.range[1] : 0;
  return Math.abs(x - target.value!);
}

/** The partial config that sets every parameter to its value, merged over `base`. */
export function applyParameters(base: ConfigInput, parameters: readonly CalibrationParameter[], values: Readonly<Record<string, number>>): ConfigInput {
  return parameters.reduce<ConfigInput>((config, p) => {
    const v = values[p.name]!;
    return mergeOver(config, p.apply !== undefined ? p.apply(v) : setAt(p.path!, v)) as ConfigInput;
  }, base);
}

/**
 * Runs `config` `options.runs` times and reports each target against the mean outcome with its
 * Monte Carlo standard error and 95 % interval.
 * @example
 * const fit = await checkFit({}, BASELINE_TARGETS, { runs: 200 });
 * fit.every((row) => row.met);
 */
export async function checkFit(config: ConfigInput, targets: readonly CalibrationTarget[], options: CalibrationOptions): Promise<FitRow[]> {
  targets.forEach((t, i) => {
    const issues: ConfigIssue[] = [];
    checkTarget(t, `targets[${i}]`, issues);
    if (issues.length > 0) throw inputError(issues);
  });
  const result = await monteCarlo(config, { runs: options.runs, seed: options.seed ?? 1, rows: true, series: false, executor: options.executor, signal: options.signal });
  // Per-run outcomes from the tidy rows, so a derived moment gets its own per-run values and an honest standard error.
  const perRun: Record<string, number>[] = [];
  for (const row of result.rows ?? []) (perRun[row.replication] ??= {})[row.metric] = row.value;
  const runs = perRun.filter((r) => r !== undefined) as Record<OutcomeMetric, number>[];
  return targets.map((t) => {
    const values = runs.map((o) => (typeof t.metric === 'object' ? t.metric.of(o) : o[t.metric]));
    const totals = emptyTotals();
    for (const v of values) addValue(totals, v);
    const s = summarise(totals);
    const distance = targetDistance(t, s.mean);
    return {
      metric: typeof t.metric === 'object' ? t.metric.name : t.metric,
      value: t.value ?? null,
      range: t.range ?? null,
      tolerance: t.tolerance,
      fitted: s.mean,
      se: s.se,
      lower: s.lower,
      upper: s.upper,
      distance,
      misfit: distance / t.tolerance,
      met: distance <= t.tolerance,
      source: t.source ?? null,
    };
  });
}

/** Sum over rows of misfit^2: the calibration objective. */
export function objectiveOf(fit: readonly FitRow[]): number {
  return fit.reduce((a, r) => a + r.misfit * r.misfit, 0);
}

/**
 * Fits free parameters to target moments by the method of simulated moments: it searches for the
 * values that minimise sum over targets of ((mean outcome - target) / tolerance)^2, where each
 * mean comes from `options.runs` replications. Every parameter set is run on the same seeds
 * (common random numbers), so the objective is a fixed function of the parameters rather than a
 * fresh draw each time, and differences between nearby sets are not drowned in noise. The search
 * is Nelder-Mead over the parameters' ranges scaled to [0, 1]. Returns the best values, the
 * calibrated config, the fit of each target with its Monte Carlo uncertainty, and the search path.
 * @example
 * const r = await calibrate({}, [{ name: 'markup', path: 'behaviour.markupScale', lower: 0.2, upper: 1.5 }],
 *   [{ metric: 'meanMargin', value: 0.07, tolerance: 0.01 }], { runs: 40 });
 * r.parameters.markup; r.fit[0].fitted;
 */
export async function calibrate(
  base: ConfigInput,
  parameters: readonly CalibrationParameter[],
  targets: readonly CalibrationTarget[],
  options: CalibrationOptions,
): Promise<CalibrationResult> {
  checkInputs(parameters, targets, options);
  const seed = options.seed ?? 1;
  const toValues = (x: readonly number[]): Record<string, number> =>
    Object.fromEntries(
      parameters.map((p, k) => {
        const v = p.lower + x[k]! * (p.upper - p.lower);
        return [p.name, p.integer ? Math.round(v) : v];
      }),
    );
  const history: CalibrationEvaluation[] = [];
  const cache = new Map<string, number>();
  const objective = async (x: readonly number[]): Promise<number> => {
    const values = toValues(x);
    const key = JSON.stringify(values);
    let value = cache.get(key);
    if (value === undefined) {
      value = objectiveOf(await checkFit(applyParameters(base, parameters, values), targets, { ...options, seed }));
      cache.set(key, value);
    }
    const evaluation = { evaluation: history.length + 1, parameters: values, objective: value };
    history.push(evaluation);
    options.onEvaluation?.(evaluation);
    return value;
  };
  let start = parameters.map((p) => ((p.start ?? (p.lower + p.upper) / 2) - p.lower) / (p.upper - p.lower));
  let startValue = await objective(start);
  for (const x of unitLatinHypercube(parameters.length, options.initialDesign ?? 0, seed)) {
    const v = await objective(x);
    if (v < startValue) [start, startValue] = [x, v];
  }
  const found = await nelderMead(objective, start, { maxEvaluations: options.maxEvaluations ?? 150, initialStep: options.initialStep });
  const best = toValues(found.x);
  const config = applyParameters(base, parameters, best);
  const fit = await checkFit(config, targets, { ...options, seed });
  return { parameters: best, config, objective: objectiveOf(fit), fit, evaluations: found.evaluations, converged: found.converged, history, runs: options.runs, seed };
}
