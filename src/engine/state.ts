/**
 * The market's mutable state during a run: flat typed arrays indexed by supplier, cell and lot,
 * so the inner loop allocates nothing. It never leaves the engine except as a cloned snapshot.
 * Working memory that is not part of the market (scratch arrays, the period's lifecycle draws)
 * is the run's workspace (workspace.ts), not state.
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

/** A typed-array constructor a lot or slot column is made with. */
type ColumnArray = Int32ArrayConstructor | Float64ArrayConstructor | Uint8ArrayConstructor;

/** How a column is made: its typed array, and the value of an entry not in use. */
interface ColumnSpec {
  readonly array: ColumnArray;
  readonly empty: number;
}

/** The columns a list of {@link ColumnSpec}s makes, each typed as its own typed array. */
export type ColumnsOf<T extends Readonly<Record<string, ColumnSpec>>> = { -readonly [K in keyof T]: InstanceType<T[K]['array']> };

/**
 * The per-lot columns (index = cellLotStart[cell] + j): the one list of them. `MarketState`
 * declares them from it, and {@link layoutLots} allocates them and copies every cell's lots over,
 * so a new lot column is one entry here (and the code that sets and reads it).
 */
export const LOT_COLUMNS = {
  /** The cell (region x measure) the lot belongs to. */
  lotCell: { array: Int32Array, empty: 0 },
  /** The lot's share of its cell's demand. */
  lotShare: { array: Float64Array, empty: 0 },
  /** Capacity each place commits, participant-weeks per period. */
  lotSlotCapacity: { array: Float64Array, empty: 0 },
  /** Minimum-volume guarantee: the share of a place's committed capacity paid for if unused. */
  lotGuarantee: { array: Float64Array, empty: 0 },
  /** Share of the price paid by results (outcome-based payment). */
  lotOutcomeShare: { array: Float64Array, empty: 0 },
  /** The agreement's allocation rule (a CallOffCode). */
  lotRule: { array: Uint8Array, empty: 0 },
  /** Price weight of mini-competitions under the agreement (fixed when it was made). */
  lotPriceWeight: { array: Float64Array, empty: 0 },
  /** Places (parallel suppliers) the agreement was tendered for. */
  lotPlaces: { array: Uint8Array, empty: 0 },
  /** Period since which the lot has had fewer suppliers than places, or -1 when it is full or not in use. */
  lotShortSince: { array: Int32Array, empty: -1 },
} as const satisfies Record<string, ColumnSpec>;

/**
 * The per-slot columns, `stride` slots a lot (index = lot x stride + k): the one list of them, as
 * {@link LOT_COLUMNS} is for lots. A lot's suppliers fill its first slots in award order.
 */
export const SLOT_COLUMNS = {
  /** The supplier holding the place, or -1 for an empty slot. */
  slotSupplier: { array: Int32Array, empty: -1 },
  /** The price it won the place at, NOK per participant-week. */
  slotPrice: { array: Float64Array, empty: 0 },
} as const satisfies Record<string, ColumnSpec>;

/** The per-lot columns of a market (see {@link LOT_COLUMNS}). */
export type LotColumns = ColumnsOf<typeof LOT_COLUMNS>;
/** The per-slot columns of a market (see {@link SLOT_COLUMNS}). */
export type SlotColumns = ColumnsOf<typeof SLOT_COLUMNS>;

const LOT_KEYS = Object.keys(LOT_COLUMNS) as Array<keyof LotColumns>;
const SLOT_KEYS = Object.keys(SLOT_COLUMNS) as Array<keyof SlotColumns>;

/** What {@link layoutLots} does with a column of either kind. */
interface Column {
  set(values: ArrayLike<number>, offset?: number): void;
  subarray(begin: number, end: number): ArrayLike<number>;
}

function allocateColumns<T extends Readonly<Record<string, ColumnSpec>>>(specs: T, length: number): ColumnsOf<T> {
  const columns: Record<string, unknown> = {};
  for (const [name, { array, empty }] of Object.entries(specs)) {
    const column = new array(length);
    if (empty !== 0) column.fill(empty);
    columns[name] = column;
  }
  return columns as ColumnsOf<T>;
}

/** Lot and slot columns for `lots` lots of `stride` slots, every lot and slot not in use. */
export function allocateLots(lots: number, stride: number): LotColumns & SlotColumns {
  return { ...allocateColumns(LOT_COLUMNS, lots), ...allocateColumns(SLOT_COLUMNS, lots * stride) };
}

/** The whole world of one run at the end of a period. Its lot and slot columns are those of {@link LOT_COLUMNS} and {@link SLOT_COLUMNS}. */
export interface MarketState extends LotColumns, SlotColumns {
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
  // lots: index = cellLotStart[c] + j; the lot and slot columns come from LOT_COLUMNS and SLOT_COLUMNS
  lotCount: number;
  /**
   * Slots per lot (suppliers per agreement, the largest any policy of the run needs). A lot's
   * suppliers fill its first slots in award order (rank order), with no gaps.
   */
  stride: number;
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
 * Lays out the lot and slot columns so every cell has room for `lotsNeeded[cell]` lots of `stride`
 * slots, copying existing agreements. Used when a policy needs more or larger lots than the state
 * has room for.
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
  const laid = allocateLots(total, newStride);
  const columns = laid as unknown as Record<keyof LotColumns | keyof SlotColumns, Column>;
  const old = state as unknown as Record<keyof LotColumns | keyof SlotColumns, Column>;
  for (let c = 0; c < nCells; c++) {
    const to = cellLotStart[c]!;
    if (oldMax.length === nCells) {
      // The cell's lots keep their index within the cell, and their slots their order.
      const from = oldStart[c]!;
      const count = oldMax[c]!;
      for (const k of LOT_KEYS) columns[k].set(old[k].subarray(from, from + count), to);
      for (let j = 0; j < count; j++) {
        for (const k of SLOT_KEYS) columns[k].set(old[k].subarray((from + j) * oldStride, (from + j + 1) * oldStride), (to + j) * newStride);
      }
    }
    laid.lotCell.fill(c, to, to + cellLotMax[c]!);
  }
  Object.assign(state, { cellLotStart, cellLotMax, lotCount: total, stride: newStride }, laid);
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
