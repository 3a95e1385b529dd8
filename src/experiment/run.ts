import { closestKey } from '../model/codecs.js';
import { OUTCOME_METRICS, type OutcomeMetric } from '../model/metrics.js';
import { ConfigError, inputError } from '../model/decode.js';
import { canonicalSeed, type Seed } from '../random/streams.js';
import { serialExecutor, type Executor } from './executor.js';
import { finaliseExperiment, type ExperimentResult } from './result.js';
import { decodeExperiment, mergeShardInto, mergeShards, sortRows, type ShardState } from './shard.js';
import { MAX_RUNS, type ExperimentSpec, type PolicyVariant } from './spec.js';
import { hasInterval, type Summary } from './summary.js';
import { progressClock } from './progressClock.js';

/** Where a long experiment stands. */
export interface Progress {
  readonly done: number;
  readonly total: number;
  readonly elapsedMs: number;
  /**
   * Estimated milliseconds left at the pace so far, measured from the first finished replication
   * on, so that start-up (worker threads, the first burn-in) is left out (`progressClock`).
   * Experiments always give a number; null is for reporters with no pace to go by, such as the
   * CLI's merge.
   */
  readonly remainingMs: number | null;
  /**
   * What is running, when an experiment has parts: the world of a robustness check, or the
   * mechanism switched off in `explain`. Absent in a plain experiment.
   */
  readonly phase?: string;
}

/**
 * Stop adding replications once the 95 % interval of one outcome is narrow enough. The rule is
 * checked after each batch and stops only when all of these hold: at least
 * {@link STOP_RULE_MIN_BATCHES} batches and {@link STOP_RULE_MIN_RUNS} replications have run; every
 * watched summary varies (a batch in which, say, a rare event never happened has a zero-width
 * "interval" that says nothing: see `Summary.noVariation`); and the widest watched half-width is at
 * most `halfWidth`. Otherwise it runs on, up to `runs`.
 */
export interface StopRule {
  /** The outcome to watch: a key of OUTCOME_METRICS (any other name is a ConfigError before any run). */
  readonly metric: OutcomeMetric;
  /** Target half-width of its 95 % interval, in the outcome's unit. */
  readonly halfWidth: number;
  /**
   * In a comparison, the policy whose paired difference from the baseline is watched; by default
   * every policy's. In a plain Monte Carlo the baseline's mean is watched.
   */
  readonly policy?: string;
  /** Replications added between checks (default 20). */
  readonly batch?: number;
}

/** Options shared by every experiment. */
export interface ExperimentOptions {
  /** Replications (with `stopWhen`: the most to run). */
  readonly runs: number;
  /** Master seed (default 1). */
  readonly seed?: Seed;
  /** Keep one tidy row per run, policy and outcome (default true). Turn off for flat memory in very large runs. */
  readonly rows?: boolean;
  /** Summarise per-period series too (default true). */
  readonly series?: boolean;
  readonly onProgress?: (progress: Progress) => void;
  readonly signal?: AbortSignal;
  /** Where replications run (default: serially in this thread). `framework-agreement-sim/node` provides worker threads. */
  readonly executor?: Executor;
  /** Stop before `runs` once one interval is narrow enough (see {@link StopRule}); the result then carries `convergence`. */
  readonly stopWhen?: StopRule;
}

/** Result of an experiment that may stop early. */
export interface ConvergenceReport {
  readonly metric: OutcomeMetric;
  readonly target: number;
  /** The stop rule as it was given, with its batch size (so `rerun` can apply it again). */
  readonly rule: StopRule & { readonly batch: number };
  /**
   * The widest watched half-width when the experiment stopped; null when a watched summary had no
   * interval then (its values did not vary, or only one replication ran).
   */
  readonly achieved: number | null;
  /**
   * Whether the rule was met: at least {@link STOP_RULE_MIN_BATCHES} batches and
   * {@link STOP_RULE_MIN_RUNS} replications, variation in every watched summary, and `achieved` at
   * most `target`. False when `runs` ran out first.
   */
  readonly converged: boolean;
}

/** An experiment's result, with a convergence report when a stop rule was given. */
export type ExperimentOutput = ExperimentResult & { readonly convergence?: ConvergenceReport };

/** Fewest replications after which a stop rule may stop: fewer give too rough an estimate of the spread to stop on. */
export const STOP_RULE_MIN_RUNS = 30;

/** Fewest batches after which a stop rule may stop: the first check never stops. */
export const STOP_RULE_MIN_BATCHES = 2;

export { MAX_RUNS };

/**
 * Most tidy rows an experiment may keep (runs x policies x outcomes): about 2 GB of row objects.
 * Beyond it the experiment is refused before any work, with advice to turn rows off.
 */
export const MAX_ROWS = 10_000_000;

/**
 * Why `runs` replications of `policies` policies would keep too many tidy rows (one per
 * replication, policy and outcome: more than {@link MAX_ROWS}), or null when they fit. The one
 * rule for experiments, shards and merges.
 * @example
 * tooManyRows(1_000_000, 2); // '1000000 runs of 2 policies would keep 102000000 rows (more than 10000000)'
 */
export function tooManyRows(runs: number, policies: number): string | null {
  const rows = runs * policies * Object.keys(OUTCOME_METRICS).length;
  if (!Number.isFinite(rows) || rows <= MAX_ROWS) return null;
  return `${runs} runs of ${policies} ${policies === 1 ? 'policy' : 'policies'} would keep ${rows} rows (more than ${MAX_ROWS})`;
}

function checkOptions(options: ExperimentOptions, policies: number): void {
  const issues = [];
  const rows = tooManyRows(options.runs, policies);
  if ((options.rows ?? true) && rows !== null) {
    issues.push({ path: 'options.rows', message: `${rows}; pass rows: false, or fewer runs` });
  }
  if (!Number.isInteger(options.runs) || options.runs < 1 || options.runs > MAX_RUNS) {
    issues.push({ path: 'options.runs', message: `expected an integer in [1, ${MAX_RUNS}], got ${String(options.runs)}` });
  }
  const seed = options.seed;
  if (seed !== undefined && !((typeof seed === 'number' && Number.isFinite(seed)) || (typeof seed === 'string' && seed.length <= 1000))) {
    issues.push({ path: 'options.seed', message: 'expected a finite number or a string of at most 1000 characters' });
  }
  const stop = options.stopWhen;
  if (stop !== undefined) {
    const metric: unknown = stop.metric;
    if (typeof metric !== 'string' || !Object.hasOwn(OUTCOME_METRICS, metric)) {
      const known = Object.keys(OUTCOME_METRICS);
      const guess = typeof metric === 'string' ? closestKey(metric, known) : undefined;
      const shown = typeof metric === 'string' && metric.length > 40 ? `${metric.slice(0, 40)}...` : metric;
      issues.push({
        path: 'options.stopWhen.metric',
        message: `unknown metric ${JSON.stringify(shown) ?? String(shown)}${guess === undefined ? '' : ` (did you mean "${guess}"?)`}; known: ${known.join(', ')}`,
      });
    }
    if (!(stop.halfWidth > 0) || !Number.isFinite(stop.halfWidth)) {
      issues.push({ path: 'options.stopWhen.halfWidth', message: `expected a positive number, got ${String(stop.halfWidth)}` });
    }
    if (stop.batch !== undefined && !(Number.isInteger(stop.batch) && stop.batch >= 2)) {
      issues.push({ path: 'options.stopWhen.batch', message: `expected an integer of at least 2, got ${String(stop.batch)}` });
    }
  }
  if (issues.length > 0) throw inputError(issues);
}

/** The summaries a rule watches: the baseline's mean in a plain Monte Carlo, else the named or every variant's paired difference. */
function watchedSummaries(result: ExperimentResult, rule: StopRule): Summary[] {
  const variants = Object.keys(result.differences);
  if (variants.length === 0) return [result.policies[0]!.outcomes[rule.metric]];
  const watched = rule.policy !== undefined ? [rule.policy] : variants;
  return watched.map((name) => result.differences[name]![rule.metric]);
}

/** The widest half-width of the watched intervals, or null when one of them has no interval. */
function widestHalfWidth(watched: readonly Summary[]): number | null {
  if (!watched.every(hasInterval)) return null;
  return Math.max(...watched.map((s) => (s.upper - s.lower) / 2));
}

/**
 * Runs an experiment: replications [0, runs) of every policy, by the executor, merged exactly.
 * With a stop rule, runs batches until the rule is met (see {@link StopRule}) or `runs` is reached.
 * @throws {ConfigError} before any run, for bad options (with their paths), a bad config or variant,
 *   or a stop rule naming an unknown metric or policy.
 */
export async function runExperiment(spec: ExperimentSpec, options: ExperimentOptions): Promise<ExperimentOutput> {
  checkOptions({ ...options, rows: spec.rows }, spec.variants.length + 1);
  decodeExperiment(spec); // fail fast, with paths, before any work
  if (spec.runs !== undefined && options.runs !== spec.runs) {
    throw inputError([{ path: 'options.runs', message: `${options.runs} differs from the spec's runs (${spec.runs}); run the number the spec states, or change it there` }]);
  }
  const rule = options.stopWhen;
  if (rule?.policy !== undefined && !spec.variants.some((v) => v.name === rule.policy)) {
    throw inputError([{ path: 'options.stopWhen.policy', message: `no policy is named "${rule.policy}"` }]);
  }
  const executor = options.executor ?? serialExecutor;
  const tick = progressClock(options.runs);
  const onProgress = options.onProgress;
  const hooks = {
    signal: options.signal,
    onReplication: () => {
      const progress = tick();
      onProgress?.(progress);
    },
  };
  if (rule === undefined) {
    const state = await executor.run(spec, 0, options.runs, hooks);
    return finaliseExperiment(state);
  }
  const batch = rule.batch ?? 20;
  // Each batch is merged into one running state as it comes (the same merges, in the same order, as
  // mergeShards of every batch), rather than keeping every batch and merging them all again after
  // each one: that held a copy of every series sketch per batch and took time quadratic in batches.
  let merged: ShardState | null = null;
  let batches = 0;
  let next = 0;
  for (;;) {
    const to = Math.min(options.runs, next + batch);
    const state = await executor.run(spec, next, to, hooks);
    if (merged === null) merged = mergeShards([state]);
    else mergeShardInto(merged, state);
    sortRows(merged);
    batches++;
    next = to;
    const result = finaliseExperiment(merged);
    const achieved = widestHalfWidth(watchedSummaries(result, rule));
    const converged = batches >= STOP_RULE_MIN_BATCHES && next >= STOP_RULE_MIN_RUNS && achieved !== null && achieved <= rule.halfWidth;
    if (converged || next >= options.runs) {
      return { ...result, convergence: { metric: rule.metric, target: rule.halfWidth, rule: { ...rule, batch }, achieved, converged } };
    }
  }
}

/** Builds a spec from the user-facing arguments. */
export function specOf(config: ExperimentSpec['config'], variants: readonly PolicyVariant[], options: ExperimentOptions): ExperimentSpec {
  return { config, variants, seed: canonicalSeed(options.seed ?? 1), rows: options.rows ?? true, series: options.series ?? true };
}
