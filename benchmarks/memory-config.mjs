// The config of the memory benchmark (benchmarks/parallel.bench.ts, section 2): the baseline's
// 12-year quarterly horizon, so every series has its 48 periods and the experiment keeps as many
// series sketches as the baseline's, in a market small enough for 100 000 runs to take minutes
// rather than hours (two regions, two measure types, 30 suppliers, one year of burn-in). Its values
// vary more from run to run than the baseline's, so its sketches have more buckets, not fewer.
export const MEMORY_CONFIG = {
  run: { burnInYears: 1, horizonYears: 12 },
  market: {
    regions: [
      { name: 'A', demandWeight: 1 },
      { name: 'B', demandWeight: 2 },
    ],
    measureTypes: [
      { name: 'followUp', demandPerPeriod: 1200, lotsPerCell: 2, durationWeeks: 26, referencePrice: 4200, baseWorkRate: 0.27 },
      { name: 'assessment', demandPerPeriod: 340, lotsPerCell: 1, durationWeeks: 8, referencePrice: 4800, baseWorkRate: 0.22 },
    ],
  },
  suppliers: { initialCount: 30 },
};
