import { describe, expect, it } from 'vitest';
import { ExitCause, Ownership } from '../../src/engine/codes.js';
import { accessibleLotShare, drawLifecycleUniforms, processAcquisitions, processEntry, processExits, removeSupplier, transferSupplier } from '../../src/engine/lifecycle.js';
import { openStream, seedRoot, StreamPurpose } from '../../src/random/streams.js';
import { MAX_SUPPLIERS_EVER } from '../../src/model/decode.js';
import { compactOperating } from '../../src/engine/state.js';
import { placeOnLot, tinyConfig, tinyMarket } from '../helpers/tinyMarket.js';
import { createWorkspace } from '../../src/engine/workspace.js';

function draws(n: number, value: number): Float64Array {
  return new Float64Array(n).fill(value);
}

describe('mechanism 7: the lifecycle draws', () => {
  it('give every supplier index up to the last operating one its uniform, in index order; an exited index only takes its own', () => {
    const { state } = tinyMarket(tinyConfig({ suppliers: { initialCount: 5 } }));
    state.s.alive[1] = 0;
    state.s.alive[4] = 0;
    compactOperating(state); // operating: 0, 2, 3
    const ws = createWorkspace();
    const got = drawLifecycleUniforms(state, ws, openStream(seedRoot(3), StreamPurpose.lifecycle, 7));
    const stream = openStream(seedRoot(3), StreamPurpose.lifecycle, 7);
    const expected = [0, 1, 2, 3].map(() => stream.next());
    expect([got[0], got[2], got[3]]).toEqual([expected[0], expected[2], expected[3]]);
    // The array is the workspace's, with room for every supplier; a later period reuses it.
    expect(got).toBe(ws.lifecycleDraw);
    expect(got.length).toBeGreaterThanOrEqual(state.n);
  });
});

describe('mechanism 7: exit', () => {
  it('a supplier with negative cash exits as insolvent and leaves its agreements', () => {
    const { state, ctx } = tinyMarket(tinyConfig());
    placeOnLot(state, 0, 4000, 125);
    state.s.cash[0] = -1;
    processExits(state, ctx, draws(state.n, 0.99), 3);
    expect(state.s.alive[0]).toBe(0);
    expect(state.s.exitCause[0]).toBe(ExitCause.insolvency);
    expect(state.s.exitPeriod[0]).toBe(3);
    expect(state.slotSupplier[0]).toBe(-1);
    expect(state.lotShortSince[0]).toBe(3); // short from the exit on, for a re-tender
    expect(state.ledger.insolvencies).toBe(1);
    expect(state.s.alive[1]).toBe(1);
  });

  it('an idle supplier leaves with the given probability once idle long enough', () => {
    const config = tinyConfig({ suppliers: { exit: { idlePeriodsBeforeExit: 4, idleExitProbability: 0.3 } } });
    const { state, ctx } = tinyMarket(config);
    state.s.idlePeriods[0] = 4;
    state.s.idlePeriods[1] = 3;
    processExits(state, ctx, draws(state.n, 0.29), 0);
    expect(state.s.alive[0]).toBe(0);
    expect(state.s.exitCause[0]).toBe(ExitCause.voluntary);
    expect(state.s.alive[1]).toBe(1); // not idle long enough
    const other = tinyMarket(config);
    other.state.s.idlePeriods[0] = 4;
    processExits(other.state, other.ctx, draws(other.state.n, 0.31), 0);
    expect(other.state.s.alive[0]).toBe(1); // draw above the probability
  });

  it('when one of two suppliers on a lot exits, the other moves up, keeps its own capacity, and the lot is short', () => {
    const config = tinyConfig({ policy: { suppliersPerAgreement: 2 } });
    const { state } = tinyMarket(config);
    placeOnLot(state, 0, 4000, 60, 0);
    placeOnLot(state, 1, 4100, 60, 1);
    removeSupplier(state, 0, ExitCause.insolvency, 5);
    expect(state.slotSupplier[0]).toBe(1);
    expect(state.slotPrice[0]).toBe(4100);
    expect(state.slotSupplier[1]).toBe(-1);
    expect(state.lotShortSince[0]).toBe(5);
    expect(state.lotSlotCapacity[0]).toBe(60);
    expect(state.s.committed[1]).toBe(60);
    expect(state.s.committed[0]).toBe(0);
  });

  it('with three on a lot, the ones below the leaver move up in order', () => {
    const config = tinyConfig({ suppliers: { initialCount: 3 }, policy: { suppliersPerAgreement: 3 } });
    const { state } = tinyMarket(config);
    for (let i = 0; i < 3; i++) placeOnLot(state, i, 4000 + i, 40, i);
    removeSupplier(state, 1, ExitCause.voluntary, 0);
    expect([state.slotSupplier[0], state.slotSupplier[1], state.slotSupplier[2]]).toEqual([0, 2, -1]);
    expect([state.slotPrice[0], state.slotPrice[1]]).toEqual([4000, 4002]);
    expect([state.s.committed[0], state.s.committed[2]]).toEqual([40, 40]);
  });
});

describe('mechanism 7: acquisition', () => {
  it('a group takes over a distressed standalone supplier’s agreements, capacity, regions and cash', () => {
    const config = tinyConfig({ suppliers: { initialCount: 2, acquisition: { probabilityPerPeriod: 0.5, distressCashPeriods: 1 } } });
    const { state, ctx } = tinyMarket(config);
    const s = state.s;
    s.ownership[1] = Ownership.norwegianGroup;
    s.cash[1] = 5e6;
    s.maxCapacity[0] = 200;
    s.maxCapacity[1] = 1000;
    placeOnLot(state, 0, 4000, 125);
    s.overhead[0] = 1e5;
    s.cash[0] = 1000; // below one period of fixed cost
    const before = s.cash[0]! + s.cash[1]!;
    processAcquisitions(state, ctx, draws(state.n, 0.75), 2); // 0.75 >= 1 - 0.5
    expect(s.alive[0]).toBe(0);
    expect(s.exitCause[0]).toBe(ExitCause.acquired);
    expect(state.slotSupplier[0]).toBe(1);
    expect(s.committed[1]).toBe(125);
    expect(s.contracts[1]).toBe(1);
    expect(s.maxCapacity[1]).toBe(1200);
    expect(s.cash[0]! + s.cash[1]!).toBe(before);
    expect(state.cellMembers[0]).toContain(1);
    expect(state.ledger.acquisitions).toBe(1);
  });

  it('a healthy supplier is not acquired', () => {
    const config = tinyConfig({ suppliers: { acquisition: { probabilityPerPeriod: 1, distressCashPeriods: 1 } } });
    const { state, ctx } = tinyMarket(config);
    state.s.ownership[1] = Ownership.norwegianGroup;
    state.s.cash[1] = 5e6;
    placeOnLot(state, 0, 4000, 125);
    state.s.cash[0] = 1e9;
    processAcquisitions(state, ctx, draws(state.n, 0.99), 0);
    expect(state.s.alive[0]).toBe(1);
  });

  it('transferSupplier moves every slot the target holds', () => {
    const config = tinyConfig({ policy: { suppliersPerAgreement: 2 } });
    const { state } = tinyMarket(config);
    placeOnLot(state, 0, 4000, 60, 0);
    placeOnLot(state, 0, 4100, 60, 1);
    transferSupplier(state, 0, 1);
    expect([state.slotSupplier[0], state.slotSupplier[1]]).toEqual([1, 1]);
    expect(state.s.committed[1]).toBe(120);
  });
});

describe('mechanism 7: entry', () => {
  it('responds to margins and to how many lots a newcomer could hold', () => {
    const config = tinyConfig({ suppliers: { entry: { ratePerYear: 400, profitSensitivity: 5, referenceMargin: 0.07 } } });
    const count = (margin: number, slot: number) => {
      const { state, ctx } = tinyMarket(config);
      state.cellLotCount[0] = 1;
      state.lotSlotCapacity[0] = slot;
      processEntry(state, ctx, createWorkspace(), openStream(seedRoot(9), StreamPurpose.entrants, 0), 0, margin);
      return state.ledger.entries;
    };
    // Mean 100 x (1 + 5 x 0.03) = 115 with every lot open; 0 when margins are 20 points below reference.
    const open = count(0.1, 1);
    expect(open).toBeGreaterThan(115 - 5 * Math.sqrt(115));
    expect(open).toBeLessThan(115 + 5 * Math.sqrt(115));
    expect(count(-0.13, 1)).toBe(0);
    expect(count(0.1, 1e9)).toBe(0); // no lot small enough for an entrant
  });

  it('stops once MAX_SUPPLIERS_EVER suppliers exist', () => {
    const config = tinyConfig({ suppliers: { entry: { ratePerYear: 1000 } } });
    const { state, ctx } = tinyMarket(config);
    state.cellLotCount[0] = 1;
    state.lotSlotCapacity[0] = 1;
    const n = state.n;
    state.n = MAX_SUPPLIERS_EVER; // pretend the run already created that many
    processEntry(state, ctx, createWorkspace(), openStream(seedRoot(1), StreamPurpose.entrants, 0), 0, 0.5);
    expect(state.ledger.entries).toBe(0);
    state.n = n;
  });

  it('an entrant operates from the next period', () => {
    const config = tinyConfig({ suppliers: { entry: { ratePerYear: 1000, profitSensitivity: 10 } } });
    const { state, ctx } = tinyMarket(config);
    state.cellLotCount[0] = 1;
    state.lotSlotCapacity[0] = 1;
    const before = state.n;
    processEntry(state, ctx, createWorkspace(), openStream(seedRoot(2), StreamPurpose.entrants, 5), 5, 0.07);
    expect(state.n).toBeGreaterThan(before);
    expect(state.s.entryPeriod[before]).toBe(6);
  });

  it('accessibleLotShare counts lots whose slot fits an entrant', () => {
    const { state } = tinyMarket(tinyConfig());
    state.cellLotCount[0] = 1;
    state.lotSlotCapacity[0] = 100;
    expect(accessibleLotShare(state, 150)).toBe(1);
    expect(accessibleLotShare(state, 50)).toBe(0);
  });
});
