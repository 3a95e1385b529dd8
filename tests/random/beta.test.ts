import { describe, expect, it } from 'vitest';
import { beta } from '../../src/random/beta.js';
import { openStream, seedRoot, StreamPurpose } from '../../src/random/streams.js';

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
 * central moment (for a normal, mu4 = 3 sigma^4 gives Var(s^2) = 2 sigma^4 / (n - 1)).
 */
function expectMoments(xs: ArrayLike<number>, mean: number, variance: number, mu4: number): void {
  const n = xs.length;
  const m = moments(xs);
  expect(Math.abs(m.mean - mean)).toBeLessThan(5 * Math.sqrt(variance / n));
  const varS2 = (mu4 - (variance * variance * (n - 3)) / (n - 1)) / n;
  expect(Math.abs(m.variance - variance)).toBeLessThan(5 * Math.sqrt(varS2));
}

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
