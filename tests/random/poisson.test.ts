import { describe, expect, it } from 'vitest';
import { expectMoments, stream } from '../helpers/moments.js';
import { poisson } from '../../src/random/poisson.js';

function draws(k: number, lambda: number, n: number): Float64Array {
  const rng = stream(k);
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = poisson(rng, lambda);
  return xs;
}

function countBad(xs: Float64Array): number {
  let bad = 0;
  for (const x of xs) if (!Number.isInteger(x) || x < 0) bad++;
  return bad;
}

describe('poisson', () => {
  const n = 50_000;

  describe('small lambda (Knuth multiplication)', () => {
    for (const [k, lambda] of [
      [1, 0.5],
      [2, 3],
      [3, 12],
      [4, 29.5],
    ] as const) {
      it(`has mean and variance lambda = ${lambda}`, () => {
        const xs = draws(k, lambda, n);
        expect(countBad(xs)).toBe(0);
        // Poisson: variance lambda, fourth central moment lambda (1 + 3 lambda).
        expectMoments(xs, lambda, lambda, lambda * (1 + 3 * lambda));
      });
    }

    it('gives P(0) = e^-lambda and P(1) = lambda e^-lambda for lambda = 3 (5 binomial SE)', () => {
      const lambda = 3;
      const xs = draws(5, lambda, n);
      let zeros = 0;
      let ones = 0;
      for (const x of xs) {
        if (x === 0) zeros++;
        if (x === 1) ones++;
      }
      for (const [count, p] of [
        [zeros, Math.exp(-lambda)],
        [ones, lambda * Math.exp(-lambda)],
      ] as const) {
        // Count ~ Binomial(n, p): SE = sqrt(n p (1 - p)).
        expect(Math.abs(count - n * p)).toBeLessThan(5 * Math.sqrt(n * p * (1 - p)));
      }
    });
  });

  describe('lambda >= 30 (rounded normal approximation)', () => {
    for (const [k, lambda] of [
      [6, 30],
      [7, 100],
      [8, 2500],
    ] as const) {
      it(`has mean and variance lambda = ${lambda}`, () => {
        const xs = draws(k, lambda, n);
        expect(countBad(xs)).toBe(0);
        // Tolerances use the Poisson fourth central moment lambda (1 + 3 lambda); the normal
        // approximation has mu4 = 3 lambda^2 instead, so Var(s^2) differs by O(lambda / n), and
        // rounding adds about 1/12 to the variance, far inside 5 SE (~ 5 lambda sqrt(2 / n)).
        expectMoments(xs, lambda, lambda, lambda * (1 + 3 * lambda));
      });
    }
  });

  it('returns 0 for lambda <= 0 or NaN without consuming a uniform', () => {
    const a = stream(9);
    const b = stream(9);
    for (const lambda of [0, -1, -100, Number.NaN]) expect(poisson(a, lambda)).toBe(0);
    expect(a.next()).toBe(b.next());
  });
});
