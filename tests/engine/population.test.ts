import { describe, expect, it } from 'vitest';
import { apportion, pickMask, pickWeighted } from '../../src/engine/population.js';
import { lotsPerCellUnder } from '../../src/model/lots.js';
import { BASELINE_CONFIG as UNCERTAIN_BASELINE } from '../../src/model/baseline.js';
import { resolveUncertain } from '../../src/model/resolve.js';

/** The baseline with its assumed effects drawn once (the population does not depend on them). */
const BASELINE_CONFIG = resolveUncertain(UNCERTAIN_BASELINE, 1).config;
import { OWNERSHIP_TYPES } from '../../src/model/config.js';
import { openStream, seedRoot, StreamPurpose } from '../../src/random/streams.js';
import { createMarket } from '../../src/engine/simulate.js';

describe('population', () => {
  it('apportion splits a count by largest remainder and adds up', () => {
    expect(apportion(10, [0.5, 0.3, 0.2])).toEqual([5, 3, 2]);
    expect(apportion(7, [1, 1, 1])).toEqual([3, 2, 2]);
    expect(apportion(5, [0, 0, 1])).toEqual([0, 0, 5]);
  });

  it('pickWeighted never picks a zero weight', () => {
    const rng = openStream(seedRoot(1), StreamPurpose.population);
    for (let k = 0; k < 1000; k++) expect(pickWeighted(rng, [0, 2, 0, 1], 3)).not.toBe(0);
  });

  it('pickMask picks distinct indices, including the first, capped at what exists', () => {
    const rng = openStream(seedRoot(2), StreamPurpose.population);
    const mask = pickMask(rng, [1, 1, 1, 1], 3, 2);
    expect(mask & 4).toBe(4);
    expect(mask.toString(2).split('').filter((b) => b === '1').length).toBe(3);
    expect(pickMask(rng, [1, 1], 5, -1)).toBe(3);
  });

  it('the initial population matches the ownership shares exactly', () => {
    const state = createMarket(BASELINE_CONFIG, 1);
    const counts = [0, 0, 0, 0, 0];
    for (let i = 0; i < state.n; i++) counts[state.s.ownership[i]!]!++;
    const shares = OWNERSHIP_TYPES.map((o) => BASELINE_CONFIG.suppliers.ownership[o].share);
    expect(counts).toEqual(apportion(BASELINE_CONFIG.suppliers.initialCount, shares));
    expect(state.n).toBe(BASELINE_CONFIG.suppliers.initialCount);
  });

  it('every supplier is listed in the cells it serves', () => {
    const state = createMarket(BASELINE_CONFIG, 2);
    for (let c = 0; c < state.cellMembers.length; c++) {
      const r = Math.floor(c / state.nMeasures);
      const m = c % state.nMeasures;
      for (const i of state.cellMembers[c]!) {
        expect((state.s.regionMask[i]! >>> r) & 1).toBe(1);
        expect((state.s.measureMask[i]! >>> m) & 1).toBe(1);
      }
    }
  });

  it('lots per cell scale with the region’s weight and the policy’s split', () => {
    const lots = lotsPerCellUnder(BASELINE_CONFIG, BASELINE_CONFIG.policy);
    const split = lotsPerCellUnder(BASELINE_CONFIG, { ...BASELINE_CONFIG.policy, lotSplit: 2 });
    const total = (a: Int32Array) => a.reduce((x, y) => x + y, 0);
    expect(total(split)).toBeGreaterThanOrEqual(2 * total(lots) - lots.length);
    const nM = BASELINE_CONFIG.market.measureTypes.length;
    // Oslo (weight 717) gets more group-training lots than Finnmark (weight 75).
    expect(lots[0 * nM + 3]!).toBeGreaterThan(lots[14 * nM + 3]!);
    expect(Math.min(...lots)).toBeGreaterThanOrEqual(1);
  });
});
