/**
 * The market's mutable state during a run: flat typed arrays indexed by supplier, cell and lot,
 * so the inner loop allocates nothing. It never leaves the engine except as a cloned snapshot.
 */
import { RUNNING_LEDGER_FIELDS, type RunLedger, type RunningLedgerField } from '../model/result.js';

/** Per-supplier columns. Index i is the i-th supplier ever created in the run (exited ones stay, marked dead). */
export interface SupplierColumns {
  alive: Uint8Array;
  ownership: Uint8Array;
  regionMask: Uint32Array;
  measureMask: Uint32Array;
  /**
   * Participant-weeks per period the supplier's organisation can deliver now (its staff and
   * premises). It can commit up to (1 + behaviour.growthPerTender) times this; it grows to what
   * it has committed and shrinks back towards `baseCapacity` when places are lost (mechanism 7:
   * size follows competition).
   */
  maxCapacity: Float64Array;
  /** The core capacity the supplier keeps without agreements: its capacity at entry (plus that of firms it acquired). */
  baseCapacity: Float64Array;
  /** Participant-weeks per period committed on current agreements. */
  committed: Float64Array;
  /** Committed capacity at the end of the previous period (drives hiring and firing). */
  prevCommitted: Float64Array;
  /** Cost per participant-week delivered, NOK, at average reference price. */
  variableCost: Float64Array;
  /** Cost per committed participant-week per period, NOK, at average reference price. */
  capacityCost: Float64Array;
  /** Fixed overhead per period, NOK. */
  overhead: Float64Array;
  cash: Float64Array;
  /** Cash buffer the owners keep in the firm, in periods of full-capacity cost (its ownership type's cashBufferPeriods). */
  bufferPeriods: Float64Array;
  /** Owner, parent or donor support still available, NOK. */
  supportLeft: Float64Array;
  otherRevenueMean: Float64Array;
  otherRevenueMargin: Float64Array;
  otherRevenueVolatility: Float64Array;
  /** AR(1) state of outside-income shock, standard normal scale. */
  otherShock: Float64Array;
  bidsPerYear: Uint16Array;
  bidsLeft: Uint16Array;
  innateQuality: Float64Array;
  quality: Float64Array;
  competence: Float64Array;
  /** Smoothed quality spending per NOK of revenue. */
  spendingIntensity: Float64Array;
  /** Agreement slots held. */
  contracts: Int32Array;
  /**
   * Distinct cells (region x measure type) in which the supplier holds a place, counted at the
   * start of each tender round: demand shocks are independent across cells and common within one,
   * so this, not the number of places, is how far its utilisation risk is spread (mechanism 2).
   */
  cellsHeld: Int32Array;
  /** Identity of the last tender the supplier paid a bid for (bid cost and bid capacity go per tender, not per lot). */
  tenderStamp: Int32Array;
  /** Tenders the supplier has bid in since the run began (for per-supplier histories; no mechanism reads it). */
  tendersBid: Int32Array;
  /** Places on lots the supplier has won since the run began, re-tenders included (histories only). */
  placesWon: Int32Array;
  /** Consecutive periods with no agreement. */
  idlePeriods: Int32Array;
  /** First period the supplier operates (0 for the initial population). */
  entryPeriod: Int32Array;
  exitPeriod: Int32Array;
  exitCause: Uint8Array;
  cohortSmall: Uint8Array;
  cohortNonProfit: Uint8Array;
  /** 1 for a supplier with the buyer as its main income (> 40 % of revenue) when the policy starts: the margin cohort. */
  cohortMainIncome: Uint8Array;
  /** Rolling sums over the last year (ring buffers below, stride = periods per year). */
  revenueYear: Float64Array;
  profitYear: Float64Array;
  receiptsYear: Float64Array;
  revenueRing: Float64Array;
  profitRing: Float64Array;
  receiptsRing: Float64Array;
  /** Accumulators for the current period, cleared in finance. */
  receipts: Float64Array;
  guaranteeReceived: Float64Array;
  /** The part of this period's receipts that paid for results (outcome-based payment), NOK. */
  resultsReceived: Float64Array;
  used: Float64Array;
  deliveryCost: Float64Array;
  bidCostDue: Float64Array;
  /** Lots won in the tender under way (the buyer's cap on lots per supplier applies per tender). */
  scratchLotsWon: Int32Array;
  /** Each supplier's uniform draw for exit and acquisition in the current period. */
  lifecycleDraw: Float64Array;
  /**
   * Not a column but a list, kept here because it grows with them: the indices of the operating
   * suppliers in its first `MarketState.operatingCount` entries, ascending (see {@link listOperating}).
   */
  operating: Int32Array;
}

/**
 * Running totals that let tests check that money and counts add up: the `running` fields of the
 * result's ledger (`LEDGER_FIELDS`, src/model/result.ts, lists them and says what each holds).
 */
export type Ledger = Pick<RunLedger, RunningLedgerField>;

/** The whole world of one run at the end of a period. */
export interface MarketState {
  /** Periods already simulated (the next period to run). */
  period: number;
  periodsPerYear: number;
  nRegions: number;
  nMeasures: number;
  /** Suppliers created so far (alive or not). */
  n: number;
  /**
   * Length of the list `s.operating`: the suppliers operating at the start of the current period
   * and those that entered since. Loops that concern only operating suppliers walk it rather than
   * every index ever created (three to five times as many by the end of a run).
   */
  operatingCount: number;
  /** Allocated length of supplier columns. */
  capacity: number;
  s: SupplierColumns;
  // cells: region-major, cell = region * nMeasures + measure
  cellBase: Float64Array;
  cellShock: Float64Array;
  cellDemand: Float64Array;
  macroShock: number;
  cellCycleEnd: Int32Array;
  cellOptionPending: Uint8Array;
  /** Length of the pending option and the probability it is taken, fixed when the agreement was made. */
  cellOptionPeriods: Int32Array;
  cellOptionProbability: Float64Array;
  cellLotStart: Int32Array;
  cellLotMax: Int32Array;
  cellLotCount: Int32Array;
  /** Suppliers that serve each cell (region and measure), in order of joining; exited ones stay listed. */
  cellMembers: number[][];
  // lots: index = cellLotStart[c] + j
  lotCount: number;
  /**
   * Slots per lot (suppliers per agreement, the largest any policy of the run needs). A lot's
   * suppliers fill its first slots in award order (rank order), with no gaps.
   */
  stride: number;
  lotCell: Int32Array;
  lotShare: Float64Array;
  lotSlotCapacity: Float64Array;
  lotGuarantee: Float64Array;
  lotOutcomeShare: Float64Array;
  lotRule: Uint8Array;
  /** Price weight of mini-competitions under the agreement (fixed when it was made). */
  lotPriceWeight: Float64Array;
  /** Places (parallel suppliers) the agreement was tendered for. */
  lotPlaces: Uint8Array;
  /** Period since which the lot has had fewer suppliers than places, or -1 when it is full or not in use. */
  lotShortSince: Int32Array;
  slotSupplier: Int32Array;
  slotPrice: Float64Array;
  ledger: Ledger;
}

function columnKeys(s: SupplierColumns): Array<keyof SupplierColumns> {
  return Object.keys(s) as Array<keyof SupplierColumns>;
}

/** Allocates empty supplier columns for `capacity` suppliers. */
export function allocateSuppliers(capacity: number, periodsPerYear: number): SupplierColumns {
  const f = () => new Float64Array(capacity);
  const ring = () => new Float64Array(capacity * periodsPerYear);
  return {
    alive: new Uint8Array(capacity),
    ownership: new Uint8Array(capacity),
    regionMask: new Uint32Array(capacity),
    measureMask: new Uint32Array(capacity),
    maxCapacity: f(),
    baseCapacity: f(),
    committed: f(),
    prevCommitted: f(),
    variableCost: f(),
    capacityCost: f(),
    overhead: f(),
    cash: f(),
    bufferPeriods: f(),
    supportLeft: f(),
    otherRevenueMean: f(),
    otherRevenueMargin: f(),
    otherRevenueVolatility: f(),
    otherShock: f(),
    bidsPerYear: new Uint16Array(capacity),
    bidsLeft: new Uint16Array(capacity),
    innateQuality: f(),
    quality: f(),
    competence: f(),
    spendingIntensity: f(),
    contracts: new Int32Array(capacity),
    cellsHeld: new Int32Array(capacity),
    tenderStamp: new Int32Array(capacity).fill(-1),
    tendersBid: new Int32Array(capacity),
    placesWon: new Int32Array(capacity),
    idlePeriods: new Int32Array(capacity),
    entryPeriod: new Int32Array(capacity),
    exitPeriod: new Int32Array(capacity).fill(-1),
    exitCause: new Uint8Array(capacity),
    cohortSmall: new Uint8Array(capacity),
    cohortNonProfit: new Uint8Array(capacity),
    cohortMainIncome: new Uint8Array(capacity),
    revenueYear: f(),
    profitYear: f(),
    receiptsYear: f(),
    revenueRing: ring(),
    profitRing: ring(),
    receiptsRing: ring(),
    receipts: f(),
    guaranteeReceived: f(),
    resultsReceived: f(),
    used: f(),
    deliveryCost: f(),
    bidCostDue: f(),
    scratchLotsWon: new Int32Array(capacity),
    lifecycleDraw: f(),
    operating: new Int32Array(capacity),
  };
}

/** Makes room for at least one more supplier, doubling the columns when full. */
export function ensureSupplierRoom(state: MarketState): void {
  if (state.n < state.capacity) return;
  const capacity = Math.max(16, state.capacity * 2, state.n + 1);
  const grown = allocateSuppliers(capacity, state.periodsPerYear);
  for (const k of columnKeys(state.s)) {
    const target = grown[k] as unknown as { set(a: ArrayLike<number>): void };
    target.set(state.s[k] as unknown as ArrayLike<number>);
  }
  // exitPeriod's and tenderStamp's new tails must read "none"; allocateSuppliers already filled
  // them with -1, and set() above only overwrote the old part.
  state.s = grown;
  state.capacity = capacity;
}

/** An empty ledger. */
export function emptyLedger(): Ledger {
  const ledger = {} as Ledger;
  for (const k of RUNNING_LEDGER_FIELDS) ledger[k] = 0;
  return ledger;
}

/**
 * Lays out lot arrays so every cell has room for `lotsNeeded[cell]` lots of `stride` slots,
 * copying existing agreements. Used when a policy needs more or larger lots than the state has room for.
 */
export function layoutLots(state: MarketState, lotsNeeded: ArrayLike<number>, stride: number): void {
  const nCells = state.nRegions * state.nMeasures;
  const oldStart = state.cellLotStart;
  const oldMax = state.cellLotMax;
  const oldStride = state.stride;
  const cellLotStart = new Int32Array(nCells);
  const cellLotMax = new Int32Array(nCells);
  let total = 0;
  for (let c = 0; c < nCells; c++) {
    cellLotStart[c] = total;
    cellLotMax[c] = Math.max(lotsNeeded[c]!, oldMax.length === nCells ? oldMax[c]! : 0);
    total += cellLotMax[c]!;
  }
  const newStride = Math.max(stride, oldStride);
  const lotCell = new Int32Array(total);
  const lotShare = new Float64Array(total);
  const lotSlotCapacity = new Float64Array(total);
  const lotGuarantee = new Float64Array(total);
  const lotOutcomeShare = new Float64Array(total);
  const lotRule = new Uint8Array(total);
  const lotPriceWeight = new Float64Array(total);
  const lotPlaces = new Uint8Array(total);
  const lotShortSince = new Int32Array(total).fill(-1);
  const slotSupplier = new Int32Array(total * newStride).fill(-1);
  const slotPrice = new Float64Array(total * newStride);
  for (let c = 0; c < nCells; c++) {
    for (let j = 0; j < cellLotMax[c]!; j++) lotCell[cellLotStart[c]! + j] = c;
    if (oldMax.length !== nCells) continue;
    for (let j = 0; j < oldMax[c]!; j++) {
      const from = oldStart[c]! + j;
      const to = cellLotStart[c]! + j;
      lotShare[to] = state.lotShare[from]!;
      lotSlotCapacity[to] = state.lotSlotCapacity[from]!;
      lotGuarantee[to] = state.lotGuarantee[from]!;
      lotOutcomeShare[to] = state.lotOutcomeShare[from]!;
      lotRule[to] = state.lotRule[from]!;
      lotPriceWeight[to] = state.lotPriceWeight[from]!;
      lotPlaces[to] = state.lotPlaces[from]!;
      lotShortSince[to] = state.lotShortSince[from]!;
      for (let k = 0; k < oldStride; k++) {
        slotSupplier[to * newStride + k] = state.slotSupplier[from * oldStride + k]!;
        slotPrice[to * newStride + k] = state.slotPrice[from * oldStride + k]!;
      }
    }
  }
  Object.assign(state, {
    cellLotStart,
    cellLotMax,
    lotCount: total,
    stride: newStride,
    lotCell,
    lotShare,
    lotSlotCapacity,
    lotGuarantee,
    lotOutcomeShare,
    lotRule,
    lotPriceWeight,
    lotPlaces,
    lotShortSince,
    slotSupplier,
    slotPrice,
  });
}

/** Adds supplier i, just created (so above every listed index), to the operating list. */
export function listOperating(state: MarketState, i: number): void {
  state.s.operating[state.operatingCount++] = i;
}

/**
 * Takes the suppliers that exited off the operating list, keeping its order. Done once a period,
 * at its start: exits in a period leave their suppliers listed (marked dead) until then, so a
 * loop over the list must still check `alive` after the period's exits.
 */
export function compactOperating(state: MarketState): void {
  const { operating, alive } = state.s;
  let kept = 0;
  for (let k = 0; k < state.operatingCount; k++) {
    const i = operating[k]!;
    if (alive[i] === 1) operating[kept++] = i;
  }
  state.operatingCount = kept;
}

/** A deep copy of a state (typed arrays copied), so a run can start from a snapshot without changing it. */
export function cloneState(state: MarketState): MarketState {
  return structuredClone(state);
}

/**
 * Lists supplier i as serving every cell its region and measure masks cover that the old masks
 * did not, so tenders look only at suppliers who could bid.
 */
export function registerCells(state: MarketState, i: number, oldRegionMask: number, oldMeasureMask: number): void {
  const regionMask = state.s.regionMask[i]!;
  const measureMask = state.s.measureMask[i]!;
  // Cells in cell order, as cellsCovered lists them; a cell was covered before when both its
  // region and its measure type were in the old masks.
  for (let r = 0; r < state.nRegions; r++) {
    if (((regionMask >>> r) & 1) === 0) continue;
    const regionKnown = ((oldRegionMask >>> r) & 1) === 1;
    for (let m = 0; m < state.nMeasures; m++) {
      if (((measureMask >>> m) & 1) === 0 || (regionKnown && ((oldMeasureMask >>> m) & 1) === 1)) continue;
      state.cellMembers[r * state.nMeasures + m]!.push(i);
    }
  }
}

/**
 * The cells (region x measure) that a pair of region and measure masks covers, in cell order.
 * A supplier only ever holds lots in the cells its own masks cover (see registerCells), so
 * exits and acquisitions look only there.
 */
export function cellsCovered(state: MarketState, regionMask: number, measureMask: number): number[] {
  const cells: number[] = [];
  for (let r = 0; r < state.nRegions; r++) {
    if (((regionMask >>> r) & 1) === 0) continue;
    for (let m = 0; m < state.nMeasures; m++) {
      if (((measureMask >>> m) & 1) === 1) cells.push(r * state.nMeasures + m);
    }
  }
  return cells;
}
