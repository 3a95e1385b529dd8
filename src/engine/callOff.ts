import type { PhaseContext } from './context.js';
import { CallOffCode } from './codes.js';
import { outcomePayFactor, outcomeResultsFactor, workRate } from './outcomes.js';
import { priceScore, qualityScore, RELATIVE } from './scoring.js';
import type { MarketState } from './state.js';
import { slotRoom, type Workspace } from './workspace.js';

/**
 * What the buyer paid and got in one period, one number each: the single list of the period
 * totals. Their type, zeroing, resetting and adding all follow from it, so a new total is one
 * entry here plus the line of `callOffs` that computes it (the compiler asks for that line).
 */
export const PERIOD_TOTAL_FIELDS = [
  /** Participant-weeks of demand that arose. */
  'demand',
  /** Participant-weeks called off and delivered. */
  'served',
  /** Participant-weeks left unserved for lack of contracted capacity. */
  'unserved',
  /** NOK the buyer paid: call-offs plus guarantee payments. */
  'buyerPaid',
  /** NOK of `buyerPaid` for guaranteed but unused capacity. */
  'guaranteePaid',
  /** Participants expected to move into work after their measure. */
  'transitions',
  /** Transitions above what participants would have achieved without any measure. */
  'additionalTransitions',
  /** Sum of quality x participant-weeks served. */
  'qualityWeeks',
] as const;

/** One of the {@link PERIOD_TOTAL_FIELDS}. */
export type PeriodTotalField = (typeof PERIOD_TOTAL_FIELDS)[number];

/** What the buyer paid and got in one period (or summed over several): see {@link PERIOD_TOTAL_FIELDS}. */
export type PeriodTotals = Record<PeriodTotalField, number>;

/** A zeroed totals record. */
export function emptyPeriodTotals(): PeriodTotals {
  const totals = {} as PeriodTotals;
  for (const k of PERIOD_TOTAL_FIELDS) totals[k] = 0;
  return totals;
}

/** Zeroes every total of `totals` in place (at the start of a period). */
export function resetTotals(totals: PeriodTotals): void {
  for (const k of PERIOD_TOTAL_FIELDS) totals[k] = 0;
}

/** Adds every total of `from` to `into`'s. */
export function addTotals(into: PeriodTotals, from: Readonly<PeriodTotals>): void {
  for (const k of PERIOD_TOTAL_FIELDS) into[k] += from[k];
}

/**
 * Splits a lot's demand among its suppliers, each up to its committed capacity, writing the
 * volumes into `used` (same order as `capacities`; only the first `n` entries). `order` gives the
 * call-off order for the "rank" and "miniCompetition" rules (a cascade). "shares" splits equally
 * and "qualityChoice" in proportion to `weights` (the suppliers' quality), each by water-filling:
 * what a full supplier cannot take goes to the others in the same proportions.
 *
 * @example allocateCallOffs(CallOffCode.rank, 150, [100, 100], [0, 1], out) // out = [100, 50]
 * @example allocateCallOffs(CallOffCode.shares, 150, [100, 100], [0, 1], out) // out = [75, 75]
 * @example allocateCallOffs(CallOffCode.qualityChoice, 90, [100, 100], [0, 1], out, 2, [0.2, 0.4]) // out = [30, 60]
 */
export function allocateCallOffs(
  rule: number,
  demand: number,
  capacities: ArrayLike<number>,
  order: ArrayLike<number>,
  used: { [k: number]: number },
  n: number = capacities.length,
  weights?: ArrayLike<number>,
): void {
  if (rule === CallOffCode.shares || rule === CallOffCode.qualityChoice) {
    const weighted = rule === CallOffCode.qualityChoice && weights !== undefined;
    for (let k = 0; k < n; k++) used[k] = 0;
    let left = demand;
    // Each round gives every supplier with room its weighted part of what is left; one that fills
    // up drops out, so at most n rounds.
    for (let round = 0; round < n && left > 1e-12; round++) {
      let weight = 0;
      for (let k = 0; k < n; k++) if (capacities[k]! - used[k]! > 0) weight += weighted ? Math.max(weights[k]!, 1e-9) : 1;
      if (weight <= 0) break;
      let given = 0;
      for (let k = 0; k < n; k++) {
        const room = capacities[k]! - used[k]!;
        if (room <= 0) continue;
        const add = Math.min(room, (left * (weighted ? Math.max(weights[k]!, 1e-9) : 1)) / weight);
        used[k]! += add;
        given += add;
      }
      left -= given;
      if (given <= 0) break;
    }
    return;
  }
  let left = demand;
  for (let r = 0; r < n; r++) {
    const k = order[r]!;
    const take = Math.min(capacities[k]!, Math.max(0, left));
    used[k] = take;
    left -= take;
  }
}

/**
 * Mechanisms 1 and 6, every period: demand in each lot is called off from its suppliers under the
 * agreement's rule. There is no purchase obligation: a supplier is paid for what is used, plus,
 * under a minimum-volume guarantee, for the shortfall below the guaranteed share of its committed
 * capacity. Delivery cost (variable on use, capacity cost on everything committed) accrues here.
 * The per-slot working arrays come from the run's workspace `ws`.
 */
export function callOffs(state: MarketState, ctx: PhaseContext, ws: Workspace, totals: PeriodTotals): void {
  const s = state.s;
  const stride = state.stride;
  const nM = state.nMeasures;
  const { qualityEffectOnWorkRate, referenceQuality } = ctx.config.outcomes;
  const { members, prices, capacities, used, order, score, weights } = slotRoom(ws, stride);

  const { slotSupplier, slotPrice, lotShare, lotSlotCapacity, lotRule, lotGuarantee, lotOutcomeShare } = state;
  const { cellDemand, cellLotStart, cellLotCount } = state;
  const { quality, receipts, guaranteeReceived, resultsReceived, variableCost, capacityCost } = s;
  const usedBySupplier = s.used;
  const deliveryCost = s.deliveryCost;
  const variableCostFactor = ctx.variableCostFactor;
  let demandTotal = 0;
  let servedTotal = 0;
  let unservedTotal = 0;
  let paidTotal = 0;
  let guaranteeTotal = 0;
  let transitionsTotal = 0;
  let additionalTotal = 0;
  let qualityWeeksTotal = 0;
  for (let c = 0; c < cellDemand.length; c++) {
    const cellDemandNow = cellDemand[c]!;
    demandTotal += cellDemandNow;
    const m = c % nM;
    const costIndex = ctx.costIndex[m]!;
    const expectedRate = ctx.expectedWorkRate[m]!;
    const duration = ctx.durationWeeks[m]!;
    const counterfactual = ctx.counterfactualWorkRate[m]!;
    const variableUnit = costIndex * variableCostFactor;
    const start = cellLotStart[c]!;
    const end = start + cellLotCount[c]!;
    for (let lot = start; lot < end; lot++) {
      const demand = cellDemandNow * lotShare[lot]!;
      const slotCapacity = lotSlotCapacity[lot]!;
      const base = lot * stride;
      const rule = lotRule[lot]!;
      const rank = rule === CallOffCode.rank;
      if (!rank) {
        // Volumes per supplier (in slot order) into `used`; rank order is done in the loop below.
        let k = 0;
        for (let slot = 0; slot < stride; slot++) {
          const i = slotSupplier[base + slot]!;
          if (i < 0) continue;
          members[k] = i;
          prices[k] = slotPrice[base + slot]!;
          order[k] = k;
          k++;
        }
        if (rule === CallOffCode.miniCompetition) {
          const lotWeight = state.lotPriceWeight[lot]!;
          let lowest = Infinity;
          let best = 0;
          for (let r = 0; r < k; r++) {
            if (prices[r]! < lowest) lowest = prices[r]!;
            if (quality[members[r]!]! > best) best = quality[members[r]!]!;
          }
          for (let r = 0; r < k; r++) {
            // Relative price points (priceScore's rule): a place won at price 0 scores 1, not 0 / 0.
            score[r] = lotWeight * priceScore(RELATIVE, prices[r]!, lowest, lowest, 0) + (1 - lotWeight) * qualityScore(quality[members[r]!]!, best);
          }
          // Insertion sort: agreements have at most 20 suppliers.
          for (let a = 1; a < k; a++) {
            const x = order[a]!;
            let b = a - 1;
            while (b >= 0 && (score[order[b]!]! < score[x]! || (score[order[b]!]! === score[x]! && members[order[b]!]! > members[x]!))) {
              order[b + 1] = order[b]!;
              b--;
            }
            order[b + 1] = x;
          }
        }
        for (let r = 0; r < k; r++) {
          capacities[r] = slotCapacity;
          weights[r] = quality[members[r]!]!;
        }
        allocateCallOffs(rule, demand, capacities, order, used, k, weights);
      }
      const guarantee = lotGuarantee[lot]!;
      const outcomeShare = lotOutcomeShare[lot]!;
      let left = demand; // rank order: what is left for the next slot
      let r = 0;
      let served = 0;
      for (let slot = 0; slot < stride; slot++) {
        const i = slotSupplier[base + slot]!;
        if (i < 0) continue;
        let u: number;
        if (rank) {
          // allocateCallOffs' rank rule, inlined: called off in slot order, each up to its slot capacity.
          u = Math.min(slotCapacity, Math.max(0, left));
          left -= u;
        } else {
          u = used[r]!;
        }
        r++;
        const delivery = variableCost[i]! * variableUnit * u + capacityCost[i]! * costIndex * slotCapacity;
        if (u === 0 && !(guarantee > 0)) {
          // Nothing called off and nothing guaranteed: every other sum below would only add a zero.
          // (They start at +0 and only ever add non-negative amounts, so skipping a zero changes no bit.)
          deliveryCost[i]! += delivery;
          continue;
        }
        const q = quality[i]!;
        const price = slotPrice[base + slot]!;
        const rate = workRate(expectedRate, qualityEffectOnWorkRate, q, referenceQuality);
        const pay = price * u * outcomePayFactor(outcomeShare, rate, expectedRate);
        if (outcomeShare > 0) resultsReceived[i]! += price * u * outcomeResultsFactor(outcomeShare, rate, expectedRate);
        if (guarantee > 0) {
          const shortfall = guarantee * slotCapacity - u;
          const guaranteePay = shortfall > 0 ? shortfall * price : 0;
          receipts[i]! += pay + guaranteePay;
          guaranteeReceived[i]! += guaranteePay;
          paidTotal += pay + guaranteePay;
          guaranteeTotal += guaranteePay;
        } else {
          // No guarantee: the guarantee payment is 0, and adding it would change no bit (see above).
          receipts[i]! += pay;
          paidTotal += pay;
        }
        usedBySupplier[i]! += u;
        deliveryCost[i]! += delivery;
        transitionsTotal += (u / duration) * rate;
        additionalTotal += (u / duration) * (rate > counterfactual ? rate - counterfactual : 0);
        qualityWeeksTotal += q * u;
        served += u;
      }
      if (r === 0) {
        unservedTotal += demand;
        continue;
      }
      servedTotal += served;
      unservedTotal += demand > served ? demand - served : 0;
    }
  }
  // Summed in locals above (the loop reads and writes plain numbers); one record of them a period.
  addTotals(totals, {
    demand: demandTotal,
    served: servedTotal,
    unserved: unservedTotal,
    buyerPaid: paidTotal,
    guaranteePaid: guaranteeTotal,
    transitions: transitionsTotal,
    additionalTransitions: additionalTotal,
    qualityWeeks: qualityWeeksTotal,
  });
}
