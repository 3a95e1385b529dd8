import type { Rng } from './rng.js';

/**
 * Draws an integer uniformly from {min, ..., max} (both inclusive).
 * Mean (min + max) / 2, variance ((max - min + 1)^2 - 1) / 12.
 * @example uniformInt(rng, 1, 6) // a die roll
 */
export function uniformInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng.next() * (max - min + 1));
}
