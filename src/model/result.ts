import type { Config } from './config.js';
import type { OutcomeMetric, SeriesMetric } from './metrics.js';

/**
 * Money and count totals over the whole run (burn-in included), so anyone can check that they
 * add up: buyerPaid = supplierReceipts, and the suppliers' cash at the end =
 * startingCash + supplierReceipts + otherRevenue - costs + ownerSupport - payouts.
 */
export interface RunLedger {
  /** NOK the buyer paid (call-offs + guarantees). */
  buyerPaid: number;
  /** NOK suppliers booked as receipts from the buyer. */
  supplierReceipts: number;
  guaranteePaid: number;
  otherRevenue: number;
  /** All costs suppliers paid, including quality spending. */
  costs: number;
  ownerSupport: number;
  /** NOK owners took out of cash above the suppliers' buffers (behaviour.payoutShare). */
  payouts: number;
  /** Cash of the initial population and of every entrant when it entered. */
  startingCash: number;
  /** Cash of every supplier ever created, at the end (exited suppliers keep what they had). */
  cashAtEnd: number;
  /** Suppliers created at the start of burn-in. */
  initialSuppliers: number;
  entries: number;
  exits: number;
  insolvencies: number;
  voluntaryExits: number;
  acquisitions: number;
  /** Suppliers operating at the end. */
  activeAtEnd: number;
}

/** What one run returns: plain, JSON-serialisable data. */
export interface SimulationResult {
  /**
   * The master seed that produced it, in its one text form: a number seed is stored as
   * `String(seed)`, so `simulate(config, 1)` and `simulate(config, "1")` give the same result.
   */
  readonly seed: string;
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
}
