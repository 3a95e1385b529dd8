import { expect } from 'vitest';
import { openStream, seedRoot, StreamPurpose } from '../../src/random/streams.js';
import type { Rng } from '../../src/random/rng.js';

/** Stream k of the samplers' tests: fixed seed, one stream per test. */
export const stream = (k: number): Rng => openStream(seedRoot('test'), StreamPurpose.population, k);

/** Sample mean and unbiased sample variance (two passes). */
export function moments(xs: ArrayLike<number>): { mean: number; variance: number } {
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
export function expectMoments(xs: ArrayLike<number>, mean: number, variance: number, mu4: number): void {
  const n = xs.length;
  const m = moments(xs);
  expect(Math.abs(m.mean - mean)).toBeLessThan(5 * Math.sqrt(variance / n));
  const varS2 = (mu4 - (variance * variance * (n - 3)) / (n - 1)) / n;
  expect(Math.abs(m.variance - variance)).toBeLessThan(5 * Math.sqrt(varS2));
}
