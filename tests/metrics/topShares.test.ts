import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topShares } from '../../src/metrics/topShares.js';

/** Brute force: sort the positive values descending and sum the first k over the total. */
function bruteTopShares(values: readonly number[], ks: readonly number[], length = values.length): number[] {
  const positive = values.slice(0, length).filter((x) => x > 0);
  const total = positive.reduce((a, b) => a + b, 0);
  const sorted = [...positive].sort((a, b) => b - a);
  return ks.map((k) => {
    if (total <= 0) return 0;
    const sum = sorted.slice(0, Math.max(0, k)).reduce((a, b) => a + b, 0);
    return Math.min(1, sum / total);
  });
}

const values = fc.array(fc.float({ noNaN: true, min: 0, max: 1e9 }), { maxLength: 200 });
const ksArb = fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 8 });

describe('topShares', () => {
  it('computes hand-worked cases', () => {
    expect(topShares([5, 1, 3, 1], [1, 2])).toEqual([0.5, 0.8]);
    expect(topShares([5, 1, 3, 1], [3, 4, 10])).toEqual([0.9, 1, 1]);
    expect(topShares([10, 40, 20, 30], [1, 2, 3])).toEqual([0.4, 0.7, 0.9]);
    // Unsorted and repeated ks keep their order.
    expect(topShares([10, 40, 20, 30], [2, 1, 2])).toEqual([0.7, 0.4, 0.7]);
  });

  it('ignores zero and negative values', () => {
    expect(topShares([5, -100, 1, 0, 3, 1], [1, 2])).toEqual([0.5, 0.8]);
  });

  it('returns all zeros when nothing is positive, and [] for no ks', () => {
    expect(topShares([0, 0, -3], [1, 2, 5])).toEqual([0, 0, 0]);
    expect(topShares([], [1])).toEqual([0]);
    expect(topShares([1, 2, 3], [])).toEqual([]);
  });

  it('returns 0 for k = 0', () => {
    expect(topShares([1, 2, 3], [0, 1])).toEqual([0, 0.5]);
  });

  it('reads only the first `length` values', () => {
    expect(topShares([5, 1, 3, 1, 1000], [1, 2], 4)).toEqual([0.5, 0.8]);
    const buf = new Float64Array(10);
    buf.set([10, 40, 20, 30]);
    buf[7] = 1e6;
    expect(topShares(buf, [1, 2], 4)).toEqual([0.4, 0.7]);
  });

  it('property: matches a brute-force sort on random arrays', () => {
    fc.assert(
      fc.property(values, ksArb, (xs, ks) => {
        const got = topShares(xs, ks);
        const want = bruteTopShares(xs, ks);
        expect(got.length).toBe(ks.length);
        for (let i = 0; i < ks.length; i++) expect(Math.abs(got[i]! - want[i]!)).toBeLessThanOrEqual(1e-12);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('property: matches brute force with negative values and a `length` limit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ noNaN: true, min: -1e9, max: 1e9 }), { maxLength: 100 }),
        ksArb,
        fc.nat({ max: 120 }),
        (xs, ks, len) => {
          const length = Math.min(len, xs.length);
          const got = topShares(xs, ks, length);
          const want = bruteTopShares(xs, ks, length);
          for (let i = 0; i < ks.length; i++) expect(Math.abs(got[i]! - want[i]!)).toBeLessThanOrEqual(1e-12);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('property: shares lie in [0, 1] and are non-decreasing in k', () => {
    const ks = Array.from({ length: 25 }, (_, k) => k);
    fc.assert(
      fc.property(values, (xs) => {
        const shares = topShares(xs, ks);
        for (let i = 0; i < shares.length; i++) {
          const s = shares[i]!;
          if (!(s >= 0 && s <= 1)) return false;
          if (i > 0 && s < shares[i - 1]!) return false;
        }
        return true;
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('property: k at least the number of positive values gives share 1 (to rounding)', () => {
    fc.assert(
      fc.property(values, (xs) => {
        const npositive = xs.filter((x) => x > 0).length;
        const [share] = topShares(xs, [npositive + 1]);
        return npositive === 0 ? share === 0 : Math.abs(share! - 1) <= 1e-12;
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
