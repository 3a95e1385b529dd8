import { describe, expect, it } from 'vitest';
import { expectMoments, stream } from '../helpers/moments.js';
import { beta } from '../../src/random/beta.js';

describe('beta', () => {
  const n = 50_000;

  for (const [k, m, kappa] of [
    [1, 0.55, 20],
    [2, 0.3, 1.5], // alpha = 0.45 and beta = 1.05: one shape below 1
    [3, 0.9, 5],
    [4, 0.5, 0.8], // both shapes below 1 (U-shaped)
  ] as const) {
    it(`has mean m and variance m (1 - m) / (kappa + 1) for m = ${m}, kappa = ${kappa}`, () => {
      const rng = stream(k);
      const xs = new Float64Array(n);
      let outside = 0;
      for (let i = 0; i < n; i++) {
        xs[i] = beta(rng, m, kappa);
        if (!(xs[i]! >= 0 && xs[i]! <= 1)) outside++;
      }
      expect(outside).toBe(0);
      const a = m * kappa;
      const b = (1 - m) * kappa;
      const variance = (m * (1 - m)) / (kappa + 1);
      // Beta(a, b) excess kurtosis:
      //   6 [(a - b)^2 (a + b + 1) - a b (a + b + 2)] / [a b (a + b + 2) (a + b + 3)],
      // so mu4 = sigma^4 (3 + excess).
      const excess =
        (6 * ((a - b) ** 2 * (a + b + 1) - a * b * (a + b + 2))) / (a * b * (a + b + 2) * (a + b + 3));
      const mu4 = variance * variance * (3 + excess);
      expectMoments(xs, m, variance, mu4);
    });
  }

  it('is symmetric about 1/2 for m = 1/2: half the draws lie below 1/2 (5 binomial SE)', () => {
    const rng = stream(5);
    let below = 0;
    for (let i = 0; i < n; i++) if (beta(rng, 0.5, 6) < 0.5) below++;
    expect(Math.abs(below - n / 2)).toBeLessThan(5 * Math.sqrt(n / 4));
  });
});
