import type { ConfigInput } from '../model/config.js';
import type { Seed } from '../random/streams.js';

/** Largest number of replications one experiment may ask for. */
export const MAX_RUNS = 100_000_000;

/** A policy to compare with the baseline: a name and the partial config that defines it. */
export interface PolicyVariant {
  /** Unique name, shown in results. */
  readonly name: string;
  /** Merged over the experiment's config (so `{ policy: { minimumVolumeShare: 0.3 } }` changes one lever). */
  readonly input: ConfigInput;
}

/**
 * Everything that defines an experiment's numbers. Plain JSON, so a shard can be described in a
 * file and run anywhere.
 */
export interface ExperimentSpec {
  /** The scenario and baseline policy: a partial config over the built-in baseline. */
  readonly config: ConfigInput;
  /** Policies compared with the baseline on the same replications; empty for a plain Monte Carlo. */
  readonly variants: readonly PolicyVariant[];
  /** Master seed; replication i uses `replicationSeed(seed, i)`. */
  readonly seed: Seed;
  /** Keep one row per run, policy and outcome (memory grows with runs); off for flat memory. */
  readonly rows: boolean;
  /** Summarise every per-period series too (per period: mean, sd, quantiles). */
  readonly series: boolean;
  /**
   * The replications the experiment is meant to have, 0..runs-1 (optional). Stated, it lets
   * shards and merges check what they hold against it: `shard` refuses a range beyond it, `merge`
   * refuses a set of shards that leaves any of them out (unless asked for a partial result), and
   * `runExperiment` refuses another `options.runs`. Part of the spec's identity: shards of a spec
   * with and without it do not merge.
   */
  readonly runs?: number;
}

/** One outcome of one run, as a tidy row. */
export interface RunRow {
  readonly policy: string;
  readonly replication: number;
  readonly seed: string;
  readonly metric: string;
  readonly value: number;
}

/** The value one run drew for one uncertain input (a number the config gave as a distribution). */
export interface InputRow {
  readonly policy: string;
  readonly replication: number;
  readonly seed: string;
  /** The input's path, such as `effects.dataSharing.workRateGain`. */
  readonly input: string;
  readonly value: number;
}
