import { describe, expect, it } from 'vitest';
import { emptyPeriodTotals } from '../../src/engine/callOff.js';
import { ExitCause } from '../../src/engine/codes.js';
import { createRecorder, markCohorts, receiptsInLastYear, recordPeriod, outcomesOf, survivalCheckpoint } from '../../src/engine/observe.js';
import { tinyConfig, tinyMarket } from '../helpers/tinyMarket.js';
import { createWorkspace } from '../../src/engine/workspace.js';

describe('receiptsInLastYear', () => {
  it('is the rolling sum for an operating supplier', () => {
    const { state } = tinyMarket(tinyConfig());
    state.s.receiptsYear[0] = 1234;
    expect(receiptsInLastYear(state, 0, 20)).toBe(1234);
  });

  it('counts only the part of an exited supplier’s last year that lies inside the year asked for', () => {
    const { state } = tinyMarket(tinyConfig()); // 4 periods a year
    const s = state.s;
    s.alive[0] = 0;
    s.exitPeriod[0] = 9;
    // Ring slots hold receipts of periods 6, 7, 8, 9 (slot = period % 4).
    s.receiptsRing[0 * 4 + (6 % 4)] = 6;
    s.receiptsRing[0 * 4 + (7 % 4)] = 7;
    s.receiptsRing[0 * 4 + (8 % 4)] = 8;
    s.receiptsRing[0 * 4 + (9 % 4)] = 9;
    expect(receiptsInLastYear(state, 0, 9)).toBe(6 + 7 + 8 + 9);
    expect(receiptsInLastYear(state, 0, 11)).toBe(8 + 9); // the year is periods 8..11
    expect(receiptsInLastYear(state, 0, 13)).toBe(0); // exited before the year began
  });
});

describe('cohort survival at years 4, 8 and 12', () => {
  /** Runs the recorder over a hand-made horizon in which cohort members exit at given horizon periods. */
  function survivalWith(horizonYears: number, exits: ReadonlyArray<[supplier: number, period: number]>) {
    const config = tinyConfig({ run: { horizonYears }, suppliers: { initialCount: 4 } });
    const { state } = tinyMarket(config);
    const H = horizonYears * 4;
    const s = state.s;
    for (let i = 0; i < 4; i++) s.cohortSmall[i] = 1; // all four small at policy start
    s.cohortNonProfit[0] = 1; // two of them in the non-profit cohort too
    s.cohortNonProfit[3] = 1;
    const rec = createRecorder(state, H);
    for (let h = 0; h < H; h++) {
      for (const [i, p] of exits) {
        if (p === h) {
          s.alive[i] = 0;
          s.exitPeriod[i] = h;
          s.exitCause[i] = ExitCause.insolvency;
        }
      }
      state.period = h + 1;
      recordPeriod(rec, state, createWorkspace(), config, emptyPeriodTotals(), h, h);
    }
    return outcomesOf(rec, state, config);
  }

  it('reads the survival series at the last period of years 4, 8 and 12', () => {
    // 10-year horizon, 4 periods a year: year 4 ends with period 15, year 8 with period 31;
    // year 12 lies beyond the horizon, so it is the end (period 39).
    // Supplier 0 exits in period 2 (year 1), supplier 1 in period 16 (the first of year 5),
    // supplier 3 in period 31 (the last of year 8), supplier 2 never.
    const o = survivalWith(10, [[0, 2], [1, 16], [3, 31]]);
    expect(o.smallCohortSurvivalYear4).toBe(3 / 4);
    expect(o.smallCohortSurvivalYear8).toBe(1 / 4);
    expect(o.smallCohortSurvivalYear12).toBe(1 / 4);
    expect(o.smallCohortSurvival).toBe(1 / 4);
    expect(o.nonProfitCohortSurvivalYear4).toBe(1 / 2); // supplier 0 gone, 3 still there
    expect(o.nonProfitCohortSurvivalYear8).toBe(0);
    expect(o.nonProfitCohortSurvivalYear12).toBe(0);
  });

  it('is the end of the horizon when the horizon is shorter than the checkpoint', () => {
    const o = survivalWith(3, [[0, 2], [1, 11]]); // periods 0..11; supplier 1 exits in the last one
    expect(o.smallCohortSurvivalYear4).toBe(2 / 4);
    expect(o.smallCohortSurvivalYear8).toBe(2 / 4);
    expect(o.smallCohortSurvival).toBe(2 / 4);
  });

  it('checkpoints are the last period of the year, or the last of the horizon', () => {
    expect(survivalCheckpoint(4, 48, 4)).toBe(15);
    expect(survivalCheckpoint(8, 48, 4)).toBe(31);
    expect(survivalCheckpoint(12, 48, 4)).toBe(47);
    expect(survivalCheckpoint(12, 20, 4)).toBe(19);
    expect(survivalCheckpoint(4, 48, 12)).toBe(47);
  });
});

/** A tiny market of four suppliers, and a setter of one supplier's last-year revenue, profit and receipts from the buyer. */
function fourSuppliers() {
  const config = tinyConfig({ suppliers: { initialCount: 4 } });
  const { state } = tinyMarket(config);
  const set = (i: number, revenue: number, profit: number, receipts: number) => {
    state.s.revenueYear[i] = revenue;
    state.s.profitYear[i] = profit;
    state.s.receiptsYear[i] = receipts;
  };
  return { config, state, set };
}

describe('mainIncomeMargin', () => {
  it('averages the margins of suppliers that get more than 40 % of their revenue from the buyer (the report’s main income)', () => {
    const { config, state, set } = fourSuppliers();
    set(0, 1000, 100, 600); // margin 10 %, buyer 60 % of revenue: counts
    set(1, 1000, 40, 401); // margin 4 %, just above 40 %: counts
    set(2, 1000, -200, 400); // margin -20 %, exactly 40 %: left out (the definition is "more than")
    set(3, 1000, 300, 0); // margin 30 %, no buyer income: left out
    const rec = createRecorder(state, 1);
    state.period = 1;
    recordPeriod(rec, state, createWorkspace(), config, emptyPeriodTotals(), 0, 0);
    const o = outcomesOf(rec, state, config);
    expect(o.mainIncomeMargin).toBeCloseTo((0.1 + 0.04) / 2, 12);
    // The aggregate margin of the same population: summed profit over summed revenue.
    expect(o.mainIncomeMarginAggregate).toBeCloseTo((100 + 40) / 2000, 12);
    // meanMargin still covers every supplier with revenue.
    expect(o.marginP50).toBeGreaterThan(0.04);
  });

  it('is 0 when no supplier lives mainly on the buyer', () => {
    const config = tinyConfig({ suppliers: { initialCount: 2 } });
    const { state } = tinyMarket(config);
    state.s.revenueYear[0] = 1000;
    state.s.profitYear[0] = 50;
    const rec = createRecorder(state, 1);
    state.period = 1;
    recordPeriod(rec, state, createWorkspace(), config, emptyPeriodTotals(), 0, 0);
    expect(outcomesOf(rec, state, config).mainIncomeMargin).toBe(0);
  });
});

describe('the main-income cohort', () => {
  it('is fixed when the policy starts, and its margins follow its members whatever their income mix later', () => {
    const { config, state, set } = fourSuppliers();
    set(0, 1000, 100, 600); // main income at the start
    set(1, 1000, 40, 401); // main income at the start
    set(2, 1000, -200, 400); // exactly 40 %: not main income
    set(3, 1000, 300, 0);
    markCohorts(state, config, 1);
    expect([...state.s.cohortMainIncome.subarray(0, 4)]).toEqual([1, 1, 0, 0]);
    // A year on: supplier 1 now lives on other income, supplier 3 has become main-income.
    set(0, 2000, 100, 1500);
    set(1, 1000, -100, 100);
    set(3, 1000, 50, 900);
    const rec = createRecorder(state, 1);
    state.period = 2;
    recordPeriod(rec, state, createWorkspace(), config, emptyPeriodTotals(), 0, 0);
    const o = outcomesOf(rec, state, config);
    expect(o.mainIncomeCohortSize).toBe(2);
    expect(o.mainIncomeCohortMargin).toBeCloseTo((0.05 - 0.1) / 2, 12);
    expect(o.mainIncomeCohortMarginAggregate).toBeCloseTo((100 - 100) / 3000, 12);
    // The population re-selected each year is another one: suppliers 0 and 3.
    expect(o.mainIncomeMargin).toBeCloseTo((0.05 + 0.05) / 2, 12);
  });
});

describe('leaving is not closing', () => {
  it('survival counts every exit; not-insolvent counts only insolvencies (hand-computed)', () => {
    const config = tinyConfig({ suppliers: { initialCount: 4 } });
    const { state } = tinyMarket(config);
    const s = state.s;
    for (let i = 0; i < 4; i++) s.cohortSmall[i] = 1;
    s.alive[1] = 0; // insolvent
    s.exitCause[1] = ExitCause.insolvency;
    s.alive[2] = 0; // left the tendered market, operates on
    s.exitCause[2] = ExitCause.voluntary;
    const rec = createRecorder(state, 1);
    state.period = 1;
    recordPeriod(rec, state, createWorkspace(), config, emptyPeriodTotals(), 0, 0);
    const o = outcomesOf(rec, state, config);
    expect(o.smallCohortSurvival).toBe(0.5);
    expect(o.smallCohortNotInsolvent).toBe(0.75);
    expect(o.nonProfitCohortNotInsolvent).toBe(1); // an empty cohort
  });
});
