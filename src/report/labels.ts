import { OUTCOME_METRICS, SERIES_METRICS, type OutcomeMetric, type SeriesMetric } from '../model/metrics.js';

/**
 * Short plain-words names of the outcomes, for chart titles and axes (the units are in
 * OUTCOME_METRICS). End-of-horizon states say "at the end"; yearly means say "per year".
 * @example OUTCOME_LABELS.smallCohortSurvival // 'Small suppliers still operating at the end'
 */
export const OUTCOME_LABELS = {
  activeSuppliers: 'Suppliers operating at the end',
  tenderedSuppliers: 'Suppliers holding an agreement at the end',
  activeSmall: 'Suppliers in the small size class (revenue) at the end',
  activeMedium: 'Medium suppliers at the end',
  activeLarge: 'Large suppliers at the end',
  activeForeignGroup: 'Foreign-group suppliers at the end',
  activeNorwegianGroup: 'Norwegian-group suppliers at the end',
  activeStandalone: 'Standalone suppliers at the end',
  activeMunicipal: 'Municipal suppliers at the end',
  activeNonProfit: 'Non-profit suppliers at the end',
  hhi: 'Concentration of payments (HHI), last year',
  top4Share: 'Top-4 share of payments, last year',
  top15Share: 'Top-15 share of payments, last year',
  nonProfitPaymentShare: 'Non-profits\u2019 share of payments, last year',
  groupPaymentShare: 'Groups\u2019 share of payments, last year',
  foreignGroupPaymentShare: 'Foreign groups\u2019 share of payments, last year',
  smallCohortSize: 'Small suppliers at policy start',
  smallCohortSurvival: 'Small suppliers still operating at the end',
  smallCohortNotInsolvent: 'Small suppliers not closed by insolvency',
  smallCohortSurvivalYear4: 'Small suppliers still operating after 4 years',
  smallCohortSurvivalYear8: 'Small suppliers still operating after 8 years',
  smallCohortSurvivalYear12: 'Small suppliers still operating after 12 years',
  smallCohortInsolvencies: 'Small suppliers gone insolvent',
  smallCohortVoluntaryExits: 'Small suppliers that left',
  smallCohortAcquired: 'Small suppliers acquired',
  nonProfitCohortSize: 'Non-profits at policy start',
  nonProfitCohortSurvival: 'Non-profits still operating at the end',
  nonProfitCohortSurvivalYear4: 'Non-profits still operating after 4 years',
  nonProfitCohortSurvivalYear8: 'Non-profits still operating after 8 years',
  nonProfitCohortSurvivalYear12: 'Non-profits still operating after 12 years',
  nonProfitCohortInsolvencies: 'Non-profits gone insolvent',
  nonProfitCohortNotInsolvent: 'Non-profits not closed by insolvency',
  nonProfitCohortVoluntaryExits: 'Non-profits that left',
  nonProfitCohortAcquired: 'Non-profits acquired',
  entriesPerYear: 'New suppliers per year',
  exitsPerYear: 'Exits per year',
  insolvenciesPerYear: 'Insolvencies per year',
  insolvencyRate: 'Insolvencies per year, share of operating suppliers',
  voluntaryExitsPerYear: 'Voluntary exits per year',
  acquisitionsPerYear: 'Acquisitions per year',
  meanMargin: 'Mean operating margin, last year',
  mainIncomeMargin: 'Mean operating margin of main-income providers (> 40 % from the buyer), last year',
  mainIncomeMarginAggregate: 'Aggregate operating margin of main-income providers, last year',
  mainIncomeCohortSize: 'Main-income providers at policy start',
  mainIncomeCohortMargin: 'Mean operating margin of the providers main-income at policy start, last year',
  mainIncomeCohortMarginAggregate: 'Aggregate operating margin of the providers main-income at policy start, last year',
  marginP10: 'Operating margin, 10th percentile',
  marginP50: 'Operating margin, median',
  marginP90: 'Operating margin, 90th percentile',
  lossShare: 'Share of suppliers with a loss, last year',
  buyerCostPerYear: 'Buyer cost per year',
  costPerParticipantWeek: 'Cost per participant-week',
  guaranteePaymentsPerYear: 'Payments for unused guaranteed capacity per year',
  participantWeeksPerYear: 'Participant-weeks served per year',
  unservedShare: 'Share of demand unserved',
  meanQuality: 'Quality of delivery',
  transitionsPerYear: 'Transitions to work per year',
  additionalTransitionsPerYear: 'Additional transitions to work per year',
  transitionValuePerYear: 'Value of additional transitions per year',
  netBenefitPerYear: 'Net benefit per year',
  lots: 'Lots under agreement at the end',
} as const satisfies Record<OutcomeMetric, string>;

/**
 * Short plain-words names of the per-period series (the units are in SERIES_METRICS).
 * @example SERIES_LABELS.top15Share // 'Top-15 share of payments'
 */
export const SERIES_LABELS = {
  hhi: 'Concentration of payments (HHI)',
  paidSuppliers: 'Suppliers paid',
  top4Share: 'Top-4 share of payments',
  top15Share: 'Top-15 share of payments',
  activeSuppliers: 'Suppliers operating',
  tenderedSuppliers: 'Suppliers holding an agreement',
  activeSmall: 'Small suppliers',
  activeMedium: 'Medium suppliers',
  activeLarge: 'Large suppliers',
  activeForeignGroup: 'Foreign-group suppliers',
  activeNorwegianGroup: 'Norwegian-group suppliers',
  activeStandalone: 'Standalone suppliers',
  activeMunicipal: 'Municipal suppliers',
  activeNonProfit: 'Non-profit suppliers',
  smallCohortSurvival: 'Small suppliers (at policy start) still operating',
  nonProfitCohortSurvival: 'Non-profits (at policy start) still operating',
  entries: 'New suppliers',
  exitsInsolvency: 'Insolvencies',
  exitsVoluntary: 'Voluntary exits',
  exitsAcquired: 'Acquisitions',
  meanMargin: 'Mean operating margin',
  lossShare: 'Share of suppliers with a loss',
  buyerCost: 'Buyer cost',
  guaranteePayments: 'Payments for unused guaranteed capacity',
  participantWeeks: 'Participant-weeks served',
  demand: 'Demand',
  unservedDemand: 'Unserved demand',
  costPerParticipantWeek: 'Cost per participant-week',
  meanQuality: 'Quality of delivery',
  transitions: 'Transitions to work',
  additionalTransitions: 'Additional transitions to work',
  transitionValue: 'Value of additional transitions',
  nonProfitPaymentShare: 'Non-profits\u2019 share of payments',
  lots: 'Lots under agreement',
} as const satisfies Record<SeriesMetric, string>;

/**
 * An outcome's label with its unit, for an axis or a panel heading.
 * @example outcomeTitle('buyerCostPerYear') // 'Buyer cost per year (NOK per year)'
 */
export function outcomeTitle(metric: OutcomeMetric): string {
  return `${OUTCOME_LABELS[metric]} (${OUTCOME_METRICS[metric].unit})`;
}

/**
 * A series' label with its unit, for an axis or a panel heading.
 * @example seriesTitle('activeSuppliers') // 'Suppliers operating (suppliers)'
 */
export function seriesTitle(metric: SeriesMetric): string {
  return `${SERIES_LABELS[metric]} (${SERIES_METRICS[metric].unit})`;
}
