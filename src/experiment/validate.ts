import { OUTCOME_METRICS, SERIES_METRICS } from '../model/metrics.js';
import { decodeExperiment, type ShardState } from './shard.js';
import { QUANTILE_ACCURACY } from './summary.js';

const OUTCOMES = Object.keys(OUTCOME_METRICS);
const SERIES = Object.keys(SERIES_METRICS);

function isFiniteNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Sketch buckets: a flat list [index, count, index, count, ...] (see QuantileSketch), indexes safe
 * integers in strictly increasing order, counts positive safe integers.
 */
function isBuckets(x: unknown): boolean {
  if (!Array.isArray(x) || x.length % 2 !== 0) return false;
  let last = -Infinity;
  for (let k = 0; k < x.length; k += 2) {
    const index: unknown = x[k];
    const count: unknown = x[k + 1];
    if (!(Number.isSafeInteger(index) && Number.isSafeInteger(count) && (count as number) > 0 && (index as number) > last)) return false;
    last = index as number;
  }
  return true;
}

/** The counts of a flat bucket list. */
function bucketCount(buckets: readonly number[]): number {
  let total = 0;
  for (let k = 1; k < buckets.length; k += 2) total += buckets[k]!;
  return total;
}

/** Why a record is not one with exactly the keys `keys`, or null. */
function keysProblem(record: unknown, keys: readonly string[], what: string): string | null {
  if (!isRecord(record)) return `${what} is not an object`;
  const missing = keys.find((k) => !Object.hasOwn(record, k));
  if (missing !== undefined) return `${what} lacks ${missing}`;
  const extra = Object.keys(record).find((k) => !keys.includes(k));
  return extra === undefined ? null : `${what} has an unknown key ${JSON.stringify(extra.slice(0, 40))}`;
}

/** Why a value is not one metric's totals over `runs` replications, or null if it is. */
function totalsProblem(t: unknown, runs: number): string | null {
  if (!isRecord(t)) return 'not an object';
  if (t['n'] !== runs) return `counts ${String(t['n'])} runs where its ranges cover ${runs}`;
  for (const key of ['sum', 'sumOfSquares'] as const) {
    if (!Array.isArray(t[key]) || !(t[key] as unknown[]).every(isFiniteNumber)) return `${key} is not a list of finite numbers`;
  }
  if (!isFiniteNumber(t['min']) || !isFiniteNumber(t['max']) || (runs > 0 && t['min'] > t['max'])) return 'min or max is wrong';
  const sketch = t['sketch'];
  if (!isRecord(sketch) || sketch['count'] !== runs) return 'its quantile sketch does not count its runs';
  if (sketch['accuracy'] !== QUANTILE_ACCURACY) return `its quantile sketch has accuracy ${String(sketch['accuracy'])}, not ${QUANTILE_ACCURACY}`;
  if (!isBuckets(sketch['positive']) || !isBuckets(sketch['negative']) || !Number.isSafeInteger(sketch['zeros']) || (sketch['zeros'] as number) < 0) {
    return 'its quantile sketch is malformed';
  }
  const counted = (sketch['zeros'] as number) + bucketCount(sketch['positive'] as number[]) + bucketCount(sketch['negative'] as number[]);
  return counted === runs ? null : 'its quantile sketch does not add up to its runs';
}

/** Why `ranges` are not sorted, disjoint, non-touching [from, to) pairs of safe integers (as merging leaves them), or null. */
function rangesProblem(ranges: unknown): string | null {
  if (!Array.isArray(ranges)) return 'its ranges are not a list';
  let end = -1;
  for (const r of ranges) {
    if (!(Array.isArray(r) && r.length === 2 && Number.isSafeInteger(r[0]) && Number.isSafeInteger(r[1]) && r[0] >= 0 && r[0] < r[1])) {
      return 'its ranges are not [from, to) pairs of integers with 0 <= from < to';
    }
    if (r[0] <= end) return `its ranges overlap or are out of order at ${r[0]}`;
    end = r[1];
  }
  return null;
}

/**
 * Checks that a shard state (for example one read from a file) is one its spec could have produced
 * and that its totals agree with the replications its ranges claim, so a damaged or edited file
 * is refused with a message instead of producing a wrong result or a crash: the ranges are sorted
 * and disjoint; the spec decodes; there is one policy per policy of the spec, with its name;
 * every policy has totals for exactly this version's outcomes, series exactly when the spec asks
 * for them (one totals record per horizon period), paired differences and higher/lower counts
 * exactly when it is not the baseline, and totals of the values drawn for exactly the policy's
 * uncertain inputs; every total counts exactly the replications covered (its sketch too, at the
 * library's accuracy); and with rows, one row per replication covered, policy and outcome, and one
 * input row per replication covered, policy and uncertain input. Returns the first problem, or null.
 * @example shardStateProblem(runShard(spec, 0, 10)) // null
 */
export function shardStateProblem(state: ShardState): string | null {
  const ranges = rangesProblem(state.ranges);
  if (ranges !== null) return ranges;
  const runs = state.ranges.reduce((a, [from, to]) => a + to - from, 0);
  let names: readonly string[];
  let periods: readonly (number | null)[];
  let inputPaths: readonly (readonly string[])[];
  try {
    const experiment = decodeExperiment(state.spec);
    names = experiment.names;
    periods = experiment.horizonPeriods;
    inputPaths = experiment.inputPaths;
  } catch (error) {
    return `its spec does not decode (${error instanceof Error ? error.message : String(error)})`;
  }
  const planned = state.spec.runs;
  const end = state.ranges.at(-1)?.[1] ?? 0;
  if (planned !== undefined && end > planned) return `its ranges go up to replication ${end - 1}, beyond the ${planned} its spec's runs gives`;
  if (!Array.isArray(state.policies) || state.policies.length !== names.length) {
    const held = Array.isArray(state.policies) ? state.policies.length : 0;
    return `it holds ${held} ${held === 1 ? 'policy' : 'policies'} where its spec has ${names.length}`;
  }
  for (const [k, p] of (state.policies as unknown[]).entries()) {
    if (!isRecord(p) || p['name'] !== names[k]) return `policies[${k}] is not the spec's policy ${JSON.stringify(names[k])}`;
    const name = `policy "${names[k]}"`;
    const outcomes = keysProblem(p['outcomes'], OUTCOMES, `${name}: its outcomes`);
    if (outcomes !== null) return outcomes;
    for (const m of OUTCOMES) {
      const problem = totalsProblem((p['outcomes'] as Record<string, unknown>)[m], runs);
      if (problem !== null) return `${name}, outcome ${m}: ${problem}`;
    }
    const series = p['series'];
    if (!state.spec.series) {
      if (series !== null) return `${name}: it has series, which its spec does not ask for`;
    } else {
      const keys = keysProblem(series, SERIES, `${name}: its series`);
      if (keys !== null) return series === null ? `${name}: its series are missing (null), which its spec asks for` : keys;
      for (const m of SERIES) {
        const column = (series as Record<string, unknown>)[m];
        if (!Array.isArray(column) || column.length !== periods[k]) return `${name}, series ${m}: not a list of ${periods[k]} periods`;
        for (const t of column) {
          const problem = totalsProblem(t, runs);
          if (problem !== null) return `${name}, series ${m}: ${problem}`;
        }
      }
    }
    const differences = p['differences'];
    if (k === 0) {
      if (differences !== null) return `${name}: the baseline has paired differences`;
    } else {
      const keys = keysProblem(differences, OUTCOMES, `${name}: its differences`);
      if (keys !== null) return differences === null ? `${name}: its paired differences are missing (null)` : keys;
      for (const m of OUTCOMES) {
        const problem = totalsProblem((differences as Record<string, unknown>)[m], runs);
        if (problem !== null) return `${name}, difference in ${m}: ${problem}`;
      }
    }
    const inputs = keysProblem(p['inputs'], inputPaths[k]!, `${name}: its inputs`);
    if (inputs !== null) return inputs;
    for (const path of inputPaths[k]!) {
      const problem = totalsProblem((p['inputs'] as Record<string, unknown>)[path], runs);
      if (problem !== null) return `${name}, input ${path}: ${problem}`;
    }
    for (const side of ['higher', 'lower'] as const) {
      const counts = p[side];
      const keys = keysProblem(counts, OUTCOMES, `${name}: its ${side} counts`);
      if (keys !== null) return keys;
      const bad = OUTCOMES.find((m) => {
        const c = (counts as Record<string, unknown>)[m];
        return !Number.isSafeInteger(c) || (c as number) < 0 || (c as number) > runs;
      });
      if (bad !== undefined) return `${name}, ${bad}: its count of ${side} replications is not an integer from 0 to ${runs}`;
    }
  }
  return rowsProblem(state, runs) ?? inputRowsProblem(state, runs, inputPaths);
}

/** Whether a replication lies in one of `ranges` (sorted and disjoint, as checked first). */
function coveredBy(ranges: ReadonlyArray<readonly [number, number]>): (i: number) => boolean {
  return (i) => {
    // Find the last range starting at or before i.
    let lo = 0;
    let hi = ranges.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ranges[mid]![0] <= i) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && i < ranges[lo - 1]![1];
  };
}

/** Why the rows of a state do not match its spec and ranges (one per replication covered, policy and outcome, when rows are kept), or null. */
function rowsProblem(state: ShardState, runs: number): string | null {
  if (!Array.isArray(state.rows)) return 'its rows are not a list';
  if (!state.spec.rows) return state.rows.length === 0 ? null : 'it holds rows, which its spec does not ask for';
  const expected = runs * state.policies.length * OUTCOMES.length;
  if (state.rows.length !== expected) return `it holds ${state.rows.length} rows, not one per replication, policy and outcome (${expected})`;
  const names = new Set(state.policies.map((p) => p.name));
  const covered = coveredBy(state.ranges);
  for (const [k, row] of (state.rows as unknown[]).entries()) {
    if (
      !isRecord(row) ||
      !names.has(row['policy'] as string) ||
      !OUTCOMES.includes(row['metric'] as string) ||
      !Number.isSafeInteger(row['replication']) ||
      !covered(row['replication'] as number) ||
      typeof row['seed'] !== 'string' ||
      !isFiniteNumber(row['value'])
    ) {
      return `rows[${k}] is not a row of a policy, an outcome and a replication it covers`;
    }
  }
  return null;
}

/** Why the input rows of a state do not match its spec (one per replication covered, policy and uncertain input, when rows are kept), or null. */
function inputRowsProblem(state: ShardState, runs: number, inputPaths: readonly (readonly string[])[]): string | null {
  if (!Array.isArray(state.inputRows)) return 'its input rows are not a list';
  if (!state.spec.rows) return state.inputRows.length === 0 ? null : 'it holds input rows, which its spec does not ask for';
  const expected = runs * inputPaths.reduce((a, paths) => a + paths.length, 0);
  if (state.inputRows.length !== expected) return `it holds ${state.inputRows.length} input rows, not one per replication, policy and uncertain input (${expected})`;
  const pathsOf = new Map(state.policies.map((p, k) => [p.name, new Set(inputPaths[k])]));
  const covered = coveredBy(state.ranges);
  for (const [k, row] of (state.inputRows as unknown[]).entries()) {
    if (
      !isRecord(row) ||
      !(pathsOf.get(row['policy'] as string)?.has(row['input'] as string) ?? false) ||
      !Number.isSafeInteger(row['replication']) ||
      !covered(row['replication'] as number) ||
      typeof row['seed'] !== 'string' ||
      !isFiniteNumber(row['value'])
    ) {
      return `inputRows[${k}] is not a row of a policy, one of its uncertain inputs and a replication it covers`;
    }
  }
  return null;
}
