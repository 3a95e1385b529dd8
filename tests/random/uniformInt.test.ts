import { describe, expect, it } from 'vitest';
import { expectMoments, stream } from '../helpers/moments.js';
import { uniformInt } from '../../src/random/uniformInt.js';

describe('uniformInt', () => {
  const n = 100_000;

  for (const [k, min, max] of [
    [1, 1, 6],
    [2, -3, 3],
    [3, 0, 1],
    [4, 0, 99],
  ] as const) {
    it(`draws integers in {${min}, ..., ${max}} with the discrete-uniform mean, variance and frequencies`, () => {
      const rng = stream(k);
      const m = max - min + 1;
      const xs = new Float64Array(n);
      const counts = new Array<number>(m).fill(0);
      let bad = 0;
      for (let i = 0; i < n; i++) {
        const x = uniformInt(rng, min, max);
        if (!Number.isInteger(x) || x < min || x > max) bad++;
        else counts[x - min]!++;
        xs[i] = x;
      }
      expect(bad).toBe(0);
      // m equally likely consecutive integers: variance (m^2 - 1) / 12,
      // fourth central moment (m^2 - 1)(3 m^2 - 7) / 240.
      expectMoments(xs, (min + max) / 2, (m * m - 1) / 12, ((m * m - 1) * (3 * m * m - 7)) / 240);
      // Each value's count is Binomial(n, 1/m): SE = sqrt(n p (1 - p)); allow 5 SE.
      const p = 1 / m;
      const se = Math.sqrt(n * p * (1 - p));
      for (const c of counts) expect(Math.abs(c - n * p)).toBeLessThan(5 * se);
    });
  }

  it('always returns min when min === max', () => {
    const rng = stream(5);
    for (let i = 0; i < 1000; i++) expect(uniformInt(rng, 7, 7)).toBe(7);
  });

  it('consumes exactly one uniform per draw', () => {
    const a = stream(6);
    const b = stream(6);
    for (let i = 0; i < 100; i++) {
      expect(uniformInt(a, 0, 9)).toBe(Math.floor(b.next() * 10));
    }
  });
});
