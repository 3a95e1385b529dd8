import type { Config, OwnershipType, SizeClass } from './config.js';
import type { OutcomeMetric, SeriesMetric } from './metrics.js';

/**
 * The fields of a run's ledger, in the order `result.ledger` lists them: the one list of them.
 * Each is `running`, a total the engine keeps as the run goes (its `Ledger`, zeroed and reported
 * field by field from this list), or `atEnd`, counted from the state when the run reports.
 * {@link RunLedger} follows from it, and a test checks that docs/model.md's ledger table has a row
 * for every field. A new total is one entry here and the lines of the engine that add to it.
 */
export const LEDGER_FIELDS = {
  /** NOK the buyer paid (call-offs + guarantees). */
  buyerPaid: 'running',
  /** NOK suppliers booked as receipts from the buyer. */
  supplierReceipts: 'running',
  /** NOK of guarantee payments (part of `buyerPaid`). */
  guaranteePaid: 'running',
  /** NOK of outside income. */
  otherRevenue: 'running',
  /** All costs suppliers paid, including quality spending. */
  costs: 'running',
  /** NOK owners injected when cash ran out. */
  ownerSupport: 'running',
  /** NOK owners took out of cash above the suppliers' buffers (behaviour.payoutShare). */
  payouts: 'running',
  /** Cash of the initial population and of every entrant when it entered. */
  startingCash: 'running',
  /** Cash of every supplier ever created, at the end (exited suppliers keep what they had). */
  cashAtEnd: 'atEnd',
  /** Suppliers created at the start of burn-in. */
  initialSuppliers: 'atEnd',
  /** Suppliers that entered after the start. */
  entries: 'running',
  /** Suppliers that stopped operating, for any cause. */
  exits: 'running',
  /** Exits because cash ran out. */
  insolvencies: 'running',
  /** Exits after a long period without agreements. */
  voluntaryExits: 'running',
  /** Suppliers acquired by a group. */
  acquisitions: 'running',
  /** Suppliers operating at the end. */
  activeAtEnd: 'atEnd',
} as const satisfies Record<string, 'running' | 'atEnd'>;

/** A field of the ledger, one of the keys of {@link LEDGER_FIELDS}. */
export type LedgerField = keyof typeof LEDGER_FIELDS;

/** A ledger field the engine keeps as the run goes (`running` in {@link LEDGER_FIELDS}). */
export type RunningLedgerField = { [K in LedgerField]: (typeof LEDGER_FIELDS)[K] extends 'running' ? K : never }[LedgerField];

/** Every ledger field, in the order of {@link LEDGER_FIELDS}. */
export const LEDGER_FIELD_NAMES = Object.keys(LEDGER_FIELDS) as readonly LedgerField[];

/** The ledger fields the engine keeps as the run goes, in the order of {@link LEDGER_FIELDS}. */
export const RUNNING_LEDGER_FIELDS = LEDGER_FIELD_NAMES.filter((k): k is RunningLedgerField => LEDGER_FIELDS[k] === 'running');

/**
 * Money and count totals over the whole run (burn-in included), so anyone can check that they
 * add up: buyerPaid = supplierReceipts, and the suppliers' cash at the end =
 * startingCash + supplierReceipts + otherRevenue - costs + ownerSupport - payouts. The fields and
 * their meaning are those of {@link LEDGER_FIELDS}.
 */
export type RunLedger = { -readonly [K in keyof typeof LEDGER_FIELDS]: number };

/**
 * One supplier's life over a run's horizon, as `simulate(config, seed, { suppliers: true })`
 * returns it: every supplier operating when the policy starts, and every one that begins operating
 * during the horizon (an entrant operates from the period after it enters). Periods count from the policy's start (period 0 is the horizon's first).
 */
export interface SupplierLife {
  /** Its index in the run (the order suppliers were created, burn-in included). */
  readonly id: number;
  readonly ownership: OwnershipType;
  /** The first period it operated: 0 or less for a supplier operating at the start (it entered during burn-in), 1 to H-1 for an entrant. */
  readonly entryPeriod: number;
  /** Whether it was operating when the policy started (the cohorts follow these suppliers). */
  readonly atStart: boolean;
  /** Its size class by revenue over the year before the policy started; null for an entrant. */
  readonly sizeAtStart: SizeClass | null;
  /**
   * Whether the small-supplier cohort (`smallCohortSurvival` and its kin) follows it: chosen at the
   * policy's start by `outcomes.smallCohort`; false for an entrant.
   */
  readonly smallCohort: boolean;
  /** Its size class by the year's revenue at the end of each horizon year while it operated (shorter if it exited). */
  readonly sizeByYear: readonly SizeClass[];
  /** Tenders it bid in during the horizon. */
  readonly tendersBid: number;
  /** Places on lots it won during the horizon, re-tenders included. */
  readonly placesWon: number;
  /** The horizon period in which it exited, or null if it still operated at the end (censored). */
  readonly exitPeriod: number | null;
  /** Why it exited (the engine's `EXIT_CAUSES`), or null. */
  readonly exitCause: 'insolvency' | 'voluntary' | 'acquired' | null;
  /** True when it still operated at the horizon's end: its survival time is censored there. */
  readonly censored: boolean;
  /**
   * The time a survival analysis uses, in periods: from the later of the policy's start and its
   * entry to the end of the period in which it exited (exitPeriod + 1 - start), or to the horizon's
   * end when censored.
   */
  readonly periodsObserved: number;
}

/** What one run returns: plain, JSON-serialisable data. */
export interface SimulationResult {
  /**
   * The master seed that produced it, in its one text form: a number seed is stored as
   * `String(seed)`, so `simulate(config, 1)` and `simulate(config, "1")` give the same result.
   */
  readonly seed: string;
  /** The library and its version that produced it (`LIBRARY`: "framework-agreement-sim 0.2.0"). */
  readonly library: string;
  /** `RESULT_FORMAT_VERSION` of the library that produced it: the random streams its numbers came from. */
  readonly version: number;
  /** The decoded config that produced it, with every distribution replaced by the value this run drew. */
  readonly config: Config;
  /** Name of the policy simulated over the horizon. */
  readonly policy: string;
  readonly periodsPerYear: number;
  /** Number of horizon periods: the length of every series. */
  readonly horizonPeriods: number;
  /** Per-period series over the horizon; index h is horizon period h (year = h / periodsPerYear). */
  readonly series: Record<SeriesMetric, number[]>;
  /** End-of-horizon values and per-year averages over the horizon. */
  readonly outcomes: Record<OutcomeMetric, number>;
  readonly ledger: RunLedger;
  /**
   * The value this run drew for each number the config gave as a distribution, by path (such as
   * `effects.dataSharing.workRateGain`); absent when the config had none.
   */
  readonly inputs?: Readonly<Record<string, number>>;
  /** Every supplier's life over the horizon, with `{ suppliers: true }` (absent otherwise). */
  readonly suppliers?: readonly SupplierLife[];
}
