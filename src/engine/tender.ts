import { normal } from '../random/normal.js';
import type { Rng } from '../random/rng.js';
import { bidMarkup, bidPrice, breakEvenPrice, demandRisk, expectedBidGain, riskFactor, riskPremium } from './bidding.js';
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

  const members = state.cellMembers[cell]!;
  let eligible = 0;
  let kept = 0;
  for (let r = 0; r < members.length; r++) {
    const i = members[r]!;
    if (s.alive[i] !== 1) continue; // exited suppliers leave the list for good
    members[kept++] = i;
    if (s.bidsLeft[i]! > 0 && s.maxCapacity[i]! - s.committed[i]! >= slotCapacity) eligible++;
  }
  members.length = kept;
  if (eligible === 0) return flagUnawarded(state, firstLot, lotCount);
  const winProbability = Math.min(1, (lotCount * K) / eligible);
  const markup = bidMarkup(markupScale, policy.priceWeight, eligible);
  const bidder = new Int32Array(eligible);
  const price = new Float64Array(eligible);
  let bids = 0;
  for (let r = 0; r < members.length; r++) {
    const i = members[r]!;
    if (s.alive[i] !== 1 || s.bidsLeft[i]! === 0 || s.maxCapacity[i]! - s.committed[i]! < slotCapacity) continue;
    const v = s.variableCost[i]! * costIndex * ctx.variableCostFactor;
    const k = s.capacityCost[i]! * costIndex;
    const rate = workRate(expectedRate, qualityEffectOnWorkRate, s.quality[i]!, referenceQuality);
    const breakEven = breakEvenPrice(v, k, eu, g, outcomePayFactor(phi, rate, expectedRate));
    const fixedCost = s.overhead[i]! + s.capacityCost[i]! * Math.max(s.committed[i]!, slotCapacity);
    const factor = riskFactor(riskAversion, s.cash[i]! / Math.max(fixedCost, 1));
    const risk = demandRisk(ctx.macroVariance, ctx.cellVariance, s.contracts[i]!);
    const premium = riskPremium(factor, risk, k / (v * eu + k), eu, g, phi, outcomePaymentRisk);
    const p = bidPrice(breakEven, premium, markup, ceiling);
    if (p < 0) continue;
    if (expectedBidGain(winProbability, p, breakEven, eu, slotCapacity, periodsLeft, ctx.bidCost) <= 0) continue;
    s.bidsLeft[i]!--;
    s.bidCostDue[i]! += ctx.bidCost;
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
  const observed = new Float64Array(bids);
  let best = 0;
  for (let b = 0; b < bids; b++) {
    const q = s.quality[bidder[b]!]! + normal(rng, 0, qualityEvaluationNoise);
    observed[b] = q < 0.001 ? 0.001 : q > 1 ? 1 : q;
    if (observed[b]! > best) best = observed[b]!;
  }
  const rule = SCORING_CODE[policy.scoringRule];
  const score = new Float64Array(bids);
  const order: number[] = [];
  for (let b = 0; b < bids; b++) {
    score[b] = totalScore(
      policy.priceWeight,
      priceScore(rule, price[b]!, lowest, highest, referencePrice),
      qualityScore(observed[b]!, best),
    );
    order.push(b);
  }
  order.sort((a, b) => score[b]! - score[a]! || bidder[a]! - bidder[b]!);

  const cap = policy.maxLotsPerSupplier ?? Infinity;
  const stride = state.stride;
  for (let j = 0; j < lotCount; j++) {
    const lot = firstLot + j;
    let filled = 0;
    for (let r = 0; r < order.length && filled < K; r++) {
      const b = order[r]!;
      const i = bidder[b]!;
      if (s.scratchLotsWon[i]! >= cap || s.maxCapacity[i]! - s.committed[i]! < slotCapacity) continue;
      state.slotSupplier[lot * stride + filled] = i;
      state.slotPrice[lot * stride + filled] = price[b]!;
      s.committed[i]! += slotCapacity;
      s.contracts[i]!++;
      s.scratchLotsWon[i]!++;
      filled++;
    }
    state.lotRetender[lot] = filled === 0 ? 1 : 0;
  }
  for (let b = 0; b < bids; b++) s.scratchLotsWon[bidder[b]!] = 0;
  return bids;
}

function setTerms(state: MarketState, ctx: PhaseContext, lot: number, share: number, slotCapacity: number): void {
  state.lotShare[lot] = share;
  state.lotSlotCapacity[lot] = slotCapacity;
  state.lotGuarantee[lot] = ctx.policy.minimumVolumeShare;
  state.lotOutcomeShare[lot] = ctx.policy.outcomePaymentShare;
  state.lotRule[lot] = ctx.callOffCode;
}

/**
 * Re-tenders a whole cell under the policy in force: today's agreements end, the cell's demand
 * is cut into the policy's number of lots, sized on the demand the buyer sees now (it does not
 * know future demand), and a new agreement period starts.
 */
export function tenderCell(state: MarketState, ctx: PhaseContext, cell: number, t: number, rng: Rng): void {
  const start = state.cellLotStart[cell]!;
  for (let j = 0; j < state.cellLotCount[cell]!; j++) releaseLot(state, start + j);
  const lots = ctx.lotsPerCell[cell]!;
  const K = ctx.policy.suppliersPerAgreement;
  const slotCapacity = (state.cellDemand[cell]! / lots) * (ctx.policy.capacityCommitment / K);
  for (let j = 0; j < lots; j++) setTerms(state, ctx, start + j, 1 / lots, slotCapacity);
  state.cellLotCount[cell] = lots;
  state.cellCycleEnd[cell] = t + ctx.termPeriods;
  state.cellOptionPending[cell] = ctx.optionPeriods > 0 ? 1 : 0;
  runCompetition(state, ctx, cell, start, lots, slotCapacity, ctx.termPeriods, rng);
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
