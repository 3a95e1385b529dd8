import { describe, expect, it } from 'vitest';
import { demandShift, scenario } from '../../src/scenarios/index.js';
import { compare } from '../../src/experiment/compare.js';
import { sweep } from '../../src/experiment/sweep.js';
import { simulate } from '../../src/simulate.js';
import { ConfigError, mergeOver } from '../../src/model/decode.js';
import type { ConfigInput } from '../../src/model/config.js';

// Two measure types with deterministic demand, so a shift shows exactly.
const world: ConfigInput = {
  run: { periodsPerYear: 4, burnInYears: 1, horizonYears: 4 },
  market: {
    regions: [{ name: 'A', demandWeight: 1 }],
    measureTypes: [
      { name: 'a', demandPerPeriod: 1000, lotsPerCell: 1, durationWeeks: 10, referencePrice: 4000, baseWorkRate: 0.3 },
      { name: 'b', demandPerPeriod: 3000, lotsPerCell: 1, durationWeeks: 10, referencePrice: 4000, baseWorkRate: 0.3 },
    ],
    demand: { macroPersistence: 0, macroVolatility: 0, cellPersistence: 0, cellVolatility: 0 },
  },
  suppliers: { initialCount: 8 },
};

describe('demandShift and scenario', () => {
  it('build the config the decoder expects', () => {
    expect(demandShift(-0.2, 4)).toEqual({ fromYear: 4, change: -0.2, measureType: null });
    expect(scenario(demandShift(-0.2, 4), demandShift(0.1, 2, 'b'))).toEqual({
      market: { shocks: [{ fromYear: 4, change: -0.2, measureType: null }, { fromYear: 2, change: 0.1, measureType: 'b' }] },
    });
  });

  it('lower one measure type from the given year, and nothing before it', () => {
    const plain = simulate(world, 5);
    const shifted = simulate(mergeOver(world, scenario(demandShift(-0.25, 2, 'a'))) as ConfigInput, 5);
    for (let h = 0; h < 16; h++) {
      const expected = h < 8 ? plain.series.demand[h]! : plain.series.demand[h]! - 0.25 * 1000;
      expect(shifted.series.demand[h]).toBeCloseTo(expected, 6);
    }
  });

  it('reach every policy of a comparison on the same replications', async () => {
    const r = await compare(mergeOver(world, scenario(demandShift(-0.5, 1))) as ConfigInput, { guarantee: { policy: { minimumVolumeShare: 0.3 } } }, { runs: 3, seed: 1 });
    for (const p of r.policies) {
      const demand = p.series!.demand.map((s) => s.mean);
      expect(demand[3]).toBeCloseTo(4000, 6);
      expect(demand[4]).toBeCloseTo(2000, 6); // year 1 starts at horizon period 4
    }
  });

  it('are checked by the decoder like any config', () => {
    expect(() => simulate(mergeOver(world, scenario(demandShift(-0.2, 1, 'c'))) as ConfigInput)).toThrow(ConfigError);
    expect(() => simulate(mergeOver(world, scenario(demandShift(-0.2, 9))) as ConfigInput)).toThrow(/fromYear|horizon/);
  });
});

describe('sweeping a scenario', () => {
  it('sweeps the size of a shift, paired, as docs/experiments.md section 14 says', async () => {
    const r = await sweep(world, 'market.shocks', [[], [demandShift(-0.1, 1)], [demandShift(-0.3, 1)]], { runs: 2, seed: 1 });
    const demandYear2 = r.policies.map((p) => p.series!.demand[6]!.mean);
    expect(demandYear2[0]).toBeCloseTo(4000, 6);
    expect(demandYear2[1]).toBeCloseTo(3600, 6);
    expect(demandYear2[2]).toBeCloseTo(2800, 6);
    // Before the shift every point saw the same demand.
    expect(new Set(r.policies.map((p) => p.series!.demand[2]!.mean)).size).toBe(1);
  });
});
