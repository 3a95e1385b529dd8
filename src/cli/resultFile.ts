/**
 * Reading an experiment result from a file, as written by `run` or `merge --out`, with a one-line
 * error for anything else, so commands that chart or tabulate a result never crash on a bad file.
 * @packageDocumentation
 */
import { RESULT_FORMAT_VERSION, type ExperimentResult } from '../experiment/result.js';
import { isPlainObject } from '../model/codecs.js';
import { OUTCOME_METRICS, SERIES_METRICS } from '../model/metrics.js';
import { clip, readJson, UsageError } from './io.js';

const SUMMARY_KEYS = ['n', 'mean', 'sd', 'se', 'lower', 'upper', 'min', 'max', 'q05', 'q25', 'q50', 'q75', 'q95'] as const;

/** Why a value is not a Summary (every statistic a finite number, `noVariation` a boolean), or null if it is one. */
function summaryProblem(value: unknown, path: string): string | null {
  if (!isPlainObject(value)) return `${path} is not a summary`;
  const missing = SUMMARY_KEYS.find((k) => typeof value[k] !== 'number' || !Number.isFinite(value[k]));
  if (missing !== undefined) return `${path}.${missing} is not a finite number`;
  return typeof value['noVariation'] === 'boolean' ? null : `${path}.noVariation is not true or false`;
}

/**
 * Whether the result's summaries predate the `noVariation` flag: its first summary lacks it. Such a
 * file was written by an earlier version, whose zero-width intervals were not flagged.
 */
function lacksNoVariation(value: Record<string, unknown>): boolean {
  const policies = value['policies'];
  if (!Array.isArray(policies) || !isPlainObject(policies[0]) || !isPlainObject(policies[0]['outcomes'])) return false;
  const first: unknown = Object.values(policies[0]['outcomes'])[0];
  return isPlainObject(first) && !Object.hasOwn(first, 'noVariation');
}

/** Why a record of summaries is not one with exactly `keys` (when given), or null. */
function summariesProblem(value: unknown, path: string, keys: readonly string[] | null, extra?: (s: Record<string, unknown>, at: string) => string | null): string | null {
  if (!isPlainObject(value) || Object.keys(value).length === 0) return `${path} is not a record of summaries`;
  if (keys !== null) {
    const missing = keys.find((k) => !Object.hasOwn(value, k));
    if (missing !== undefined) return `${path} lacks ${JSON.stringify(missing)}`;
    const unknown = Object.keys(value).find((k) => !keys.includes(k));
    if (unknown !== undefined) return `${path} has ${JSON.stringify(unknown)}, which the first policy does not`;
  }
  for (const [key, summary] of Object.entries(value)) {
    const problem = summaryProblem(summary, `${path}.${key}`) ?? extra?.(summary as Record<string, unknown>, `${path}.${key}`) ?? null;
    if (problem !== null) return problem;
  }
  return null;
}

/** Why a difference summary's own fields are wrong (probabilityBetter, varianceReduction), or null. */
function differenceProblem(d: Record<string, unknown>, at: string): string | null {
  const p = d['probabilityBetter'];
  if (!(p === null || (typeof p === 'number' && p >= 0 && p <= 1))) return `${at}.probabilityBetter is not a probability or null`;
  const v = d['varianceReduction'];
  return v === null || (typeof v === 'number' && v > 0 && Number.isFinite(v)) ? null : `${at}.varianceReduction is not a positive number or null`;
}

/**
 * Why a parsed JSON value is not an experiment result, or null if it is one: the kind, the run
 * count, and per policy its name, outcome summaries and (optional) series, and the paired
 * differences of every variant. Per-run rows, if any, are not checked one by one.
 */
function resultProblem(value: Record<string, unknown>): string | null {
  const runs = value['runs'];
  if (!Number.isSafeInteger(runs) || (runs as number) < 1) return 'runs is not a positive integer';
  const planned = value['plannedRuns'];
  if (planned !== undefined && !(Number.isSafeInteger(planned) && (planned as number) >= (runs as number))) return 'plannedRuns is not an integer of at least runs';
  if (!(typeof value['seed'] === 'number' || typeof value['seed'] === 'string')) return 'seed is not a number or a string';
  if (!isPlainObject(value['config'])) return 'config is not an object';
  const policies = value['policies'];
  if (!Array.isArray(policies) || policies.length === 0) return 'policies is not a non-empty list';
  const names = new Set<string>();
  let outcomeKeys: string[] | null = null;
  let seriesKeys: string[] | null = null;
  for (const [k, policy] of policies.entries()) {
    const at = `policies[${k}]`;
    if (!isPlainObject(policy) || typeof policy['name'] !== 'string' || policy['name'] === '') return `${at}.name is not a non-empty string`;
    if (names.has(policy['name'])) return `${at}.name ${JSON.stringify(policy['name'])} is used twice`;
    names.add(policy['name']);
    const outcomes = summariesProblem(policy['outcomes'], `${at}.outcomes`, outcomeKeys);
    if (outcomes !== null) return outcomes;
    outcomeKeys ??= Object.keys(policy['outcomes'] as object);
    const series = policy['series'];
    if (series === undefined) continue;
    if (!isPlainObject(series) || Object.keys(series).length === 0) return `${at}.series is not a record of series`;
    if (seriesKeys !== null && JSON.stringify(Object.keys(series).sort()) !== JSON.stringify([...seriesKeys].sort())) return `${at}.series has other series than policies[0]`;
    seriesKeys ??= Object.keys(series);
    for (const [metric, periods] of Object.entries(series)) {
      if (!Array.isArray(periods)) return `${at}.series.${metric} is not a list`;
      for (const [p, summary] of periods.entries()) {
        const problem = summaryProblem(summary, `${at}.series.${metric}[${p}]`);
        if (problem !== null) return problem;
      }
    }
  }
  const differences = value['differences'];
  if (!isPlainObject(differences)) return 'differences is not an object';
  for (const policy of policies.slice(1) as Array<{ name: string }>) {
    if (!Object.hasOwn(differences, policy.name)) return `differences lacks the variant ${JSON.stringify(policy.name)}`;
  }
  for (const [name, record] of Object.entries(differences)) {
    if (!names.has(name) || name === (policies[0] as { name: string }).name) return `differences has ${JSON.stringify(name)}, which is not a variant`;
    const problem = summariesProblem(record, `differences[${JSON.stringify(name)}]`, outcomeKeys, differenceProblem);
    if (problem !== null) return problem;
  }
  if (value['rows'] !== undefined && !Array.isArray(value['rows'])) return 'rows is not a list';
  return null;
}

/**
 * The first outcome or series of this version that a well-formed result lacks (it was written by
 * another version, and charts would come out with empty panels), or null.
 */
function missingMetric(policies: ReadonlyArray<Record<string, object>>): string | null {
  const first = policies[0]!;
  const outcome = Object.keys(OUTCOME_METRICS).find((m) => !Object.hasOwn(first['outcomes']!, m));
  if (outcome !== undefined) return `outcome "${outcome}"`;
  const series = first['series'] === undefined ? undefined : Object.keys(SERIES_METRICS).find((m) => !Object.hasOwn(first['series']!, m));
  return series === undefined ? null : `series "${series}"`;
}

/**
 * Reads an experiment result (as written by `run` or `merge --out`) from `file`, or throws a
 * {@link UsageError} with one line saying what is wrong: unreadable, not JSON, a shard state
 * (not merged yet), another kind of file, a damaged result (with the first bad path), or one
 * written by another version (summaries without the `noVariation` flag, or lacking an outcome or
 * series of this one).
 * @example
 * const result = await readExperimentResult('result.json');
 */
export async function readExperimentResult(file: string): Promise<ExperimentResult> {
  const value = await readJson(file, 'experiment result');
  if (isPlainObject(value) && value['kind'] === 'framework-agreement-sim/shard') {
    throw new UsageError(`${file}: a shard state, not an experiment result; merge it first (framework-agreement-sim merge --out result.json ${file} ...)`);
  }
  if (!isPlainObject(value) || value['kind'] !== 'framework-agreement-sim/experiment') {
    throw new UsageError(`${file}: not an experiment result (written by "framework-agreement-sim run" or "merge --out")`);
  }
  // A result without `version` predates the field (format 1): its numbers are still what that
  // version computed, so it can be charted; a later format may change the layout, so it cannot.
  if (value['version'] !== undefined && value['version'] !== RESULT_FORMAT_VERSION) {
    throw new UsageError(`${file}: written by another version of framework-agreement-sim (result format ${clip(JSON.stringify(value['version']) ?? '?')}, this version reads ${RESULT_FORMAT_VERSION}); rerun the experiment with this version`);
  }
  if (lacksNoVariation(value)) {
    throw new UsageError(`${file}: written by another version of framework-agreement-sim (its summaries lack the noVariation flag); rerun the experiment with this version`);
  }
  const problem = resultProblem(value);
  if (problem !== null) throw new UsageError(`${file}: a damaged experiment result (${problem})`);
  const missing = missingMetric(value['policies'] as Array<Record<string, object>>);
  if (missing !== null) {
    throw new UsageError(`${file}: written by another version of framework-agreement-sim (it lacks the ${missing}); rerun the experiment with this version`);
  }
  return value as unknown as ExperimentResult;
}
