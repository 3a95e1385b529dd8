import { safeDivide } from './safeDivide.js';

/**
 * part / whole as a share in [0, 1]: 0 when the whole is 0, and clamped so that floating-point
 * rounding in long sums (or a weighted mean of values in [0, 1]) cannot leave the range.
 * @example shareOf(1, 4) // 0.25
 */
export function shareOf(part: number, whole: number): number {
  const r = safeDivide(part, whole);
  return r < 0 ? 0 : r > 1 ? 1 : r;
}
