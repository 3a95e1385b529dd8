import { describe, expect, it } from 'vitest';
import { countCellsHeld } from '../../src/engine/step.js';
import { demandRisk } from '../../src/engine/bidding.js';
import { settleFinances } from '../../src/engine/finance.js';
import { openStream, seedRoot, StreamPurpose } from '../../src/random/streams.js';
import { tinyConfig, tinyMarket } from '../helpers/tinyMarket.js';
import { createWorkspace } from '../../src/engine/workspace.js';

describe('mechanism 2: diversification counts distinct cells, not places', () => {
  it('several places in one cell count once; places in two cells count twice', () => {
    const config = tinyConfig({
      market: {
        regions: [{ name: 'A', demandWeight: 1 }, { name: 'B', demandWeight: 1 }],
        measureTypes: [{ name: 'm', demandPerPeriod: 100, lotsPerCell: 2, durationWeeks: 10, referencePrice: 4000, baseWorkRate: 0.3 }],
      },
      policy: { suppliersPerAgreement: 2 },
    });
    const { state } = tinyMarket(config);
    const put = (lot: number, k: number, i: number) => {
      const c = state.lotCell[lot]!;
      state.cellLotCount[c] = Math.max(state.cellLotCount[c]!, lot - state.cellLotStart[c]! + 1);
      state.slotSupplier[lot * state.stride + k] = i;
    };
    // Supplier 0: both lots of cell A (one cell). Supplier 1: a lot in A and a lot in B (two cells).
    const a = state.cellLotStart[0]!;
    const b = state.cellLotStart[1]!;
    put(a, 0, 0);
    put(a + 1, 0, 0);
    put(a, 1, 1);
    put(b, 0, 1);
    countCellsHeld(state, createWorkspace());
    expect(state.s.cellsHeld[0]).toBe(1);
    expect(state.s.cellsHeld[1]).toBe(2);
    // The cell part of the risk is spread over one more cell for each cell held.
    expect(demandRisk(0.01, 0.02, 1)).toBeCloseTo(Math.sqrt(0.01 + 0.02 / 2), 12);
  });
});

describe('mechanism 7: size follows the places held', () => {
  it('capacity grows to what is committed and sheds capacityShedRate of the rest, down to the core', () => {
    const config = tinyConfig({ behaviour: { capacityShedRate: 0.25 } });
    const { state, ctx } = tinyMarket(config);
    const s = state.s;
    s.baseCapacity[0] = 100;
    s.maxCapacity[0] = 100;
    s.committed[0] = 180; // won a place beyond its size: it hired
    s.baseCapacity[1] = 100;
    s.maxCapacity[1] = 300;
    s.committed[1] = 0; // lost everything: sheds a quarter of 300 - 100
    settleFinances(state, ctx, openStream(seedRoot('f'), StreamPurpose.supplierShocks, 0), 0);
    expect(s.maxCapacity[0]).toBe(180);
    expect(s.maxCapacity[1]).toBe(300 - 0.25 * 200);
  });
});

describe('payouts keep buffers as thin as each ownership type keeps them', () => {
  it('owners take payoutShare of the cash above the buffer, and nothing below it; the ledger records it', () => {
    const config = tinyConfig({ behaviour: { payoutShare: 0.25 } });
    const { state, ctx } = tinyMarket(config);
    const s = state.s;
    for (const i of [0, 1]) {
      s.maxCapacity[i] = 100;
      s.variableCost[i] = 1000;
      s.capacityCost[i] = 3000;
      s.bufferPeriods[i] = 2; // buffer 2 x 100 x 4000 = 800 000
    }
    s.cash[0] = 1_800_000; // 1 000 000 above: a quarter is paid out
    s.cash[1] = 500_000; // below: nothing
    settleFinances(state, ctx, openStream(seedRoot('p'), StreamPurpose.supplierShocks, 0), 0);
    expect(s.cash[0]).toBeCloseTo(1_800_000 - 250_000, 6);
    expect(s.cash[1]).toBe(500_000);
    expect(state.ledger.payouts).toBeCloseTo(250_000, 6);
  });
});
