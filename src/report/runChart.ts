import type { SimulationResult } from '../model/result.js';
import { SERIES_METRICS, type SeriesMetric } from '../model/metrics.js';
import { axisTitle, checkMetrics, metricFilter, PANEL, YEAR_AXIS } from './chartParts.js';
import { SERIES_LABELS } from './labels.js';
import { runRows } from './runRows.js';
import { vegaLiteSpec, type VegaLiteSpec } from './vegaLite.js';

/**
 * The series {@link runChart} shows by default: concentration, suppliers and the two cohorts' survival.
 * @example runChart(run, [...RUN_CHART_SERIES, 'buyerCost']);
 */
export const RUN_CHART_SERIES: readonly SeriesMetric[] = ['top15Share', 'activeSuppliers', 'smallCohortSurvival', 'nonProfitCohortSurvival'];

/**
 * One run's series over the horizon, one panel per series (two panels a row), each with its own
 * y axis in the series' unit. A single run has no interval: for bands, run an experiment.
 * @example runChart(simulate({}, 42), ['hhi', 'buyerCost']);
 */
export function runChart(result: SimulationResult, metrics: readonly SeriesMetric[] = RUN_CHART_SERIES): VegaLiteSpec {
  checkMetrics(metrics, 'series', 'runChart: metrics');
  const wanted = new Set<string>(metrics);
  return vegaLiteSpec({
    title: { text: `One run of ${result.policy}`, subtitle: `Seed ${String(result.seed)}` },
    data: { values: runRows(result).filter((r) => r.period !== undefined && wanted.has(r.metric)) },
    columns: 2,
    concat: metrics.map((metric) => ({
      ...PANEL,
      transform: [metricFilter(metric)],
      mark: { type: 'line' },
      encoding: {
        x: YEAR_AXIS,
        y: { field: 'value', type: 'quantitative', title: axisTitle(SERIES_LABELS[metric], SERIES_METRICS[metric].unit) },
      },
    })),
    resolve: { scale: { y: 'independent' } },
  });
}
