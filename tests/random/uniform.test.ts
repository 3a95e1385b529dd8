import { describe, expect, it } from 'vitest';
import { openStream, seedRoot, StreamPurpose } from '../../src/random/streams.js';
import { uniform } from '../../src/random/uniform.js';

const stream = (k: number) => openStream(seedRoot('test'), StreamPurpose.population, k);

/** Sample mean and unbiased sample variance (two passes). */
function moments(xs: ArrayLike<number>): { mean: number; variance: number } {
  const n = xs.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += xs[i]!;
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (xs[i]! - mean) ** 2;
  return { mean, variance: ss / (n - 1) };
}

/**
 * Sample mean within 5 SE of `mean` (SE = sd / sqrt(n)) and sample variance within 5 SE of
 * `variance`, where Var(s^2) = (mu4 - sigma^4 (n - 3) / (n - 1)) / n and mu4 is the fourth
 * central moment.
 */
function expectMoments(xs: ArrayLike<number>, mean: number, variance: number, mu4: number): void {
  const n = xs.length;
  const m = moments(xs);
  expect(Math.abs(m.mean - mean)).toBeLessThan(5 * Math.sqrt(variance / n));
  const varS2 = (mu4 - (variance * variance * (n - 3)) / (n - 1)) / n;
  expect(Math.abs(m.variance - variance)).toBeLessThan(5 * Math.sqrt(varS2));
}

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
      b(); // the empty-interval draw still used one uniform
      // a and b stay aligned: each draw of a maps exactly b's next uniform.
      expect(uniform(a, 5, 9)).toBe(5 + 4 * b());
    }
  });
});
