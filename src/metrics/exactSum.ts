/**
 * Exact floating-point summation (Shewchuk 1997, as in Python's math.fsum). A sum is kept as a
 * list of non-overlapping partials whose exact total is the true sum of everything added, so
 * the rounded result does not depend on the order of additions, and two sums merge exactly.
 * That is what makes Monte Carlo summaries identical whether runs are added serially, by any
 * number of workers, or by shards merged later.
 *
 * @example
 * const s = emptySum(); addToSum(s, 0.1); addToSum(s, 0.2); addToSum(s, -0.3);
 * sumValue(s) // 2.7755575615628914e-17, the exactly rounded value of 0.1 + 0.2 - 0.3 as doubles
 */

/** Partials of an exact sum (plain numbers, JSON-serialisable). */
export type ExactSum = number[];

/** An empty exact sum. */
export function emptySum(): ExactSum {
  return [];
}

/** Adds x to the sum in place. x must be finite. */
export function addToSum(partials: ExactSum, x: number): void {
  let i = 0;
  for (let j = 0; j < partials.length; j++) {
    let y = partials[j]!;
    if (Math.abs(x) < Math.abs(y)) {
      const t = x;
      x = y;
      y = t;
    }
    const hi = x + y;
    const lo = y - (hi - x);
    if (lo !== 0) partials[i++] = lo;
    x = hi;
  }
  partials.length = i;
  partials.push(x);
}

/** Adds every partial of `other` to `target` in place: the exact sum of both. */
export function mergeSum(target: ExactSum, other: ExactSum): void {
  for (const p of other) addToSum(target, p);
}

/** The exact sum rounded to the nearest double (round-half-even, as fsum). */
export function sumValue(partials: ExactSum): number {
  let n = partials.length;
  if (n === 0) return 0;
  let hi = partials[--n]!;
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = partials[--n]!;
    hi = x + y;
    const yr = hi - x;
    lo = y - yr;
    if (lo !== 0) break;
  }
  // Correct the rounding when the remaining partials would tip a half-way case.
  if (n > 0 && ((lo < 0 && partials[n - 1]! < 0) || (lo > 0 && partials[n - 1]! > 0))) {
    const y = lo * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  return hi;
}
