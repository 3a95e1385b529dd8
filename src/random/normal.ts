import type { Rng } from './rng.js';

/**
 * Draws from the normal distribution N(mean, sd^2) by the Box-Muller transform.
 * It keeps no spare value between calls, so each draw uses exactly two uniforms and the
 * stream stays aligned however the draws are interleaved with other samplers.
 * @example normal(rng, 0, 1) // e.g. -0.42
 */
export function normal(rng: Rng, mean = 0, sd = 1): number {
  const u = 1 - rng.next(); // (0, 1], so the logarithm is finite
  const v = rng.next();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
