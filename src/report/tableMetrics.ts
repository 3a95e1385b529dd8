import type { OutcomeMetric } from '../model/metrics.js';

/**
 * How a table shows a metric's numbers:
 * - `count`: whole units (suppliers), the change with one decimal;
 * - `percent`: a 0-1 share as a percentage, the change in percentage points;
 * - `hhiPoints`: an HHI on 0-1 shown on the 0-10 000 scale competition authorities use;
 * - `nok`: Norwegian kroner, whole kroner;
 * - `mnok`: Norwegian kroner shown in millions (MNOK), one decimal;
 * - `index`: a 0-1 index with three decimals;
 * - `perYear`: a yearly count (persons per year), whole units, the change with one decimal.
 */
export type TableFormat = 'count' | 'percent' | 'hhiPoints' | 'nok' | 'mnok' | 'index' | 'perYear';

/** One metric of the chapter-5 table: which outcome, how to call it and how to show it. */
export interface TableMetricSpec {
  readonly metric: OutcomeMetric;
  /** Heading of the metric in the table, e.g. "Small suppliers still operating after 4 years". */
  readonly label: string;
  /** The same as a noun phrase inside a sentence, e.g. "small-supplier survival after 4 years". */
  readonly phrase: string;
  readonly format: TableFormat;
  /**
   * Metrics of one family (the survival checkpoints of one cohort) tell one story; the narrative
   * mentions only the most-moved member of a family.
   */
  readonly family: string;
}

function survival(cohort: 'small' | 'nonProfit', year: number | 'end', horizonYears: number): TableMetricSpec {
  const years = year === 'end' ? horizonYears : year;
  const suffix = year === 'end' ? '' : `Year${year}`;
  const who = cohort === 'small' ? 'Small suppliers' : 'Non-profits';
  // The small cohort is whoever `outcomes.smallCohort` picks at the start (by default those too
  // small to take a median lot alone); the table names the cohort, the docs the rule.
  const start = cohort === 'small' ? 'cohort' : 'operating';
  return {
    metric: `${cohort}CohortSurvival${suffix}` as OutcomeMetric,
    label: `${who} (${start} at the start) still operating after ${years} years`,
    phrase: `${cohort === 'small' ? 'small-supplier' : 'non-profit'} survival after ${years} years`,
    format: 'percent',
    family: `${cohort}Survival`,
  };
}

/**
 * The survival checkpoints within a horizon: years 4, 8 and 12 when shorter than it, then its end.
 * @example survivalCheckpoints(12) // [4, 8, 'end']; survivalCheckpoints(20) // [4, 8, 12, 'end']
 */
export function survivalCheckpoints(horizonYears: number): Array<number | 'end'> {
  return [...[4, 8, 12].filter((y) => y < horizonYears), 'end'];
}

/**
 * The metrics of the chapter-5 table, in order, for a horizon of `horizonYears`: market structure
 * (active suppliers and those holding agreements, concentration), survival of the small and the
 * non-profit cohort at each checkpoint within the horizon ({@link survivalCheckpoints}), supplier
 * finances, what the buyer gets and pays (unserved demand, cost a year and per participant-week,
 * guarantee payments), quality and transitions to work. Every comparison shows the costs: a gain
 * bought with unserved demand or with the buyer's money is visible next to the gain.
 * @example
 * tableMetrics(12).map((m) => m.metric);
 * // ['activeSuppliers', 'tenderedSuppliers', 'top15Share', 'hhi', 'smallCohortSurvivalYear4', ...,
 * //  'unservedShare', 'buyerCostPerYear', 'costPerParticipantWeek', 'guaranteePaymentsPerYear', ..., 'transitionsPerYear']
 */
export function tableMetrics(horizonYears: number): TableMetricSpec[] {
  const checkpoints = survivalCheckpoints(horizonYears);
  return [
    { metric: 'activeSuppliers', label: 'Active suppliers at the end', phrase: 'the number of active suppliers', format: 'count', family: 'activeSuppliers' },
    { metric: 'tenderedSuppliers', label: 'Suppliers holding an agreement at the end', phrase: 'the number of suppliers holding an agreement', format: 'count', family: 'tenderedSuppliers' },
    { metric: 'top15Share', label: 'Top-15 share of payments, last year', phrase: 'the top-15 share of payments', format: 'percent', family: 'top15Share' },
    { metric: 'hhi', label: 'HHI of payments, last year (0-10 000)', phrase: 'the HHI', format: 'hhiPoints', family: 'hhi' },
    ...checkpoints.map((y) => survival('small', y, horizonYears)),
    ...checkpoints.map((y) => survival('nonProfit', y, horizonYears)),
    { metric: 'meanMargin', label: 'Mean operating margin, last year', phrase: 'the mean operating margin', format: 'percent', family: 'meanMargin' },
    { metric: 'lossShare', label: 'Suppliers making a loss, last year', phrase: 'the share of suppliers making a loss', format: 'percent', family: 'lossShare' },
    { metric: 'unservedShare', label: 'Demand left unserved', phrase: 'the share of demand left unserved', format: 'percent', family: 'unserved' },
    { metric: 'buyerCostPerYear', label: 'Buyer cost per year (call-offs and guarantees)', phrase: 'the buyer cost per year', format: 'mnok', family: 'buyerCost' },
    { metric: 'costPerParticipantWeek', label: 'Buyer cost per participant-week', phrase: 'the buyer cost per participant-week', format: 'nok', family: 'cost' },
    { metric: 'guaranteePaymentsPerYear', label: 'Guarantee payments per year (for unused capacity)', phrase: 'guarantee payments', format: 'mnok', family: 'guarantee' },
    { metric: 'meanQuality', label: 'Mean quality (index 0-1)', phrase: 'mean quality', format: 'index', family: 'meanQuality' },
    { metric: 'transitionsPerYear', label: 'Transitions to work per year', phrase: 'transitions to work', format: 'perYear', family: 'transitions' },
  ];
}
