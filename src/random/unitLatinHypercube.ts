import { openStream, seedRoot, StreamPurpose, type Seed } from './streams.js';

/**
 * `points` points of a Latin hypercube in [0, 1]^d (McKay, Beckman and Conover 1979): each axis is
 * cut into `points` equal strata, each stratum used exactly once, in an order shuffled from `seed`
 * (one stream of `StreamPurpose.design` per axis), with a uniform point inside its stratum.
 * Calibration's initial design and `experiments`' Latin-hypercube sampler draw from it.
 * @example unitLatinHypercube(2, 4, 7) // 4 points, one in each quarter of each axis
 */
export function unitLatinHypercube(d: number, points: number, seed: Seed): number[][] {
  const out = Array.from({ length: points }, () => new Array<number>(d).fill(0));
  for (let k = 0; k < d; k++) {
    const rng = openStream(seedRoot(seed), StreamPurpose.design, 1000 + k);
    const order = Array.from({ length: points }, (_, i) => i);
    for (let i = points - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    order.forEach((stratum, i) => (out[i]![k] = (stratum + rng.next()) / points));
  }
  return out;
}

