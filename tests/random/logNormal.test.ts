import { describe, expect, it } from 'vitest';
import { expectMoments, stream } from '../helpers/moments.js';
import { logNormal } from '../../src/random/logNormal.js';

/** E[X^k] for X = median * exp(sigma Z): median^k exp(k^2 sigma^2 / 2). */
function rawMoment(median: number, sigma: number, k: number): number {
  return median ** k * Math.exp((k * k * sigma * sigma) / 2);
}

describe('logNormal', () => {
  const n = 100_000;

  for (const [k, median, sigma] of [
    [1, 250, 0.5],
    [2, 1, 0.25],
    [3, 40, 0.8],
  ] as const) {
    it(`has mean median e^(sigma^2/2) and variance mean^2 (e^(sigma^2) - 1) for median ${median}, sigma ${sigma}`, () => {
      const rng = stream(k);
      const xs = new Float64Array(n);
      let nonPositive = 0;
      for (let i = 0; i < n; i++) {
        xs[i] = logNormal(rng, median, sigma);
        if (!(xs[i]! > 0)) nonPositive++;
      }
      expect(nonPositive).toBe(0);
      const m1 = rawMoment(median, sigma, 1);
      const m2 = rawMoment(median, sigma, 2);
      const m3 = rawMoment(median, sigma, 3);
      const m4 = rawMoment(median, sigma, 4);
      const mean = m1;
      const variance = m1 * m1 * (Math.exp(sigma * sigma) - 1);
      expect(variance).toBeCloseTo(m2 - m1 * m1, 6);
      // Fourth central moment from the raw moments.
      const mu4 = m4 - 4 * m1 * m3 + 6 * m1 * m1 * m2 - 3 * m1 ** 4;
      expectMoments(xs, mean, variance, mu4);

      // log X is N(log median, sigma^2): check it with the normal formulas too.
      const logs = xs.map(Math.log);
      expectMoments(logs, Math.log(median), sigma * sigma, 3 * sigma ** 4);

      // Half the draws lie below the median: Binomial(n, 1/2), SE = sqrt(n / 4).
      let below = 0;
      for (let i = 0; i < n; i++) if (xs[i]! < median) below++;
      expect(Math.abs(below - n / 2)).toBeLessThan(5 * Math.sqrt(n / 4));
    });
  }

  it('returns the median exactly when sigma = 0', () => {
    const rng = stream(4);
    for (let i = 0; i < 100; i++) expect(logNormal(rng, 250, 0)).toBe(250);
  });
});
