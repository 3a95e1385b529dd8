/**
 * framework-agreement-sim/node: everything of the core entry, plus parallel execution on
 * `worker_threads`. `monteCarlo`, `compare`, `sweep` and `runDesign` here take the same arguments
 * as the core ones and one more option, `workers`, and run on every core by default; their
 * results are byte-identical to the core's serial results.
 *
 * Import everything from this entry in Node (not some names from here and some from the core
 * entry), so that error classes such as `ConfigError` are the same objects in both module formats.
 * @example
 * import { compare } from 'framework-agreement-sim/node';
 * const r = await compare({}, { guarantee: { policy: { minimumVolumeShare: 0.3 } } }, { runs: 1000 });
 * @module framework-agreement-sim/node
 */
import type { ConfigInput } from '../model/config.js';
import { compare as compareSerial, type PolicyList } from '../experiment/compare.js';
import { monteCarlo as monteCarloSerial } from '../experiment/monteCarlo.js';
import type { ExperimentOptions, ExperimentOutput } from '../experiment/run.js';
import { runDesign as runDesignSerial, sweep as sweepSerial, type SweepOutput } from '../experiment/sweep.js';
import { robustness as robustnessSerial, type RobustnessOptions, type RobustnessResult } from '../experiment/robustness.js';
import { workerExecutor } from './pool.js';

export * from '../index.js';
// The shard and executor plumbing that splits an experiment over threads, processes and machines
// (the CLI's shard and merge, docs/cluster.md): runs anywhere, but only needed where it runs.
export { runShard, mergeShards, finaliseExperiment, serialExecutor, shardStateProblem } from '../experiment/index.js';
export { workerExecutor, defaultWorkerCount, maxWorkerCount, MAX_WORKERS, MAX_CHUNK_RUNS, WORKERS_PER_CORE, WorkerCrashError, type WorkerExecutorOptions } from './pool.js';

/**
 * {@link ExperimentOptions} plus the number of worker threads.
 * @example
 * const options: NodeExperimentOptions = { runs: 1000, seed: 7, workers: 4 };
 */
export interface NodeExperimentOptions extends ExperimentOptions {
  /**
   * Worker threads (default: `os.availableParallelism()`), at most `maxWorkerCount()` (4 per core,
   * never more than 512). 1 runs serially in this thread, with no worker. Ignored when `executor`
   * is given.
   */
  readonly workers?: number;
}

/**
 * The options with `executor` defaulted to a worker pool of `options.workers` threads (unless
 * `workers` is 1 or an executor is given).
 * @example
 * const options = withWorkers({ runs: 100, workers: 4 }); // options.executor runs on 4 threads
 */
export function withWorkers(options: NodeExperimentOptions): ExperimentOptions {
  const { workers, ...rest } = options;
  if (rest.executor !== undefined || workers === 1) return rest;
  return { ...rest, executor: workerExecutor({ workers }) };
}

/**
 * The core `monteCarlo` (every outcome and series over `runs` replications of one config), on
 * worker threads by default. Same result, byte for byte, as the serial run.
 * @example
 * import { monteCarlo } from 'framework-agreement-sim/node';
 * const r = await monteCarlo({}, { runs: 1000, seed: 7, workers: 4 });
 * r.policies[0].outcomes.top15Share.mean;
 */
export async function monteCarlo(config: ConfigInput, options: NodeExperimentOptions): Promise<ExperimentOutput> {
  return monteCarloSerial(config, withWorkers(options));
}

/**
 * The core `compare` (policies against a baseline on paired replications), on worker threads by
 * default. Same result, byte for byte, as the serial run.
 * @example
 * import { compare } from 'framework-agreement-sim/node';
 * const r = await compare({}, { guarantee: { policy: { minimumVolumeShare: 0.3 } } }, { runs: 500 });
 * r.differences.guarantee.smallCohortSurvival.mean;
 */
export async function compare(baseline: ConfigInput, policies: PolicyList, options: NodeExperimentOptions): Promise<ExperimentOutput> {
  return compareSerial(baseline, policies, withWorkers(options));
}

/**
 * The core `sweep` (one parameter over values, paired), on worker threads by default. Same
 * result, byte for byte, as the serial run.
 * @example
 * import { sweep } from 'framework-agreement-sim/node';
 * const r = await sweep({}, 'policy.minimumVolumeShare', [0, 0.1, 0.3], { runs: 200 });
 */
export async function sweep(config: ConfigInput, path: string, values: readonly unknown[], options: NodeExperimentOptions): Promise<SweepOutput> {
  return sweepSerial(config, path, values, withWorkers(options));
}

/**
 * The core `runDesign` (a grid or Latin-hypercube design as a paired experiment), on worker
 * threads by default. Same result, byte for byte, as the serial run.
 * @example
 * import { gridDesign, runDesign } from 'framework-agreement-sim/node';
 * const points = gridDesign([{ path: 'policy.priceWeight', values: [0.4, 0.7] }]);
 * const r = await runDesign({}, points, { runs: 100 });
 */
export async function runDesign(config: ConfigInput, points: readonly ConfigInput[], options: NodeExperimentOptions): Promise<ExperimentOutput> {
  return runDesignSerial(config, points, withWorkers(options));
}

/**
 * {@link RobustnessOptions} plus the number of worker threads.
 * @example
 * const options: NodeRobustnessOptions = { runs: 40, workers: 2, worlds: WORLDS };
 */
export interface NodeRobustnessOptions extends RobustnessOptions {
  /** Worker threads, as in {@link NodeExperimentOptions.workers}; ignored when `executor` is given. */
  readonly workers?: number;
}

/**
 * The core `robustness` (each policy against the baseline in each of a set of worlds, with a
 * verdict per outcome: holds, depends, reverses or none), each world on worker threads by
 * default. Same result, byte for byte, as the serial run.
 * @example
 * import { robustness, WORLDS } from 'framework-agreement-sim/node';
 * const r = await robustness({}, { riskSharing: { policy: { minimumVolumeShare: 0.6 } } }, { runs: 40, worlds: WORLDS });
 * r.verdicts.riskSharing.smallCohortSurvival.verdict; // 'holds' | 'depends' | 'reverses' | 'none'
 */
export async function robustness(base: ConfigInput, policies: PolicyList, options: NodeRobustnessOptions): Promise<RobustnessResult> {
  const { workers, ...rest } = options;
  if (rest.executor !== undefined || workers === 1) return robustnessSerial(base, policies, rest);
  return robustnessSerial(base, policies, { ...rest, executor: workerExecutor({ workers }) });
}
