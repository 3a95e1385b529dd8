import { describe, expect, it } from 'vitest';
import { expectMoments, stream } from '../helpers/moments.js';
import { uniform } from '../../src/random/uniform.js';

describe('uniform', () => {
  const n = 100_000;

  for (const [k, min, max] of [
    [1, 0, 1],
    [2, 2, 4],
    [3, -3, 7],
    [4, -1e6, -5e5],
  ] as const) {
    it(`has mean (min + max) / 2 and variance (max - min)^2 / 12 on [${min}, ${max})`, () => {
      const rng = stream(k);
      const xs = new Float64Array(n);
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = 0; i < n; i++) {
        const x = uniform(rng, min, max);
        xs[i] = x;
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
      expect(lo).toBeGreaterThanOrEqual(min);
      expect(hi).toBeLessThan(max);
      const w = max - min;
      // Uniform on an interval of width w: variance w^2 / 12, fourth central moment w^4 / 80.
      expectMoments(xs, (min + max) / 2, (w * w) / 12, w ** 4 / 80);
    });
  }

  it('fills each of 10 equal sub-intervals with probability 1/10 (5 binomial SE)', () => {
    const rng = stream(5);
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < n; i++) counts[Math.floor(uniform(rng, 10, 20) - 10)]!++;
    // Count ~ Binomial(n, 0.1): SE = sqrt(n p (1 - p)).
    const se = Math.sqrt(n * 0.1 * 0.9);
    for (const c of counts) expect(Math.abs(c - n / 10)).toBeLessThan(5 * se);
  });

  it('returns min for an empty interval and consumes exactly one uniform per draw', () => {
    const a = stream(6);
    const b = stream(6);
    for (let i = 0; i < 100; i++) {
      expect(uniform(a, 3, 3)).toBe(3);
      b.next(); // the empty-interval draw still used one uniform
      // a and b stay aligned: each draw of a maps exactly b's next uniform.
      expect(uniform(a, 5, 9)).toBe(5 + 4 * b.next());
    }
  });
});
