import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { herfindahl } from '../../src/metrics/herfindahl.js';

/** Brute force: sum of squared shares of the positive values among the first `length`. */
function bruteHHI(values: readonly number[], length = values.length): number {
  const positive = values.slice(0, length).filter((x) => x > 0);
  const total = positive.reduce((a, b) => a + b, 0);
  if (total <= 0) return 0;
  return positive.reduce((a, x) => a + (x / total) ** 2, 0);
}

const nonNegative = fc.float({ noNaN: true, min: 0, max: 1e9 });

describe('herfindahl', () => {
  it('computes hand-worked cases', () => {
    expect(herfindahl([50, 30, 20])).toBeCloseTo(0.38, 12);
    expect(herfindahl([1, 1])).toBeCloseTo(0.5, 12);
    expect(herfindahl([3, 1])).toBeCloseTo(0.625, 12); // 0.75^2 + 0.25^2
    expect(herfindahl([0.6, 0.2, 0.2])).toBeCloseTo(0.44, 12);
  });

  it('is 1 for a single supplier (monopoly)', () => {
    expect(herfindahl([42])).toBe(1);
    expect(herfindahl([0, 7, 0, 0])).toBe(1);
    expect(herfindahl([1e-300])).toBe(1);
  });

  it('is 1/n for n equal suppliers', () => {
    for (let n = 1; n <= 50; n++) {
      expect(herfindahl(new Array<number>(n).fill(13.7))).toBeCloseTo(1 / n, 12);
    }
  });

  it('ignores zero and negative values', () => {
    expect(herfindahl([50, 0, -10, 30, -1e9, 20, 0])).toBeCloseTo(0.38, 12);
    expect(herfindahl([-5, 10])).toBe(1);
  });

  it('returns 0 when nothing is positive (all zero, all negative, empty)', () => {
    expect(herfindahl([0, 0, 0])).toBe(0);
    expect(herfindahl([-1, -2])).toBe(0);
    expect(herfindahl([])).toBe(0);
    expect(herfindahl(new Float64Array(10))).toBe(0);
  });

  it('reads only the first `length` values', () => {
    expect(herfindahl([50, 50, 100], 2)).toBeCloseTo(0.5, 12);
    expect(herfindahl([50, 30, 20, 1000, 1000], 3)).toBeCloseTo(0.38, 12);
    expect(herfindahl([10, 20, 30], 1)).toBe(1);
    expect(herfindahl([10, 20, 30], 0)).toBe(0);
    // A typed array with spare capacity, as the engine uses.
    const buf = new Float64Array(8);
    buf.set([50, 30, 20]);
    buf[5] = 999;
    expect(herfindahl(buf, 3)).toBeCloseTo(0.38, 12);
  });

  it('property: 1/npositive <= HHI <= 1 for non-negative arrays with a positive value', () => {
    fc.assert(
      fc.property(
        fc.array(nonNegative, { minLength: 1, maxLength: 200 }).filter((xs) => xs.some((x) => x > 0)),
        (xs) => {
          const h = herfindahl(xs);
          const npositive = xs.filter((x) => x > 0).length;
          return h >= 1 / npositive - 1e-12 && h <= 1 + 1e-12;
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('property: matches the brute-force sum of squared shares, including negatives and `length`', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ noNaN: true, min: -1e9, max: 1e9 }), { maxLength: 100 }),
        fc.nat({ max: 120 }),
        (xs, len) => {
          const length = Math.min(len, xs.length);
          return Math.abs(herfindahl(xs, length) - bruteHHI(xs, length)) <= 1e-12;
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('property: invariant under permutation and scaling', () => {
    fc.assert(
      fc.property(fc.array(nonNegative, { minLength: 1, maxLength: 100 }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (xs, c) => {
        const h = herfindahl(xs);
        const reversed = herfindahl([...xs].reverse());
        const scaled = herfindahl(xs.map((x) => x * c));
        return Math.abs(h - reversed) <= 1e-12 && Math.abs(h - scaled) <= 1e-12;
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
