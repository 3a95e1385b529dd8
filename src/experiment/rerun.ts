import { LIBRARY } from '../version.js';
import { serialExecutor, type Executor } from './executor.js';
import { finaliseExperiment, RESULT_FORMAT_VERSION, type ExperimentResult } from './result.js';
import { robustnessOf, type RobustnessResult } from './robustness.js';
import { runExperiment, type ExperimentOutput, type Progress } from './run.js';
import { emptyShard, decodeExperiment, mergeShardInto, sortRows } from './shard.js';
import type { SweepOutput } from './sweep.js';
import { progressClock } from './progressClock.js';

/** Options of {@link rerun}: where to run and how to follow it; nothing that changes a number. */
export interface RerunOptions {
  /** Where replications run (default `serialExecutor`; `workerExecutor()` from `/node` for all cores). */
  readonly executor?: Executor;
  /** Cancels the rerun. */
  readonly signal?: AbortSignal;
  /** Called once per finished replication. */
  readonly onProgress?: (progress: Progress) => void;
}

/** A result `rerun` can reproduce: anything an experiment function returned, or `robustness`. */
export type RerunnableResult = ExperimentOutput | SweepOutput | RobustnessResult;

/** Why a saved result cannot be rerun by this library, or null. */
function rerunProblem(result: { readonly library?: unknown; readonly version?: unknown; readonly spec?: unknown }, needsSpec = true): string | null {
  if (needsSpec && result.spec === undefined) return 'it does not carry its spec (written before version 0.2.0 recorded it)';
  if (result.version !== RESULT_FORMAT_VERSION) return `it is of result format ${String(result.version)}, and this library writes format ${RESULT_FORMAT_VERSION}`;
  if (result.library !== LIBRARY) return `it was written by ${String(result.library)}, and this is ${LIBRARY}: install that version to reproduce it (its numbers may differ from this one's)`;
  return null;
}

async function rerunExperiment(result: ExperimentOutput | SweepOutput, options: RerunOptions): Promise<ExperimentOutput | SweepOutput> {
  const problem = rerunProblem(result);
  if (problem !== null) throw new Error(`cannot rerun this result: ${problem}`);
  const executor = options.executor ?? serialExecutor;
  let output: ExperimentOutput;
  if (result.ranges !== undefined) {
    // A partial merge: exactly its ranges, merged in order as `merge` merges its shards.
    const merged = emptyShard(result.spec, decodeExperiment(result.spec));
    const tick = progressClock(result.runs);
    for (const [from, to] of result.ranges) {
      const state = await executor.run(result.spec, from, to, {
        signal: options.signal,
        onReplication: () => options.onProgress?.(tick()),
      });
      mergeShardInto(merged, state);
    }
    sortRows(merged);
    output = finaliseExperiment(merged);
  } else {
    const rule = result.convergence?.rule;
    output = await runExperiment(result.spec, {
      // A stop rule's maximum: the spec's runs if it states them; otherwise the rule either stopped at
      // result.runs or ran out there, and both happen again with result.runs as the maximum.
      runs: result.spec.runs ?? result.runs,
      executor,
      ...(rule !== undefined ? { stopWhen: rule } : {}),
      ...(options.signal !== undefined ? { signal: options.signal } : {}),
      ...(options.onProgress !== undefined ? { onProgress: options.onProgress } : {}),
    });
  }
  if ('parameter' in result && 'values' in result) return { ...output, parameter: result.parameter, values: result.values };
  return output;
}

/**
 * Runs a saved result's experiment again, from what the result itself records (its spec, runs,
 * ranges and stop rule), and returns the new result: byte for byte the saved one when the
 * library is the same version. A result of `sweep` keeps its parameter and values, and one of
 * `robustness` reruns every world and judges them again.
 *
 * It refuses, with an Error that says why, a result written by another library version (its
 * numbers may differ), of another result format, or without its spec.
 * @example
 * const saved = JSON.parse(readFileSync('result.json', 'utf8'));
 * const again = await rerun(saved);
 * JSON.stringify(again) === JSON.stringify(saved); // true
 */
export async function rerun<R extends RerunnableResult>(result: R, options: RerunOptions = {}): Promise<R> {
  const kind = (result as { kind?: unknown }).kind;
  if (kind === 'framework-agreement-sim/experiments') throw new Error('cannot rerun this result with rerun: it is an experiments study; use rerunExperiments(study)');
  if (kind !== 'framework-agreement-sim/experiment' && kind !== 'framework-agreement-sim/robustness') {
    throw new Error(`cannot rerun this result: rerun takes what an experiment function or robustness returned, and this is ${JSON.stringify(kind) ?? 'not a result'}`);
  }
  if (result.kind === 'framework-agreement-sim/robustness') {
    const robust = result as RobustnessResult;
    const problem = rerunProblem(robust, false);
    if (problem !== null) throw new Error(`cannot rerun this robustness check: ${problem}`);
    const results: ExperimentResult[] = [];
    for (const world of robust.worlds) results.push(await rerunExperiment(world.result, options));
    const worlds = robust.worlds.map(({ result: _result, ...world }) => world);
    return robustnessOf(worlds, results, robust.metrics) as R;
  }
  return (await rerunExperiment(result as ExperimentOutput | SweepOutput, options)) as R;
}
