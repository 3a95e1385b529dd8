/** What a metric measures and in which unit; shown in docs and attached to tidy rows later. */
export interface MetricInfo {
  readonly unit: string;
  readonly description: string;
}

/** Every per-period series a run returns. Each value is measured in (or at the end of) one horizon period. */
export const SERIES_METRICS = {
  hhi: { unit: 'index 0-1', description: 'Herfindahl-Hirschman index of tendered payments (call-offs + guarantees) in the period; 0 if nothing was paid' },
  paidSuppliers: { unit: 'suppliers', description: 'suppliers paid anything by the buyer in the period (the n of the HHI)' },
  top4Share: { unit: 'share 0-1', description: 'share of tendered payments to the 4 largest recipients' },
  top15Share: { unit: 'share 0-1', description: 'share of tendered payments to the 15 largest recipients' },
  activeSuppliers: { unit: 'suppliers', description: 'suppliers still operating' },
  tenderedSuppliers: { unit: 'suppliers', description: 'operating suppliers holding at least one agreement' },
  activeSmall: { unit: 'suppliers', description: 'operating suppliers with annual revenue below suppliers.sizeThresholds.smallBelow' },
  activeMedium: { unit: 'suppliers', description: 'operating suppliers between the small and large thresholds' },
  activeLarge: { unit: 'suppliers', description: 'operating suppliers with annual revenue from suppliers.sizeThresholds.largeFrom' },
  activeForeignGroup: { unit: 'suppliers', description: 'operating foreign-group suppliers' },
  activeNorwegianGroup: { unit: 'suppliers', description: 'operating Norwegian-group suppliers' },
  activeStandalone: { unit: 'suppliers', description: 'operating standalone companies' },
  activeMunicipal: { unit: 'suppliers', description: 'operating municipally owned suppliers' },
  activeNonProfit: { unit: 'suppliers', description: 'operating non-profit suppliers' },
  smallCohortSurvival: { unit: 'share 0-1', description: 'share of the suppliers small at policy start still operating (1 if the cohort is empty)' },
  nonProfitCohortSurvival: { unit: 'share 0-1', description: 'share of the non-profits operating at policy start still operating (1 if the cohort is empty)' },
  entries: { unit: 'suppliers', description: 'new suppliers entering in the period' },
  exitsInsolvency: { unit: 'suppliers', description: 'exits because cash ran out' },
  exitsVoluntary: { unit: 'suppliers', description: 'exits after a long period without agreements' },
  exitsAcquired: { unit: 'suppliers', description: 'suppliers acquired by a group' },
  meanMargin: { unit: 'share', description: 'mean operating margin over the last year of operating suppliers with revenue' },
  lossShare: { unit: 'share 0-1', description: 'share of operating suppliers with a loss over the last year' },
  buyerCost: { unit: 'NOK', description: 'what the buyer paid suppliers: call-offs plus guarantee payments' },
  guaranteePayments: { unit: 'NOK', description: 'payments for guaranteed but unused capacity' },
  participantWeeks: { unit: 'participant-weeks', description: 'demand served' },
  demand: { unit: 'participant-weeks', description: 'demand that arose' },
  unservedDemand: { unit: 'participant-weeks', description: 'demand left unserved for lack of contracted capacity' },
  costPerParticipantWeek: { unit: 'NOK per participant-week', description: 'buyer cost / participant-weeks served (0 if none served)' },
  meanQuality: { unit: 'index 0-1', description: 'quality of delivery, weighted by participant-weeks served (0 if none served)' },
  transitions: { unit: 'persons', description: 'expected participants moving into work after their measure' },
  transitionValue: { unit: 'NOK', description: 'transitions x outcomes.valuePerTransition' },
  nonProfitPaymentShare: { unit: 'share 0-1', description: 'share of tendered payments to non-profits' },
  lots: { unit: 'lots', description: 'lots under agreement' },
} as const satisfies Record<string, MetricInfo>;

/** Name of a per-period series. */
export type SeriesMetric = keyof typeof SERIES_METRICS;

/** Every scalar outcome a run returns: end-of-horizon states and per-year averages over the horizon. */
export const OUTCOME_METRICS = {
  activeSuppliers: { unit: 'suppliers', description: 'suppliers operating at the end of the horizon' },
  tenderedSuppliers: { unit: 'suppliers', description: 'suppliers holding an agreement at the end' },
  activeSmall: { unit: 'suppliers', description: 'small suppliers operating at the end' },
  activeMedium: { unit: 'suppliers', description: 'medium suppliers operating at the end' },
  activeLarge: { unit: 'suppliers', description: 'large suppliers operating at the end' },
  activeForeignGroup: { unit: 'suppliers', description: 'foreign-group suppliers operating at the end' },
  activeNorwegianGroup: { unit: 'suppliers', description: 'Norwegian-group suppliers operating at the end' },
  activeStandalone: { unit: 'suppliers', description: 'standalone suppliers operating at the end' },
  activeMunicipal: { unit: 'suppliers', description: 'municipal suppliers operating at the end' },
  activeNonProfit: { unit: 'suppliers', description: 'non-profit suppliers operating at the end' },
  hhi: { unit: 'index 0-1', description: 'HHI of tendered payments over the last year of the horizon' },
  top4Share: { unit: 'share 0-1', description: 'top-4 share of tendered payments over the last year' },
  top15Share: { unit: 'share 0-1', description: 'top-15 share of tendered payments over the last year' },
  nonProfitPaymentShare: { unit: 'share 0-1', description: 'non-profits\u2019 share of tendered payments over the last year' },
  smallCohortSize: { unit: 'suppliers', description: 'suppliers small at policy start' },
  smallCohortSurvival: { unit: 'share 0-1', description: 'share of them still operating at the end' },
  smallCohortInsolvencies: { unit: 'suppliers', description: 'of them, exited insolvent during the horizon' },
  smallCohortVoluntaryExits: { unit: 'suppliers', description: 'of them, left voluntarily' },
  smallCohortAcquired: { unit: 'suppliers', description: 'of them, acquired by a group' },
  nonProfitCohortSize: { unit: 'suppliers', description: 'non-profits operating at policy start' },
  nonProfitCohortSurvival: { unit: 'share 0-1', description: 'share of them still operating at the end' },
  nonProfitCohortInsolvencies: { unit: 'suppliers', description: 'of them, exited insolvent' },
  nonProfitCohortVoluntaryExits: { unit: 'suppliers', description: 'of them, left voluntarily' },
  nonProfitCohortAcquired: { unit: 'suppliers', description: 'of them, acquired' },
  entriesPerYear: { unit: 'suppliers per year', description: 'entries, mean over the horizon' },
  exitsPerYear: { unit: 'suppliers per year', description: 'exits of every cause, mean over the horizon' },
  insolvenciesPerYear: { unit: 'suppliers per year', description: 'insolvent exits per year' },
  voluntaryExitsPerYear: { unit: 'suppliers per year', description: 'voluntary exits per year' },
  acquisitionsPerYear: { unit: 'suppliers per year', description: 'acquisitions per year' },
  meanMargin: { unit: 'share', description: 'mean operating margin over the last year, operating suppliers with revenue' },
  marginP10: { unit: 'share', description: '10th percentile of that margin across suppliers' },
  marginP50: { unit: 'share', description: 'median margin' },
  marginP90: { unit: 'share', description: '90th percentile of margin' },
  lossShare: { unit: 'share 0-1', description: 'share of operating suppliers with a loss over the last year' },
  buyerCostPerYear: { unit: 'NOK per year', description: 'buyer cost (call-offs + guarantees), mean over the horizon' },
  costPerParticipantWeek: { unit: 'NOK per participant-week', description: 'buyer cost / participant-weeks served over the horizon' },
  guaranteePaymentsPerYear: { unit: 'NOK per year', description: 'payments for unused guaranteed capacity' },
  participantWeeksPerYear: { unit: 'participant-weeks per year', description: 'demand served' },
  unservedShare: { unit: 'share 0-1', description: 'unserved / total demand over the horizon' },
  meanQuality: { unit: 'index 0-1', description: 'quality weighted by participant-weeks over the horizon' },
  transitionsPerYear: { unit: 'persons per year', description: 'expected transitions to work' },
  transitionValuePerYear: { unit: 'NOK per year', description: 'their societal value' },
  lots: { unit: 'lots', description: 'lots under agreement at the end' },
} as const satisfies Record<string, MetricInfo>;

/** Name of a scalar outcome. */
export type OutcomeMetric = keyof typeof OUTCOME_METRICS;
