import type { Rng } from './rng.js';

/**
 * Draws from the continuous uniform distribution on [min, max).
 * Mean (min + max) / 2, variance (max - min)^2 / 12.
 * @example uniform(rng, 2, 4) // e.g. 3.17
 */
export function uniform(rng: Rng, min: number, max: number): number {
  return min + (max - min) * rng.next();
}
