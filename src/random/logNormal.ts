import { normal } from './normal.js';
import type { Rng } from './rng.js';

/**
 * Draws X = median * exp(sigma * Z), Z standard normal: a positive value whose logarithm is
 * normal. Mean median * exp(sigma^2 / 2), variance mean^2 * (exp(sigma^2) - 1).
 * @example logNormal(rng, 250, 0.5) // a supplier capacity around 250
 */
export function logNormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * normal(rng));
}
