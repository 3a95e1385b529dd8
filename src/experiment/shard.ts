import { sharesBurnIn } from '../engine/simulate.js';
import { burnInDecoded, simulateDecoded, simulateFromDecoded } from '../simulate.js';
import type { UncertainConfig } from '../model/config.js';
import { ConfigError, decodeConfig, parseConfig } from '../model/decode.js';
import { uncertainInputs } from '../model/uncertain.js';
import { OUTCOME_METRICS, SERIES_METRICS, type OutcomeMetric, type SeriesMetric } from '../model/metrics.js';
import type { SimulationResult } from '../model/result.js';
import { canonicalSeed } from '../random/streams.js';
import { ReplicationError } from './errors.js';
import { RESULT_FORMAT_VERSION } from '../version.js';
import { replicationSeed } from './seeds.js';
import { MAX_RUNS, type ExperimentSpec, type InputRow, type RunRow } from './spec.js';
import { addValue, emptyTotals, mergeTotals, type MetricTotals } from './summary.js';

const OUTCOMES = Object.keys(OUTCOME_METRICS) as OutcomeMetric[];
const SERIES = Object.keys(SERIES_METRICS) as SeriesMetric[];

/** Totals of one policy over the replications of a shard. */
export interface PolicyTotals {
  readonly name: string;
  readonly outcomes: Record<OutcomeMetric, MetricTotals>;
  /** Per series, one totals record per horizon period; null when series are off. */
  readonly series: Record<SeriesMetric, MetricTotals[]> | null;
  /** Paired differences from the baseline (null for the baseline itself). */
  readonly differences: Record<OutcomeMetric, MetricTotals> | null;
  /** Replications in which the policy's outcome was above / below the baseline's. */
  readonly higher: Record<OutcomeMetric, number>;
  readonly lower: Record<OutcomeMetric, number>;
  /** The values drawn for each of the policy's uncertain inputs, by path (empty when its config has no distribution). */
  readonly inputs: Record<string, MetricTotals>;
}

/**
 * What a range of replications adds up to. Plain JSON: write it to a file, merge it with other
 * shards' states in any order, and the merged summary equals that of one big run.
 */
export interface ShardState {
  readonly kind: 'framework-agreement-sim/shard';
  /** {@link RESULT_FORMAT_VERSION}: `merge` refuses a state of another version. */
  readonly version: typeof RESULT_FORMAT_VERSION;
  /** The spec, with its seed in canonical text form (so shards of seed 1 and of "1" merge). */
  readonly spec: ExperimentSpec;
  /** Replication ranges covered, [from, to) each, sorted and disjoint. */
  ranges: Array<[number, number]>;
  readonly policies: PolicyTotals[];
  rows: RunRow[];
  /** With rows: the value each replication drew for each uncertain input of each policy. */
  inputRows: InputRow[];
}

/** The decoded configs of an experiment: the baseline first, then each variant. */
export interface DecodedExperiment {
  readonly names: readonly string[];
  /** The decoded configs, distributions included (each replication draws them). */
  readonly configs: readonly UncertainConfig[];
  /** For each config, whether it can start from the baseline's burned-in market. */
  readonly reuseMarket: readonly boolean[];
  /** For each config, the paths of its uncertain inputs (its distributions), in key order. */
  readonly inputPaths: readonly (readonly string[])[];
  /** For each config, its horizon in periods; null when series are off and the horizon is uncertain. */
  readonly horizonPeriods: readonly (number | null)[];
}

/**
 * The horizon of a config in periods, which sizes its series: an experiment that summarises series
 * needs it fixed, so `run.periodsPerYear` and `run.horizonYears` must be numbers there.
 */
function horizonOf(config: UncertainConfig, series: boolean, where: string): number | null {
  const { periodsPerYear, horizonYears } = config.run;
  if (typeof periodsPerYear === 'number' && typeof horizonYears === 'number') return periodsPerYear * horizonYears;
  if (!series) return null;
  const key = typeof periodsPerYear === 'number' ? 'horizonYears' : 'periodsPerYear';
  throw new ConfigError([
    {
      path: `${where}run.${key}`,
      message: 'an experiment that summarises series period by period needs one horizon length in every replication; give run.periodsPerYear and run.horizonYears as numbers, or turn series off',
    },
  ]);
}

/** Decodes the baseline and every variant, rejecting bad input with paths (variant errors are prefixed with the variant). */
export function decodeExperiment(spec: ExperimentSpec): DecodedExperiment {
  const runs = spec.runs;
  if (runs !== undefined && !(Number.isInteger(runs) && runs >= 1 && runs <= MAX_RUNS)) {
    throw new ConfigError([{ path: 'runs', message: `expected an integer in [1, ${MAX_RUNS}] (the replications the experiment is meant to have), got ${String(runs)}` }]);
  }
  const base = parseConfig(spec.config);
  const names = [base.policy.name];
  const configs: UncertainConfig[] = [base];
  const seen = new Set(names);
  spec.variants.forEach((variant, k) => {
    if (typeof variant.name !== 'string' || variant.name.length < 1 || variant.name.length > 80) {
      throw new ConfigError([{ path: `variants[${k}].name`, message: 'expected a policy name of 1 to 80 characters' }]);
    }
    if (seen.has(variant.name)) {
      throw new ConfigError([{ path: `variants[${k}].name`, message: `policy name "${variant.name}" is used twice; give every policy its own name` }]);
    }
    seen.add(variant.name);
    const decoded = decodeConfig(variant.input, base);
    if (decoded._tag === 'Left') {
      throw new ConfigError(decoded.left.map((i) => ({ path: `variants[${k}] (${variant.name}).${i.path}`, message: i.message })));
    }
    names.push(variant.name);
    configs.push(decoded.right);
  });
  return {
    names,
    configs,
    reuseMarket: configs.map((c) => sharesBurnIn(base, c)),
    inputPaths: configs.map((c) => Object.keys(uncertainInputs(c))),
    horizonPeriods: configs.map((c, k) => horizonOf(c, spec.series, k === 0 ? '' : `variants[${k - 1}] (${names[k]}).`)),
  };
}

function record<T>(make: () => T): Record<OutcomeMetric, T> {
  return Object.fromEntries(OUTCOMES.map((m) => [m, make()])) as Record<OutcomeMetric, T>;
}

/** The spec as a shard state stores it: its seed in canonical text form (so seed 1 and "1" merge). */
export function canonicalSpec(spec: ExperimentSpec): ExperimentSpec {
  return { ...spec, seed: canonicalSeed(spec.seed) };
}

/** An empty shard state for a spec (already decoded into `experiment`). */
export function emptyShard(spec: ExperimentSpec, experiment: DecodedExperiment): ShardState {
  return {
    kind: 'framework-agreement-sim/shard',
    version: RESULT_FORMAT_VERSION,
    spec: canonicalSpec(spec),
    ranges: [],
    policies: experiment.names.map((name, k) => ({
      name,
      outcomes: record(emptyTotals),
      series: spec.series
        ? (Object.fromEntries(
            SERIES.map((m) => [
              m,
              Array.from({ length: experiment.horizonPeriods[k]! }, emptyTotals),
            ]),
          ) as Record<SeriesMetric, MetricTotals[]>)
        : null,
      differences: k === 0 ? null : record(emptyTotals),
      higher: record(() => 0),
      lower: record(() => 0),
      inputs: Object.fromEntries(experiment.inputPaths[k]!.map((path) => [path, emptyTotals()])),
    })),
    rows: [],
    inputRows: [],
  };
}

/**
 * Adds [from, to) to sorted, disjoint ranges, joining touching ones.
 * @throws {Error} when it overlaps one of them.
 */
export function addRange(ranges: Array<[number, number]>, from: number, to: number): void {
  ranges.push([from, to]);
  ranges.sort((a, b) => a[0] - b[0]);
  for (let k = 1; k < ranges.length; k++) {
    if (ranges[k]![0] < ranges[k - 1]![1]) throw new Error(`replications ${ranges[k]![0]}..${ranges[k - 1]![1] - 1} are counted twice`);
  }
  // Join touching ranges so a merged state reads [[0, n)].
  for (let k = ranges.length - 1; k > 0; k--) {
    if (ranges[k]![0] === ranges[k - 1]![1]) {
      ranges[k - 1]![1] = ranges[k]![1];
      ranges.splice(k, 1);
    }
  }
}

/**
 * Runs replication i of every policy and adds it to the state: one market is burned in from the
 * replication's seed, and every policy that shares the baseline's burn-in starts from it (others
 * burn in their own market from the same seed, so they still share every random stream). Every
 * policy draws its uncertain inputs from the replication's seed, so a distribution they share is
 * one draw for all of them (`resolveUncertain`).
 * @throws {ReplicationError} naming the replication and seed if the model fails.
 */
export function addReplication(state: ShardState, experiment: DecodedExperiment, replication: number): void {
  const seed = replicationSeed(state.spec.seed, replication);
  let results: SimulationResult[];
  try {
    const market = burnInDecoded(experiment.configs[0]!, seed);
    const lastUser = experiment.reuseMarket.lastIndexOf(true);
    results = experiment.configs.map((config, k) =>
      experiment.reuseMarket[k] ? simulateFromDecoded(market, config, k === lastUser) : simulateDecoded(config, seed),
    );
  } catch (error) {
    throw new ReplicationError(replication, seed, error);
  }
  const base = results[0]!;
  results.forEach((result, k) => {
    const totals = state.policies[k]!;
    for (const m of OUTCOMES) {
      const value = result.outcomes[m];
      addValue(totals.outcomes[m], value);
      if (totals.differences !== null) {
        const d = value - base.outcomes[m];
        addValue(totals.differences[m], d);
        if (d > 0) totals.higher[m]++;
        if (d < 0) totals.lower[m]++;
      }
      if (state.spec.rows) state.rows.push({ policy: totals.name, replication, seed, metric: m, value });
    }
    if (totals.series !== null) {
      for (const m of SERIES) {
        const values = result.series[m];
        const column = totals.series[m];
        for (let h = 0; h < column.length; h++) addValue(column[h]!, values[h]!);
      }
    }
    for (const path of experiment.inputPaths[k]!) {
      const value = result.inputs![path]!;
      addValue(totals.inputs[path]!, value);
      if (state.spec.rows) state.inputRows.push({ policy: totals.name, replication, seed, input: path, value });
    }
  });
  addRange(state.ranges, replication, replication + 1);
}

/**
 * Runs replications [from, to) of an experiment and returns their state: the unit of work of
 * a worker, a cluster job or one call. Pure: the same spec and range always give the same state.
 * @example const state = runShard({ config: {}, variants: [], seed: 1, rows: false, series: false }, 0, 100);
 */
export function runShard(spec: ExperimentSpec, from: number, to: number): ShardState {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from) {
    throw new RangeError(`expected a replication range 0 <= from <= to, got [${from}, ${to})`);
  }
  const experiment = decodeExperiment(spec);
  if (spec.runs !== undefined && to > spec.runs) {
    throw new RangeError(`replications ${from}..${to - 1} go beyond the ${spec.runs} the spec's runs gives (0..${spec.runs - 1})`);
  }
  const state = emptyShard(spec, experiment);
  for (let i = from; i < to; i++) addReplication(state, experiment, i);
  return state;
}

function checkFormat(state: ShardState): void {
  // Another format's replications ran on other random streams or counted otherwise: merged, they would be a mixture.
  if (state.version !== RESULT_FORMAT_VERSION) {
    throw new Error(`cannot merge a shard state of result format ${String(state.version)}: this version writes and merges format ${RESULT_FORMAT_VERSION}; rerun it`);
  }
}

/**
 * Adds `other` into `target` in place (`other` is not changed): totals add exactly, ranges join,
 * rows are appended (call {@link sortRows} once after the last merge). Merging states one after
 * another in range order gives exactly what {@link mergeShards} gives for the list; a stop rule
 * merges its batches so, instead of keeping every batch to the end.
 * @throws {Error} when the specs or result formats differ, or the ranges overlap.
 */
export function mergeShardInto(target: ShardState, other: ShardState): void {
  checkFormat(target);
  checkFormat(other);
  if (JSON.stringify(other.spec) !== JSON.stringify(target.spec)) throw new Error('cannot merge shards of different experiments (their specs differ)');
  for (const [from, to] of other.ranges) addRange(target.ranges, from, to);
  other.policies.forEach((p, k) => {
    const into = target.policies[k]!;
    for (const m of OUTCOMES) {
      mergeTotals(into.outcomes[m], p.outcomes[m]);
      if (into.differences !== null && p.differences !== null) mergeTotals(into.differences[m], p.differences[m]);
      into.higher[m] += p.higher[m];
      into.lower[m] += p.lower[m];
    }
    if (into.series !== null && p.series !== null) {
      for (const m of SERIES) p.series[m].forEach((t, h) => mergeTotals(into.series![m][h]!, t));
    }
    for (const [path, t] of Object.entries(p.inputs)) mergeTotals(into.inputs[path]!, t);
  });
  for (const row of other.rows) target.rows.push(row);
  for (const row of other.inputRows) target.inputRows.push(row);
}

/**
 * Orders a merged state's rows by replication, then policy, then outcome, and its input rows by
 * replication, then policy, then the order its config lists the inputs (as one run adds them).
 */
export function sortRows(state: ShardState): void {
  const order = new Map(state.policies.map((p, k) => [p.name, k]));
  const metricOrder = new Map(OUTCOMES.map((m, k) => [m as string, k]));
  state.rows.sort(
    (a, b) => a.replication - b.replication || order.get(a.policy)! - order.get(b.policy)! || metricOrder.get(a.metric)! - metricOrder.get(b.metric)!,
  );
  const inputOrder = new Map(state.policies.map((p) => [p.name, new Map(Object.keys(p.inputs).map((path, k) => [path, k]))]));
  state.inputRows.sort(
    (a, b) => a.replication - b.replication || order.get(a.policy)! - order.get(b.policy)! || inputOrder.get(a.policy)!.get(a.input)! - inputOrder.get(b.policy)!.get(b.input)!,
  );
}

/**
 * Merges shard states of the same spec into one (the inputs are not changed). Totals add
 * exactly, rows are ordered by replication then policy, and overlapping ranges are an error, as is
 * a state of another {@link RESULT_FORMAT_VERSION}.
 */
export function mergeShards(states: readonly ShardState[]): ShardState {
  if (states.length === 0) throw new Error('nothing to merge: give at least one shard state');
  for (const state of states) checkFormat(state);
  const merged: ShardState = structuredClone(states[0]!);
  for (const other of states.slice(1)) mergeShardInto(merged, other);
  sortRows(merged);
  return merged;
}
