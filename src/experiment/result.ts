import type { UncertainConfig } from '../model/config.js';
import { canonicalSeed } from '../random/streams.js';
import { OUTCOME_METRICS, SERIES_METRICS, type OutcomeMetric, type SeriesMetric } from '../model/metrics.js';
import { policyInputs, type PolicyInputs } from './policyInputs.js';
import { decodeExperiment, type ShardState } from './shard.js';
import type { ExperimentSpec, InputRow, RunRow } from './spec.js';
import { LIBRARY } from '../version.js';
import { summarise, type Summary } from './summary.js';

/** Many runs of one policy. */
export interface PolicySummary {
  readonly name: string;
  /** Each scalar outcome across runs. */
  readonly outcomes: Record<OutcomeMetric, Summary>;
  /** Each series, period by period (absent when series were not requested). */
  readonly series?: Record<SeriesMetric, Summary[]>;
  /**
   * The values drawn for each of the policy's uncertain inputs (numbers its config gave as
   * distributions), by path, across replications; absent when it had none.
   */
  readonly inputs?: Record<string, Summary>;
}

/**
 * A policy's paired difference from the baseline on one outcome: the summary of
 * (policy - baseline) over replications, plus what the pairing bought.
 */
export interface DifferenceSummary extends Summary {
  /** Share of replications in which the policy's value was above the baseline's. */
  readonly probabilityHigher: number;
  /** Share of replications in which it was below. */
  readonly probabilityLower: number;
  /** Share of replications in which the policy did better, by the outcome's direction; null when no direction is better. */
  readonly probabilityBetter: number | null;
  /** Standard error the difference of means would have from independent runs: sqrt((sdA^2 + sdB^2) / n). */
  readonly independentSe: number;
  /**
   * Variance-reduction factor of pairing: independent variance / paired variance,
   * (sd_A^2 + sd_B^2) / sd_d^2, where sd_A and sd_B are the two policies' own sd and sd_d that of
   * the paired differences. 1 means no gain, 10 that independent runs would need about ten times as
   * many replications for the same precision. Null where the ratio is undefined: when the paired
   * differences have no variation (a policy compared with itself, or one this outcome never tells
   * apart from the baseline), when neither policy's values vary, or with fewer than 2 runs.
   * A ratio of two estimated variances, it is biased upward in small samples: with normal values
   * and equal spreads its mean is 1/2 + (VR - 1/2)(n - 1)/(n - 3) (12 % too high at n = 20, 2 %
   * at n = 100), while its median is about right; see docs/experiments.md, section 5.
   */
  readonly varianceReduction: number | null;
}

export { RESULT_FORMAT_VERSION } from '../version.js';
import { RESULT_FORMAT_VERSION } from '../version.js';

/** What an experiment returns: plain JSON. */
export interface ExperimentResult {
  readonly kind: 'framework-agreement-sim/experiment';
  /** {@link RESULT_FORMAT_VERSION} of the library that wrote it. */
  readonly version: typeof RESULT_FORMAT_VERSION;
  /** The library and its version that wrote it (`LIBRARY`: "framework-agreement-sim 0.2.0"). */
  readonly library: string;
  /**
   * The master seed in its one text form (`canonicalSeed`: a number seed 1 is stored as "1");
   * replication i ran with `replicationSeed(seed, i)`.
   */
  readonly seed: string;
  /** Replications run (each policy ran on every one). */
  readonly runs: number;
  /**
   * The replications the spec said the experiment is meant to have (its `runs`), when it said so.
   * Fewer `runs` than this is a partial result (`merge --partial`).
   */
  readonly plannedRuns?: number;
  /**
   * The replications it holds, as [from, to) ranges, when they are not simply 0..runs-1 (a
   * result merged with `--partial`); {@link rerun} runs exactly these.
   */
  readonly ranges?: ReadonlyArray<readonly [number, number]>;
  /**
   * The spec that produced it, whole (config, variants with their inputs, seed in its text form,
   * rows, series and planned runs): with `runs` (and `ranges`, `stopWhen`) it is all
   * {@link rerun} needs to reproduce the result byte for byte.
   */
  readonly spec: ExperimentSpec;
  /** The decoded baseline config, distributions included (each replication drew its own values). */
  readonly config: UncertainConfig;
  /** The baseline first, then each variant in the order given. */
  readonly policies: readonly PolicySummary[];
  /** Per variant name, its paired difference from the baseline on every outcome. */
  readonly differences: Record<string, Record<OutcomeMetric, DifferenceSummary>>;
  /**
   * Per variant name, how it differs from the baseline: the effect sizes it sets (assumed) and the
   * settings whose effects the model works out (modelled). Tables mark a change that only assumed
   * inputs reach as assumed. Absent in results written before version 0.2.0.
   */
  readonly changes?: Record<string, PolicyInputs>;
  /** One row per run, policy and outcome, when rows were requested. */
  readonly rows?: readonly RunRow[];
  /** One row per run, policy and uncertain input with the value drawn, when rows were requested and some input was uncertain. */
  readonly inputRows?: readonly InputRow[];
}

/** Whether ranges are exactly [[0, n]] (or none): the replications 0..n-1 of a plain run. */
function contiguousFromZero(ranges: ReadonlyArray<readonly [number, number]>): boolean {
  return ranges.length === 0 || (ranges.length === 1 && ranges[0]![0] === 0);
}

/** Turns a (merged) shard state into the experiment's result. */
export function finaliseExperiment(state: ShardState): ExperimentResult {
  const runs = state.ranges.reduce((a, [from, to]) => a + to - from, 0);
  const policies: PolicySummary[] = state.policies.map((p) => {
    const outcomes = Object.fromEntries(Object.entries(p.outcomes).map(([m, t]) => [m, summarise(t)])) as Record<OutcomeMetric, Summary>;
    const drawn = Object.keys(p.inputs).length > 0 ? { inputs: Object.fromEntries(Object.entries(p.inputs).map(([path, t]) => [path, summarise(t)])) } : {};
    if (p.series === null) return { name: p.name, outcomes, ...drawn };
    const series = Object.fromEntries(
      (Object.keys(SERIES_METRICS) as SeriesMetric[]).map((m) => [m, p.series![m].map(summarise)]),
    ) as Record<SeriesMetric, Summary[]>;
    return { name: p.name, outcomes, series, ...drawn };
  });
  const base = policies[0]!;
  const differences: Record<string, Record<OutcomeMetric, DifferenceSummary>> = {};
  state.policies.forEach((p, k) => {
    if (p.differences === null) return;
    const own = policies[k]!;
    const entry = {} as Record<OutcomeMetric, DifferenceSummary>;
    for (const m of Object.keys(OUTCOME_METRICS) as OutcomeMetric[]) {
      const d = summarise(p.differences[m]);
      const n = Math.max(1, d.n);
      const independentVariance = own.outcomes[m].sd ** 2 + base.outcomes[m].sd ** 2;
      const pairedVariance = d.sd ** 2;
      // Undefined (x / 0, 0 / 0) without variation; a ratio that overflows is no more defined.
      const ratio = pairedVariance > 0 && independentVariance > 0 ? independentVariance / pairedVariance : Number.NaN;
      const better = OUTCOME_METRICS[m].better;
      entry[m] = {
        ...d,
        probabilityHigher: p.higher[m] / n,
        probabilityLower: p.lower[m] / n,
        probabilityBetter: better === 'higher' ? p.higher[m] / n : better === 'lower' ? p.lower[m] / n : null,
        independentSe: Math.sqrt(independentVariance / n),
        varianceReduction: Number.isFinite(ratio) ? ratio : null,
      };
    }
    // An own property whatever the name: assigning would give a variant named "__proto__" to the
    // object's prototype instead, and JSON would lose it.
    Object.defineProperty(differences, p.name, { value: entry, enumerable: true, writable: true, configurable: true });
  });
  const decoded = decodeExperiment(state.spec);
  const changes: Record<string, PolicyInputs> = {};
  decoded.configs.forEach((config, k) => {
    if (k === 0) return;
    Object.defineProperty(changes, decoded.names[k]!, { value: policyInputs(decoded.configs[0]!, config), enumerable: true, writable: true, configurable: true });
  });
  return {
    kind: 'framework-agreement-sim/experiment',
    version: RESULT_FORMAT_VERSION,
    seed: canonicalSeed(state.spec.seed),
    library: LIBRARY,
    runs,
    ...(state.spec.runs !== undefined ? { plannedRuns: state.spec.runs } : {}),
    ...(contiguousFromZero(state.ranges) ? {} : { ranges: state.ranges.map(([from, to]): [number, number] => [from, to]) }),
    spec: state.spec,
    config: decoded.configs[0]!,
    policies,
    differences,
    changes,
    ...(state.spec.rows ? { rows: state.rows } : {}),
    ...(state.spec.rows && state.inputRows.length > 0 ? { inputRows: state.inputRows } : {}),
  };
}
