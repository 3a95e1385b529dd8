import type { ConfigInput } from '../model/config.js';
import { ConfigError, mergeOver } from '../model/decode.js';
import { OUTCOME_METRICS, type OutcomeMetric } from '../model/metrics.js';
import { canonicalSeed, type Seed } from '../random/streams.js';
import { unitLatinHypercube } from '../random/unitLatinHypercube.js';
import { toVariants, type PolicyList } from '../experiment/compare.js';
import type { Executor } from '../experiment/executor.js';
import { progressClock } from '../experiment/progressClock.js';
import { RESULT_FORMAT_VERSION } from '../experiment/result.js';
import { MAX_RUNS, runExperiment, type Progress } from '../experiment/run.js';
import { decodeExperiment } from '../experiment/shard.js';
import { setAt } from '../experiment/sweep.js';
import type { ExperimentSpec, PolicyVariant } from '../experiment/spec.js';
import { LIBRARY } from '../version.js';
import { toRange, type RangeParameter } from './parameters.js';
import { MAX_SOBOL_DIMENSIONS, sobolSequence } from './sobolSequence.js';

/**
 * An uncertainty of an exploratory study: a dotted config path of the world (market, suppliers,
 * allocation rule, events, effect sizes) and either a range it is sampled from (`lhs`, `sobol`)
 * or the values a full factorial crosses (`factorial`; numbers or texts).
 * @example { path: 'market.demand.macroVolatility', range: [0.02, 0.08] }
 * @example { path: 'market.allocationRule', values: ['shares', 'rank'] }
 */
export interface Uncertainty {
  readonly path: string;
  readonly range?: readonly [number, number];
  /** Sample whole numbers from the range (for integer settings). */
  readonly integer?: boolean;
  readonly values?: readonly (number | string | boolean)[];
}

/** How scenarios are drawn: Latin hypercube, a scrambled Sobol sequence, or every combination of values. */
export type Sampler = 'lhs' | 'sobol' | 'factorial';

/** Options of {@link experiments}. */
export interface ExperimentsOptions {
  /** What is uncertain about the world: every scenario sets each of these. */
  readonly uncertainties: readonly Uncertainty[];
  /** The levers: policies run in every scenario against the base config's own policy (today's). */
  readonly policies: PolicyList;
  /** How scenarios are drawn. */
  readonly sampler: Sampler;
  /** Scenarios to draw (`lhs`, `sobol`; a power of two keeps a Sobol sample balanced). A factorial has one per combination. */
  readonly scenarios?: number;
  /** Paired replications of every policy in every scenario. */
  readonly runs: number;
  /** Master seed: the scenarios' sample and every replication (default 1). */
  readonly seed?: Seed;
  /** Outcomes to tabulate (default every outcome). */
  readonly outcomes?: readonly OutcomeMetric[];
  /** Also return one row per scenario, policy and replication (default false). */
  readonly replications?: boolean;
  /** Where replications run (default this thread; `workerExecutor()` from `/node` for every core). */
  readonly executor?: Executor;
  readonly signal?: AbortSignal;
  /** Called once per finished replication of any scenario; `phase` is "scenario k of n". */
  readonly onProgress?: (progress: Progress) => void;
}

/** A row of an experiments table: the scenario, the policy, every sampled input, then every outcome. */
export type ExperimentsRow = Record<string, number | string | boolean>;

/** What {@link experiments} returns: plain JSON, self-describing, ready for PRIM and plotting. */
export interface ExperimentsResult {
  readonly kind: 'framework-agreement-sim/experiments';
  readonly version: typeof RESULT_FORMAT_VERSION;
  readonly library: string;
  readonly seed: string;
  readonly sampler: Sampler;
  readonly runs: number;
  readonly uncertainties: readonly Uncertainty[];
  /** The base config every scenario is merged over. */
  readonly config: ConfigInput;
  /** Policy names: the base's own first, then the levers in order. */
  readonly policies: readonly string[];
  /** The levers as given: each policy's name and the partial config that defines it. */
  readonly levers: readonly PolicyVariant[];
  readonly outcomes: readonly OutcomeMetric[];
  /** Each scenario's inputs by path, in order (scenario k is `scenarios[k]`). */
  readonly scenarios: readonly Record<string, number | string | boolean>[];
  /**
   * One row per scenario and policy: `scenario` (0-based), `policy`, each uncertainty's value under
   * its path, each outcome's mean over the runs under its name, and `<outcome>Change`, the mean
   * paired change from the base policy in the same scenario (0 for the base policy).
   */
  readonly rows: readonly ExperimentsRow[];
  /** With `replications: true`: one row per scenario, policy and replication, the outcome values of that run. */
  readonly replicationRows?: readonly ExperimentsRow[];
}

const MAX_SCENARIOS = 100_000;

function check(options: ExperimentsOptions): { outcomes: OutcomeMetric[] } {
  const issues: Array<{ path: string; message: string }> = [];
  const { uncertainties, sampler } = options;
  if (!['lhs', 'sobol', 'factorial'].includes(sampler)) issues.push({ path: 'sampler', message: `expected "lhs", "sobol" or "factorial", got ${JSON.stringify(sampler)}` });
  if (!Array.isArray(uncertainties) || uncertainties.length === 0) issues.push({ path: 'uncertainties', message: 'give at least one uncertainty: a path and a range (or values, for a factorial)' });
  const seen = new Set<string>();
  (uncertainties ?? []).forEach((u, k) => {
    const at = typeof u?.path === 'string' && u.path !== '' ? u.path : `uncertainties[${k}]`;
    if (seen.has(at)) issues.push({ path: at, message: 'this path is given twice' });
    seen.add(at);
    if (sampler === 'factorial') {
      if (!Array.isArray(u.values) || u.values.length === 0) issues.push({ path: at, message: 'a factorial needs a non-empty list of values for every uncertainty' });
    } else {
      const r = u.range;
      if (!Array.isArray(r) || r.length !== 2 || !Number.isFinite(r[0]) || !Number.isFinite(r[1]) || !(r[0] <= r[1])) {
        issues.push({ path: at, message: `the ${sampler} sampler needs a finite range [min, max] for every uncertainty` });
      }
    }
  });
  if (sampler === 'sobol' && Array.isArray(uncertainties) && uncertainties.length > MAX_SOBOL_DIMENSIONS) {
    issues.push({ path: 'uncertainties', message: `a Sobol sample has at most ${MAX_SOBOL_DIMENSIONS} dimensions` });
  }
  if (sampler !== 'factorial') {
    const n = options.scenarios;
    if (!Number.isInteger(n) || n! < 1 || n! > MAX_SCENARIOS) issues.push({ path: 'scenarios', message: `expected an integer in [1, ${MAX_SCENARIOS}], got ${String(n)}` });
  } else if (options.scenarios !== undefined) {
    issues.push({ path: 'scenarios', message: 'a factorial has one scenario per combination of values; leave scenarios out' });
  }
  if (!Number.isInteger(options.runs) || options.runs < 1 || options.runs > MAX_RUNS) issues.push({ path: 'runs', message: `expected an integer in [1, ${MAX_RUNS}], got ${String(options.runs)}` });
  const outcomes = [...(options.outcomes ?? (Object.keys(OUTCOME_METRICS) as OutcomeMetric[]))];
  for (const m of outcomes) if (!Object.hasOwn(OUTCOME_METRICS, m)) issues.push({ path: 'outcomes', message: `no outcome is named ${JSON.stringify(m)}` });
  if (issues.length > 0) throw new ConfigError(issues);
  return { outcomes };
}

/** The scenarios' input values, row by row, in the order of the uncertainties. */
function sample(options: ExperimentsOptions, seed: Seed): (number | string | boolean)[][] {
  const { uncertainties: us, sampler } = options;
  if (sampler === 'factorial') {
    let rows: (number | string | boolean)[][] = [[]];
    for (const u of us) rows = rows.flatMap((row) => u.values!.map((v) => [...row, v]));
    return rows;
  }
  const n = options.scenarios!;
  const unit = sampler === 'lhs' ? unitLatinHypercube(us.length, n, seed) : sobolSequence(us.length, n, { scramble: `${canonicalSeed(seed)}#experiments` });
  return unit.map((row) => row.map((u, j) => toRange(u, { path: us[j]!.path, range: us[j]!.range!, ...(us[j]!.integer === true ? { integer: true } : {}) } satisfies RangeParameter)));
}

/**
 * Runs a saved {@link experiments} result again from what it records (base config, uncertainties,
 * levers, sampler, number of scenarios, runs, seed, outcomes, and whether it kept replication rows)
 * and returns the new result: byte for byte the saved one with the same library version.
 * @throws {Error} for a result written by another library version or result format.
 * @example JSON.stringify(await rerunExperiments(saved)) === JSON.stringify(saved) // true
 */
export async function rerunExperiments(result: ExperimentsResult, options: Pick<ExperimentsOptions, 'executor' | 'signal' | 'onProgress'> = {}): Promise<ExperimentsResult> {
  if (result.version !== RESULT_FORMAT_VERSION) throw new Error(`cannot rerun this study: it is of result format ${String(result.version)}, and this library writes format ${RESULT_FORMAT_VERSION}`);
  if (result.library !== LIBRARY) throw new Error(`cannot rerun this study: it was written by ${String(result.library)}, and this is ${LIBRARY}: install that version to reproduce it`);
  return experiments(result.config, {
    uncertainties: result.uncertainties,
    policies: result.levers,
    sampler: result.sampler,
    ...(result.sampler === 'factorial' ? {} : { scenarios: result.scenarios.length }),
    runs: result.runs,
    seed: result.seed,
    outcomes: result.outcomes,
    replications: result.replicationRows !== undefined,
    ...options,
  });
}

/** Sets a property as an own property whatever its name. */
function put(row: ExperimentsRow, key: string, value: number | string | boolean): void {
  Object.defineProperty(row, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * An exploratory study in one call, in the vocabulary of EMA Workbench: draws `scenarios` of the
 * world's `uncertainties` with a `sampler`, runs every policy (the levers) and the base config's
 * own policy in every scenario on the same paired replications (common random numbers: every
 * scenario and policy uses the master seed's replication streams), and returns a tidy table, one
 * row per scenario and policy with every sampled input as its own column.
 *
 * Each scenario is its own comparison: its inputs are merged over `config`, the policies over that,
 * and the market is burned in within the scenario. Scenarios run one after another; within one the
 * executor spreads the replications. Every scenario's config is decoded before any run.
 * @throws {ConfigError} for bad options, and for a scenario or policy whose config does not decode (its path names the scenario).
 * @example
 * const study = await experiments({}, {
 *   uncertainties: [{ path: 'market.demand.macroVolatility', range: [0.02, 0.08] }, { path: 'suppliers.exit.idleExitProbability', range: [0.05, 0.2] }],
 *   policies: { riskSharing: { policy: namedPolicy('riskSharing') } },
 *   sampler: 'lhs', scenarios: 64, runs: 20, seed: 7,
 * });
 * prim(study.rows.filter((r) => r.policy === 'riskSharing'), (r) => (r.smallCohortSurvivalChange as number) < 0, { inputs: ['market.demand.macroVolatility', 'suppliers.exit.idleExitProbability'] });
 */
export async function experiments(config: ConfigInput, options: ExperimentsOptions): Promise<ExperimentsResult> {
  const { outcomes } = check(options);
  const seed = options.seed ?? 1;
  const values = sample(options, seed);
  const paths = options.uncertainties.map((u) => u.path);
  const variants = toVariants(options.policies);
  const replications = options.replications === true;
  const specs: ExperimentSpec[] = values.map((row) => ({
    config: row.reduce<ConfigInput>((c, v, j) => mergeOver(c, setAt(paths[j]!, v)) as ConfigInput, config),
    variants,
    seed: canonicalSeed(seed),
    rows: replications,
    series: false,
  }));
  // Decode every scenario before any run, so a bad one fails at once and names itself.
  specs.forEach((spec, k) => {
    try {
      decodeExperiment(spec);
    } catch (error) {
      if (error instanceof ConfigError) throw new ConfigError(error.issues.map((i) => ({ path: `scenarios[${k}].${i.path}`, message: i.message })));
      throw error;
    }
  });
  const tick = progressClock(specs.length * options.runs);
  const rows: ExperimentsRow[] = [];
  const replicationRows: ExperimentsRow[] = [];
  let names: string[] = [];
  for (const [k, spec] of specs.entries()) {
    const phase = `scenario ${k + 1} of ${specs.length}`;
    const result = await runExperiment(spec, {
      runs: options.runs,
      ...(options.executor !== undefined ? { executor: options.executor } : {}),
      ...(options.signal !== undefined ? { signal: options.signal } : {}),
      onProgress: () => options.onProgress?.(tick(phase)),
    });
    names = result.policies.map((p) => p.name);
    const inputs = (row: ExperimentsRow) => paths.forEach((path, j) => put(row, path, values[k]![j]!));
    result.policies.forEach((p, i) => {
      const row: ExperimentsRow = {};
      put(row, 'scenario', k);
      put(row, 'policy', p.name);
      inputs(row);
      for (const m of outcomes) put(row, m, p.outcomes[m].mean);
      for (const m of outcomes) put(row, `${m}Change`, i === 0 ? 0 : result.differences[p.name]![m].mean);
      rows.push(row);
    });
    if (replications) {
      const byRun = new Map<string, ExperimentsRow>();
      for (const r of result.rows ?? []) {
        if (!outcomes.includes(r.metric as OutcomeMetric)) continue;
        const key = `${r.replication}\u0000${r.policy}`;
        let row = byRun.get(key);
        if (row === undefined) {
          row = {};
          put(row, 'scenario', k);
          put(row, 'policy', r.policy);
          put(row, 'replication', r.replication);
          inputs(row);
          byRun.set(key, row);
          replicationRows.push(row);
        }
        put(row, r.metric, r.value);
      }
    }
  }
  return {
    kind: 'framework-agreement-sim/experiments',
    version: RESULT_FORMAT_VERSION,
    library: LIBRARY,
    seed: canonicalSeed(seed),
    sampler: options.sampler,
    runs: options.runs,
    uncertainties: options.uncertainties.map((u) => ({ ...u })),
    config,
    policies: names,
    levers: variants,
    outcomes,
    scenarios: values.map((row) => {
      const out: Record<string, number | string | boolean> = {};
      paths.forEach((path, j) => put(out, path, row[j]!));
      return out;
    }),
    rows,
    ...(replications ? { replicationRows } : {}),
  };
}
