import type { OutcomeMetric } from '../model/metrics.js';

/**
 * The outcomes a report shows by default, one or two for each question the library answers:
 * competition (top-15 share, HHI, suppliers operating), survival (small suppliers, non-profits),
 * cost (buyer cost per year, cost per participant-week), quality, and work (additional transitions).
 * @example forestPlot(result, [...HEADLINE_OUTCOMES, 'lossShare']);
 */
export const HEADLINE_OUTCOMES: readonly OutcomeMetric[] = [
  'top15Share',
  'hhi',
  'activeSuppliers',
  'smallCohortSurvival',
  'nonProfitCohortSurvival',
  'buyerCostPerYear',
  'costPerParticipantWeek',
  'meanQuality',
  'additionalTransitionsPerYear',
];
