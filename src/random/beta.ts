import { gamma } from './gamma.js';
import type { Rng } from './rng.js';

/**
 * Draws from the beta distribution parameterised by its mean m in (0, 1) and concentration
 * kappa > 0 (alpha = m * kappa, beta = (1 - m) * kappa). Mean m, variance m(1 - m) / (kappa + 1).
 * Used for qualities, which live in [0, 1].
 * @example beta(rng, 0.55, 20) // a quality near 0.55
 */
export function beta(rng: Rng, mean: number, concentration: number): number {
  const x = gamma(rng, mean * concentration);
  const y = gamma(rng, (1 - mean) * concentration);
  const sum = x + y;
  return sum > 0 ? x / sum : mean;
}
