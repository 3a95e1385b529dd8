import type { ExperimentResult } from '../experiment/result.js';
import { axisTitle, bandOverTime, metricFilter, overRuns, PANEL, requireSeries } from './chartParts.js';
import { experimentRows } from './experimentRows.js';
import { SERIES_METRICS } from '../model/metrics.js';
import { SERIES_LABELS } from './labels.js';
import { vegaLiteSpec, type VegaLiteSpec } from './vegaLite.js';

const PANELS = ['top15Share', 'activeSuppliers'] as const;

/**
 * Concentration over time, per policy, in two panels: the top-15 share of tendered payments in
 * each period (share 0-1) and the number of suppliers operating; each the mean over replications
 * (line) with its pointwise 95 % confidence band (area). Needs the series summaries: throws an
 * Error if the experiment ran with `series: false`.
 * @example
 * const r = await compare({}, { longer: { policy: { baseTermYears: 6 } } }, { runs: 100 });
 * concentrationChart(r);
 */
export function concentrationChart(result: ExperimentResult): VegaLiteSpec {
  requireSeries(result, 'concentrationChart');
  const policies = result.policies.map((p) => p.name);
  return vegaLiteSpec({
    title: { text: 'Concentration and number of suppliers', subtitle: `Mean ${overRuns(result.runs)} with its 95 % confidence band` },
    data: { values: experimentRows(result, { parts: ['series'], metrics: [...PANELS] }) },
    // No panel headings: each y axis names its series and unit.
    hconcat: PANELS.map((metric) => ({
      ...PANEL,
      transform: [metricFilter(metric)],
      layer: bandOverTime(axisTitle(SERIES_LABELS[metric], SERIES_METRICS[metric].unit), policies),
    })),
    resolve: { scale: { y: 'independent' } },
  });
}
