/**
 * Shares of the total held by the k largest values, for several k at once, in one pass that keeps
 * only the largest values seen (no sort of the whole array). Negative values are ignored.
 * Each share lies in [0, 1]; all are 0 when nothing is positive.
 *
 *   share_k = (sum of the k largest x) / (sum of all x)
 *
 * @example topShares([5, 1, 3, 1], [1, 2]) // [0.5, 0.8]
 */
export function topShares(values: ArrayLike<number>, ks: readonly number[], length: number = values.length): number[] {
  const kMax = Math.max(0, ...ks);
  const top = new Float64Array(kMax); // descending
  let filled = 0;
  let total = 0;
  for (let i = 0; i < length; i++) {
    const x = values[i]!;
    if (!(x > 0)) continue;
    total += x;
    if (filled < kMax) {
      let p = filled++;
      while (p > 0 && top[p - 1]! < x) {
        top[p] = top[p - 1]!;
        p--;
      }
      top[p] = x;
    } else if (kMax > 0 && x > top[kMax - 1]!) {
      let p = kMax - 1;
      while (p > 0 && top[p - 1]! < x) {
        top[p] = top[p - 1]!;
        p--;
      }
      top[p] = x;
    }
  }
  return ks.map((k) => {
    if (total <= 0) return 0;
    let sum = 0;
    for (let r = 0; r < Math.min(k, filled); r++) sum += top[r]!;
    return Math.min(1, sum / total);
  });
}
