import { describe, expect, it } from 'vitest';
import { advanceDemand, cellBaseDemand, scriptedMultiplier, stationaryVariance } from '../../src/engine/demand.js';
import { openStream, seedRoot, StreamPurpose } from '../../src/random/streams.js';
import { tinyConfig, tinyMarket } from '../helpers/tinyMarket.js';

describe('demand', () => {
  it('splits national demand over regions by weight', () => {
    const config = tinyConfig({
      market: {
        regions: [
          { name: 'A', demandWeight: 3 },
          { name: 'B', demandWeight: 1 },
        ],
      },
    });
    expect(Array.from(cellBaseDemand(config))).toEqual([75, 25]);
  });

  it('without volatility, demand equals its base level', () => {
    const { state, ctx } = tinyMarket(tinyConfig());
    advanceDemand(state, ctx.config, openStream(seedRoot(1), StreamPurpose.demand, 0), 0, 0);
    expect(state.cellDemand[0]).toBe(100);
  });

  it('a scripted shock shifts the level from its start, for its measure type only', () => {
    const config = tinyConfig({
      run: { burnInYears: 1, horizonYears: 3 },
      market: {
        measureTypes: [
          { name: 'a', demandPerPeriod: 100, lotsPerCell: 1, durationWeeks: 10, referencePrice: 4000, baseWorkRate: 0.3 },
          { name: 'b', demandPerPeriod: 100, lotsPerCell: 1, durationWeeks: 10, referencePrice: 4000, baseWorkRate: 0.3 },
        ],
        shocks: [{ fromYear: 1, change: -0.2, measureType: 'a' }],
      },
    });
    const policyStart = 4;
    expect(scriptedMultiplier(config, 0, policyStart + 3, policyStart)).toBe(1);
    expect(scriptedMultiplier(config, 0, policyStart + 4, policyStart)).toBeCloseTo(0.8, 12);
    expect(scriptedMultiplier(config, 1, policyStart + 4, policyStart)).toBe(1);
  });

  it('shocks compound and never push demand below zero', () => {
    const config = tinyConfig({
      run: { horizonYears: 5 },
      market: { shocks: [{ fromYear: 0, change: -0.5, measureType: null }, { fromYear: 1, change: -1, measureType: null }] },
    });
    expect(scriptedMultiplier(config, 0, 0, 0)).toBe(0.5);
    expect(scriptedMultiplier(config, 0, 4, 0)).toBe(0);
  });

  it('has the base level as its long-run mean (lognormal variance correction)', () => {
    const config = tinyConfig({
      market: { demand: { macroPersistence: 0.5, macroVolatility: 0.1, cellPersistence: 0.5, cellVolatility: 0.1 } },
    });
    const { state } = tinyMarket(config);
    const n = 20000;
    let sum = 0;
    let sumSq = 0;
    for (let t = 0; t < n; t++) {
      advanceDemand(state, config, openStream(seedRoot(5), StreamPurpose.demand, t), t, 0);
      sum += state.cellDemand[0]!;
      sumSq += state.cellDemand[0]! ** 2;
    }
    const mean = sum / n;
    const sd = Math.sqrt(sumSq / n - mean * mean);
    // AR(1) draws are autocorrelated: the effective sample size is n (1 - rho) / (1 + rho) = n / 3.
    const se = sd / Math.sqrt(n / 3);
    expect(Math.abs(mean - 100)).toBeLessThan(5 * se);
    const v = stationaryVariance(0.5, 0.1) * 2;
    expect(sd).toBeGreaterThan(100 * Math.sqrt(Math.exp(v) - 1) * 0.9);
    expect(sd).toBeLessThan(100 * Math.sqrt(Math.exp(v) - 1) * 1.1);
  });
});
