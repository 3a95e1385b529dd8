import { normal } from './normal.js';
import type { Rng } from './rng.js';

/**
 * Draws from the gamma distribution with the given shape k and scale theta
 * (mean k * theta, variance k * theta^2) by Marsaglia and Tsang's method (2000).
 * Shapes below 1 use the boost Gamma(k) = Gamma(k + 1) * U^(1/k).
 * @example gamma(rng, 2, 1.5)
 */
export function gamma(rng: Rng, shape: number, scale = 1): number {
  if (shape < 1) {
    const u = 1 - rng.next();
    return gamma(rng, shape + 1, scale) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}
