import { OUTCOME_METRICS, SERIES_METRICS } from '../model/metrics.js';
import type { SimulationResult } from '../model/result.js';
import { tidyRow, type TidyRow } from './tidyRow.js';

/** Unit of a series metric, or undefined for a name the library does not know. */
export function seriesUnit(metric: string): string | undefined {
  return Object.hasOwn(SERIES_METRICS, metric) ? SERIES_METRICS[metric as keyof typeof SERIES_METRICS].unit : undefined;
}

/** Unit of an outcome, or undefined for a name the library does not know. */
export function outcomeUnit(metric: string): string | undefined {
  return Object.hasOwn(OUTCOME_METRICS, metric) ? OUTCOME_METRICS[metric as keyof typeof OUTCOME_METRICS].unit : undefined;
}

/**
 * One run as tidy rows (statistic `'value'`): first every series, period by period, with `period`
 * and `year` = period / periodsPerYear; then one row per outcome, without a period. Each row
 * carries the run's seed as text.
 * @example
 * const rows = runRows(simulate({}, 42));
 * rows[0]; // { policy: 'today', statistic: 'value', seed: '42', period: 0, year: 0, metric: 'hhi', unit: 'index 0-1', value: 0.05 }
 */
export function runRows(result: SimulationResult): TidyRow[] {
  const seed = String(result.seed);
  const rows: TidyRow[] = [];
  for (const [metric, values] of Object.entries(result.series)) {
    const unit = seriesUnit(metric);
    values.forEach((value, period) => {
      rows.push(tidyRow({ policy: result.policy, statistic: 'value', seed, period, year: period / result.periodsPerYear, metric, unit, value }));
    });
  }
  for (const [metric, value] of Object.entries(result.outcomes)) {
    rows.push(tidyRow({ policy: result.policy, statistic: 'value', seed, metric, unit: outcomeUnit(metric), value }));
  }
  return rows;
}
