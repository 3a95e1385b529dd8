import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateCallOffs, callOffs, emptyPeriodTotals } from '../../src/engine/callOff.js';
import { CallOffCode } from '../../src/engine/codes.js';
import { clearPeriodAccumulators, settleFinances } from '../../src/engine/finance.js';
import { openStream, seedRoot, StreamPurpose } from '../../src/random/streams.js';
import { placeOnLot, tinyConfig, tinyMarket } from '../helpers/tinyMarket.js';
import { createWorkspace } from '../../src/engine/workspace.js';

describe('allocateCallOffs', () => {
  it('rank order fills the first supplier before the next', () => {
    const used = new Float64Array(3);
    allocateCallOffs(CallOffCode.rank, 150, [100, 100, 100], [0, 1, 2], used);
    expect(Array.from(used)).toEqual([100, 50, 0]);
  });

  it('rank order follows the given order, not the index', () => {
    const used = new Float64Array(2);
    allocateCallOffs(CallOffCode.rank, 150, [100, 100], [1, 0], used);
    expect(Array.from(used)).toEqual([50, 100]);
  });

  it('shares split equally and refill from suppliers with room', () => {
    const used = new Float64Array(3);
    allocateCallOffs(CallOffCode.shares, 150, [100, 20, 100], [0, 1, 2], used);
    // 50 each at first; the second can take only 20, so the other 30 goes 15 + 15.
    expect(Array.from(used)).toEqual([65, 20, 65]);
  });

  it('never calls off more than capacity, even when demand exceeds it', () => {
    for (const rule of [CallOffCode.rank, CallOffCode.shares, CallOffCode.miniCompetition]) {
      const used = new Float64Array(2);
      allocateCallOffs(rule, 1000, [100, 100], [0, 1], used);
      expect(Array.from(used)).toEqual([100, 100]);
    }
  });
});

/** One supplier on one lot, demand 100 participant-weeks, committed capacity 125. */
function oneSupplierPeriod(guarantee: number, demand = 100) {
  const config = tinyConfig({ suppliers: { initialCount: 1 } });
  const { state, ctx } = tinyMarket(config);
  const s = state.s;
  s.variableCost[0] = 1000;
  s.capacityCost[0] = 3000;
  const cashBefore = 1e6;
  s.cash[0] = cashBefore;
  state.cellDemand[0] = demand;
  const price = 4000; // = variable + capacity cost: break-even at full utilisation
  placeOnLot(state, 0, price, 125);
  state.lotGuarantee[0] = guarantee;
  clearPeriodAccumulators(state);
  const totals = emptyPeriodTotals();
  callOffs(state, ctx, createWorkspace(), totals);
  settleFinances(state, ctx, openStream(seedRoot(1), StreamPurpose.supplierShocks, 0), 0);
  return { totals, result: s.cash[0]! - cashBefore, state };
}

describe('mechanism 1: no purchase obligation', () => {
  it('with demand below committed capacity and no guarantee, the loss equals the unused capacity cost', () => {
    const { totals, result } = oneSupplierPeriod(0);
    expect(totals.served).toBe(100);
    expect(totals.buyerPaid).toBe(400_000);
    // Revenue 100 x 4000; cost 100 x 1000 variable + 125 x 3000 capacity. Unused: 25 x 3000.
    expect(result).toBeCloseTo(-25 * 3000, 6);
  });
});

describe('mechanism 6: minimum-volume guarantee', () => {
  it('a 100 % guarantee pays for the unused 25 weeks and removes the loss', () => {
    const { totals, result } = oneSupplierPeriod(1);
    expect(totals.guaranteePaid).toBe(25 * 4000);
    expect(totals.buyerPaid).toBe(125 * 4000);
    // Paid 125 x 4000, cost 100 x 1000 + 125 x 3000: a gain of 25 x 1000 (variable cost not incurred).
    expect(result).toBeCloseTo(25 * 1000, 6);
  });

  it('never lowers the guaranteed supplier’s cash, whatever the demand (same world, same price)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 300, noNaN: true }), (g, demand) => {
        expect(oneSupplierPeriod(g, demand).result).toBeGreaterThanOrEqual(oneSupplierPeriod(0, demand).result);
      }),
      { seed: 61, numRuns: 200 },
    );
  });

  it('a guarantee below utilisation pays nothing', () => {
    const { totals } = oneSupplierPeriod(0.8); // used 100 = 0.8 x 125
    expect(totals.guaranteePaid).toBe(0);
  });
});

describe('transitions to work', () => {
  it('counts transitions and, separately, those above the work rate without any measure', () => {
    const config = tinyConfig({ outcomes: { measureEffect: 0.05, qualityEffectOnWorkRate: 0.2, referenceQuality: 0.5 } });
    const { state, ctx } = tinyMarket(config);
    state.cellDemand[0] = 100;
    placeOnLot(state, 0, 4000, 125);
    state.s.quality[0] = 0.5; // reference quality: work rate = base 0.3
    clearPeriodAccumulators(state);
    const totals = emptyPeriodTotals();
    callOffs(state, ctx, createWorkspace(), totals);
    // 100 participant-weeks / 10 weeks = 10 participants finishing.
    expect(totals.transitions).toBeCloseTo(10 * 0.3, 12);
    expect(totals.additionalTransitions).toBeCloseTo(10 * 0.05, 12);
  });
});

describe('callOffs', () => {
  it('counts demand of a lot without suppliers as unserved', () => {
    const config = tinyConfig();
    const { state, ctx } = tinyMarket(config);
    state.cellDemand[0] = 100;
    state.cellLotCount[0] = 1;
    state.lotShare[0] = 1;
    clearPeriodAccumulators(state);
    const totals = emptyPeriodTotals();
    callOffs(state, ctx, createWorkspace(), totals);
    expect(totals.unserved).toBe(100);
    expect(totals.served).toBe(0);
    expect(totals.buyerPaid).toBe(0);
  });

  it('mini-competition calls off first from the best price-quality score', () => {
    const config = tinyConfig({ policy: { suppliersPerAgreement: 2, priceWeight: 0.5 } });
    const { state, ctx } = tinyMarket(config);
    const s = state.s;
    state.cellDemand[0] = 100;
    placeOnLot(state, 0, 4000, 100, 0);
    placeOnLot(state, 1, 4000, 100, 1);
    s.quality[0] = 0.4;
    s.quality[1] = 0.8;
    state.lotRule[0] = CallOffCode.miniCompetition;
    clearPeriodAccumulators(state);
    callOffs(state, ctx, createWorkspace(), emptyPeriodTotals());
    expect(s.used[1]).toBe(100);
    expect(s.used[0]).toBe(0);
  });

  it('served plus unserved equals demand', () => {
    const config = tinyConfig({ policy: { suppliersPerAgreement: 2 } });
    const { state, ctx } = tinyMarket(config);
    state.cellDemand[0] = 300;
    placeOnLot(state, 0, 4000, 100, 0);
    placeOnLot(state, 1, 4000, 100, 1);
    clearPeriodAccumulators(state);
    const totals = emptyPeriodTotals();
    callOffs(state, ctx, createWorkspace(), totals);
    expect(totals.served).toBe(200);
    expect(totals.unserved).toBe(100);
    expect(totals.demand).toBe(300);
  });
});

describe('allocation by choice in proportion to quality', () => {
  it('splits demand in proportion to the weights (hand-computed)', () => {
    const used = [0, 0];
    allocateCallOffs(CallOffCode.qualityChoice, 90, [100, 100], [0, 1], used, 2, [0.2, 0.4]);
    expect(used[0]).toBeCloseTo(30, 12);
    expect(used[1]).toBeCloseTo(60, 12);
  });

  it('what a full supplier cannot take goes to the others in proportion', () => {
    const used = [0, 0, 0];
    // Weights 1 : 2 : 1 of 200 would give 50, 100, 50; the second holds only 60, and its 40 go 20 / 20.
    allocateCallOffs(CallOffCode.qualityChoice, 200, [100, 60, 100], [0, 1, 2], used, 3, [1, 2, 1]);
    expect(used).toEqual([70, 60, 70]);
  });
});
