import type { Rng } from './rng.js';

/**
 * Returns true with probability p (mean p, variance p(1 - p)).
 * @example bernoulli(rng, 0.25) // true about one time in four
 */
export function bernoulli(rng: Rng, p: number): boolean {
  return rng.next() < p;
}
