/**
 * A mergeable quantile sketch with bounded relative error (the DDSketch idea, Masson et al.
 * 2019): values are counted in logarithmic buckets of ratio gamma = (1 + a) / (1 - a), so every
 * quantile it returns is within relative error `a` of a value of the data at that rank.
 * Merging two sketches adds their counts, exactly and in any order, so a Monte Carlo summary
 * is the same whether its runs were counted together or in shards. Memory grows with the
 * spread of the values (buckets), not with their number.
 *
 * @example
 * const s = emptySketch(0.001); for (const x of [1, 2, 3, 4]) addToSketch(s, x);
 * sketchQuantile(s, 0.5) // about 2 (type-1 rank: the smallest value with half the data at or below it)
 */
export interface QuantileSketch {
  /** Relative accuracy a, e.g. 0.001. */
  accuracy: number;
  /**
   * Buckets of positive values as one flat list, [index, count, index, count, ...], sorted by
   * index. Flat rather than a list of [index, count] pairs: a pair is an array object of its own
   * (about 110 bytes on V8 against 16), and an experiment with series keeps a sketch for every
   * series and period: about 570 000 buckets per policy at 10 000 runs of a small market (issue 13,
   * item 1).
   */
  positive: number[];
  /** Buckets of negative values by the index of their magnitude, in the same flat form. */
  negative: number[];
  /** Values with |x| below 1e-12 are counted as zero. */
  zeros: number;
  count: number;
}

const ZERO = 1e-12;

/** An empty sketch with relative accuracy `accuracy` (0 < accuracy < 1). */
export function emptySketch(accuracy = 0.001): QuantileSketch {
  return { accuracy, positive: [], negative: [], zeros: 0, count: 0 };
}

function gammaOf(accuracy: number): number {
  return (1 + accuracy) / (1 - accuracy);
}

/** Adds `count` to bucket `index` of a flat bucket list, inserting the bucket in order if new. */
function bump(buckets: number[], index: number, count: number): void {
  let lo = 0;
  let hi = buckets.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (buckets[2 * mid]! < index) lo = mid + 1;
    else hi = mid;
  }
  if (2 * lo < buckets.length && buckets[2 * lo] === index) buckets[2 * lo + 1]! += count;
  else buckets.splice(2 * lo, 0, index, count);
}

/** Counts x (finite) in the sketch. */
export function addToSketch(sketch: QuantileSketch, x: number): void {
  sketch.count++;
  const magnitude = Math.abs(x);
  if (magnitude < ZERO) {
    sketch.zeros++;
    return;
  }
  // `+ 0` turns Math.ceil's -0 into 0, which JSON would otherwise change on a round trip.
  const index = Math.ceil(Math.log(magnitude) / Math.log(gammaOf(sketch.accuracy))) + 0;
  bump(x > 0 ? sketch.positive : sketch.negative, index, 1);
}

/**
 * Adds the buckets `b[from..to)` (a flat list) into the flat list `a`, in place, counts of the same
 * index added, and returns `a`: one pass to count the buckets `a` lacks, then one from the back
 * that moves `a`'s buckets up and fills the gaps (merging bucket by bucket with insertions was
 * quadratic in the buckets of a large merged state, and a new list per merge left the pool's main
 * thread tens of megabytes of garbage to collect). Once a long run's sketches have seen the spread
 * of their values, a merge only adds counts.
 */
function mergeBuckets(a: number[], b: ArrayLike<number>, from: number, to: number): number[] {
  let fresh = 0;
  let i = 0;
  for (let j = from; j < to; j += 2) {
    while (i < a.length && a[i]! < b[j]!) i += 2;
    if (i >= a.length || a[i] !== b[j]) fresh++;
  }
  if (fresh === 0) {
    i = 0;
    for (let j = from; j < to; j += 2) {
      while (a[i]! < b[j]!) i += 2;
      a[i + 1]! += b[j + 1]!;
    }
    return a;
  }
  i = a.length - 2;
  // Grown by push, so the list stays a packed list of small integers.
  for (let k = 0; k < 2 * fresh; k++) a.push(0);
  let k = a.length - 2;
  for (let j = to - 2; j >= from; k -= 2) {
    if (i >= 0 && a[i]! > b[j]!) {
      a[k] = a[i]!;
      a[k + 1] = a[i + 1]!;
      i -= 2;
    } else if (i >= 0 && a[i] === b[j]) {
      a[k] = a[i]!;
      a[k + 1] = a[i + 1]! + b[j + 1]!;
      i -= 2;
      j -= 2;
    } else {
      a[k] = b[j]!;
      a[k + 1] = b[j + 1]!;
      j -= 2;
    }
  }
  return a;
}

/** Adds every count of `other` to `target` (same accuracy required). */
export function mergeSketch(target: QuantileSketch, other: QuantileSketch): void {
  if (target.accuracy !== other.accuracy) throw new Error('cannot merge quantile sketches of different accuracy');
  target.positive = mergeBuckets(target.positive, other.positive, 0, other.positive.length);
  target.negative = mergeBuckets(target.negative, other.negative, 0, other.negative.length);
  target.zeros += other.zeros;
  target.count += other.count;
}

/**
 * {@link mergeSketch} from a sketch packed in an array (the worker pool merges chunk states without
 * rebuilding them as objects): accuracy, zeros, count, then the positive buckets (their length, then
 * the flat list) and the negative ones, from `at`. Returns the position after them.
 */
export function mergePackedSketch(target: QuantileSketch, data: ArrayLike<number>, at: number): number {
  const accuracy = data[at]!;
  const zeros = data[at + 1]!;
  const count = data[at + 2]!;
  const positiveFrom = at + 4;
  const positiveTo = positiveFrom + data[at + 3]!;
  const negativeFrom = positiveTo + 1;
  const negativeTo = negativeFrom + data[positiveTo]!;
  if (target.accuracy !== accuracy) throw new Error('cannot merge quantile sketches of different accuracy');
  target.positive = mergeBuckets(target.positive, data, positiveFrom, positiveTo);
  target.negative = mergeBuckets(target.negative, data, negativeFrom, negativeTo);
  target.zeros += zeros;
  target.count += count;
  return negativeTo;
}

/**
 * The q-quantile (0 <= q <= 1): the bucket holding the value of rank ceil(q x count) (at least 1),
 * returned as the bucket's representative 2 gamma^i / (gamma + 1). Returns 0 for an empty sketch.
 */
export function sketchQuantile(sketch: QuantileSketch, q: number): number {
  if (sketch.count === 0) return 0;
  const gamma = gammaOf(sketch.accuracy);
  const value = (index: number) => (2 * Math.pow(gamma, index)) / (gamma + 1);
  const rank = Math.max(1, Math.ceil(Math.min(1, Math.max(0, q)) * sketch.count));
  let seen = 0;
  const { negative, positive } = sketch;
  for (let k = negative.length - 2; k >= 0; k -= 2) {
    seen += negative[k + 1]!;
    if (seen >= rank) return -value(negative[k]!);
  }
  seen += sketch.zeros;
  if (seen >= rank) return 0;
  for (let k = 0; k < positive.length; k += 2) {
    seen += positive[k + 1]!;
    if (seen >= rank) return value(positive[k]!);
  }
  return value(positive[positive.length - 2]!);
}
