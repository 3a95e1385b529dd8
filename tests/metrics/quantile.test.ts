import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantileSorted } from '../../src/metrics/quantile.js';

/**
 * Hyndman and Fan's type 7 in its textbook 1-based form, written independently of the source:
 * m = 1 - p, j = floor(n p + m), g = n p + m - j, Q(p) = (1 - g) x_j + g x_{j+1}
 * (x_{n+1} read as x_n).
 */
function type7(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  const np = n * p + (1 - p);
  const j = Math.min(n, Math.max(1, Math.floor(np)));
  const g = np - j;
  const xj = sorted[j - 1]!;
  const xj1 = sorted[Math.min(n, j + 1) - 1]!;
  return (1 - g) * xj + g * xj1;
}

const sortedArrays = fc
  .array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 100 })
  .map((xs) => [...xs].sort((a, b) => a - b));
const probability = fc.double({ noNaN: true, min: 0, max: 1 });

describe('quantileSorted', () => {
  it('computes hand-worked type-7 cases (the R and NumPy defaults)', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12);
    expect(quantileSorted([1, 2, 3, 4], 0.75)).toBeCloseTo(3.25, 12);
    expect(quantileSorted([10, 20, 30, 40, 50], 0.1)).toBeCloseTo(14, 12);
    expect(quantileSorted([10, 20, 30, 40, 50], 0.5)).toBe(30);
    expect(quantileSorted([1, 3, 3, 8], 0.9)).toBeCloseTo(6.5, 12); // h = 2.7: 3 + 0.7 * 5
  });

  it('returns the minimum at p = 0 and the maximum at p = 1', () => {
    const xs = [-4, -1, 0, 2, 9];
    expect(quantileSorted(xs, 0)).toBe(-4);
    expect(quantileSorted(xs, 1)).toBe(9);
  });

  it('clamps p outside [0, 1]', () => {
    const xs = [1, 2, 3];
    expect(quantileSorted(xs, -0.5)).toBe(1);
    expect(quantileSorted(xs, 1.5)).toBe(3);
  });

  it('returns the only value for one element and 0 for an empty array', () => {
    for (const p of [0, 0.3, 1]) expect(quantileSorted([7], p)).toBe(7);
    expect(quantileSorted([], 0.5)).toBe(0);
  });

  it('accepts typed arrays', () => {
    expect(quantileSorted(new Float64Array([1, 2, 3, 4]), 0.5)).toBe(2.5);
  });

  it('property: matches a brute-force type-7 implementation on random sorted arrays', () => {
    fc.assert(
      fc.property(sortedArrays, probability, (xs, p) => {
        const got = quantileSorted(xs, p);
        const want = type7(xs, p);
        const scale = Math.max(1, ...xs.map(Math.abs));
        expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9 * scale);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('property: lies in [min, max] and is non-decreasing in p', () => {
    fc.assert(
      fc.property(sortedArrays, probability, probability, (xs, p1, p2) => {
        const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
        const qlo = quantileSorted(xs, lo);
        const qhi = quantileSorted(xs, hi);
        const scale = Math.max(1, ...xs.map(Math.abs));
        return qlo >= xs[0]! && qhi <= xs[xs.length - 1]! && qlo <= qhi + 1e-12 * scale;
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('property: hits the order statistics exactly at p = i / (n - 1)', () => {
    fc.assert(
      fc.property(sortedArrays, (xs) => {
        const n = xs.length;
        if (n < 2) return true;
        for (let i = 0; i < n; i++) {
          const q = quantileSorted(xs, i / (n - 1));
          if (Math.abs(q - xs[i]!) > 1e-9 * Math.max(1, Math.abs(xs[i]!), Math.abs(xs[Math.min(n - 1, i + 1)]!))) return false;
        }
        return true;
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
