import type { Config, Policy } from '../model/config.js';
import { lotsPerCellUnder } from '../model/lots.js';
import type { SeedRoot } from '../random/streams.js';
import { demandRisk } from './bidding.js';
import { CallOffCode } from './codes.js';

/**
 * Everything a period needs that follows from the config and the policy in force, computed
 * once per phase (burn-in, horizon) so the inner loop reads plain numbers.
 */
export interface PhaseContext {
  readonly config: Config;
  readonly policy: Policy;
  /** Root of the run's random streams. */
  readonly root: SeedRoot;
  /** First period of the horizon (policy start). */
  readonly policyStart: number;
  readonly termPeriods: number;
  readonly optionPeriods: number;
  /** Lots per cell under this policy, per cell (region-major). */
  readonly lotsPerCell: Int32Array;
  /** Delivery cost of each measure type relative to the average: reference price / demand-weighted mean reference price. */
  readonly costIndex: Float64Array;
  /** Work rate at reference quality, per measure type, including the soft levers' gains. */
  readonly expectedWorkRate: Float64Array;
  readonly durationWeeks: Float64Array;
  /** Work rate participants would reach without any measure: base work rate - measure effect, per measure type. */
  readonly counterfactualWorkRate: Float64Array;
  readonly referencePrice: Float64Array;
  /** Multiplier on variable cost (data sharing lowers intake cost). */
  readonly variableCostFactor: number;
  readonly bidCost: number;
  /** Added to every supplier's target quality by the soft levers. */
  readonly qualityGain: number;
  readonly learningRate: number;
  /**
   * How strongly the buyer's award rewards quality: the weight of quality in the award,
   * 1 - priceWeight. (Outcome-based payment is not in it: it acts through what it pays for,
   * `outcomeQualityResponse`.)
   */
  readonly scoringIncentive: number;
  /**
   * Change in target quality of a supplier all of whose receipts paid for results
   * (effects.outcomePayment.qualityResponse); scaled by each supplier's results-paid share.
   */
  readonly outcomeQualityResponse: number;
  /**
   * Log standard deviation of a lot's demand over its term around the demand it was sized on: the
   * shocks at tender time and at delivery are nearly independent over a multi-year term, so twice
   * the stationary variance of macro and cell shocks together.
   */
  readonly demandSigma: number;
  /** Stationary variance of the log national demand shock (cannot be diversified). */
  readonly macroVariance: number;
  /** Stationary variance of a cell's own log demand shock (spread over several contracts). */
  readonly cellVariance: number;
  /**
   * The demand risk a bidder bears by the number of cells it holds places in, 0 to the number of
   * cells: demandRisk(macroVariance, cellVariance, cells), looked up instead of recomputed (a
   * square root and a division) for each of the ~200 000 bids of a replication.
   */
  readonly demandRiskByCells: Float64Array;
  /** The world's allocation rule (a CallOffCode). */
  readonly callOffCode: number;
  /** Typical capacity of an entrant (entry-share-weighted mean of the ownership types' median capacities), participant-weeks per period; used for the entry barrier. */
  readonly entrantCapacity: number;
}

/** Periods of a length given in years, rounded, at least `min`. */
export function yearsToPeriods(years: number, periodsPerYear: number, min = 0): number {
  return Math.max(min, Math.round(years * periodsPerYear));
}

/** Builds the context of a phase. */
export function phaseContext(config: Config, policy: Policy, root: SeedRoot): PhaseContext {
  const { market, behaviour, effects, run, suppliers } = config;
  const P = run.periodsPerYear;
  const totalDemand = market.measureTypes.reduce((a, m) => a + m.demandPerPeriod, 0);
  const meanPrice =
    totalDemand > 0
      ? market.measureTypes.reduce((a, m) => a + m.referencePrice * m.demandPerPeriod, 0) / totalDemand
      : market.measureTypes.reduce((a, m) => a + m.referencePrice, 0) / market.measureTypes.length;
  const workRateGain =
    policy.crossSectorCollaboration * effects.crossSectorCollaboration.workRateGain +
    policy.employerInsight * effects.employerInsight.workRateGain +
    policy.dataSharing * effects.dataSharing.workRateGain;
  const d = market.demand;
  const macroVar = (d.macroVolatility * d.macroVolatility) / (1 - d.macroPersistence * d.macroPersistence);
  const cellVar = (d.cellVolatility * d.cellVolatility) / (1 - d.cellPersistence * d.cellPersistence);
  let entrantWeight = 0;
  let entrantCapacity = 0;
  for (const [o, w] of Object.entries(suppliers.entry.ownershipShares)) {
    entrantWeight += w;
    entrantCapacity += w * suppliers.ownership[o as keyof typeof suppliers.ownership].capacityMedian;
  }
  return {
    config,
    policy,
    root,
    policyStart: run.burnInYears * P,
    termPeriods: yearsToPeriods(policy.baseTermYears, P, 1),
    optionPeriods: yearsToPeriods(policy.optionYears, P),
    lotsPerCell: lotsPerCellUnder(config, policy),
    costIndex: Float64Array.from(market.measureTypes, (m) => m.referencePrice / meanPrice),
    expectedWorkRate: Float64Array.from(market.measureTypes, (m) => Math.min(1, m.baseWorkRate + workRateGain)),
    durationWeeks: Float64Array.from(market.measureTypes, (m) => m.durationWeeks),
    counterfactualWorkRate: Float64Array.from(market.measureTypes, (m) => Math.max(0, m.baseWorkRate - config.outcomes.measureEffect)),
    referencePrice: Float64Array.from(market.measureTypes, (m) => m.referencePrice),
    variableCostFactor: 1 - policy.dataSharing * effects.dataSharing.variableCostReduction,
    bidCost: behaviour.bidCost * (1 + policy.innovativeProcurement * effects.innovativeProcurement.bidCostIncrease),
    qualityGain:
      policy.innovativeProcurement * effects.innovativeProcurement.qualityGain + policy.coCreation * effects.coCreation.qualityGain,
    learningRate: Math.min(1, behaviour.competenceLearningRate * (1 + policy.coCreation * effects.coCreation.learningRateGain)),
    scoringIncentive: 1 - policy.priceWeight,
    outcomeQualityResponse: effects.outcomePayment.qualityResponse,
    demandSigma: Math.sqrt(2 * (macroVar + cellVar)),
    macroVariance: macroVar,
    cellVariance: cellVar,
    demandRiskByCells: Float64Array.from({ length: market.regions.length * market.measureTypes.length + 1 }, (_, cells) =>
      demandRisk(macroVar, cellVar, cells),
    ),
    callOffCode: CallOffCode[market.allocationRule],
    entrantCapacity: entrantWeight > 0 ? entrantCapacity / entrantWeight : 0,
  };
}
