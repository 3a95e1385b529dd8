import { canonicalSeed } from '../random/streams.js';
import type { ConfigInput } from '../model/config.js';
import { ConfigError, inputError, mergeOver, parseConfig } from '../model/decode.js';
import { OUTCOME_METRICS, type Direction, type OutcomeMetric } from '../model/metrics.js';
import { DEFAULT_WORLDS, resolveWorld, type ResolvedWorld, type World } from '../scenarios/worlds.js';
import { toVariants, type PolicyList } from './compare.js';
import { basisOf } from './policyInputs.js';
import { RESULT_FORMAT_VERSION, type ExperimentResult } from './result.js';
import { LIBRARY } from '../version.js';
import { runExperiment, specOf, type ExperimentOptions, type Progress } from './run.js';
import { decodeExperiment } from './shard.js';
import { progressClock } from './progressClock.js';
import { hasInterval } from './summary.js';

/**
 * The outcomes `robustness` judges by default: the chapter-5 table's headline questions. Does a
 * policy keep small suppliers and non-profits in the market (their survival to the end of the
 * horizon), does it lower concentration (top-15 share, HHI), does it keep suppliers on agreements,
 * what does it cost (demand left unserved, buyer cost a year and per participant-week), and what
 * does it do for participants (quality delivered, additional transitions to work, the latter often
 * only by assumption, which the verdict marks).
 */
export const ROBUSTNESS_METRICS: readonly OutcomeMetric[] = [
  'smallCohortSurvival',
  'nonProfitCohortSurvival',
  'top15Share',
  'hhi',
  'tenderedSuppliers',
  'unservedShare',
  'buyerCostPerYear',
  'costPerParticipantWeek',
  'meanQuality',
  'additionalTransitionsPerYear',
];

/**
 * How a policy's paired change on one outcome came out in one world: `higher` or `lower` when its
 * 95 % interval lies entirely above or below zero, `unclear` otherwise (the interval includes
 * zero, or there is none: one run, or the same change in every run).
 */
export type WorldStatus = 'higher' | 'lower' | 'unclear';

/**
 * Whether a policy's effect on an outcome survives a change of world, from its status in each
 * world ({@link WorldStatus}):
 * - `holds`: clear in every world, the same way;
 * - `depends`: clear in some worlds, all the same way, and not clear in the others;
 * - `reverses`: clearly higher in at least one world and clearly lower in another;
 * - `none`: clear in no world.
 */
export type RobustnessVerdict = 'holds' | 'depends' | 'reverses' | 'none';

/** The paired change of one policy on one outcome in one world: what the verdict is judged from. */
export interface WorldEffect {
  /** The world's name. */
  readonly world: string;
  /** The setting the world varies (`none` for the reference). */
  readonly setting: string;
  /** Mean paired change from the baseline (policy - baseline, run by run). */
  readonly mean: number;
  /** Its 95 % interval, or null when there is none (one run, or no variation). */
  readonly lower: number | null;
  readonly upper: number | null;
  /** Every run gave exactly the same change. */
  readonly noVariation: boolean;
  readonly status: WorldStatus;
}

/** What the classifier needs of a world's paired change: its summary, and the world's name and setting. */
export interface WorldChange {
  readonly world: string;
  readonly setting: string;
  readonly n: number;
  readonly mean: number;
  readonly lower: number;
  readonly upper: number;
  readonly noVariation: boolean;
}

/** A verdict with the worlds it rests on. */
export interface VerdictOf {
  readonly verdict: RobustnessVerdict;
  /** The way the effect is clear, for `holds` and `depends`; null for `reverses` and `none`. */
  readonly direction: 'higher' | 'lower' | null;
  /** Worlds where the change was clearly higher, clearly lower, and not clear, in the order given. */
  readonly higherIn: readonly string[];
  readonly lowerIn: readonly string[];
  readonly unclearIn: readonly string[];
  /**
   * The settings the verdict turns on, read against the first world (the reference), in the
   * order of the worlds, without repeats: for `depends`, those of the worlds whose status differs
   * from the first world's (where the effect fades, or where it appears); for `reverses`, those of
   * the worlds clearly the other way from the first world, or, when the first world is not
   * clear, of every clear world. Empty for `holds` and `none`.
   */
  readonly dependsOn: readonly string[];
  /** Every world gave exactly zero change in every run: nothing the policy changes reaches the outcome in any world. */
  readonly unchanged: boolean;
  /** Each world's change, in the order given. */
  readonly worlds: readonly WorldEffect[];
}

/**
 * A world's status: `higher`/`lower` when the 95 % interval excludes zero on that side (it needs
 * an interval: at least 2 runs whose changes vary), `unclear` otherwise.
 * @example worldStatus({ n: 20, mean: 0.02, lower: 0.01, upper: 0.03, noVariation: false }) // 'higher'
 */
export function worldStatus(change: Pick<WorldChange, 'n' | 'lower' | 'upper' | 'noVariation'>): WorldStatus {
  if (!hasInterval(change)) return 'unclear';
  return change.lower > 0 ? 'higher' : change.upper < 0 ? 'lower' : 'unclear';
}

/**
 * Classifies a policy's paired changes on one outcome across worlds ({@link RobustnessVerdict}).
 * The first world is the one the others are read against (the reference): `dependsOn` names the
 * settings of the worlds whose status differs from its status. A world without an interval (one
 * run, or the same change in every run) is never clear.
 * @throws {RangeError} for an empty list of worlds.
 * @example
 * const w = (world: string, lower: number, upper: number) => ({ world, setting: world, n: 20, mean: (lower + upper) / 2, lower, upper, noVariation: false });
 * classifyAcrossWorlds([w('reference', 0.01, 0.03), w('rank', -0.01, 0.02)]);
 * // { verdict: 'depends', direction: 'higher', higherIn: ['reference'], unclearIn: ['rank'], dependsOn: ['rank'], ... }
 */
export function classifyAcrossWorlds(changes: readonly WorldChange[]): VerdictOf {
  if (changes.length === 0) throw new RangeError('classifyAcrossWorlds needs at least one world');
  const worlds: WorldEffect[] = changes.map((c) => {
    const interval = hasInterval(c);
    return {
      world: c.world,
      setting: c.setting,
      mean: c.mean,
      lower: interval ? c.lower : null,
      upper: interval ? c.upper : null,
      noVariation: c.noVariation,
      status: worldStatus(c),
    };
  });
  const named = (status: WorldStatus) => worlds.filter((w) => w.status === status).map((w) => w.world);
  const higherIn = named('higher');
  const lowerIn = named('lower');
  const unclearIn = named('unclear');
  const clear = higherIn.length + lowerIn.length;
  const verdict: RobustnessVerdict =
    higherIn.length > 0 && lowerIn.length > 0 ? 'reverses' : clear === 0 ? 'none' : unclearIn.length === 0 ? 'holds' : 'depends';
  const direction = verdict === 'holds' || verdict === 'depends' ? (higherIn.length > 0 ? 'higher' : 'lower') : null;
  const first = worlds[0]!.status;
  const differs = (w: WorldEffect) =>
    verdict === 'depends' ? w.status !== first : verdict === 'reverses' ? (first === 'unclear' ? w.status !== 'unclear' : w.status !== first && w.status !== 'unclear') : false;
  const dependsOn = [...new Set(worlds.filter(differs).map((w) => w.setting))];
  const unchanged = worlds.every((w) => w.noVariation && w.mean === 0);
  return { verdict, direction, higherIn, lowerIn, unclearIn, dependsOn, unchanged, worlds };
}

/** A policy's verdict on one outcome, with what the verdict means for the policy. */
export interface RobustnessCell extends VerdictOf {
  readonly metric: OutcomeMetric;
  /** Which way is better for the outcome. */
  readonly better: Direction;
  /** Whether the clear direction is better or worse (`holds` and `depends` on an outcome with a better direction); else null. */
  readonly judgement: 'better' | 'worse' | null;
  /**
   * Where the change comes from, as in the comparison table ({@link basisOf}, judged in the first
   * world): `assumed` when only assumed effect sizes reach the outcome, so a verdict about it is a
   * verdict about the assumption; `unknown` when the first world's result has no inputs.
   */
  readonly basis: 'modelled' | 'assumed' | 'partlyAssumed' | 'unchanged' | 'unknown';
}

/** One world of a robustness check: the world, worked out against the base, and the comparison run in it. */
export interface RobustnessWorld extends ResolvedWorld {
  /** Today's policy and every policy in this world, paired: what `compare(mergeOver(base, input), policies, options)` returns. */
  readonly result: ExperimentResult;
}

/** What `robustness` returns: plain JSON. */
export interface RobustnessResult {
  readonly kind: 'framework-agreement-sim/robustness';
  /** {@link RESULT_FORMAT_VERSION} of the library that wrote it. */
  readonly version: typeof RESULT_FORMAT_VERSION;
  /** The library and its version that wrote it (`LIBRARY`). */
  readonly library: string;
  readonly seed: string | number;
  /** Paired runs in each world. */
  readonly runs: number;
  /** The baseline policy's name (today's). */
  readonly baseline: string;
  /** The compared policies, in order. */
  readonly policies: readonly string[];
  /** The outcomes judged. */
  readonly metrics: readonly OutcomeMetric[];
  /** The worlds, in order; the first is the one the others are read against. */
  readonly worlds: readonly RobustnessWorld[];
  /** Per policy and outcome, the verdict across worlds. */
  readonly verdicts: Record<string, Record<string, RobustnessCell>>;
}

/** Options of `robustness`: those of an experiment (without a stop rule), plus the worlds and outcomes. */
export interface RobustnessOptions extends Omit<ExperimentOptions, 'stopWhen' | 'onProgress'> {
  /** Paired runs in each world. */
  readonly runs: number;
  /** The worlds (default {@link DEFAULT_WORLDS}); the first is the reference the others are read against. */
  readonly worlds?: readonly World[];
  /** Outcomes to judge (default {@link ROBUSTNESS_METRICS}). */
  readonly metrics?: readonly OutcomeMetric[];
  /** Keep tidy rows in each world's result (default false). */
  readonly rows?: boolean;
  /** Summarise series in each world's result (default false). */
  readonly series?: boolean;
  /**
   * The comparison in the first world, already run (the CLI takes it from the first runs of its
   * main comparison): used instead of running that world. It must be that world's comparison of
   * the same policies with the same seed and runs; this is checked.
   */
  readonly reference?: ExperimentResult;
  /** Called once per finished replication, over all worlds: `done` of `total` = worlds run x runs. */
  readonly onProgress?: (progress: Progress) => void;
}

function worldIssues(worlds: readonly World[]): ConfigError | null {
  const issues = [];
  const seen = new Set<string>();
  if (worlds.length === 0) issues.push({ path: 'options.worlds', message: 'give at least one world' });
  worlds.forEach((w, k) => {
    if (typeof w.name !== 'string' || w.name.length < 1 || w.name.length > 80) {
      issues.push({ path: `options.worlds[${k}].name`, message: 'expected a world name of 1 to 80 characters' });
    } else if (seen.has(w.name)) {
      issues.push({ path: `options.worlds[${k}].name`, message: `world name "${w.name}" is used twice; give every world its own name` });
    }
    seen.add(w.name);
  });
  return issues.length > 0 ? inputError(issues) : null;
}

function metricIssues(metrics: readonly OutcomeMetric[]): ConfigError | null {
  const unknown = metrics.filter((m) => typeof m !== 'string' || !Object.hasOwn(OUTCOME_METRICS, m));
  if (metrics.length > 0 && unknown.length === 0) return null;
  return inputError([
    {
      path: 'options.metrics',
      message: metrics.length === 0 ? 'give at least one outcome' : `unknown outcome ${JSON.stringify(String(unknown[0]))}; known: ${Object.keys(OUTCOME_METRICS).join(', ')}`,
    },
  ]);
}

/**
 * Assembles the verdicts from one comparison per world (each from `compare` in that world, with
 * the same policies, seed and runs): per policy and outcome, each world's paired change and
 * {@link classifyAcrossWorlds}. Pure: `robustness` calls it after running the worlds.
 * @throws {Error} if the comparisons differ in their policies, seed or runs, or do not match the worlds.
 * @example
 * const worlds = [REFERENCE_WORLD, allocationWorld('rank')].map((w) => resolveWorld(w, BASELINE_CONFIG));
 * const results = await Promise.all(worlds.map((w) => compare(w.input, policies, { runs: 40, rows: false, series: false })));
 * robustnessOf(worlds, results).verdicts.riskSharing.smallCohortSurvival.verdict; // 'holds', 'depends', ...
 */
export function robustnessOf(worlds: readonly ResolvedWorld[], results: readonly ExperimentResult[], metrics: readonly OutcomeMetric[] = ROBUSTNESS_METRICS): RobustnessResult {
  const problem = metricIssues(metrics);
  if (problem !== null) throw problem;
  if (worlds.length === 0 || worlds.length !== results.length) throw new Error(`expected one comparison per world, got ${results.length} for ${worlds.length} worlds`);
  const first = results[0]!;
  const names = first.policies.map((p) => p.name);
  if (names.length < 2) throw new Error('the comparisons compare no policy with a baseline');
  results.forEach((r, k) => {
    const same = r.seed === first.seed && r.runs === first.runs && JSON.stringify(r.policies.map((p) => p.name)) === JSON.stringify(names);
    if (!same) throw new Error(`the comparison of world "${worlds[k]!.name}" differs from the first in its policies, seed or runs`);
  });
  const [baseline, ...policies] = names as [string, ...string[]];
  const verdicts: Record<string, Record<string, RobustnessCell>> = {};
  const inputs = first.changes;
  for (const policy of policies) {
    const own: Record<string, RobustnessCell> = {};
    for (const metric of metrics) {
      const changes = results.map((r, k) => ({ world: worlds[k]!.name, setting: worlds[k]!.setting, ...r.differences[policy]![metric] }));
      const verdict = classifyAcrossWorlds(changes);
      const better = OUTCOME_METRICS[metric].better;
      const judgement = verdict.direction === null || better === 'neither' ? null : verdict.direction === better ? 'better' : 'worse';
      const basis = inputs !== undefined && Object.hasOwn(inputs, policy) ? basisOf(inputs[policy]!, metric) : 'unknown';
      Object.defineProperty(own, metric, { value: { metric, better, judgement, basis, ...verdict }, enumerable: true, writable: true, configurable: true });
    }
    Object.defineProperty(verdicts, policy, { value: own, enumerable: true, writable: true, configurable: true });
  }
  return {
    kind: 'framework-agreement-sim/robustness',
    version: RESULT_FORMAT_VERSION,
    library: LIBRARY,
    seed: first.seed,
    runs: first.runs,
    baseline,
    policies,
    metrics: [...metrics],
    worlds: worlds.map((w, k) => ({ ...w, result: results[k]! })),
    verdicts,
  };
}

/**
 * Runs each policy against the baseline in each of a set of worlds ({@link World}: the allocation
 * rule, the lot size, demand volatility, a large fall of demand, the entry rate; by default
 * {@link DEFAULT_WORLDS}) and says, for every outcome of {@link ROBUSTNESS_METRICS}, whether its
 * effect holds in all of them, depends on a setting, or reverses ({@link classifyAcrossWorlds}).
 *
 * Each world is its own paired comparison: the world's input is merged over `base`, the policies
 * over that, and today's policy and every policy run on the same replications (same seeds) with
 * a market burned in within the world. Different worlds use the same seeds too, but their markets
 * differ from the burn-in on, so the pairing is within a world, not across worlds. Every world and
 * policy is decoded before any run; a bad world fails with a `ConfigError` whose paths name it.
 * @throws {ConfigError} before any run, for bad options, worlds, outcomes, a bad base or policy.
 * @example
 * import { robustness, namedPolicy } from 'framework-agreement-sim';
 * const r = await robustness({}, { riskSharing: { policy: namedPolicy('riskSharing') } }, { runs: 40 });
 * r.verdicts.riskSharing.smallCohortSurvival; // { verdict: 'depends', dependsOn: ['allocation rule'], worlds: [...], ... }
 */
export async function robustness(base: ConfigInput, policies: PolicyList, options: RobustnessOptions): Promise<RobustnessResult> {
  const { resolved, specs, experimentOptions, metrics } = prepare(base, policies, options);
  const reference = options.reference;
  if (reference !== undefined) {
    const decoded = decodeExperiment(specs[0]!);
    const same =
      reference.runs === options.runs &&
      reference.seed === canonicalSeed(experimentOptions.seed ?? 1) &&
      JSON.stringify(reference.policies.map((p) => p.name)) === JSON.stringify(decoded.names) &&
      JSON.stringify(reference.config) === JSON.stringify(decoded.configs[0]);
    if (!same) throw inputError([{ path: 'options.reference', message: `not the comparison of these policies in world "${resolved[0]!.name}" with this seed and ${options.runs} runs` }]);
  }
  const total = (reference === undefined ? specs.length : specs.length - 1) * options.runs;
  const tick = progressClock(total);
  const results: ExperimentResult[] = [];
  for (const [k, spec] of specs.entries()) {
    const world = resolved[k]!.name;
    const onProgress = () => options.onProgress?.(tick(world));
    results.push(k === 0 && reference !== undefined ? reference : await runExperiment(spec, { ...experimentOptions, onProgress }));
  }
  return robustnessOf(resolved, results, metrics);
}

/** The worlds worked out against the base, and each world's experiment spec, all checked. */
function prepare(base: ConfigInput, policies: PolicyList, options: RobustnessOptions) {
  const worlds = options.worlds ?? DEFAULT_WORLDS;
  const metrics = options.metrics ?? ROBUSTNESS_METRICS;
  for (const problem of [worldIssues(worlds), metricIssues(metrics)]) if (problem !== null) throw problem;
  const decodedBase = parseConfig(base);
  const variants = toVariants(policies);
  const experimentOptions: ExperimentOptions = {
    runs: options.runs,
    seed: options.seed ?? 1,
    rows: options.rows ?? false,
    series: options.series ?? false,
    signal: options.signal,
    executor: options.executor,
  };
  const resolved = worlds.map((w) => resolveWorld(w, decodedBase));
  const specs = resolved.map((w) => specOf(mergeOver(base, w.input) as ConfigInput, variants, experimentOptions));
  specs.forEach((spec, k) => {
    try {
      decodeExperiment(spec);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      throw inputError(error.issues.map((i) => ({ path: `worlds[${k}] (${resolved[k]!.name}).${i.path}`, message: i.message })));
    }
  });
  return { resolved, specs, experimentOptions, metrics };
}

/**
 * Checks a robustness check's worlds, outcomes, base and policies without running anything, as
 * `robustness` does before its first run (for a caller that runs something else first).
 * @throws {ConfigError} as `robustness` would.
 * @example checkRobustness({}, { riskSharing: { policy: { minimumVolumeShare: 0.6 } } }, { runs: 20, worlds: WORLDS });
 */
export function checkRobustness(base: ConfigInput, policies: PolicyList, options: RobustnessOptions): void {
  prepare(base, policies, options);
}
