import type { Config, Policy } from './config.js';

/**
 * Lots in each cell (region-major) under a policy: the measure's lots per cell (set for a region of
 * average demand weight) scaled by the region's weight relative to the average, times lotSplit;
 * rounded, at least 1. So lots are of similar size everywhere and larger regions have more of them.
 */
export function lotsPerCellUnder(config: Config, policy: Policy): Int32Array {
  const { regions, measureTypes } = config.market;
  const meanWeight = regions.reduce((a, r) => a + r.demandWeight, 0) / regions.length;
  const out = new Int32Array(regions.length * measureTypes.length);
  regions.forEach((r, ri) =>
    measureTypes.forEach((m, mi) => {
      const scale = meanWeight > 0 ? r.demandWeight / meanWeight : 1;
      out[ri * measureTypes.length + mi] = Math.max(1, Math.round(m.lotsPerCell * scale * policy.lotSplit));
    }),
  );
  return out;
}
