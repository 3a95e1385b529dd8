import type { Rng } from '../random/rng.js';
import { openStream, StreamPurpose } from '../random/streams.js';
import { callOffs, resetTotals, type PeriodTotals } from './callOff.js';
import type { PhaseContext } from './context.js';
import { advanceDemand } from './demand.js';
import { clearPeriodAccumulators, settleFinances } from './finance.js';
import { drawLifecycleUniforms, processAcquisitions, processEntry, processExits } from './lifecycle.js';
import { compactOperating, type MarketState } from './state.js';
import { retenderLot, tenderCell } from './tender.js';
import { freshCostRange, seenRoom, type MemberCostRange, type Workspace } from './workspace.js';

/**
 * Counts, for every supplier, the distinct cells in which it holds a place (the diversification
 * its risk premium counts; mechanism 2).
 */
export function countCellsHeld(state: MarketState, ws: Workspace): void {
  const { cellsHeld } = state.s;
  cellsHeld.fill(0, 0, state.n);
  const stride = state.stride;
  const seen = seenRoom(ws, state.n);
  seen.fill(-1, 0, state.n);
  for (let c = 0; c < state.cellLotCount.length; c++) {
    const start = state.cellLotStart[c]!;
    const end = (start + state.cellLotCount[c]!) * stride;
    for (let k = start * stride; k < end; k++) {
      const i = state.slotSupplier[k]!;
      if (i < 0 || seen[i] === c) continue;
      seen[i] = c;
      cellsHeld[i]!++;
    }
  }
}

/**
 * Agreements that end in period t are extended by their option (with the probability and
 * length fixed when they were made) or re-tendered; a lot left short of suppliers for the policy's
 * `retenderDelayPeriods` has its empty places tendered again.
 * In period 0 every cell is tendered with an end staggered at random over one full agreement
 * period, so re-tenders are spread over time as in a real market.
 */
function tenderRound(state: MarketState, ctx: PhaseContext, ws: Workspace, t: number): void {
  const nCells = state.cellDemand.length;
  const delay = ctx.policy.retenderDelayPeriods;
  countCellsHeld(state, ws);
  for (let c = 0; c < nCells; c++) {
    if (t >= state.cellCycleEnd[c]!) {
      const rng = openStream(ctx.root, StreamPurpose.tender, t, c);
      if (state.cellOptionPending[c] === 1 && rng.next() < state.cellOptionProbability[c]!) {
        state.cellCycleEnd[c]! += state.cellOptionPeriods[c]!;
        state.cellOptionPending[c] = 0;
        continue;
      }
      if (t === 0) {
        // The first agreements are already part-way through: they end at a random point of one
        // full agreement period, and suppliers bid knowing how long they will run.
        tenderCell(state, ctx, ws, c, t, rng, 1 + Math.floor(rng.next() * (ctx.termPeriods + ctx.optionPeriods)), 0);
      } else {
        tenderCell(state, ctx, ws, c, t, rng);
      }
    } else {
      const start = state.cellLotStart[c]!;
      let rng: Rng | null = null;
      // The cell's re-tenders share one bound on its members' costs: none of them changes it.
      let range: MemberCostRange | null = null;
      for (let j = 0; j < state.cellLotCount[c]!; j++) {
        const since = state.lotShortSince[start + j]!;
        if (since < 0 || t - since < delay) continue;
        rng ??= openStream(ctx.root, StreamPurpose.tender, t, c);
        range ??= freshCostRange(ws);
        retenderLot(state, ctx, ws, start + j, t, rng, range);
      }
    }
  }
}

/**
 * Runs period t: bid capacity renews at the start of a year; demand moves; agreements are
 * tendered; demand is called off; suppliers settle their finances; the period's lifecycle
 * uniforms are drawn; some suppliers exit, are acquired or enter. `totals` receives what the buyer
 * paid and got in the period; `ws` is the run's working memory.
 */
export function runPeriod(state: MarketState, ctx: PhaseContext, ws: Workspace, t: number, totals: PeriodTotals): void {
  const { bidsLeft, bidsPerYear, operating } = state.s;
  resetTotals(totals);
  clearPeriodAccumulators(state);
  compactOperating(state);
  if (t % state.periodsPerYear === 0) {
    for (let k = 0; k < state.operatingCount; k++) {
      const i = operating[k]!;
      bidsLeft[i] = bidsPerYear[i]!;
    }
  }
  advanceDemand(state, ctx.config, openStream(ctx.root, StreamPurpose.demand, t), t, ctx.policyStart);
  tenderRound(state, ctx, ws, t);
  callOffs(state, ctx, ws, totals);
  state.ledger.buyerPaid += totals.buyerPaid;
  state.ledger.guaranteePaid += totals.guaranteePaid;
  const mainIncomeMargin = settleFinances(state, ctx, openStream(ctx.root, StreamPurpose.supplierShocks, t), t);
  // One uniform per supplier index, which exits and acquisitions share.
  const draws = drawLifecycleUniforms(state, ws, openStream(ctx.root, StreamPurpose.lifecycle, t));
  processExits(state, ctx, draws, t);
  processAcquisitions(state, ctx, draws, t);
  processEntry(state, ctx, ws, openStream(ctx.root, StreamPurpose.entrants, t), t, mainIncomeMargin);
  state.period = t + 1;
}
