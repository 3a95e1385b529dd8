/**
 * A run's working memory: the arrays the engine's steps fill and read back within one call (a
 * competition, a tender, the call-offs, a period's record), and the period's lifecycle draws. Each
 * phase of a run (burn-in, horizon) makes one with {@link createWorkspace} and passes it explicitly
 * to every step that needs room, so no step keeps state of its own between calls and two runs
 * never share memory. Nothing in it is part of the market: it is not in the state, not in a
 * snapshot, and a fresh workspace gives the same results as a used one (every array is written
 * before it is read, except the per-tender counts of lots won, which each tender returns to zero).
 * Its arrays only grow, when a run needs more room than they have.
 */

/**
 * Working arrays of a lot's competition (tender.ts), per candidate: the likely field and its
 * first-round ranking, the bids (no more than the candidates) and their scores. A competition
 * never runs inside another, so one set serves them all.
 */
export interface CompetitionScratch {
  candidate: Int32Array;
  strength: Float64Array;
  naive: Float64Array;
  fieldOrder: Int32Array;
  /** Each candidate's position in the cell's member list. */
  candidateMember: Int32Array;
  bidder: Int32Array;
  price: Float64Array;
  observed: Float64Array;
  score: Float64Array;
  order: Int32Array;
  /** The merge sort's second buffer, for a ranking of the field or of the bids. */
  merge: Int32Array;
}

/** Working arrays of a lot's call-offs (callOff.ts), per slot of the lot. */
export interface SlotScratch {
  members: Int32Array;
  prices: Float64Array;
  capacities: Float64Array;
  used: Float64Array;
  order: Int32Array;
  score: Float64Array;
  /** Choice weights (current quality) under "qualityChoice". */
  weights: Float64Array;
}

/**
 * The least delivery costs and the range of quality among the operating members of one cell, for
 * bounding the bids of its re-tenders (tender.ts); `ready` is false until worked out. Valid while
 * the members, their costs and quality stay as they are: across one cell's re-tenders of a
 * period, which change none of them. See {@link freshCostRange}.
 */
export interface MemberCostRange {
  ready: boolean;
  variableCost: number;
  capacityCost: number;
  qualityMin: number;
  qualityMax: number;
}

/** The working memory of one run (see the module's description). */
export interface Workspace {
  /** A lot's competition; see {@link competitionRoom}. */
  competition: CompetitionScratch;
  /** A lot's call-offs; see {@link slotRoom}. */
  slots: SlotScratch;
  /**
   * By supplier index, the lots it has won in the tender under way (the buyer's cap on lots per
   * supplier applies per tender; tender.ts). Zero between tenders: each tender clears what it
   * counted. See {@link lotsWonRoom}.
   */
  lotsWon: Int32Array;
  /** By supplier index, the last cell seen to hold it (countCellsHeld, step.ts); see {@link seenRoom}. */
  seen: Int32Array;
  /** The period's positive receipts in supplier order (the horizon's record, observe.ts); see {@link paidRoom}. */
  paid: Float64Array;
  /** Weights for drawing the regions and measure types a new supplier serves, one array per length (population.ts); see {@link maskWeights}. */
  maskWeights: Float64Array[];
  /**
   * By supplier index, its uniform from the period's lifecycle stream, which decides exit and
   * acquisition (lifecycle.ts). Filled by `drawLifecycleUniforms` for the operating suppliers each
   * period before they are read; see {@link lifecycleRoom}.
   */
  lifecycleDraw: Float64Array;
  /** Place terms (tender.ts's placeTerms layout) for bounding a re-tender's bids; see {@link placeTermsRoom}. */
  placeTerms: Float64Array;
  /**
   * What {@link Workspace.placeTerms} holds terms for: the allocation rule, places, commitment,
   * guarantee, demand sigma and the first place worked out (NaN: nothing yet); see tender.ts's
   * openPlaceTerms.
   */
  placeTermsFor: Float64Array;
  /** One cell's {@link MemberCostRange}; see {@link freshCostRange}. */
  costRange: MemberCostRange;
}

function allocateCompetition(size: number): CompetitionScratch {
  return {
    candidate: new Int32Array(size),
    strength: new Float64Array(size),
    naive: new Float64Array(size),
    fieldOrder: new Int32Array(size),
    candidateMember: new Int32Array(size),
    bidder: new Int32Array(size),
    price: new Float64Array(size),
    observed: new Float64Array(size),
    score: new Float64Array(size),
    order: new Int32Array(size),
    merge: new Int32Array(size),
  };
}

function allocateSlots(size: number): SlotScratch {
  return {
    members: new Int32Array(size),
    prices: new Float64Array(size),
    capacities: new Float64Array(size),
    used: new Float64Array(size),
    order: new Int32Array(size),
    score: new Float64Array(size),
    weights: new Float64Array(size),
  };
}

/** A new workspace, made at the start of a run's phase; its arrays grow as the run needs. */
export function createWorkspace(): Workspace {
  return {
    competition: allocateCompetition(64),
    slots: allocateSlots(20),
    lotsWon: new Int32Array(1024),
    seen: new Int32Array(1024),
    paid: new Float64Array(1024),
    maskWeights: [],
    lifecycleDraw: new Float64Array(1024),
    placeTerms: new Float64Array(64),
    placeTermsFor: new Float64Array(6).fill(NaN),
    costRange: { ready: false, variableCost: 0, capacityCost: 0, qualityMin: 0, qualityMax: 0 },
  };
}

/** The competition's arrays, with room for `candidates` candidates (and as many bids). */
export function competitionRoom(ws: Workspace, candidates: number): CompetitionScratch {
  if (ws.competition.candidate.length < candidates) ws.competition = allocateCompetition(Math.max(candidates, 2 * ws.competition.candidate.length));
  return ws.competition;
}

/** The call-offs' arrays, with room for a lot of `stride` slots. */
export function slotRoom(ws: Workspace, stride: number): SlotScratch {
  if (ws.slots.members.length < stride) ws.slots = allocateSlots(stride);
  return ws.slots;
}

/** {@link Workspace.lotsWon} with room for `n` suppliers (the counts so far kept). */
export function lotsWonRoom(ws: Workspace, n: number): Int32Array {
  const grown = withRoom(ws.lotsWon, n);
  if (grown !== ws.lotsWon) grown.set(ws.lotsWon);
  return (ws.lotsWon = grown);
}

/**
 * `array` if it has room for `n` entries, else a new one of the same kind with room for at least
 * twice its length (contents not kept).
 */
function withRoom<T extends Int32Array | Float64Array>(array: T, n: number): T {
  if (array.length >= n) return array;
  return new (array.constructor as new (size: number) => T)(Math.max(n, 2 * array.length));
}

/** {@link Workspace.placeTerms} with room for a lot of `places` places (3 values per place, 1-based, as tender.ts's placeTable). */
export function placeTermsRoom(ws: Workspace, places: number): Float64Array {
  return (ws.placeTerms = withRoom(ws.placeTerms, 3 * (places + 2)));
}

/** {@link Workspace.costRange}, marked not worked out: for a cell whose re-tenders of a period are about to run. */
export function freshCostRange(ws: Workspace): MemberCostRange {
  ws.costRange.ready = false;
  return ws.costRange;
}

/** {@link Workspace.seen} with room for `n` suppliers. */
export function seenRoom(ws: Workspace, n: number): Int32Array {
  return (ws.seen = withRoom(ws.seen, n));
}

/** {@link Workspace.paid} with room for `n` suppliers. */
export function paidRoom(ws: Workspace, n: number): Float64Array {
  return (ws.paid = withRoom(ws.paid, n));
}

/** {@link Workspace.lifecycleDraw} with room for `n` suppliers. */
export function lifecycleRoom(ws: Workspace, n: number): Float64Array {
  return (ws.lifecycleDraw = withRoom(ws.lifecycleDraw, n));
}

/** Weights of `length` entries (regions or measure types; at most 32) for drawing a mask. */
export function maskWeights(ws: Workspace, length: number): Float64Array {
  let w = ws.maskWeights[length];
  if (w === undefined) {
    w = new Float64Array(length);
    ws.maskWeights[length] = w;
  }
  return w;
}
