import type { OutcomeMetric } from '../model/metrics.js';

/**
 * The outcomes a report shows by default, one or two for each question the library answers:
 * competition (top-15 share, HHI, suppliers operating and holding agreements), survival (small
 * suppliers, non-profits), cost (unserved demand, buyer cost per year and per participant-week,
 * guarantee payments: what a policy costs is always shown next to what it gains), quality, and
 * work (additional transitions).
 * @example forestPlot(result, [...HEADLINE_OUTCOMES, 'lossShare']);
 */
export const HEADLINE_OUTCOMES: readonly OutcomeMetric[] = [
  'top15Share',
  'hhi',
  'activeSuppliers',
  'tenderedSuppliers',
  'smallCohortSurvival',
  'nonProfitCohortSurvival',
  'unservedShare',
  'buyerCostPerYear',
  'costPerParticipantWeek',
  'guaranteePaymentsPerYear',
  'meanQuality',
  'additionalTransitionsPerYear',
];
