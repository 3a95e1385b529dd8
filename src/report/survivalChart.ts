import type { ExperimentResult } from '../experiment/result.js';
import { SERIES_METRICS } from '../model/metrics.js';
import { axisTitle, bandOverTime, metricFilter, overRuns, PANEL, requireSeries } from './chartParts.js';
import { experimentRows } from './experimentRows.js';
import { vegaLiteSpec, type VegaLiteSpec } from './vegaLite.js';

const COHORTS = [
  { metric: 'smallCohortSurvival', title: 'Suppliers small at policy start' },
  { metric: 'nonProfitCohortSurvival', title: 'Non-profits operating at policy start' },
] as const;

/**
 * Survival curves: per policy, the share of each cohort (suppliers small at policy start,
 * non-profits operating at policy start) still operating, year by year over the horizon, as the
 * mean over replications (line) with its 95 % confidence band (area). One panel per cohort, on a
 * shared y axis. The band is pointwise: period by period, not for the whole path at once.
 * Needs the series summaries: throws an Error if the experiment ran with `series: false`.
 * @example
 * const r = await compare({}, { guarantee: { policy: { minimumVolumeShare: 0.3 } } }, { runs: 100 });
 * survivalChart(r); // a Vega-Lite spec; the value of a Deno notebook cell renders it
 */
export function survivalChart(result: ExperimentResult): VegaLiteSpec {
  requireSeries(result, 'survivalChart');
  const policies = result.policies.map((p) => p.name);
  const yTitle = axisTitle('Share still operating', SERIES_METRICS.smallCohortSurvival.unit);
  return vegaLiteSpec({
    title: { text: 'Survival of the suppliers present at policy start', subtitle: `Mean ${overRuns(result.runs)} with its 95 % confidence band` },
    data: { values: experimentRows(result, { parts: ['series'], metrics: COHORTS.map((c) => c.metric) }) },
    hconcat: COHORTS.map((c) => ({
      title: c.title,
      ...PANEL,
      transform: [metricFilter(c.metric)],
      layer: bandOverTime(yTitle, policies),
    })),
    resolve: { scale: { y: 'shared' } },
  });
}
