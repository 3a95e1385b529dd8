import { normal } from '../random/normal.js';
import type { Rng } from '../random/rng.js';
import { bidMarkup, bidPrice, breakEvenPrice, demandRisk, expectedBidGain, expectedSlots, riskFactor, riskPremium } from './bidding.js';
import type { PhaseContext } from './context.js';
import { outcomePayFactor, workRate } from './outcomes.js';
import { priceScore, qualityScore, totalScore } from './scoring.js';
import { SCORING_CODE } from './scoringCodes.js';
import type { MarketState } from './state.js';

/** Takes every supplier off a lot, releasing their committed capacity. */
export function releaseLot(state: MarketState, lot: number): void {
  const s = state.s;
  const stride = state.stride;
  const capacity = state.lotSlotCapacity[lot]!;
  for (let k = 0; k < stride; k++) {
    const i = state.slotSupplier[lot * stride + k]!;
    if (i < 0) continue;
    s.contracts[i]!--;
    s.committed[i] = s.contracts[i]! > 0 ? Math.max(0, s.committed[i]! - capacity) : 0;
    state.slotSupplier[lot * stride + k] = -1;
  }
  state.lotRetender[lot] = 0;
}

/** Lots a competition could not award wait for a re-tender at the start of next year. */
function flagUnawarded(state: MarketState, firstLot: number, lotCount: number): number {
  for (let j = 0; j < lotCount; j++) state.lotRetender[firstLot + j] = 1;
  return 0;
}

/** Per-bid working arrays of a competition, reused across calls (a competition never runs inside another). */
interface BidScratch {
  bidder: Int32Array;
  price: Float64Array;
  observed: Float64Array;
  score: Float64Array;
  order: Int32Array;
}

let scratch: BidScratch = allocateBidScratch(64);

function allocateBidScratch(size: number): BidScratch {
  return {
    bidder: new Int32Array(size),
    price: new Float64Array(size),
    observed: new Float64Array(size),
    score: new Float64Array(size),
    order: new Int32Array(size),
  };
}

/** Working arrays with room for at least `bids` bids; their contents are stale. */
function bidScratch(bids: number): BidScratch {
  if (scratch.bidder.length < bids) scratch = allocateBidScratch(Math.max(bids, 2 * scratch.bidder.length));
  return scratch;
}

/**
 * Sorts order[0..n) into the award ranking: more points first, ties to the lower supplier index.
 * This is the order of `sort((a, b) => score[b] - score[a] || bidder[a] - bidder[b])`; since
 * bidders are distinct and (for finite scores) that comparator is a strict total order, any
 * correct sort gives the same ranking. Non-finite scores take that very comparator and Array sort.
 */
function rankBids(order: Int32Array, n: number, score: Float64Array, bidder: Int32Array): void {
  for (let b = 0; b < n; b++) {
    if (!Number.isFinite(score[b]!)) {
      const sorted = Array.from(order.subarray(0, n)).sort((a, c) => score[c]! - score[a]! || bidder[a]! - bidder[c]!);
      order.set(sorted);
      return;
    }
  }
  if (n <= 32) {
    insertionRank(order, 0, n, score, bidder);
    return;
  }
  // Bottom-up merge sort over insertion-sorted runs of 16.
  const run = 16;
  for (let lo = 0; lo < n; lo += run) insertionRank(order, lo, Math.min(n, lo + run), score, bidder);
  let from = order;
  let to = mergeBuffer(n);
  for (let width = run; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(n, lo + width);
      const hi = Math.min(n, lo + 2 * width);
      let a = lo;
      let c = mid;
      let k = lo;
      while (a < mid && c < hi) to[k++] = ranksAbove(from[c]!, from[a]!, score, bidder) ? from[c++]! : from[a++]!;
      while (a < mid) to[k++] = from[a++]!;
      while (c < hi) to[k++] = from[c++]!;
    }
    const swap = from;
    from = to;
    to = swap;
  }
  if (from !== order) order.set(from.subarray(0, n));
}

let mergeScratch = new Int32Array(64);

function mergeBuffer(n: number): Int32Array {
  if (mergeScratch.length < n) mergeScratch = new Int32Array(Math.max(n, 2 * mergeScratch.length));
  return mergeScratch;
}

/** Whether bid a ranks strictly above bid b (finite scores). */
function ranksAbove(a: number, b: number, score: Float64Array, bidder: Int32Array): boolean {
  const sa = score[a]!;
  const sb = score[b]!;
  return sa > sb || (sa === sb && bidder[a]! < bidder[b]!);
}

function insertionRank(order: Int32Array, lo: number, hi: number, score: Float64Array, bidder: Int32Array): void {
  for (let a = lo + 1; a < hi; a++) {
    const x = order[a]!;
    let b = a - 1;
    while (b >= lo && ranksAbove(x, order[b]!, score, bidder)) {
      order[b + 1] = order[b]!;
      b--;
    }
    order[b + 1] = x;
  }
}

/**
 * Mechanisms 3, 4 and 6: runs one competition for `lotCount` identical lots of a cell, each to be
 * held by up to `suppliersPerAgreement` suppliers committing `slotCapacity` participant-weeks per period.
 *
 * Eligibility: alive, serves the region and measure (listed in `cellMembers`), has bid capacity left this year, and has free
 * capacity for at least one slot (mechanism 3: a lot too large for a supplier excludes it).
 * Participation: bids only if the expected gain over the term exceeds the bid cost.
 * Award: bids ranked by points; lots filled in turn from the top of the ranking, skipping
 * suppliers out of capacity or at the cap on lots per supplier.
 * Returns the number of bids received.
 */
export function runCompetition(
  state: MarketState,
  ctx: PhaseContext,
  cell: number,
  firstLot: number,
  lotCount: number,
  slotCapacity: number,
  periodsLeft: number,
  rng: Rng,
): number {
  const s = state.s;
  const { policy, config } = ctx;
  const m = cell % state.nMeasures;
  const K = policy.suppliersPerAgreement;
  const costIndex = ctx.costIndex[m]!;
  const referencePrice = ctx.referencePrice[m]!;
  const ceiling = referencePrice * policy.priceCeilingRatio;
  const eu = ctx.expectedUtilisation;
  const g = policy.minimumVolumeShare;
  const phi = policy.outcomePaymentShare;
  const expectedRate = ctx.expectedWorkRate[m]!;
  const { qualityEffectOnWorkRate, referenceQuality } = config.outcomes;
  const { riskAversion, markupScale, outcomePaymentRisk, qualityEvaluationNoise } = config.behaviour;

  const { alive, bidsLeft, maxCapacity, committed, quality, contracts, scratchLotsWon } = s;
  const members = state.cellMembers[cell]!;
  let eligible = 0;
  let kept = 0;
  for (let r = 0; r < members.length; r++) {
    const i = members[r]!;
    if (alive[i] !== 1) continue; // exited suppliers leave the list for good
    members[kept++] = i;
    if (bidsLeft[i]! > 0 && maxCapacity[i]! - committed[i]! >= slotCapacity) eligible++;
  }
  members.length = kept;
  if (eligible === 0) return flagUnawarded(state, firstLot, lotCount);
  const maxLots = policy.maxLotsPerSupplier ?? Infinity;
  const markup = bidMarkup(markupScale, policy.priceWeight, eligible);
  const { bidder, price, observed, score, order } = bidScratch(eligible);
  const { variableCost, capacityCost, overhead, cash, bidCostDue } = s;
  const variableCostFactor = ctx.variableCostFactor;
  const bidCost = ctx.bidCost;
  let bids = 0;
  for (let r = 0; r < kept; r++) {
    const i = members[r]!;
    if (bidsLeft[i]! === 0 || maxCapacity[i]! - committed[i]! < slotCapacity) continue;
    const v = variableCost[i]! * costIndex * variableCostFactor;
    const k = capacityCost[i]! * costIndex;
    const rate = workRate(expectedRate, qualityEffectOnWorkRate, quality[i]!, referenceQuality);
    const breakEven = breakEvenPrice(v, k, eu, g, outcomePayFactor(phi, rate, expectedRate));
    const fixedCost = overhead[i]! + capacityCost[i]! * Math.max(committed[i]!, slotCapacity);
    const factor = riskFactor(riskAversion, cash[i]! / Math.max(fixedCost, 1));
    const risk = demandRisk(ctx.macroVariance, ctx.cellVariance, contracts[i]!);
    const premium = riskPremium(factor, risk, k / (v * eu + k), eu, g, phi, outcomePaymentRisk);
    const p = bidPrice(breakEven, premium, markup, ceiling);
    if (p < 0) continue;
    const slots = expectedSlots(lotCount, K, eligible, maxLots, maxCapacity[i]! - committed[i]!, slotCapacity);
    if (expectedBidGain(slots, p, breakEven, eu, slotCapacity, periodsLeft, bidCost) <= 0) continue;
    bidsLeft[i]!--;
    bidCostDue[i]! += bidCost;
    bidder[bids] = i;
    price[bids] = p;
    bids++;
  }
  if (bids === 0) return flagUnawarded(state, firstLot, lotCount);

  let lowest = Infinity;
  let highest = -Infinity;
  for (let b = 0; b < bids; b++) {
    if (price[b]! < lowest) lowest = price[b]!;
    if (price[b]! > highest) highest = price[b]!;
  }
  let best = 0;
  for (let b = 0; b < bids; b++) {
    const q = quality[bidder[b]!]! + normal(rng, 0, qualityEvaluationNoise);
    observed[b] = q < 0.001 ? 0.001 : q > 1 ? 1 : q;
    if (observed[b]! > best) best = observed[b]!;
  }
  const rule = SCORING_CODE[policy.scoringRule];
  for (let b = 0; b < bids; b++) {
    score[b] = totalScore(
      policy.priceWeight,
      priceScore(rule, price[b]!, lowest, highest, referencePrice),
      qualityScore(observed[b]!, best),
    );
    order[b] = b;
  }
  rankBids(order, bids, score, bidder);

  const cap = policy.maxLotsPerSupplier ?? Infinity;
  const stride = state.stride;
  const { slotSupplier, slotPrice, lotRetender } = state;
  let first = 0; // bids ranked above this can take no more lots in this competition
  for (let j = 0; j < lotCount; j++) {
    const lot = firstLot + j;
    // Capacity left and lots won only move one way during the award, so a bid that cannot take a
    // lot now never can again: skip those at the head of the ranking for good.
    while (first < bids) {
      const i = bidder[order[first]!]!;
      const cannotTake = scratchLotsWon[i]! >= cap || maxCapacity[i]! - committed[i]! < slotCapacity;
      if (!cannotTake) break;
      first++;
    }
    let filled = 0;
    for (let r = first; r < bids && filled < K; r++) {
      const b = order[r]!;
      const i = bidder[b]!;
      if (scratchLotsWon[i]! >= cap || maxCapacity[i]! - committed[i]! < slotCapacity) continue;
      slotSupplier[lot * stride + filled] = i;
      slotPrice[lot * stride + filled] = price[b]!;
      committed[i]! += slotCapacity;
      contracts[i]!++;
      scratchLotsWon[i]!++;
      filled++;
    }
    lotRetender[lot] = filled === 0 ? 1 : 0;
  }
  for (let b = 0; b < bids; b++) scratchLotsWon[bidder[b]!] = 0;
  return bids;
}

function setTerms(state: MarketState, ctx: PhaseContext, lot: number, share: number, slotCapacity: number): void {
  state.lotShare[lot] = share;
  state.lotSlotCapacity[lot] = slotCapacity;
  state.lotGuarantee[lot] = ctx.policy.minimumVolumeShare;
  state.lotOutcomeShare[lot] = ctx.policy.outcomePaymentShare;
  state.lotRule[lot] = ctx.callOffCode;
  state.lotPriceWeight[lot] = ctx.policy.priceWeight;
}

/**
 * Re-tenders a whole cell under the policy in force: today's agreements end, the cell's demand
 * is cut into the policy's number of lots, sized on the demand the buyer sees now (it does not
 * know future demand), and a new agreement period of `termPeriods` starts, with an option of
 * `optionPeriods` whose length and take-up probability are fixed now, as contract terms.
 */
export function tenderCell(
  state: MarketState,
  ctx: PhaseContext,
  cell: number,
  t: number,
  rng: Rng,
  termPeriods: number = ctx.termPeriods,
  optionPeriods: number = ctx.optionPeriods,
): void {
  const start = state.cellLotStart[cell]!;
  for (let j = 0; j < state.cellLotCount[cell]!; j++) releaseLot(state, start + j);
  const lots = ctx.lotsPerCell[cell]!;
  const K = ctx.policy.suppliersPerAgreement;
  const slotCapacity = (state.cellDemand[cell]! / lots) * (ctx.policy.capacityCommitment / K);
  for (let j = 0; j < lots; j++) setTerms(state, ctx, start + j, 1 / lots, slotCapacity);
  state.cellLotCount[cell] = lots;
  state.cellCycleEnd[cell] = t + termPeriods;
  state.cellOptionPending[cell] = optionPeriods > 0 ? 1 : 0;
  state.cellOptionPeriods[cell] = optionPeriods;
  state.cellOptionProbability[cell] = ctx.policy.optionExerciseProbability;
  runCompetition(state, ctx, cell, start, lots, slotCapacity, termPeriods, rng);
}

/** Tenders one lot left without suppliers again, for the rest of its cell's agreement period. */
export function retenderLot(state: MarketState, ctx: PhaseContext, lot: number, t: number, rng: Rng): void {
  const cell = state.lotCell[lot]!;
  const periodsLeft = state.cellCycleEnd[cell]! - t;
  if (periodsLeft < 1) return;
  releaseLot(state, lot);
  const share = state.lotShare[lot]!;
  const slotCapacity = state.cellDemand[cell]! * share * (ctx.policy.capacityCommitment / ctx.policy.suppliersPerAgreement);
  setTerms(state, ctx, lot, share, slotCapacity);
  runCompetition(state, ctx, cell, lot, 1, slotCapacity, periodsLeft, rng);
}
