import type { ExperimentResult } from '../experiment/result.js';
import type { SweepOutput } from '../experiment/sweep.js';
import type { SimulationResult } from '../model/result.js';
import { experimentRows, type RowOptions } from './experimentRows.js';
import { runRows } from './runRows.js';
import { sweepRows } from './sweepRows.js';
import type { TidyRow } from './tidyRow.js';

/**
 * Any result the library returns: one run, an experiment (monteCarlo, compare, runDesign) or a sweep.
 * @example const results: AnyResult[] = [simulate({}, 1), await monteCarlo({}, { runs: 10 })];
 */
export type AnyResult = SimulationResult | ExperimentResult | SweepOutput;

/**
 * True for a sweep's output: an experiment with `parameter` and `values`.
 * @example isSweep(await sweep({}, 'policy.lotSplit', [1, 2], { runs: 10 })) // true
 */
export function isSweep(result: AnyResult): result is SweepOutput {
  return isExperiment(result) && typeof (result as Partial<SweepOutput>).parameter === 'string' && Array.isArray((result as Partial<SweepOutput>).values);
}

/**
 * True for an experiment's result (including a sweep's).
 * @example isExperiment(simulate({}, 1)) // false
 */
export function isExperiment(result: AnyResult): result is ExperimentResult {
  return (result as Partial<ExperimentResult>).kind === 'framework-agreement-sim/experiment';
}

function isRun(result: unknown): result is SimulationResult {
  const r = result as Partial<SimulationResult> | null;
  return typeof r === 'object' && r !== null && typeof r.series === 'object' && typeof r.outcomes === 'object' && typeof r.periodsPerYear === 'number';
}

/**
 * Tidy rows of any result: {@link sweepRows} for a sweep, {@link experimentRows} for another
 * experiment, {@link runRows} for one run (which ignores `options`).
 * @example
 * toCsv(toRows(await compare({}, { guarantee: { policy: { minimumVolumeShare: 0.3 } } }, { runs: 50 })));
 */
export function toRows(result: AnyResult, options: RowOptions = {}): TidyRow[] {
  if (typeof result !== 'object' || result === null) throw new Error(`toRows: expected a result object, got ${result === null ? 'null' : typeof result}`);
  if (isSweep(result)) return sweepRows(result, options);
  if (isExperiment(result)) return experimentRows(result, options);
  if (isRun(result)) return runRows(result);
  throw new Error('toRows: expected the result of simulate, an experiment (monteCarlo, compare, runDesign) or a sweep');
}
