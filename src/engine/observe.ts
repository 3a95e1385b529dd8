import type { Config } from '../model/config.js';
import { OUTCOME_METRICS, SERIES_METRICS, type OutcomeMetric, type SeriesMetric } from '../model/metrics.js';
import { LEDGER_FIELD_NAMES, type RunLedger } from '../model/result.js';
import { herfindahl } from '../metrics/herfindahl.js';
import { quantileSorted } from '../metrics/quantile.js';
import { safeDivide } from '../metrics/safeDivide.js';
import { shareOf } from '../metrics/shareOf.js';
import { topShares } from '../metrics/topShares.js';
import { addTotals, emptyPeriodTotals, type PeriodTotals } from './callOff.js';
import { ExitCause, MAIN_INCOME_SHARE, MIN_REVENUE_FOR_MARGIN, Ownership, SizeCode } from './codes.js';
import type { MarketState } from './state.js';
import { medianLot } from './lotReach.js';
import { paidRoom, type Workspace } from './workspace.js';

const TOP_KS = [4, 15] as const;
const OWNERSHIP_SERIES = ['activeForeignGroup', 'activeNorwegianGroup', 'activeStandalone', 'activeMunicipal', 'activeNonProfit'] as const;
const SIZE_SERIES = ['activeSmall', 'activeMedium', 'activeLarge'] as const;

/**
 * Annual revenue of a supplier: its revenue over the last year, annualised when it has less than
 * a year of history; with no history yet, its potential (half its capacity used plus outside income).
 */
export function annualRevenue(state: MarketState, i: number, t: number): number {
  const s = state.s;
  const P = state.periodsPerYear;
  const history = Math.min(P, t - s.entryPeriod[i]! + 1);
  if (history <= 0) {
    return (0.5 * s.maxCapacity[i]! * (s.variableCost[i]! + s.capacityCost[i]!) + s.otherRevenueMean[i]!) * P;
  }
  return (s.revenueYear[i]! * P) / history;
}

/** Size class code of a supplier at the end of period t. */
export function sizeClassOf(state: MarketState, i: number, t: number, config: Config): number {
  const revenue = annualRevenue(state, i, t);
  const { smallBelow, largeFrom } = config.suppliers.sizeThresholds;
  return revenue < smallBelow ? SizeCode.small : revenue >= largeFrom ? SizeCode.large : SizeCode.medium;
}

/**
 * Whether operating supplier i belongs to the small-supplier cohort at the end of period `last`,
 * by the config's `outcomes.smallCohort` rule: capacity below a lot of `lot` participant-weeks a
 * period (the median lot in force), or annual revenue in the small size class. The capacity it has,
 * not what it could grow to: the cohort describes who is small, and must not move when an
 * experiment switches growth off or on (explain's lot-size mechanism does).
 */
export function inSmallCohort(state: MarketState, config: Config, i: number, last: number, lot: number): boolean {
  return config.outcomes.smallCohort === 'tooSmallForLot' ? state.s.maxCapacity[i]! < lot : sizeClassOf(state, i, last, config) === SizeCode.small;
}

/**
 * Fixes the cohorts followed over the horizon, as they are when the policy starts (before period
 * t): small suppliers (by `outcomes.smallCohort`), non-profits (survival), and main-income providers (margins: the report's 7 %
 * is for providers with the buyer's measures as more than 40 % of revenue, and a population fixed
 * at the start shows what a policy does to the firms that were there, where one re-selected each
 * year also shows who it lets in).
 */
export function markCohorts(state: MarketState, config: Config, t: number): void {
  const s = state.s;
  const lot = medianLot(state);
  for (let i = 0; i < state.n; i++) {
    const alive = s.alive[i] === 1;
    s.cohortSmall[i] = alive && inSmallCohort(state, config, i, t - 1, lot) ? 1 : 0;
    s.cohortNonProfit[i] = alive && s.ownership[i] === Ownership.nonProfit ? 1 : 0;
    s.cohortMainIncome[i] = alive && livesMainlyOnBuyer(state, i, t - 1) ? 1 : 0;
  }
}

/**
 * Whether supplier i lived mainly on the buyer's measures in the year ending with period `last`:
 * the buyer's payments over 40 % of its revenue (MAIN_INCOME_SHARE, the report's definition), for
 * a revenue large enough to compute a margin on.
 */
export function livesMainlyOnBuyer(state: MarketState, i: number, last: number): boolean {
  const revenue = state.s.revenueYear[i]!;
  return revenue >= MIN_REVENUE_FOR_MARGIN && receiptsInLastYear(state, i, last) > MAIN_INCOME_SHARE * revenue;
}

/** Per-period series and horizon totals, filled period by period. */
export interface Recorder {
  readonly horizonPeriods: number;
  readonly series: Record<SeriesMetric, Float64Array>;
  readonly horizon: PeriodTotals;
  /** Sizes of the cohorts followed (fixed when the policy starts; see {@link markCohorts}). */
  readonly smallCohortSize: number;
  readonly nonProfitCohortSize: number;
  lastEntries: number;
  lastInsolvencies: number;
  lastVoluntary: number;
  lastAcquisitions: number;
}

/** An empty recorder for a horizon of `horizonPeriods` periods. */
export function createRecorder(state: MarketState, horizonPeriods: number): Recorder {
  const series = {} as Record<SeriesMetric, Float64Array>;
  for (const k of Object.keys(SERIES_METRICS) as SeriesMetric[]) series[k] = new Float64Array(horizonPeriods);
  const l = state.ledger;
  return {
    horizonPeriods,
    series,
    horizon: emptyPeriodTotals(),
    smallCohortSize: count(state.s.cohortSmall, state.n),
    nonProfitCohortSize: count(state.s.cohortNonProfit, state.n),
    lastEntries: l.entries,
    lastInsolvencies: l.insolvencies,
    lastVoluntary: l.voluntaryExits,
    lastAcquisitions: l.acquisitions,
  };
}

/** Share of a cohort of `size` suppliers still active, `alive` of them (1 for an empty cohort). */
function survivalShare(size: number, alive: number): number {
  return size > 0 ? alive / size : 1;
}

/** Records horizon period h (absolute period t), after it has run; `ws` is the run's working memory. */
export function recordPeriod(rec: Recorder, state: MarketState, ws: Workspace, config: Config, totals: PeriodTotals, h: number, t: number): void {
  const s = state.s;
  const x = rec.series;
  let active = 0;
  let tendered = 0;
  let marginSum = 0;
  let marginCount = 0;
  let losses = 0;
  let nonProfitPaid = 0;
  let paid = 0;
  let paidSuppliers = 0;
  const bySize = [0, 0, 0];
  const byOwner = [0, 0, 0, 0, 0];
  const { receipts, ownership, alive, contracts, revenueYear, profitYear, cohortSmall, cohortNonProfit, operating } = s;
  const listed = state.operatingCount;
  // Cohort survivors, as cohortSurvival counts them, gathered in the same pass.
  let smallAlive = 0;
  let nonProfitAlive = 0;
  // Positive receipts, compacted in supplier order: concentration needs only them, in this order.
  // The walk is over the operating list, which still holds the period's exits (they were paid in
  // it); suppliers that left before it began were paid nothing, and cannot add to any sum here.
  const paidValues = paidRoom(ws, listed);
  for (let k = 0; k < listed; k++) {
    const i = operating[k]!;
    if (alive[i] === 1) {
      smallAlive += cohortSmall[i]!;
      nonProfitAlive += cohortNonProfit[i]!;
    }
    const r = receipts[i]!;
    paid += r;
    if (r > 0) paidValues[paidSuppliers++] = r;
    if (ownership[i] === Ownership.nonProfit) nonProfitPaid += r;
    if (alive[i] !== 1) continue;
    active++;
    if (contracts[i]! > 0) tendered++;
    bySize[sizeClassOf(state, i, t, config)]!++;
    byOwner[ownership[i]!]!++;
    const revenue = revenueYear[i]!;
    const profit = profitYear[i]!;
    if (revenue >= MIN_REVENUE_FOR_MARGIN) {
      marginSum += profit / revenue;
      marginCount++;
    }
    if (profit < 0) losses++;
  }
  x.paidSuppliers[h] = paidSuppliers;
  x.hhi[h] = herfindahl(paidValues, paidSuppliers);
  const [top4, top15] = topShares(paidValues, TOP_KS, paidSuppliers);
  x.top4Share[h] = top4!;
  x.top15Share[h] = top15!;
  x.activeSuppliers[h] = active;
  x.tenderedSuppliers[h] = tendered;
  SIZE_SERIES.forEach((k, c) => (x[k][h] = bySize[c]!));
  OWNERSHIP_SERIES.forEach((k, o) => (x[k][h] = byOwner[o]!));
  x.smallCohortSurvival[h] = survivalShare(rec.smallCohortSize, smallAlive);
  x.nonProfitCohortSurvival[h] = survivalShare(rec.nonProfitCohortSize, nonProfitAlive);
  const l = state.ledger;
  x.entries[h] = l.entries - rec.lastEntries;
  x.exitsInsolvency[h] = l.insolvencies - rec.lastInsolvencies;
  x.exitsVoluntary[h] = l.voluntaryExits - rec.lastVoluntary;
  x.exitsAcquired[h] = l.acquisitions - rec.lastAcquisitions;
  rec.lastEntries = l.entries;
  rec.lastInsolvencies = l.insolvencies;
  rec.lastVoluntary = l.voluntaryExits;
  rec.lastAcquisitions = l.acquisitions;
  x.meanMargin[h] = safeDivide(marginSum, marginCount);
  x.lossShare[h] = shareOf(losses, active);
  x.buyerCost[h] = totals.buyerPaid;
  x.guaranteePayments[h] = totals.guaranteePaid;
  x.participantWeeks[h] = totals.served;
  x.demand[h] = totals.demand;
  x.unservedDemand[h] = totals.unserved;
  x.costPerParticipantWeek[h] = safeDivide(totals.buyerPaid, totals.served);
  x.meanQuality[h] = shareOf(totals.qualityWeeks, totals.served);
  x.transitions[h] = totals.transitions;
  x.additionalTransitions[h] = totals.additionalTransitions;
  x.transitionValue[h] = totals.additionalTransitions * config.outcomes.valuePerTransition;
  x.nonProfitPaymentShare[h] = shareOf(nonProfitPaid, paid);
  let lots = 0;
  for (let c = 0; c < state.cellLotCount.length; c++) lots += state.cellLotCount[c]!;
  x.lots[h] = lots;
  addTotals(rec.horizon, totals);
}

function cohortExits(state: MarketState, flags: Uint8Array, cause: number): number {
  let count = 0;
  for (let i = 0; i < state.n; i++) if (flags[i] === 1 && state.s.alive[i] === 0 && state.s.exitCause[i] === cause) count++;
  return count;
}

/** Share of a cohort not closed by insolvency (1 for an empty cohort): leaving the market or being acquired is not closing. */
function notInsolvent(state: MarketState, flags: Uint8Array): number {
  return survivalShare(count(flags, state.n), count(flags, state.n) - cohortExits(state, flags, ExitCause.insolvency));
}

function count(flags: Uint8Array, n: number): number {
  let c = 0;
  for (let i = 0; i < n; i++) c += flags[i]!;
  return c;
}

/**
 * What supplier i received from the buyer in the year ending with period `last`. An operating
 * supplier's rolling sum is current; for one that exited in period e, only the part of its ring
 * buffer inside the year counts (periods max(last - P + 1, e - P + 1) .. e).
 */
export function receiptsInLastYear(state: MarketState, i: number, last: number): number {
  const s = state.s;
  if (s.alive[i] === 1) return s.receiptsYear[i]!;
  const P = state.periodsPerYear;
  const exit = s.exitPeriod[i]!;
  let sum = 0;
  for (let p = Math.max(last - P + 1, exit - P + 1, 0); p <= exit; p++) sum += s.receiptsRing[i * P + (p % P)]!;
  return sum;
}

/**
 * The horizon period that ends horizon year `year` (1-based years: year 4 ends with period
 * 4 x periodsPerYear - 1), or the last horizon period when the horizon is shorter. Cohort
 * survival at a checkpoint is the survival series at this period.
 * @example survivalCheckpoint(4, 48, 4) // 15; survivalCheckpoint(12, 20, 4) // 19
 */
export function survivalCheckpoint(year: number, horizonPeriods: number, periodsPerYear: number): number {
  return Math.min(year * periodsPerYear, horizonPeriods) - 1;
}

/** End-of-horizon outcomes from the recorder and the final state. */
export function outcomesOf(rec: Recorder, state: MarketState, config: Config): Record<OutcomeMetric, number> {
  const s = state.s;
  const last = rec.horizonPeriods - 1;
  const x = rec.series;
  const years = rec.horizonPeriods / state.periodsPerYear;
  const sum = (k: SeriesMetric) => x[k].reduce((a, b) => a + b, 0);
  const margins: number[] = [];
  let mainIncomeMarginSum = 0;
  let mainIncomeCount = 0;
  let mainIncomeProfit = 0;
  let mainIncomeRevenue = 0;
  let cohortMarginSum = 0;
  let cohortCount = 0;
  let cohortProfit = 0;
  let cohortRevenue = 0;
  let nonProfitPaid = 0;
  let groupPaid = 0;
  let foreignGroupPaid = 0;
  let paid = 0;
  const lastYear = new Float64Array(state.n);
  const lastPeriod = state.period - 1;
  for (let i = 0; i < state.n; i++) {
    const r = receiptsInLastYear(state, i, lastPeriod);
    lastYear[i] = r;
    if (r > 0) {
      paid += r;
      if (s.ownership[i] === Ownership.nonProfit) nonProfitPaid += r;
      if (s.ownership[i] === Ownership.foreignGroup) foreignGroupPaid += r;
      if (s.ownership[i] === Ownership.foreignGroup || s.ownership[i] === Ownership.norwegianGroup) groupPaid += r;
    }
    if (s.alive[i] === 1 && s.revenueYear[i]! >= MIN_REVENUE_FOR_MARGIN) {
      const margin = s.profitYear[i]! / s.revenueYear[i]!;
      margins.push(margin);
      // The 7 % fact is about providers with the buyer's measures as their main income (> 40 %).
      if (r > MAIN_INCOME_SHARE * s.revenueYear[i]!) {
        mainIncomeMarginSum += margin;
        mainIncomeCount++;
        mainIncomeProfit += s.profitYear[i]!;
        mainIncomeRevenue += s.revenueYear[i]!;
      }
      if (s.cohortMainIncome[i] === 1) {
        cohortMarginSum += margin;
        cohortCount++;
        cohortProfit += s.profitYear[i]!;
        cohortRevenue += s.revenueYear[i]!;
      }
    }
  }
  margins.sort((a, b) => a - b);
  const [top4, top15] = topShares(lastYear, TOP_KS, state.n);
  const H = rec.horizon;
  const at = (year: number) => survivalCheckpoint(year, rec.horizonPeriods, state.periodsPerYear);
  const outcomes: Record<OutcomeMetric, number> = {
    activeSuppliers: x.activeSuppliers[last]!,
    tenderedSuppliers: x.tenderedSuppliers[last]!,
    activeSmall: x.activeSmall[last]!,
    activeMedium: x.activeMedium[last]!,
    activeLarge: x.activeLarge[last]!,
    activeForeignGroup: x.activeForeignGroup[last]!,
    activeNorwegianGroup: x.activeNorwegianGroup[last]!,
    activeStandalone: x.activeStandalone[last]!,
    activeMunicipal: x.activeMunicipal[last]!,
    activeNonProfit: x.activeNonProfit[last]!,
    hhi: herfindahl(lastYear, state.n),
    top4Share: top4!,
    top15Share: top15!,
    nonProfitPaymentShare: shareOf(nonProfitPaid, paid),
    groupPaymentShare: shareOf(groupPaid, paid),
    foreignGroupPaymentShare: shareOf(foreignGroupPaid, paid),
    smallCohortSize: count(s.cohortSmall, state.n),
    smallCohortSurvival: x.smallCohortSurvival[last]!,
    smallCohortNotInsolvent: notInsolvent(state, s.cohortSmall),
    smallCohortSurvivalYear4: x.smallCohortSurvival[at(4)]!,
    smallCohortSurvivalYear8: x.smallCohortSurvival[at(8)]!,
    smallCohortSurvivalYear12: x.smallCohortSurvival[at(12)]!,
    smallCohortInsolvencies: cohortExits(state, s.cohortSmall, ExitCause.insolvency),
    smallCohortVoluntaryExits: cohortExits(state, s.cohortSmall, ExitCause.voluntary),
    smallCohortAcquired: cohortExits(state, s.cohortSmall, ExitCause.acquired),
    nonProfitCohortSize: count(s.cohortNonProfit, state.n),
    nonProfitCohortSurvival: x.nonProfitCohortSurvival[last]!,
    nonProfitCohortNotInsolvent: notInsolvent(state, s.cohortNonProfit),
    nonProfitCohortSurvivalYear4: x.nonProfitCohortSurvival[at(4)]!,
    nonProfitCohortSurvivalYear8: x.nonProfitCohortSurvival[at(8)]!,
    nonProfitCohortSurvivalYear12: x.nonProfitCohortSurvival[at(12)]!,
    nonProfitCohortInsolvencies: cohortExits(state, s.cohortNonProfit, ExitCause.insolvency),
    nonProfitCohortVoluntaryExits: cohortExits(state, s.cohortNonProfit, ExitCause.voluntary),
    nonProfitCohortAcquired: cohortExits(state, s.cohortNonProfit, ExitCause.acquired),
    entriesPerYear: sum('entries') / years,
    exitsPerYear: (sum('exitsInsolvency') + sum('exitsVoluntary') + sum('exitsAcquired')) / years,
    insolvenciesPerYear: sum('exitsInsolvency') / years,
    insolvencyRate: safeDivide(sum('exitsInsolvency') / years, sum('activeSuppliers') / rec.horizonPeriods),
    voluntaryExitsPerYear: sum('exitsVoluntary') / years,
    acquisitionsPerYear: sum('exitsAcquired') / years,
    meanMargin: x.meanMargin[last]!,
    mainIncomeMargin: safeDivide(mainIncomeMarginSum, mainIncomeCount),
    mainIncomeMarginAggregate: safeDivide(mainIncomeProfit, mainIncomeRevenue),
    mainIncomeCohortSize: count(s.cohortMainIncome, state.n),
    mainIncomeCohortMargin: safeDivide(cohortMarginSum, cohortCount),
    mainIncomeCohortMarginAggregate: safeDivide(cohortProfit, cohortRevenue),
    marginP10: quantileSorted(margins, 0.1),
    marginP50: quantileSorted(margins, 0.5),
    marginP90: quantileSorted(margins, 0.9),
    lossShare: x.lossShare[last]!,
    buyerCostPerYear: H.buyerPaid / years,
    costPerParticipantWeek: safeDivide(H.buyerPaid, H.served),
    guaranteePaymentsPerYear: H.guaranteePaid / years,
    participantWeeksPerYear: H.served / years,
    unservedShare: shareOf(H.unserved, H.demand),
    meanQuality: shareOf(H.qualityWeeks, H.served),
    transitionsPerYear: H.transitions / years,
    additionalTransitionsPerYear: H.additionalTransitions / years,
    transitionValuePerYear: (H.additionalTransitions * config.outcomes.valuePerTransition) / years,
    // What the buyer pays is raised in taxes, at the marginal cost of public funds on top.
    netBenefitPerYear: (H.additionalTransitions * config.outcomes.valuePerTransition - (1 + config.outcomes.marginalCostOfPublicFunds) * H.buyerPaid) / years,
    lots: x.lots[last]!,
  };
  for (const k of Object.keys(OUTCOME_METRICS) as OutcomeMetric[]) {
    if (!Number.isFinite(outcomes[k])) throw new Error(`internal error: outcome ${k} is not finite`);
  }
  return outcomes;
}

/** The run's ledger in result form: the running totals, and the fields counted at the end. */
export function ledgerOf(state: MarketState, initialSuppliers: number): RunLedger {
  let cashAtEnd = 0;
  let activeAtEnd = 0;
  for (let i = 0; i < state.n; i++) {
    cashAtEnd += state.s.cash[i]!;
    activeAtEnd += state.s.alive[i]!;
  }
  const values: RunLedger = { ...state.ledger, cashAtEnd, initialSuppliers, activeAtEnd };
  // Listed in the order of LEDGER_FIELDS, where the counts at the end sit among the running totals.
  const ledger = {} as RunLedger;
  for (const k of LEDGER_FIELD_NAMES) ledger[k] = values[k];
  return ledger;
}
