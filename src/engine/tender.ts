import { normal } from '../random/normal.js';
import type { Rng } from '../random/rng.js';
import { bidMarkup, bidPrice, breakEvenPrice, capacityShareOfCost, expectedBidGain, expectedSlots, riskFactor, riskPremium } from './bidding.js';
import { CallOffCode } from './codes.js';
import { placeShortfall, placeUse, uncoveredDownside } from './utilisation.js';
import type { PhaseContext } from './context.js';
import { outcomePayFactor, workRate } from './outcomes.js';
import { priceScore, qualityScore, RELATIVE, totalScore } from './scoring.js';
import { SCORING_CODE } from './scoringCodes.js';
import type { MarketState } from './state.js';
import { competitionRoom, lotsWonRoom, placeTermsRoom, type CompetitionScratch, type MemberCostRange, type Workspace } from './workspace.js';

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
 * A table for the {@link placeTerms} of a lot's places, none computed yet (-1): index 0 for the
 * bidder at hand under choice by quality, 1 to `places` for the places, `places` + 1 for round
 * one's average place. Every lot of a tender has the same terms (places, commitment, guarantee,
 * rule), so its competitions share one table and each place's terms are computed once a tender.
 */
export function placeTable(places: number): Float64Array {
  return new Float64Array(PLACE_TERMS * (places + 2)).fill(-1);
}

/**
 * What the competitions for the lots of one tender share, lot after lot: the {@link placeTable}
 * and the last competition's field ranking. The next lot's field is the same suppliers or fewer
 * (winners may run out of room), scored nearly alike, so its ranking, sorted starting from the
 * last one, is usually found in one pass over it.
 */
export interface TenderWork {
  readonly terms: Float64Array;
  /** The last field ranking, as positions in the cell's member list; its first `ranked` entries. */
  readonly lastRanking: Int32Array;
  ranked: number;
  /** Working array by member position: the candidate index there in the competition at hand, or -1. */
  readonly candidateAt: Int32Array;
}

/** A {@link TenderWork} for a tender of lots with `places` places in a cell of `members` members. */
export function tenderWork(places: number, members: number): TenderWork {
  return { terms: placeTable(places), lastRanking: new Int32Array(members), ranked: 0, candidateAt: new Int32Array(members).fill(-1) };
}

/*
 * Rankings (the field's and the award's) order indices by points, more first, ties to the lower
 * supplier index: the order of `sort((a, b) => score[b] - score[a] || bidder[a] - bidder[b])` on
 * the indices in their natural order. Since the suppliers are distinct and (for finite scores)
 * that comparator is a strict total order, any correct sort or selection, from any starting
 * order, gives the same ranking. Non-finite scores take that very comparator and Array sort on
 * the natural order (rankNonFinite), as ever.
 */

/** Whether score[0..n) are all finite numbers. */
function allFinite(score: Float64Array, n: number): boolean {
  for (let b = 0; b < n; b++) if (!Number.isFinite(score[b]!)) return false;
  return true;
}

/** Ranks order[0..n) when some score is not finite: that comparator and Array sort, as ever. */
function rankNonFinite(order: Int32Array, n: number, score: Float64Array, bidder: Int32Array): void {
  const sorted = Array.from(order.subarray(0, n)).sort((a, c) => score[c]! - score[a]! || bidder[a]! - bidder[c]!);
  order.set(sorted);
}

/** Sorts order[0..n) into the award ranking, for finite scores; `merge` is working room for n indices. */
function sortRanking(order: Int32Array, n: number, score: Float64Array, bidder: Int32Array, merge: Int32Array): void {
  if (n <= 32) {
    insertionRank(order, 0, n, score, bidder);
    return;
  }
  // Bottom-up merge sort over insertion-sorted runs of 16.
  const run = 16;
  for (let lo = 0; lo < n; lo += run) insertionRank(order, lo, Math.min(n, lo + run), score, bidder);
  let from = order;
  let to = merge;
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

/** Whether bid a ranks strictly above bid b (finite scores). */
function ranksAbove(a: number, b: number, score: Float64Array, bidder: Int32Array): boolean {
  const sa = score[a]!;
  const sb = score[b]!;
  return sa > sb || (sa === sb && bidder[a]! < bidder[b]!);
}

/** Steps of selection before the rest of a ranking is sorted at once (the walk down it went far). */
const SELECTION_STEPS = 8;

/**
 * Extends an award ranking of finite scores walked down step by step: given that order[0..r)
 * already holds its first r bids, makes order[r] the next one (the best of order[r..n), swapped
 * into place) and returns r + 1; once the walk has gone SELECTION_STEPS down it, sorts all of
 * order[r..n) and returns n. The award usually stops a few bids down a ranking of dozens, so this
 * does a fraction of a full sort's work. The ranking is a strict total order (see above), so
 * the bids come out in the very order a full sort gives.
 */
function rankNext(order: Int32Array, r: number, n: number, score: Float64Array, bidder: Int32Array, merge: Int32Array): number {
  if (r >= SELECTION_STEPS) {
    sortRanking(order.subarray(r, n), n - r, score, bidder, merge);
    return n;
  }
  let best = r;
  for (let k = r + 1; k < n; k++) if (ranksAbove(order[k]!, order[best]!, score, bidder)) best = k;
  const top = order[best]!;
  order[best] = order[r]!;
  order[r] = top;
  return r + 1;
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
 *
 * `work` is shared by the competitions of one tender ({@link tenderWork}; a fresh one when not
 * given); the working arrays come from the run's workspace `ws`.
 */
export function runCompetition(
  state: MarketState,
  ctx: PhaseContext,
  ws: Workspace,
  lot: number,
  open: number,
  lotsLeft: number,
  periodsLeft: number,
  tenderId: number,
  rng: Rng,
  work?: TenderWork,
): number {
  return compete(state, ctx, ws, lotCompetition(state, ctx, lot, open, lotsLeft, periodsLeft, tenderId), rng, work);
}

/** {@link runCompetition} on a lot's competition terms already worked out. */
function compete(state: MarketState, ctx: PhaseContext, ws: Workspace, c: LotCompetition, rng: Rng, work?: TenderWork): number {
  // One function per step below: V8 inlines the small formulas (bidding.ts, scoring.ts) into each
  // within its own budget, where one long function ran out of it and called (and boxed) the rest.
  const lot = c.lot;
  const members = operatingMembers(state, state.lotCell[lot]!);
  const scratch = competitionRoom(ws, members.length);
  const lotsWon = lotsWonRoom(ws, state.n);
  const eligible = findCandidates(state, c, members, scratch, lotsWon);
  if (eligible === 0) return markShort(state, lot, c.held, c.places, state.period);
  // A lot's re-tender (no shared work) usually offers a place nobody can take: under a cascade,
  // the last place of a lot whose others are held. Proving that no bid can come, before ranking
  // the field, gives the same result for a fraction of the work.
  if (work === undefined && !anyBidPossible(state, ctx, c, scratch, lotsWon, eligible, ws)) {
    return markShort(state, lot, c.held, c.places, state.period);
  }
  const shared = work ?? tenderWork(c.places, members.length);
  const terms = shared.terms;
  const markup = bidMarkup(ctx.config.behaviour.markupScale, ctx.policy.priceWeight, eligible);
  rankField(state, ctx, c, scratch, shared, eligible, markup);
  const bids = collectBids(state, ctx, c, scratch, lotsWon, terms, eligible, markup, likelyQualityOf(state, c, scratch, eligible));
  if (bids === 0) return markShort(state, lot, c.held, c.places, state.period);
  scoreBids(state, ctx, c, scratch, bids, rng);
  const filled = awardPlaces(state, ctx, c, scratch, lotsWon, terms, bids);
  markShort(state, lot, c.held + filled, c.places, state.period);
  return bids;
}

/** What a competition for one lot is run on: the lot's terms and the tender's, fixed before the first bid. */
interface LotCompetition {
  readonly lot: number;
  /** Places the agreement was tendered for. */
  readonly places: number;
  /** Suppliers already holding a place (the first slots). */
  readonly held: number;
  /** Places to award. */
  readonly open: number;
  /** Lots of the tender still to be competed for, this one included. */
  readonly lotsLeft: number;
  readonly periodsLeft: number;
  readonly tenderId: number;
  readonly slotCapacity: number;
  /** Capacity the places commit together, relative to the lot's forecast demand. */
  readonly commitment: number;
  /** The agreement's allocation rule (a CallOffCode). */
  readonly rule: number;
  readonly costIndex: number;
  readonly referencePrice: number;
  /** Highest acceptable price. */
  readonly ceiling: number;
  readonly guarantee: number;
  readonly outcomeShare: number;
  /** Work rate at reference quality of the lot's measure type. */
  readonly expectedRate: number;
  /** Most lots one supplier may win in the tender. */
  readonly cap: number;
  /** 1 + growthPerTender: how far beyond its capacity a supplier may commit. */
  readonly growth: number;
}

function lotCompetition(
  state: MarketState,
  ctx: PhaseContext,
  lot: number,
  open: number,
  lotsLeft: number,
  periodsLeft: number,
  tenderId: number,
): LotCompetition {
  const cell = state.lotCell[lot]!;
  const m = cell % state.nMeasures;
  const places = state.lotPlaces[lot]!;
  const slotCapacity = state.lotSlotCapacity[lot]!;
  const referencePrice = ctx.referencePrice[m]!;
  return {
    lot,
    places,
    held: holdersOf(state, lot),
    open,
    lotsLeft,
    periodsLeft,
    tenderId,
    slotCapacity,
    commitment: (slotCapacity * places) / Math.max(state.cellDemand[cell]! * state.lotShare[lot]!, 1e-12),
    rule: state.lotRule[lot]!,
    costIndex: ctx.costIndex[m]!,
    referencePrice,
    ceiling: referencePrice * ctx.policy.priceCeilingRatio,
    guarantee: state.lotGuarantee[lot]!,
    outcomeShare: state.lotOutcomeShare[lot]!,
    expectedRate: ctx.expectedWorkRate[m]!,
    cap: ctx.policy.maxLotsPerSupplier ?? Infinity,
    growth: 1 + ctx.config.behaviour.growthPerTender,
  };
}

/** The cell's members, with exited suppliers taken off the list for good. */
function operatingMembers(state: MarketState, cell: number): number[] {
  const alive = state.s.alive;
  const members = state.cellMembers[cell]!;
  let kept = 0;
  for (let r = 0; r < members.length; r++) {
    const i = members[r]!;
    if (alive[i] === 1) members[kept++] = i;
  }
  // Setting an array's length calls into the runtime even when it does not change it.
  if (kept < members.length) members.length = kept;
  return members;
}

/**
 * Writes the members eligible to bid for the lot to `candidate`, and their positions in the member
 * list to `candidateMember` (see {@link runCompetition}); returns how many there are.
 */
function findCandidates(state: MarketState, c: LotCompetition, members: number[], scratch: CompetitionScratch, lotsWon: Int32Array): number {
  const { candidate, candidateMember } = scratch;
  const { bidsLeft, maxCapacity, committed, tenderStamp } = state.s;
  const { growth, slotCapacity, cap, tenderId, held, lot } = c;
  let eligible = 0;
  for (let r = 0; r < members.length; r++) {
    const i = members[r]!;
    if (maxCapacity[i]! * growth - committed[i]! < slotCapacity || lotsWon[i]! >= cap) continue;
    if (bidsLeft[i]! === 0 && tenderStamp[i] !== tenderId) continue;
    if (held > 0 && holdsPlace(state, lot, held, i)) continue;
    candidateMember[eligible] = r;
    candidate[eligible++] = i;
  }
  return eligible;
}

/**
 * The {@link placeTerms} of the lot's open places (held + 1 to places) in the workspace's table,
 * worked out only if the table does not hold them already for the same rule, places, commitment,
 * guarantee and demand sigma (placeTerms depends on nothing else). A cell's re-tenders of a period
 * mostly offer lots on the same terms, and each place's terms cost a few normal CDFs.
 */
function openPlaceTerms(ctx: PhaseContext, c: LotCompetition, ws: Workspace): Float64Array {
  const before = ws.placeTerms;
  const terms = placeTermsRoom(ws, c.places);
  const key = ws.placeTermsFor;
  const { rule, places, commitment, guarantee, held } = c;
  const sigma = ctx.demandSigma;
  const same = key[0] === rule && key[1] === places && key[2] === commitment && key[3] === guarantee && key[4] === sigma;
  if (terms === before && same && key[5]! <= held + 1) return terms;
  for (let at = held + 1; at <= places; at++) placeTerms(rule, at, places, commitment, 1, guarantee, sigma, terms, at);
  key[0] = rule;
  key[1] = places;
  key[2] = commitment;
  key[3] = guarantee;
  key[4] = sigma;
  key[5] = held + 1;
  return terms;
}

/**
 * Whether any candidate could bid for an open place of the lot: a bound, exact in the direction
 * that matters. A candidate bids (collectBids) only for a place with positive expected use, at a
 * price no higher than the ceiling, and only if its expected gain at that price is positive; the
 * gain rises with the price, so if even the ceiling gives no candidate a positive gain on any
 * place it could get (a break-even above the ceiling gives a negative gain), the competition has
 * no bid. Under a cascade a candidate's place depends on
 * its rank in the field, so every place still open is tried; choice by quality prices a place by
 * the bidder's quality against the field's, so it is not bounded here (true: run the competition).
 * NaN counts as possible, as collectBids would let it through.
 */
function anyBidPossible(
  state: MarketState,
  ctx: PhaseContext,
  c: LotCompetition,
  scratch: CompetitionScratch,
  lotsWon: Int32Array,
  eligible: number,
  ws: Workspace,
): boolean {
  if (!boundable(ctx, c)) return true;
  const terms = openPlaceTerms(ctx, c, ws);
  const { variableCost, capacityCost, quality, maxCapacity, committed, tenderStamp } = state.s;
  const { candidate } = scratch;
  const { costIndex, slotCapacity, cap, growth, tenderId, outcomeShare: phi, expectedRate, open, lotsLeft } = c;
  const { qualityEffectOnWorkRate, referenceQuality } = ctx.config.outcomes;
  const { variableCostFactor, bidCost } = ctx;
  const last = Math.min(c.held + eligible, c.places);
  for (let e = 0; e < eligible; e++) {
    const i = candidate[e]!;
    const v = variableCost[i]! * costIndex * variableCostFactor;
    const k = capacityCost[i]! * costIndex;
    const payFactor = outcomePayFactor(phi, workRate(expectedRate, qualityEffectOnWorkRate, quality[i]!, referenceQuality), expectedRate);
    const firstLot = tenderStamp[i] !== tenderId;
    const room = maxCapacity[i]! * growth - committed[i]!;
    const slots = expectedSlots(firstLot ? lotsLeft : 1, open, eligible, cap - lotsWon[i]!, room, slotCapacity);
    if (gainsAtCeiling(c, terms, last, v, k, payFactor, slots, firstLot ? bidCost : 0)) return true;
  }
  return false;
}

/**
 * Whether the bounds on a competition's bids hold for it: not under choice by quality (a place's
 * terms are the bidder's own there), with a positive capacity per place and periods left, and a
 * bid cost that is not negative (so that a break-even at or above the ceiling means no gain).
 */
function boundable(ctx: PhaseContext, c: LotCompetition): boolean {
  return c.rule !== CallOffCode.qualityChoice && c.slotCapacity > 0 && c.periodsLeft > 0 && ctx.bidCost >= 0;
}

/**
 * Whether a bidder with these costs and pay factor, expecting `slots` slots and owing `due` for
 * its bid, gains from some open place (held + 1 to `last`) at the ceiling price: the most it can
 * ask, and its gain rises with the price. A break-even at or above the ceiling gains nothing (the
 * bid cost is not negative, see {@link boundable}); NaN counts as a gain, as collectBids would let
 * it through.
 */
function gainsAtCeiling(c: LotCompetition, terms: Float64Array, last: number, v: number, k: number, payFactor: number, slots: number, due: number): boolean {
  const { ceiling, slotCapacity, periodsLeft } = c;
  for (let at = c.held + 1; at <= last; at++) {
    const u = terms[PLACE_TERMS * at]!;
    if (!(u > 0)) continue;
    const breakEven = breakEvenPrice(v, k, u, terms[PLACE_TERMS * at + 1]!, payFactor);
    if (breakEven >= ceiling) continue;
    if (!(expectedBidGain(slots, ceiling, breakEven, u, slotCapacity, periodsLeft, due) <= 0)) return true;
  }
  return false;
}

/**
 * Whether any operating member of the lot's cell might bid for one of its open places, by a bound
 * that needs neither the field nor the tender's counts of lots won: a re-tender's first, cheap
 * test (three in four re-tenders under a cascade end here). It returns false only if
 * {@link anyBidPossible} would find no bid, or there would be no candidate at all; either way the
 * competition ends with the lot short, as it does here.
 *
 * Why that holds: the members are a superset of the candidates and every open place is tried (a
 * superset of those a candidate can expect). A candidate's expected slots are at most the lots it
 * bids for (`expectedSlots` takes the minimum with them) and, with a positive capacity per place,
 * more than 0. The gain is a product of that count and positive factors, less the bid cost: with
 * round-to-nearest every step is monotone, so the gain at `lots` slots bounds the gain at the
 * candidate's own slots from above when the price is above break-even, and when it is not both
 * are at most minus the (non-negative) bid cost. A break-even at or above the ceiling is thus
 * skipped at once. Choice by quality, a capacity per place that is not positive, a negative bid
 * cost or any NaN answer true: the competition is run in full, as before.
 */
function anyMemberMightBid(state: MarketState, ctx: PhaseContext, ws: Workspace, c: LotCompetition, range?: MemberCostRange): boolean {
  if (!boundable(ctx, c)) return true;
  const terms = openPlaceTerms(ctx, c, ws);
  if (range !== undefined && cheapestAboveCeiling(state, ctx, c, terms, range)) return false;
  const members = operatingMembers(state, state.lotCell[c.lot]!);
  const { variableCost, capacityCost, quality, tenderStamp } = state.s;
  const { costIndex, tenderId, outcomeShare: phi, expectedRate, lotsLeft } = c;
  const { qualityEffectOnWorkRate, referenceQuality } = ctx.config.outcomes;
  const { variableCostFactor, bidCost } = ctx;
  for (let r = 0; r < members.length; r++) {
    const i = members[r]!;
    const v = variableCost[i]! * costIndex * variableCostFactor;
    const k = capacityCost[i]! * costIndex;
    const payFactor = outcomePayFactor(phi, workRate(expectedRate, qualityEffectOnWorkRate, quality[i]!, referenceQuality), expectedRate);
    const firstLot = tenderStamp[i] !== tenderId;
    if (gainsAtCeiling(c, terms, c.places, v, k, payFactor, firstLot ? lotsLeft : 1, firstLot ? bidCost : 0)) return true;
  }
  return false;
}

/**
 * Whether even the lowest break-even any member could have is at or above the ceiling on every
 * open place of positive use: then {@link anyMemberMightBid}'s walk over the members would skip
 * each of them, so it can be left out. Three in four of a cascade's re-tenders end here, in a few
 * operations, where the walk reads every member's costs for every lot.
 *
 * The lowest break-even is that of a made-up member with the least variable and the least
 * capacity cost of the cell's members and the highest pay factor of any quality among theirs.
 * Exact, not approximate: with round-to-nearest every step of the costs and of breakEvenPrice is
 * monotone in its inputs (costs scaled by non-negative indices, a non-negative cost over a
 * positive divisor), and the pay factor is monotone in quality (clamped affine, then scaled), so
 * its largest value over the members is at their lowest or highest quality. Negative costs or
 * indices, or any NaN, answer false (walk the members). `range` is worked out here on first use.
 */
function cheapestAboveCeiling(
  state: MarketState,
  ctx: PhaseContext,
  c: LotCompetition,
  terms: Float64Array,
  range: MemberCostRange,
): boolean {
  if (!range.ready) fillCostRange(state, operatingMembers(state, state.lotCell[c.lot]!), range);
  const { costIndex, ceiling, outcomeShare: phi, expectedRate, held, places } = c;
  const variableCostFactor = ctx.variableCostFactor;
  if (!(range.variableCost >= 0 && range.capacityCost >= 0 && costIndex >= 0 && variableCostFactor >= 0)) return false;
  const { qualityEffectOnWorkRate, referenceQuality } = ctx.config.outcomes;
  const payLow = outcomePayFactor(phi, workRate(expectedRate, qualityEffectOnWorkRate, range.qualityMin, referenceQuality), expectedRate);
  const payHigh = outcomePayFactor(phi, workRate(expectedRate, qualityEffectOnWorkRate, range.qualityMax, referenceQuality), expectedRate);
  const payFactor = Math.max(payLow, payHigh);
  const v = range.variableCost * costIndex * variableCostFactor;
  const k = range.capacityCost * costIndex;
  for (let at = held + 1; at <= places; at++) {
    const u = terms[PLACE_TERMS * at]!;
    if (!(u > 0)) continue;
    if (!(breakEvenPrice(v, k, u, terms[PLACE_TERMS * at + 1]!, payFactor) >= ceiling)) return false;
  }
  return true;
}

/** Works out a {@link MemberCostRange} over `members` (Math.min and max, so a NaN carries through). */
function fillCostRange(state: MarketState, members: number[], range: MemberCostRange): void {
  const { variableCost, capacityCost, quality } = state.s;
  let v = Infinity;
  let k = Infinity;
  let qMin = Infinity;
  let qMax = -Infinity;
  for (let r = 0; r < members.length; r++) {
    const i = members[r]!;
    v = Math.min(v, variableCost[i]!);
    k = Math.min(k, capacityCost[i]!);
    qMin = Math.min(qMin, quality[i]!);
    qMax = Math.max(qMax, quality[i]!);
  }
  range.variableCost = v;
  range.capacityCost = k;
  range.qualityMin = qMin;
  range.qualityMax = qMax;
  range.ready = true;
}

/**
 * Round one: the likely field, every candidate priced at the places' average utilisation (that
 * of equal shares: every rule uses the lot alike on average), ranked by points into `fieldOrder`.
 */
function rankField(
  state: MarketState,
  ctx: PhaseContext,
  c: LotCompetition,
  scratch: CompetitionScratch,
  work: TenderWork,
  eligible: number,
  markup: number,
): void {
  const terms = work.terms;
  const { variableCost, capacityCost, quality } = state.s;
  const { candidate, strength, naive, fieldOrder } = scratch;
  const { costIndex } = c;
  const variableCostFactor = ctx.variableCostFactor;
  const priceWeight = ctx.policy.priceWeight;
  const at = c.places + 1;
  if (terms[PLACE_TERMS * at]! < 0) placeTerms(CallOffCode.shares, 1, c.places, c.commitment, 1, c.guarantee, ctx.demandSigma, terms, at);
  const average = terms[PLACE_TERMS * at]!;
  const averagePaid = terms[PLACE_TERMS * at + 1]!;
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
    strength[e] = totalScore(priceWeight, priceScore(RELATIVE, naive[e]!, naiveLowest, naiveLowest, c.referencePrice), qualityScore(quality[candidate[e]!]!, bestQuality));
  }
  if (allFinite(strength, eligible)) {
    startFromLastRanking(work, scratch, eligible);
    if (!isRanked(fieldOrder, eligible, strength, candidate)) sortRanking(fieldOrder, eligible, strength, candidate, scratch.merge);
  } else {
    for (let e = 0; e < eligible; e++) fieldOrder[e] = e;
    rankNonFinite(fieldOrder, eligible, strength, candidate);
  }
  const { lastRanking } = work;
  const { candidateMember } = scratch;
  for (let r = 0; r < eligible; r++) lastRanking[r] = candidateMember[fieldOrder[r]!]!;
  work.ranked = eligible;
}

/**
 * Fills fieldOrder[0..eligible) with the candidates in the order of the tender's last field
 * ranking (candidates it did not hold after them, in candidate order), or in candidate order on a
 * tender's first lot. Any order sorts to the same ranking; this one is usually sorted already.
 */
function startFromLastRanking(work: TenderWork, scratch: CompetitionScratch, eligible: number): void {
  const { fieldOrder, candidateMember } = scratch;
  const { lastRanking, candidateAt } = work;
  for (let e = 0; e < eligible; e++) candidateAt[candidateMember[e]!] = e;
  let k = 0;
  for (let r = 0; r < work.ranked; r++) {
    const e = candidateAt[lastRanking[r]!]!;
    if (e < 0) continue;
    fieldOrder[k++] = e;
    candidateAt[lastRanking[r]!] = -1;
  }
  for (let e = 0; e < eligible; e++) {
    if (candidateAt[candidateMember[e]!]! < 0) continue;
    fieldOrder[k++] = e;
    candidateAt[candidateMember[e]!] = -1;
  }
}

/** Whether order[0..n) is already in ranking order (finite scores). */
function isRanked(order: Int32Array, n: number, score: Float64Array, bidder: Int32Array): boolean {
  for (let r = 1; r < n; r++) if (ranksAbove(order[r]!, order[r - 1]!, score, bidder)) return false;
  return true;
}

/** Mean quality of the suppliers likely to hold the lot: its holders and the field's first (for choice by quality). */
function likelyQualityOf(state: MarketState, c: LotCompetition, scratch: CompetitionScratch, eligible: number): number {
  const quality = state.s.quality;
  const { candidate, fieldOrder } = scratch;
  const base = c.lot * state.stride;
  let likelyQuality = 0;
  const likely = Math.min(c.places - c.held, eligible);
  for (let k = 0; k < c.held; k++) likelyQuality += quality[state.slotSupplier[base + k]!]!;
  for (let r = 0; r < likely; r++) likelyQuality += quality[candidate[fieldOrder[r]!]!]!;
  return likelyQuality / Math.max(1, c.held + likely);
}

/**
 * Each candidate, in the field's order, prices the place it expects and bids if that pays (see
 * {@link runCompetition}); bids go to `bidder` and `price`. Returns the number of bids.
 */
function collectBids(
  state: MarketState,
  ctx: PhaseContext,
  c: LotCompetition,
  scratch: CompetitionScratch,
  lotsWon: Int32Array,
  terms: Float64Array,
  eligible: number,
  markup: number,
  likelyQuality: number,
): number {
  const { bidsLeft, maxCapacity, committed, quality, cellsHeld, tenderStamp } = state.s;
  const { variableCost, capacityCost, overhead, cash, bidCostDue } = state.s;
  const { candidate, fieldOrder, bidder, price } = scratch;
  const { places, held, rule, commitment, costIndex, slotCapacity, ceiling, cap, growth, tenderId } = c;
  const { guarantee: g, outcomeShare: phi, expectedRate, open, lotsLeft, periodsLeft } = c;
  const { qualityEffectOnWorkRate, referenceQuality } = ctx.config.outcomes;
  const { riskAversion, outcomePaymentRisk } = ctx.config.behaviour;
  const { variableCostFactor, bidCost, demandSigma: sigma, demandRiskByCells } = ctx;
  // A place's terms depend on the bidder only through its place (cascades) or not at all (shares):
  // compute each place's once. Under choice by quality they are the bidder's own (index 0).
  const byPlace = rule !== CallOffCode.qualityChoice;
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
    const risk = demandRiskByCells[cellsHeld[i]!]!;
    const premium = riskPremium(factor, risk, capacityShareOfCost(v, k, u), terms[PLACE_TERMS * at + 2]!, phi, outcomePaymentRisk);
    const p = bidPrice(breakEven, premium, markup, ceiling);
    if (p < 0) continue;
    // A bid is prepared once per tender: the first lot a supplier bids for carries the whole bid
    // cost, weighed against the places it can expect over every lot of the tender still to come.
    const firstLot = tenderStamp[i] !== tenderId;
    const due = firstLot ? bidCost : 0;
    const room = maxCapacity[i]! * growth - committed[i]!;
    const slots = expectedSlots(firstLot ? lotsLeft : 1, open, eligible, cap - lotsWon[i]!, room, slotCapacity);
    if (expectedBidGain(slots, p, breakEven, u, slotCapacity, periodsLeft, due) <= 0) continue;
    if (firstLot) {
      bidsLeft[i]!--;
      bidCostDue[i]! += due;
      tenderStamp[i] = tenderId;
      state.s.tendersBid[i]!++;
    }
    bidder[bids] = i;
    price[bids] = p;
    bids++;
  }
  return bids;
}

/** The buyer scores the bids: price points, and quality points on quality observed with noise (one normal per bid, in bid order). */
function scoreBids(state: MarketState, ctx: PhaseContext, c: LotCompetition, scratch: CompetitionScratch, bids: number, rng: Rng): void {
  const quality = state.s.quality;
  const { bidder, price, observed, score, order } = scratch;
  const noise = ctx.config.behaviour.qualityEvaluationNoise;
  const { priceWeight, scoringRule } = ctx.policy;
  const referencePrice = c.referencePrice;
  let lowest = Infinity;
  let highest = -Infinity;
  for (let b = 0; b < bids; b++) {
    if (price[b]! < lowest) lowest = price[b]!;
    if (price[b]! > highest) highest = price[b]!;
  }
  let best = 0;
  for (let b = 0; b < bids; b++) {
    const q = quality[bidder[b]!]! + normal(rng, 0, noise);
    observed[b] = q < 0.001 ? 0.001 : q > 1 ? 1 : q;
    if (observed[b]! > best) best = observed[b]!;
  }
  const scoring = SCORING_CODE[scoringRule];
  for (let b = 0; b < bids; b++) {
    score[b] = totalScore(priceWeight, priceScore(scoring, price[b]!, lowest, highest, referencePrice), qualityScore(observed[b]!, best));
    order[b] = b;
  }
}

/**
 * Offers the open places down the award ranking (see {@link runCompetition}) and returns how
 * many were taken.
 */
function awardPlaces(
  state: MarketState,
  ctx: PhaseContext,
  c: LotCompetition,
  scratch: CompetitionScratch,
  lotsWon: Int32Array,
  terms: Float64Array,
  bids: number,
): number {
  const s = state.s;
  const { committed, quality, variableCost, capacityCost } = s;
  const { slotSupplier, slotPrice } = state;
  const { bidder, price, score, order, merge } = scratch;
  const { lot, places, held, open, rule, commitment, costIndex, slotCapacity, guarantee: g, outcomeShare: phi, expectedRate } = c;
  const { qualityEffectOnWorkRate, referenceQuality } = ctx.config.outcomes;
  const variableCostFactor = ctx.variableCostFactor;
  const stride = state.stride;
  // order[0..rankedTo) is in award order; the walk below ranks further only as far as it goes.
  let rankedTo = 0;
  if (!allFinite(score, bids)) {
    rankNonFinite(order, bids, score, bidder);
    rankedTo = bids;
  }
  const ranked = rule === CallOffCode.rank || rule === CallOffCode.miniCompetition;
  let filled = 0;
  for (let r = 0; r < bids && filled < open; r++) {
    if (r === rankedTo) rankedTo = rankNext(order, r, bids, score, bidder, merge);
    const b = order[r]!;
    const i = bidder[b]!;
    const place = held + filled + 1;
    if (ranked) {
      // The place's own terms, now that the ranking is known.
      if (terms[PLACE_TERMS * place]! < 0) placeTerms(rule, place, places, commitment, 1, g, ctx.demandSigma, terms, place);
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
    s.placesWon[i]!++;
    lotsWon[i]!++;
    filled++;
  }
  return filled;
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

/** Clears the per-tender count of lots won for everyone who could have won in the cell (zero between tenders). */
function endTender(state: MarketState, ws: Workspace, cell: number): void {
  const members = state.cellMembers[cell]!;
  const lotsWon = ws.lotsWon;
  for (let r = 0; r < members.length; r++) lotsWon[members[r]!] = 0;
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
  ws: Workspace,
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
  const work = tenderWork(K, operatingMembers(state, cell).length);
  for (let j = 0; j < lots; j++) runCompetition(state, ctx, ws, start + j, K, lots - j, termPeriods, id, rng, work);
  endTender(state, ws, cell);
}

/**
 * Tenders the empty places of a lot left short (by an exit, or a competition that found too few
 * acceptable bids) for the rest of its cell's agreement period, on the lot's own terms, with its
 * capacity per place re-sized to the demand the buyer sees now. `range`, when given, is shared by
 * the cell's re-tenders of the period (made with freshCostRange before the first): a competition
 * changes no member's costs or quality, so its bound on them holds for all (see cheapestAboveCeiling).
 */
export function retenderLot(state: MarketState, ctx: PhaseContext, ws: Workspace, lot: number, t: number, rng: Rng, range?: MemberCostRange): void {
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
  const c = lotCompetition(state, ctx, lot, open, 1, periodsLeft, tenderIdOf(state, cell, t));
  if (!anyMemberMightBid(state, ctx, ws, c, range)) {
    markShort(state, lot, held, c.places, state.period);
    return;
  }
  const counted = countLotsHeld(state, ws, cell, c.cap);
  const bids = compete(state, ctx, ws, c, rng);
  if (counted || bids > 0) endTender(state, ws, cell);
}

/**
 * Under a finite cap on lots per supplier, counts the lots of the cell's tender each supplier
 * already holds into the workspace's lots won, for a re-tender's competition, and returns true.
 * Without a cap the counts are never read (a comparison with an infinite cap, or infinity less
 * the count), so nothing is counted: returns false.
 */
function countLotsHeld(state: MarketState, ws: Workspace, cell: number, cap: number): boolean {
  if (cap === Infinity) return false;
  const start = state.cellLotStart[cell]!;
  const stride = state.stride;
  const lotsWon = lotsWonRoom(ws, state.n);
  for (let j = 0; j < state.cellLotCount[cell]!; j++) {
    for (let k = 0; k < stride; k++) {
      const i = state.slotSupplier[(start + j) * stride + k]!;
      if (i >= 0) lotsWon[i]!++;
    }
  }
  return true;
}
