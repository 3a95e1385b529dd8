import { normal } from './normal.js';
import type { Rng } from './rng.js';

/**
 * Draws a count from the Poisson distribution with mean `lambda` (variance `lambda`).
 * Knuth's multiplication method below lambda = 30; above, a continuity-corrected normal
 * approximation (the model only needs large means for entry counts, where it is adequate).
 * @example poisson(rng, 3) // e.g. 2
 */
export function poisson(rng: Rng, lambda: number): number {
  if (!(lambda > 0)) return 0;
  if (lambda < 30) {
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = rng.next();
    while (p > limit) {
      k++;
      p *= rng.next();
    }
    return k;
  }
  return Math.max(0, Math.round(normal(rng, lambda, Math.sqrt(lambda))));
}
