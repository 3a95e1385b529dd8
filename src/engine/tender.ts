import { normal } from '../random/normal.js';
import type { Rng } from '../random/rng.js';
import { bidMarkup, bidPrice, breakEvenPrice, capacityShareOfCost, demandRisk, expectedBidGain, expectedSlots, riskFactor, riskPremium } from './bidding.js';
import { CallOffCode } from './codes.js';
import { placeShortfall, placeUse, uncoveredDownside } from './utilisation.js';
import type { PhaseContext } from './context.js';
import { outcomePayFactor, workRate } from './outcomes.js';
import { priceScore, qualityScore, RELATIVE, totalScore } from './scoring.js';
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
  state.lotShortSince[lot] = -1;
}

/** Suppliers holding a place on a lot (its first slots; places are kept without gaps). */
export function holdersOf(state: MarketState, lot: number): number {
  const stride = state.stride;
  let k = 0;
  while (k < stride && state.slotSupplier[lot * stride + k]! >= 0) k++;
  return k;
}

/** Values per place written by {@link placeTerms}, at `3 x index`: expected use, paid share, uncovered downside. */
export const PLACE_TERMS = 3;

/**
 * What a place on a lot is worth to its holder under the agreement's allocation rule (see
 * utilisation.ts), written to `out` at `3 x at`: its expected utilisation u, the expected share of
 * committed capacity paid for (u plus the guarantee's expected top-up E[(g - U)^+]), and the share
 * of its utilisation downside the guarantee leaves uncovered. `place` is 1-based; `qualityRatio`
 * is the supplier's quality over the mean of the lot's likely suppliers ("qualityChoice" only).
 *
 * Under a cascade (rank or mini-competition) place j uses what demand leaves above the places
 * before it, each of commitment / places; under equal shares every place is the whole lot scaled
 * down, and under choice by quality a place gets qualityRatio times an equal share.
 */
export function placeTerms(
  rule: number,
  place: number,
  places: number,
  commitment: number,
  qualityRatio: number,
  guarantee: number,
  sigma: number,
  out: Float64Array,
  at: number,
): void {
  const cascade = rule === CallOffCode.rank || rule === CallOffCode.miniCompetition;
  const j = cascade ? Math.min(place, places) : 1;
  const a = cascade ? commitment / places : rule === CallOffCode.qualityChoice ? commitment / Math.max(qualityRatio, 1e-9) : commitment;
  const u = placeUse(j, a, sigma);
  out[PLACE_TERMS * at] = u;
  out[PLACE_TERMS * at + 1] = guarantee > 0 ? u + placeShortfall(guarantee, j, a, sigma) : u;
  out[PLACE_TERMS * at + 2] = guarantee > 0 ? uncoveredDownside(guarantee, j, a, sigma) : 1;
}

/**
 * Working arrays of a competition, reused across calls (a competition never runs inside another):
 * per candidate (the likely field and its first-round ranking), per bid, and per place.
 */
interface CompetitionScratch {
  candidate: Int32Array;
  strength: Float64Array;
  naive: Float64Array;
  fieldOrder: Int32Array;
  bidder: Int32Array;
  price: Float64Array;
  observed: Float64Array;
  score: Float64Array;
  order: Int32Array;
  /** {@link placeTerms} of each place (1-based; index 0 for the bidder at hand under choice by quality); use -1 until computed. */
  places: Float64Array;
}

let scratch: CompetitionScratch = allocateScratch(64, 8);

function allocateScratch(size: number, places: number): CompetitionScratch {
  return {
    candidate: new Int32Array(size),
    strength: new Float64Array(size),
    naive: new Float64Array(size),
    fieldOrder: new Int32Array(size),
    bidder: new Int32Array(size),
    price: new Float64Array(size),
    observed: new Float64Array(size),
    score: new Float64Array(size),
    order: new Int32Array(size),
    places: new Float64Array(PLACE_TERMS * (places + 1)),
  };
}

/** Working arrays with room for `candidates` candidates and `places` places; their contents are stale. */
function competitionScratch(candidates: number, places: number): CompetitionScratch {
  if (scratch.candidate.length < candidates || scratch.places.length < PLACE_TERMS * (places + 1)) {
    scratch = allocateScratch(Math.max(candidates, 2 * scratch.candidate.length), Math.max(places, scratch.places.length / PLACE_TERMS - 1));
  }
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
 * Mechanisms 1-4 and 6: runs the competition for the open places of one lot (one framework
 * agreement) of a tender. `open` places are awarded below the lot's current holders; `lotsLeft`
 * lots of the tender, this one included, are still to be competed for.
 *
 * Eligibility: alive, serves the lot's region and measure type (listed in `cellMembers`), not
 * already on the lot, under the buyer's cap on lots per supplier in this tender, room for a place
 * within (1 + growthPerTender) times its current capacity (mechanism 3: a lot too large for a
 * supplier excludes it; it can hire to grow, but only so far at once), and bid capacity left this
 * year unless it already bid in this tender (a bid is prepared, and paid for, per tender).
 *
 * Bidders know where they stand: each ranks the likely field by a first-round score (every
 * candidate priced at the average utilisation of the lot's places, quality as it is), takes its
 * place in that ranking as its expected place, and prices the utilisation that place brings under
 * the allocation rule (a ranked cascade uses the first places far more than the last). It bids only
 * if the price covers break-even plus its risk premium within the buyer's ceiling, and if the
 * expected gain over the term exceeds the bid cost.
 *
 * Award: bids ranked by points; places offered down the ranking. A bidder takes a place only if
 * its price covers its break-even at that place's expected utilisation (it signs no place it knows
 * will lose money); a place nobody takes leaves the lot short, to be tendered again after the
 * policy's delay. Returns the number of bids received.
 */
export function runCompetition(
  state: MarketState,
  ctx: PhaseContext,
  lot: number,
  open: number,
  lotsLeft: number,
  periodsLeft: number,
  tenderId: number,
  rng: Rng,
): number {
  const s = state.s;
  const { policy, config } = ctx;
  const cell = state.lotCell[lot]!;
  const m = cell % state.nMeasures;
  const places = state.lotPlaces[lot]!;
  const held = holdersOf(state, lot);
  const slotCapacity = state.lotSlotCapacity[lot]!;
  const commitment = (slotCapacity * places) / Math.max(state.cellDemand[cell]! * state.lotShare[lot]!, 1e-12);
  const rule = state.lotRule[lot]!;
  const sigma = ctx.demandSigma;
  const costIndex = ctx.costIndex[m]!;
  const referencePrice = ctx.referencePrice[m]!;
  const ceiling = referencePrice * policy.priceCeilingRatio;
  const g = state.lotGuarantee[lot]!;
  const phi = state.lotOutcomeShare[lot]!;
  const expectedRate = ctx.expectedWorkRate[m]!;
  const { qualityEffectOnWorkRate, referenceQuality } = config.outcomes;
  const { riskAversion, markupScale, outcomePaymentRisk, qualityEvaluationNoise } = config.behaviour;
  const cap = policy.maxLotsPerSupplier ?? Infinity;
  const growth = 1 + config.behaviour.growthPerTender;
  const stride = state.stride;
  const { slotSupplier, slotPrice } = state;

  const { alive, bidsLeft, maxCapacity, committed, quality, cellsHeld, scratchLotsWon, tenderStamp } = s;
  const { variableCost, capacityCost, overhead, cash, bidCostDue } = s;
  const members = state.cellMembers[cell]!;
  let kept = 0;
  for (let r = 0; r < members.length; r++) {
    const i = members[r]!;
    if (alive[i] === 1) members[kept++] = i; // exited suppliers leave the list for good
  }
  members.length = kept;
  const { candidate, strength, naive, fieldOrder, bidder, price, observed, score, order, places: terms } = competitionScratch(kept, places);
  let eligible = 0;
  for (let r = 0; r < kept; r++) {
    const i = members[r]!;
    if (maxCapacity[i]! * growth - committed[i]! < slotCapacity || scratchLotsWon[i]! >= cap) continue;
    if (bidsLeft[i]! === 0 && tenderStamp[i] !== tenderId) continue;
    if (held > 0 && holdsPlace(state, lot, held, i)) continue;
    candidate[eligible++] = i;
  }
  if (eligible === 0) return markShort(state, lot, held, places, state.period);
  const variableCostFactor = ctx.variableCostFactor;
  const markup = bidMarkup(markupScale, policy.priceWeight, eligible);
  // Round one: the likely field, every candidate priced at the places' average utilisation (that
  // of equal shares: every rule uses the lot alike on average).
  placeTerms(CallOffCode.shares, 1, places, commitment, 1, g, sigma, terms, 0);
  const average = terms[0]!;
  const averagePaid = terms[1]!;
  let naiveLowest = Infinity;
  let bestQuality = 0;
  for (let e = 0; e < eligible; e++) {
    const i = candidate[e]!;
    const v = variableCost[i]! * costIndex * variableCostFactor;
    const k = capacityCost[i]! * costIndex;
    naive[e] = breakEvenPrice(v, k, average, averagePaid, 1) * (1 + markup);
    if (naive[e]! < naiveLowest) naiveLowest = naive[e]!;
    if (quality[i]! > bestQuality) bestQuality = quality[i]!;
  }
  for (let e = 0; e < eligible; e++) {
    // Relative price points, as the award gives them: suppliers with no delivery cost all ask 0,
    // and 0 / 0 would make every strength NaN.
    strength[e] = totalScore(policy.priceWeight, priceScore(RELATIVE, naive[e]!, naiveLowest, naiveLowest, referencePrice), qualityScore(quality[candidate[e]!]!, bestQuality));
    fieldOrder[e] = e;
  }
  rankBids(fieldOrder, eligible, strength, candidate);
  // Mean quality of the suppliers likely to hold the lot (for choice by quality).
  let likelyQuality = 0;
  const likely = Math.min(places - held, eligible);
  for (let k = 0; k < held; k++) likelyQuality += quality[slotSupplier[lot * stride + k]!]!;
  for (let r = 0; r < likely; r++) likelyQuality += quality[candidate[fieldOrder[r]!]!]!;
  likelyQuality /= Math.max(1, held + likely);

  // A place's terms depend on the bidder only through its place (cascades) or not at all (shares):
  // compute each place's once. Under choice by quality they are the bidder's own (index 0).
  const byPlace = rule !== CallOffCode.qualityChoice;
  for (let j = 0; j <= places; j++) terms[PLACE_TERMS * j] = -1;
  const bidCost = ctx.bidCost;
  let bids = 0;
  for (let r = 0; r < eligible; r++) {
    const i = candidate[fieldOrder[r]!]!;
    const v = variableCost[i]! * costIndex * variableCostFactor;
    const k = capacityCost[i]! * costIndex;
    const q = quality[i]!;
    const at = byPlace ? Math.min(held + r + 1, places) : 0;
    if (!byPlace || terms[PLACE_TERMS * at]! < 0) {
      placeTerms(rule, at, places, commitment, likelyQuality > 0 ? q / likelyQuality : 1, g, sigma, terms, at);
    }
    const u = terms[PLACE_TERMS * at]!;
    if (!(u > 0)) continue;
    const rate = workRate(expectedRate, qualityEffectOnWorkRate, q, referenceQuality);
    const breakEven = breakEvenPrice(v, k, u, terms[PLACE_TERMS * at + 1]!, outcomePayFactor(phi, rate, expectedRate));
    const fixedCost = overhead[i]! + capacityCost[i]! * Math.max(committed[i]!, slotCapacity);
    const factor = riskFactor(riskAversion, cash[i]! / Math.max(fixedCost, 1));
    const risk = demandRisk(ctx.macroVariance, ctx.cellVariance, cellsHeld[i]!);
    const premium = riskPremium(factor, risk, capacityShareOfCost(v, k, u), terms[PLACE_TERMS * at + 2]!, phi, outcomePaymentRisk);
    const p = bidPrice(breakEven, premium, markup, ceiling);
    if (p < 0) continue;
    // A bid is prepared once per tender: the first lot a supplier bids for carries the whole bid
    // cost, weighed against the places it can expect over every lot of the tender still to come.
    const firstLot = tenderStamp[i] !== tenderId;
    const due = firstLot ? bidCost : 0;
    const room = maxCapacity[i]! * growth - committed[i]!;
    const slots = expectedSlots(firstLot ? lotsLeft : 1, open, eligible, cap - scratchLotsWon[i]!, room, slotCapacity);
    if (expectedBidGain(slots, p, breakEven, u, slotCapacity, periodsLeft, due) <= 0) continue;
    if (firstLot) {
      bidsLeft[i]!--;
      bidCostDue[i]! += due;
      tenderStamp[i] = tenderId;
    }
    bidder[bids] = i;
    price[bids] = p;
    bids++;
  }
  if (bids === 0) return markShort(state, lot, held, places, state.period);

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
  const scoring = SCORING_CODE[policy.scoringRule];
  for (let b = 0; b < bids; b++) {
    score[b] = totalScore(policy.priceWeight, priceScore(scoring, price[b]!, lowest, highest, referencePrice), qualityScore(observed[b]!, best));
    order[b] = b;
  }
  rankBids(order, bids, score, bidder);

  const ranked = rule === CallOffCode.rank || rule === CallOffCode.miniCompetition;
  let filled = 0;
  for (let r = 0; r < bids && filled < open; r++) {
    const b = order[r]!;
    const i = bidder[b]!;
    const place = held + filled + 1;
    if (ranked) {
      // The place's own terms, now that the ranking is known.
      if (terms[PLACE_TERMS * place]! < 0) placeTerms(rule, place, places, commitment, 1, g, sigma, terms, place);
      const u = terms[PLACE_TERMS * place]!;
      const v = variableCost[i]! * costIndex * variableCostFactor;
      const k = capacityCost[i]! * costIndex;
      const rate = workRate(expectedRate, qualityEffectOnWorkRate, quality[i]!, referenceQuality);
      const breakEven = breakEvenPrice(v, k, u, terms[PLACE_TERMS * place + 1]!, outcomePayFactor(phi, rate, expectedRate));
      if (!(u > 0) || price[b]! < breakEven) continue;
    }
    const slot = lot * stride + held + filled;
    slotSupplier[slot] = i;
    slotPrice[slot] = price[b]!;
    committed[i]! += slotCapacity;
    s.contracts[i]!++;
    scratchLotsWon[i]!++;
    filled++;
  }
  markShort(state, lot, held + filled, places, state.period);
  return bids;
}

/** Whether supplier i is among the first `held` suppliers of a lot. */
function holdsPlace(state: MarketState, lot: number, held: number, i: number): boolean {
  const base = lot * state.stride;
  for (let k = 0; k < held; k++) if (state.slotSupplier[base + k] === i) return true;
  return false;
}

/** Records whether a lot is short of suppliers after a competition (and since when); returns 0. */
function markShort(state: MarketState, lot: number, holders: number, places: number, t: number): number {
  state.lotShortSince[lot] = holders < places ? t : -1;
  return 0;
}

function setTerms(state: MarketState, ctx: PhaseContext, lot: number, share: number, slotCapacity: number): void {
  state.lotShare[lot] = share;
  state.lotSlotCapacity[lot] = slotCapacity;
  state.lotPlaces[lot] = ctx.policy.suppliersPerAgreement;
  state.lotGuarantee[lot] = ctx.policy.minimumVolumeShare;
  state.lotOutcomeShare[lot] = ctx.policy.outcomePaymentShare;
  state.lotRule[lot] = ctx.callOffCode;
  state.lotPriceWeight[lot] = ctx.policy.priceWeight;
}

/** A tender's identity, unique within a run: the period and the cell. */
function tenderIdOf(state: MarketState, cell: number, t: number): number {
  return t * state.cellDemand.length + cell;
}

/** Clears the per-tender count of lots won for everyone who could have won in the cell. */
function endTender(state: MarketState, cell: number): void {
  const members = state.cellMembers[cell]!;
  for (let r = 0; r < members.length; r++) state.s.scratchLotsWon[members[r]!] = 0;
}

/**
 * Re-tenders a whole cell under the policy in force: today's agreements end, the tender (one
 * measure type in one region) is cut into the policy's number of lots, sized on the demand the
 * buyer sees now (it does not know future demand), and each lot is competed for in turn. A new
 * agreement period of `termPeriods` starts, with an option of `optionPeriods` whose length and
 * take-up probability are fixed now, as contract terms.
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
  const id = tenderIdOf(state, cell, t);
  for (let j = 0; j < lots; j++) runCompetition(state, ctx, start + j, K, lots - j, termPeriods, id, rng);
  endTender(state, cell);
}

/**
 * Tenders the empty places of a lot left short (by an exit, or a competition that found too few
 * acceptable bids) for the rest of its cell's agreement period, on the lot's own terms, with its
 * capacity per place re-sized to the demand the buyer sees now.
 */
export function retenderLot(state: MarketState, ctx: PhaseContext, lot: number, t: number, rng: Rng): void {
  const cell = state.lotCell[lot]!;
  const periodsLeft = state.cellCycleEnd[cell]! - t;
  if (periodsLeft < 1) return;
  const held = holdersOf(state, lot);
  const open = state.lotPlaces[lot]! - held;
  if (open <= 0) {
    state.lotShortSince[lot] = -1;
    return;
  }
  if (held === 0) {
    const share = state.lotShare[lot]!;
    state.lotSlotCapacity[lot] = state.cellDemand[cell]! * share * (ctx.policy.capacityCommitment / state.lotPlaces[lot]!);
  }
  // The cap on lots per supplier counts the lots of this tender each bidder already holds.
  const start = state.cellLotStart[cell]!;
  const stride = state.stride;
  for (let j = 0; j < state.cellLotCount[cell]!; j++) {
    for (let k = 0; k < stride; k++) {
      const i = state.slotSupplier[(start + j) * stride + k]!;
      if (i >= 0) state.s.scratchLotsWon[i]!++;
    }
  }
  runCompetition(state, ctx, lot, open, 1, periodsLeft, tenderIdOf(state, cell, t), rng);
  endTender(state, cell);
}
