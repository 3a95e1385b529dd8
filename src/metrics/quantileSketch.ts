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
  /** Bucket index to count for positive values (as [index, count] pairs kept sorted by index). */
  positive: Array<[number, number]>;
  negative: Array<[number, number]>;
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

function bump(buckets: Array<[number, number]>, index: number, count: number): void {
  let lo = 0;
  let hi = buckets.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (buckets[mid]![0] < index) lo = mid + 1;
    else hi = mid;
  }
  if (lo < buckets.length && buckets[lo]![0] === index) buckets[lo]![1] += count;
  else buckets.splice(lo, 0, [index, count]);
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

/** Adds every count of `other` to `target` (same accuracy required). */
export function mergeSketch(target: QuantileSketch, other: QuantileSketch): void {
  if (target.accuracy !== other.accuracy) throw new Error('cannot merge quantile sketches of different accuracy');
  for (const [i, c] of other.positive) bump(target.positive, i, c);
  for (const [i, c] of other.negative) bump(target.negative, i, c);
  target.zeros += other.zeros;
  target.count += other.count;
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
  for (let k = sketch.negative.length - 1; k >= 0; k--) {
    seen += sketch.negative[k]![1];
    if (seen >= rank) return -value(sketch.negative[k]![0]);
  }
  seen += sketch.zeros;
  if (seen >= rank) return 0;
  for (const [i, c] of sketch.positive) {
    seen += c;
    if (seen >= rank) return value(i);
  }
  return value(sketch.positive[sketch.positive.length - 1]![0]);
}
