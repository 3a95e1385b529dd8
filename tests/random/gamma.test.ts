import { describe, expect, it } from 'vitest';
import { expectMoments, stream } from '../helpers/moments.js';
import { gamma } from '../../src/random/gamma.js';

describe('gamma', () => {
  const n = 50_000;

  for (const [k, shape, scale] of [
    [1, 0.3, 1],
    [2, 0.7, 2],
    [3, 1, 1],
    [4, 2.5, 1],
    [5, 9, 0.5],
    [6, 40, 3],
  ] as const) {
    it(`has mean k theta and variance k theta^2 for shape ${shape} ${shape < 1 ? '< 1' : '>= 1'}, scale ${scale}`, () => {
      const rng = stream(k);
      const xs = new Float64Array(n);
      let bad = 0;
      for (let i = 0; i < n; i++) {
        xs[i] = gamma(rng, shape, scale);
        if (!(xs[i]! >= 0) || !Number.isFinite(xs[i])) bad++;
      }
      expect(bad).toBe(0);
      const mean = shape * scale;
      const variance = shape * scale * scale;
      // Excess kurtosis 6 / k, so mu4 = sigma^4 (3 + 6 / k) = 3 k (k + 2) theta^4.
      const mu4 = 3 * shape * (shape + 2) * scale ** 4;
      expectMoments(xs, mean, variance, mu4);
    });
  }

  it('defaults to scale 1', () => {
    const a = stream(7);
    const b = stream(7);
    for (let i = 0; i < 100; i++) expect(gamma(a, 2.5)).toBe(gamma(b, 2.5, 1));
  });

  it('gives an exponential for shape 1: P(X > 1) = e^-1 (5 binomial SE)', () => {
    const rng = stream(8);
    let above = 0;
    for (let i = 0; i < n; i++) if (gamma(rng, 1) > 1) above++;
    const p = Math.exp(-1);
    expect(Math.abs(above - n * p)).toBeLessThan(5 * Math.sqrt(n * p * (1 - p)));
  });

  it('scales linearly: gamma(k, theta) = theta * gamma(k, 1) on the same stream', () => {
    const a = stream(9);
    const b = stream(9);
    for (let i = 0; i < 200; i++) {
      const x = gamma(a, 0.6, 4);
      const y = gamma(b, 0.6, 1);
      expect(x).toBeCloseTo(4 * y, 10);
    }
  });
});
