import { describe, expect, it } from 'vitest';
import { expectMoments, stream } from '../helpers/moments.js';
import { bernoulli } from '../../src/random/bernoulli.js';

describe('bernoulli', () => {
  const n = 100_000;

  for (const [k, p] of [
    [1, 0.25],
    [2, 0.5],
    [3, 0.02],
    [4, 0.97],
  ] as const) {
    it(`has mean p and variance p (1 - p) for p = ${p}`, () => {
      const rng = stream(k);
      const xs = new Float64Array(n);
      let nonBoolean = 0;
      for (let i = 0; i < n; i++) {
        const b = bernoulli(rng, p);
        if (typeof b !== 'boolean') nonBoolean++;
        xs[i] = b ? 1 : 0;
      }
      expect(nonBoolean).toBe(0);
      // Bernoulli: variance p (1 - p), fourth central moment p (1 - p)(1 - 3p + 3p^2).
      expectMoments(xs, p, p * (1 - p), p * (1 - p) * (1 - 3 * p + 3 * p * p));
    });
  }

  it('is never true for p = 0 (or below) and always true for p = 1 (or above)', () => {
    const rng = stream(5);
    let wrong = 0;
    for (let i = 0; i < 10_000; i++) {
      if (bernoulli(rng, 0) !== false) wrong++;
      if (bernoulli(rng, -0.5) !== false) wrong++;
      if (bernoulli(rng, 1) !== true) wrong++;
      if (bernoulli(rng, 1.5) !== true) wrong++;
    }
    expect(wrong).toBe(0);
  });

  it('consumes exactly one uniform per draw', () => {
    const a = stream(6);
    const b = stream(6);
    for (let i = 0; i < 100; i++) expect(bernoulli(a, 0.3)).toBe(b.next() < 0.3);
  });
});
