/**
 * Herfindahl-Hirschman index of market shares: the sum of squared shares, in [1/n, 1] for n
 * suppliers with positive values (1 = monopoly). Negative and zero values are ignored.
 * Returns 0 when nothing is positive (no market to measure).
 *
 *   HHI = sum_i (x_i / sum_j x_j)^2
 *
 * @example herfindahl([50, 30, 20]) // 0.25 + 0.09 + 0.04 = 0.38
 */
export function herfindahl(values: ArrayLike<number>, length: number = values.length): number {
  let total = 0;
  for (let i = 0; i < length; i++) if (values[i]! > 0) total += values[i]!;
  if (total <= 0) return 0;
  let sum = 0;
  for (let i = 0; i < length; i++) {
    const x = values[i]!;
    if (x > 0) sum += (x / total) * (x / total);
  }
  return Math.min(1, sum);
}
