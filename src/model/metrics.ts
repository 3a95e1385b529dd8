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
  smallCohortSurvival: { unit: 'share 0-1', description: 'share of the suppliers small at policy start (outcomes.smallCohort: by default too small to take a median lot alone) still operating (1 if the cohort is empty)' },
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
  additionalTransitions: { unit: 'persons', description: 'transitions above the work rate without any measure (baseWorkRate - outcomes.measureEffect)' },
  transitionValue: { unit: 'NOK', description: 'additionalTransitions x outcomes.valuePerTransition' },
  nonProfitPaymentShare: { unit: 'share 0-1', description: 'share of tendered payments to non-profits' },
  lots: { unit: 'lots', description: 'lots under agreement' },
} as const satisfies Record<string, MetricInfo>;

/** Name of a per-period series. */
export type SeriesMetric = keyof typeof SERIES_METRICS;

/** Which direction of change counts as an improvement, from the question the library answers (competition, survival, cost, quality, work). */
export type Direction = 'higher' | 'lower' | 'neither';

/** An outcome's unit, meaning and which direction is better. */
export interface OutcomeInfo extends MetricInfo {
  readonly better: Direction;
}

/** Every scalar outcome a run returns: end-of-horizon states and per-year averages over the horizon. */
export const OUTCOME_METRICS = {
  activeSuppliers: { unit: 'suppliers', description: 'suppliers operating at the end of the horizon', better: 'higher' },
  tenderedSuppliers: { unit: 'suppliers', description: 'suppliers holding an agreement at the end', better: 'higher' },
  activeSmall: { unit: 'suppliers', description: 'small suppliers operating at the end', better: 'higher' },
  activeMedium: { unit: 'suppliers', description: 'medium suppliers operating at the end', better: 'neither' },
  activeLarge: { unit: 'suppliers', description: 'large suppliers operating at the end', better: 'neither' },
  activeForeignGroup: { unit: 'suppliers', description: 'foreign-group suppliers operating at the end', better: 'neither' },
  activeNorwegianGroup: { unit: 'suppliers', description: 'Norwegian-group suppliers operating at the end', better: 'neither' },
  activeStandalone: { unit: 'suppliers', description: 'standalone suppliers operating at the end', better: 'higher' },
  activeMunicipal: { unit: 'suppliers', description: 'municipal suppliers operating at the end', better: 'neither' },
  activeNonProfit: { unit: 'suppliers', description: 'non-profit suppliers operating at the end', better: 'higher' },
  hhi: { unit: 'index 0-1', description: 'HHI of tendered payments over the last year of the horizon (suppliers that exited count for what they received in that year)', better: 'lower' },
  top4Share: { unit: 'share 0-1', description: 'top-4 share of tendered payments over the last year', better: 'lower' },
  top15Share: { unit: 'share 0-1', description: 'top-15 share of tendered payments over the last year', better: 'lower' },
  nonProfitPaymentShare: { unit: 'share 0-1', description: 'non-profits\u2019 share of tendered payments over the last year', better: 'neither' },
  groupPaymentShare: { unit: 'share 0-1', description: 'share of tendered payments over the last year to groups, foreign and Norwegian (including the firms they acquired)', better: 'neither' },
  foreignGroupPaymentShare: { unit: 'share 0-1', description: 'share of tendered payments over the last year to foreign groups', better: 'neither' },
  smallCohortSize: { unit: 'suppliers', description: 'suppliers small at policy start (outcomes.smallCohort: by default too small to take a median lot of the lots then in force alone, even growing)', better: 'neither' },
  smallCohortSurvival: { unit: 'share 0-1', description: 'share of them still operating in the tendered market at the end (not exited for any cause)', better: 'higher' },
  smallCohortNotInsolvent: { unit: 'share 0-1', description: 'share of them not closed by insolvency during the horizon: still in the tendered market, or left it (or were acquired) and operate on other income; leaving is not closing', better: 'higher' },
  smallCohortSurvivalYear4: { unit: 'share 0-1', description: 'share of them still operating at the end of horizon year 4 (at the end of the horizon if it is shorter)', better: 'higher' },
  smallCohortSurvivalYear8: { unit: 'share 0-1', description: 'share of them still operating at the end of horizon year 8 (at the end of the horizon if it is shorter)', better: 'higher' },
  smallCohortSurvivalYear12: { unit: 'share 0-1', description: 'share of them still operating at the end of horizon year 12 (at the end of the horizon if it is shorter)', better: 'higher' },
  smallCohortInsolvencies: { unit: 'suppliers', description: 'of them, exited insolvent during the horizon', better: 'lower' },
  smallCohortVoluntaryExits: { unit: 'suppliers', description: 'of them, left voluntarily', better: 'lower' },
  smallCohortAcquired: { unit: 'suppliers', description: 'of them, acquired by a group', better: 'lower' },
  nonProfitCohortSize: { unit: 'suppliers', description: 'non-profits operating at policy start', better: 'neither' },
  nonProfitCohortSurvival: { unit: 'share 0-1', description: 'share of them still operating in the tendered market at the end (not exited for any cause)', better: 'higher' },
  nonProfitCohortNotInsolvent: { unit: 'share 0-1', description: 'share of them not closed by insolvency during the horizon (still in the market, or left it and operate on)', better: 'higher' },
  nonProfitCohortSurvivalYear4: { unit: 'share 0-1', description: 'share of them still operating at the end of horizon year 4 (at the end of the horizon if it is shorter)', better: 'higher' },
  nonProfitCohortSurvivalYear8: { unit: 'share 0-1', description: 'share of them still operating at the end of horizon year 8 (at the end of the horizon if it is shorter)', better: 'higher' },
  nonProfitCohortSurvivalYear12: { unit: 'share 0-1', description: 'share of them still operating at the end of horizon year 12 (at the end of the horizon if it is shorter)', better: 'higher' },
  nonProfitCohortInsolvencies: { unit: 'suppliers', description: 'of them, exited insolvent', better: 'lower' },
  nonProfitCohortVoluntaryExits: { unit: 'suppliers', description: 'of them, left voluntarily', better: 'lower' },
  nonProfitCohortAcquired: { unit: 'suppliers', description: 'of them, acquired', better: 'lower' },
  entriesPerYear: { unit: 'suppliers per year', description: 'entries, mean over the horizon', better: 'neither' },
  exitsPerYear: { unit: 'suppliers per year', description: 'exits of every cause, mean over the horizon', better: 'lower' },
  insolvenciesPerYear: { unit: 'suppliers per year', description: 'insolvent exits per year', better: 'lower' },
  insolvencyRate: { unit: 'share per year', description: 'insolvent exits per year over the mean number of operating suppliers in the horizon (compare: 1-1.5 % a year for Norwegian limited companies, facts.md)', better: 'lower' },
  voluntaryExitsPerYear: { unit: 'suppliers per year', description: 'voluntary exits per year', better: 'neither' },
  acquisitionsPerYear: { unit: 'suppliers per year', description: 'acquisitions per year', better: 'lower' },
  meanMargin: { unit: 'share', description: 'mean operating margin over the last year, operating suppliers with revenue', better: 'neither' },
  mainIncomeMargin: { unit: 'share', description: 'mean operating margin over the last year of operating suppliers whose payments from the buyer are more than 40 % of their revenue (main-income providers as the report defines them, the population of the 7 % fact); 0 if there are none', better: 'neither' },
  mainIncomeMarginAggregate: { unit: 'share', description: 'aggregate operating margin of the same main-income providers: their summed profit over their summed revenue in the last year; 0 if there are none', better: 'neither' },
  mainIncomeCohortSize: { unit: 'suppliers', description: 'suppliers with the buyer as their main income (more than 40 % of revenue) when the policy starts: the margin cohort', better: 'neither' },
  mainIncomeCohortMargin: { unit: 'share', description: 'mean operating margin over the last year of the margin cohort members still operating with revenue, whatever their income mix by then (a population fixed at policy start, unlike mainIncomeMargin); 0 if there are none', better: 'neither' },
  mainIncomeCohortMarginAggregate: { unit: 'share', description: 'aggregate operating margin of the same cohort members: summed profit over summed revenue in the last year; 0 if there are none', better: 'neither' },
  marginP10: { unit: 'share', description: '10th percentile of that margin across suppliers', better: 'neither' },
  marginP50: { unit: 'share', description: 'median margin', better: 'neither' },
  marginP90: { unit: 'share', description: '90th percentile of margin', better: 'neither' },
  lossShare: { unit: 'share 0-1', description: 'share of operating suppliers with a loss over the last year', better: 'lower' },
  buyerCostPerYear: { unit: 'NOK per year', description: 'buyer cost (call-offs + guarantees), mean over the horizon', better: 'lower' },
  costPerParticipantWeek: { unit: 'NOK per participant-week', description: 'buyer cost / participant-weeks served over the horizon', better: 'lower' },
  guaranteePaymentsPerYear: { unit: 'NOK per year', description: 'payments for unused guaranteed capacity', better: 'lower' },
  participantWeeksPerYear: { unit: 'participant-weeks per year', description: 'demand served', better: 'neither' },
  unservedShare: { unit: 'share 0-1', description: 'unserved / total demand over the horizon', better: 'lower' },
  meanQuality: { unit: 'index 0-1', description: 'quality weighted by participant-weeks over the horizon', better: 'higher' },
  transitionsPerYear: { unit: 'persons per year', description: 'expected transitions to work', better: 'higher' },
  additionalTransitionsPerYear: { unit: 'persons per year', description: 'transitions above the work rate without any measure', better: 'higher' },
  transitionValuePerYear: { unit: 'NOK per year', description: 'societal value of the additional transitions', better: 'higher' },
  netBenefitPerYear: {
    unit: 'NOK per year',
    description: 'value of the additional transitions minus what the buyer pays, counted with the marginal cost of public funds: transitionValuePerYear - (1 + outcomes.marginalCostOfPublicFunds) x buyerCostPerYear',
    better: 'higher',
  },
  lots: { unit: 'lots', description: 'lots under agreement at the end', better: 'neither' },
} as const satisfies Record<string, OutcomeInfo>;

/** Name of a scalar outcome. */
export type OutcomeMetric = keyof typeof OUTCOME_METRICS;
