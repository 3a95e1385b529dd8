import { describe, expect, it } from 'vitest';
import { clearPeriodAccumulators, operatingResult, settleFinances } from '../../src/engine/finance.js';
import { openStream, seedRoot, StreamPurpose } from '../../src/random/streams.js';
import { tinyConfig, tinyMarket } from '../helpers/tinyMarket.js';

const shocks = (t: number) => openStream(seedRoot(3), StreamPurpose.supplierShocks, t);

describe('finance', () => {
  it('operatingResult adds receipts and outside income and subtracts every cost', () => {
    expect(operatingResult(1000, 200, 180, 700, 100, 0, 0, 0)).toBe(220);
    expect(operatingResult(0, 0, 0, 0, 100, 50, 30, 20)).toBe(-200);
  });

  it('mechanism 2: a volatile outside income shows in cash because its costs are committed', () => {
    const config = tinyConfig({
      suppliers: { ownership: { standalone: { otherRevenueRatio: 1, otherRevenueMargin: 0, otherRevenueVolatility: 0.3 } } },
    });
    const { state, ctx } = tinyMarket(config);
    const results: number[] = [];
    for (let t = 0; t < 40; t++) {
      const before = state.s.cash[0]!;
      clearPeriodAccumulators(state);
      settleFinances(state, ctx, shocks(t), t);
      results.push(state.s.cash[0]! - before);
    }
    const sd = Math.sqrt(results.reduce((a, r) => a + r * r, 0) / results.length);
    expect(sd).toBeGreaterThan(0.1 * state.s.otherRevenueMean[0]!);
  });

  it('owner support covers a shortfall until it runs out', () => {
    const { state, ctx } = tinyMarket(tinyConfig());
    const s = state.s;
    s.cash[0] = 0;
    s.overhead[0] = 100;
    s.supportLeft[0] = 150;
    clearPeriodAccumulators(state);
    settleFinances(state, ctx, shocks(0), 0);
    expect(s.cash[0]).toBe(0);
    expect(s.supportLeft[0]).toBe(50);
    clearPeriodAccumulators(state);
    settleFinances(state, ctx, shocks(1), 1);
    expect(s.cash[0]).toBe(-50);
    expect(state.ledger.ownerSupport).toBe(150);
  });

  it('keeps rolling annual sums over the last periodsPerYear periods', () => {
    const { state, ctx } = tinyMarket(tinyConfig());
    const s = state.s;
    for (let t = 0; t < 6; t++) {
      clearPeriodAccumulators(state);
      s.receipts[0] = 100 * (t + 1);
      settleFinances(state, ctx, shocks(t), t);
    }
    // Periods 2..5 (receipts 300..600) are the last year.
    expect(s.receiptsYear[0]).toBe(300 + 400 + 500 + 600);
    expect(s.revenueYear[0]).toBe(1800);
  });

  it('charges hiring on added and firing on shed capacity', () => {
    const config = tinyConfig({ behaviour: { hiringCostPerWeek: 10, firingCostPerWeek: 20 } });
    const { state, ctx } = tinyMarket(config);
    const s = state.s;
    const start = s.cash[0]!;
    s.committed[0] = 100;
    clearPeriodAccumulators(state);
    settleFinances(state, ctx, shocks(0), 0);
    expect(s.cash[0]).toBe(start - 1000);
    s.committed[0] = 40;
    clearPeriodAccumulators(state);
    settleFinances(state, ctx, shocks(1), 1);
    expect(s.cash[0]).toBe(start - 1000 - 1200);
  });

  it('spends a share of positive profit on quality and nothing out of losses', () => {
    const config = tinyConfig({ behaviour: { qualityInvestmentShare: 0.25 } });
    const { state, ctx } = tinyMarket(config);
    const s = state.s;
    const start = s.cash[0]!;
    clearPeriodAccumulators(state);
    s.receipts[0] = 1000;
    settleFinances(state, ctx, shocks(0), 0);
    expect(s.cash[0]).toBe(start + 750);
    clearPeriodAccumulators(state);
    s.overhead[0] = 500;
    settleFinances(state, ctx, shocks(1), 1);
    expect(s.cash[0]).toBe(start + 750 - 500);
  });
});
