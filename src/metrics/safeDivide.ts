/**
 * numerator / denominator, or `fallback` when the denominator is 0 (or the result would not be
 * finite), so ratios in results are never NaN or Infinity.
 * @example safeDivide(1, 0) // 0
 */
export function safeDivide(numerator: number, denominator: number, fallback = 0): number {
  const r = numerator / denominator;
  return Number.isFinite(r) ? r : fallback;
}
