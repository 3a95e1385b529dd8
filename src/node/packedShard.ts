/**
 * A chunk's shard state as it travels from a worker to the pool: every number of its totals in one
 * Float64Array (transferred, not copied), merged by the pool straight from that array.
 *
 * Why: posted as objects, every chunk's state (a total with an exact sum and a quantile sketch for
 * every outcome, and with series for every series and period: over 1 600 of them per policy) was
 * rebuilt as tens of thousands of objects on the pool's thread only to be merged and dropped; the
 * garbage kept that thread's heap several times larger than the merged state itself (issue 13,
 * item 1). Packed, a chunk is one array, merged with the same additions in the same order as
 * `mergeShardInto`, so the result is the same to the last bit.
 *
 * Layout, per policy in order: for every outcome its totals; a flag (1 or 0) for paired
 * differences, then for every outcome their totals; the higher and the lower counts for every
 * outcome; a flag for series, then for every series its length H and H totals; then the totals of
 * each of its uncertain inputs, in the order `inputPaths` names them. Totals are
 * n, min, max, the partials of the sum (count, then each), those of the sum of squares, the
 * sketch's accuracy, zeros and count, its positive buckets (length, then the flat list) and its
 * negative ones. Doubles hold every partial exactly, and bucket indexes and counts are integers
 * far below 2^53.
 * @internal
 * @packageDocumentation
 */
import { OUTCOME_METRICS, SERIES_METRICS, type OutcomeMetric, type SeriesMetric } from '../model/metrics.js';
import { addToSum } from '../metrics/exactSum.js';
import { mergePackedSketch } from '../metrics/quantileSketch.js';
import { RESULT_FORMAT_VERSION } from '../experiment/result.js';
import { addRange, type PolicyTotals, type ShardState } from '../experiment/shard.js';
import type { ExperimentSpec, InputRow, RunRow } from '../experiment/spec.js';
import type { MetricTotals } from '../experiment/summary.js';

const OUTCOMES = Object.keys(OUTCOME_METRICS) as OutcomeMetric[];
const SERIES = Object.keys(SERIES_METRICS) as SeriesMetric[];

/**
 * A shard state packed for posting: its ranges and rows as they are, its totals in `data`.
 * @internal
 */
export interface PackedShard {
  readonly ranges: Array<[number, number]>;
  readonly rows: RunRow[];
  readonly inputRows: InputRow[];
  readonly names: readonly string[];
  /** For each policy, the paths of its uncertain inputs, in the order their totals are packed. */
  readonly inputPaths: readonly (readonly string[])[];
  readonly data: Float64Array;
}

/** Numbers a totals record takes packed. */
function totalsSize(t: MetricTotals): number {
  return 3 + 1 + t.sum.length + 1 + t.sumOfSquares.length + 3 + 1 + t.sketch.positive.length + 1 + t.sketch.negative.length;
}

/** Numbers a state takes packed (counted first, so the array is allocated once, at its size). */
function packedSize(state: ShardState): number {
  let size = 0;
  for (const p of state.policies) {
    for (const m of OUTCOMES) size += totalsSize(p.outcomes[m]);
    size += 1;
    if (p.differences !== null) for (const m of OUTCOMES) size += totalsSize(p.differences[m]);
    size += 2 * OUTCOMES.length + 1;
    if (p.series !== null) {
      for (const m of SERIES) {
        size += 1;
        for (const t of p.series[m]) size += totalsSize(t);
      }
    }
    for (const t of Object.values(p.inputs)) size += totalsSize(t);
  }
  return size;
}

/** Writes numbers into a packed array. */
class Writer {
  length = 0;
  constructor(readonly data: Float64Array) {}
  push(x: number): void {
    this.data[this.length++] = x;
  }
  list(xs: readonly number[]): void {
    this.push(xs.length);
    for (const x of xs) this.push(x);
  }
}

function writeTotals(w: Writer, t: MetricTotals): void {
  w.push(t.n);
  w.push(t.min);
  w.push(t.max);
  w.list(t.sum);
  w.list(t.sumOfSquares);
  w.push(t.sketch.accuracy);
  w.push(t.sketch.zeros);
  w.push(t.sketch.count);
  w.list(t.sketch.positive);
  w.list(t.sketch.negative);
}

/**
 * Packs a state for posting (the state itself is not changed).
 * @internal
 * @example const packed = packShard(state); port.postMessage({ type: 'done', packed }, [packed.data.buffer]);
 */
export function packShard(state: ShardState): PackedShard {
  const w = new Writer(new Float64Array(packedSize(state)));
  for (const p of state.policies) {
    for (const m of OUTCOMES) writeTotals(w, p.outcomes[m]);
    w.push(p.differences === null ? 0 : 1);
    if (p.differences !== null) for (const m of OUTCOMES) writeTotals(w, p.differences[m]);
    for (const m of OUTCOMES) w.push(p.higher[m]);
    for (const m of OUTCOMES) w.push(p.lower[m]);
    w.push(p.series === null ? 0 : 1);
    if (p.series !== null) {
      for (const m of SERIES) {
        w.push(p.series[m].length);
        for (const t of p.series[m]) writeTotals(w, t);
      }
    }
    for (const t of Object.values(p.inputs)) writeTotals(w, t);
  }
  if (w.length !== w.data.length) throw new Error(`internal error: packed ${w.length} numbers into ${w.data.length}`);
  return {
    ranges: state.ranges,
    rows: state.rows,
    inputRows: state.inputRows,
    names: state.policies.map((p) => p.name),
    inputPaths: state.policies.map((p) => Object.keys(p.inputs)),
    data: w.data,
  };
}

/** Reads a packed state in order. */
class Reader {
  at = 0;
  constructor(readonly data: Float64Array) {}
  next(): number {
    return this.data[this.at++]!;
  }
  /** The next list, as a view (no copy). */
  view(): Float64Array {
    const n = this.next();
    const v = this.data.subarray(this.at, this.at + n);
    this.at += n;
    return v;
  }
}

function readTotals(r: Reader): MetricTotals {
  const n = r.next();
  const min = r.next();
  const max = r.next();
  const sum = Array.from(r.view());
  const sumOfSquares = Array.from(r.view());
  const accuracy = r.next();
  const zeros = r.next();
  const count = r.next();
  const positive = Array.from(r.view());
  const negative = Array.from(r.view());
  // Keys in the order emptyTotals and emptySketch give them, so the JSON is the same text.
  return { n, sum, sumOfSquares, min, max, sketch: { accuracy, positive, negative, zeros, count } };
}

/** `mergeTotals(target, next totals of r)`, reading the numbers where they are (no copies, no views). */
function mergeTotalsFrom(target: MetricTotals, r: Reader): void {
  const d = r.data;
  let at = r.at;
  const n = d[at]!;
  const min = d[at + 1]!;
  const max = d[at + 2]!;
  const sumFrom = at + 4;
  const sumTo = sumFrom + d[at + 3]!;
  const squaresFrom = sumTo + 1;
  const squaresTo = squaresFrom + d[sumTo]!;
  at = squaresTo;
  // Exactly mergeTotals (src/experiment/summary.ts), step for step; an empty chunk adds nothing.
  if (n === 0) {
    r.at = skipSketch(d, at);
    return;
  }
  if (target.n === 0 || min < target.min) target.min = min;
  if (target.n === 0 || max > target.max) target.max = max;
  target.n += n;
  for (let k = sumFrom; k < sumTo; k++) addToSum(target.sum, d[k]!);
  for (let k = squaresFrom; k < squaresTo; k++) addToSum(target.sumOfSquares, d[k]!);
  r.at = mergePackedSketch(target.sketch, d, at);
}

/** The position after a packed sketch starting at `at`. */
function skipSketch(d: Float64Array, at: number): number {
  const positiveTo = at + 4 + d[at + 3]!;
  return positiveTo + 1 + d[positiveTo]!;
}

function record<T>(make: (m: OutcomeMetric) => T): Record<OutcomeMetric, T> {
  return Object.fromEntries(OUTCOMES.map((m) => [m, make(m)])) as Record<OutcomeMetric, T>;
}

/**
 * Rebuilds the state a packed one was packed from, exactly (the partials and buckets as they were).
 * `spec` is the spec the pool sent the worker, in the canonical form the worker's state had.
 * @internal
 * @example const state = unpackShard(packed, spec);
 */
export function unpackShard(packed: PackedShard, spec: ExperimentSpec): ShardState {
  const r = new Reader(packed.data);
  const policies: PolicyTotals[] = packed.names.map((name, k) => {
    const outcomes = record(() => readTotals(r));
    const differences = r.next() === 1 ? record(() => readTotals(r)) : null;
    const higher = record(() => r.next());
    const lower = record(() => r.next());
    let series: PolicyTotals['series'] = null;
    if (r.next() === 1) {
      series = {} as Record<SeriesMetric, MetricTotals[]>;
      for (const m of SERIES) series[m] = Array.from({ length: r.next() }, () => readTotals(r));
    }
    const inputs = Object.fromEntries(packed.inputPaths[k]!.map((path) => [path, readTotals(r)]));
    return { name, outcomes, series, differences, higher, lower, inputs };
  });
  // Its own ranges and rows list: merges change them, and the packed state may still be in use.
  const ranges = packed.ranges.map(([from, to]): [number, number] => [from, to]);
  return {
    kind: 'framework-agreement-sim/shard',
    version: RESULT_FORMAT_VERSION,
    spec,
    ranges,
    policies,
    rows: packed.rows.slice(),
    inputRows: packed.inputRows.slice(),
  };
}

/**
 * `mergeShardInto(target, unpackShard(packed))` without building the state: the same additions in
 * the same order, read straight from the packed numbers. Both come from one spec (the pool's).
 * @internal
 * @example mergePackedInto(merged, packed);
 */
export function mergePackedInto(target: ShardState, packed: PackedShard): void {
  const r = new Reader(packed.data);
  for (const [from, to] of packed.ranges) addRange(target.ranges, from, to);
  target.policies.forEach((into, k) => {
    for (const m of OUTCOMES) mergeTotalsFrom(into.outcomes[m], r);
    if (r.next() === 1) {
      for (const m of OUTCOMES) {
        if (into.differences !== null) mergeTotalsFrom(into.differences[m], r);
        else readTotals(r);
      }
    }
    for (const m of OUTCOMES) into.higher[m] += r.next();
    for (const m of OUTCOMES) into.lower[m] += r.next();
    if (r.next() === 1) {
      for (const m of SERIES) {
        const length = r.next();
        const column = into.series?.[m];
        for (let h = 0; h < length; h++) {
          if (column !== undefined) mergeTotalsFrom(column[h]!, r);
          else readTotals(r);
        }
      }
    }
    for (const path of packed.inputPaths[k]!) mergeTotalsFrom(into.inputs[path]!, r);
  });
  for (const row of packed.rows) target.rows.push(row);
  for (const row of packed.inputRows) target.inputRows.push(row);
}
