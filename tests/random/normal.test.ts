import { describe, expect, it } from 'vitest';
import { expectMoments, moments, stream } from '../helpers/moments.js';
import { normal } from '../../src/random/normal.js';

describe('normal', () => {
  const n = 100_000;

  for (const [k, mean, sd] of [
    [1, 0, 1],
    [2, 10, 3],
    [3, -5, 0.01],
  ] as const) {
    it(`has mean ${mean} and variance ${sd * sd} for N(${mean}, ${sd}^2)`, () => {
      const rng = stream(k);
      const xs = new Float64Array(n);
      let finite = 0;
      for (let i = 0; i < n; i++) {
        xs[i] = normal(rng, mean, sd);
        if (Number.isFinite(xs[i])) finite++;
      }
      expect(finite).toBe(n);
      const v = sd * sd;
      expectMoments(xs, mean, v, 3 * v * v);
    });
  }

  it('defaults to the standard normal', () => {
    const a = stream(4);
    const b = stream(4);
    for (let i = 0; i < 100; i++) expect(normal(a)).toBe(normal(b, 0, 1));
  });

  it('puts 95% of draws within 1.959964 sd and 50% below the mean (5 binomial SE)', () => {
    const rng = stream(5);
    let inside = 0;
    let below = 0;
    for (let i = 0; i < n; i++) {
      const z = normal(rng);
      if (Math.abs(z) < 1.959963984540054) inside++;
      if (z < 0) below++;
    }
    // A count with success probability p is Binomial(n, p): SE = sqrt(n p (1 - p)).
    expect(Math.abs(inside - 0.95 * n)).toBeLessThan(5 * Math.sqrt(n * 0.95 * 0.05));
    expect(Math.abs(below - 0.5 * n)).toBeLessThan(5 * Math.sqrt(n * 0.25));
  });

  it('has sample skewness near 0 and kurtosis near 3', () => {
    const rng = stream(6);
    const xs = new Float64Array(n);
    for (let i = 0; i < n; i++) xs[i] = normal(rng);
    const { mean, variance } = moments(xs);
    let m3 = 0;
    let m4 = 0;
    for (let i = 0; i < n; i++) {
      const d = xs[i]! - mean;
      m3 += d ** 3;
      m4 += d ** 4;
    }
    const skew = m3 / n / variance ** 1.5;
    const kurt = m4 / n / variance ** 2;
    // For normal samples, SE(skewness) ~= sqrt(6 / n) and SE(kurtosis) ~= sqrt(24 / n).
    expect(Math.abs(skew)).toBeLessThan(5 * Math.sqrt(6 / n));
    expect(Math.abs(kurt - 3)).toBeLessThan(5 * Math.sqrt(24 / n));
  });

  it('consumes exactly two uniforms per draw (Box-Muller, no cached spare)', () => {
    const a = stream(7);
    const b = stream(7);
    for (let i = 0; i < 100; i++) {
      const u = 1 - b.next();
      const v = b.next();
      expect(normal(a)).toBe(Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
    }
  });
});
