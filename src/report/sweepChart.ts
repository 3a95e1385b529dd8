import type { SweepOutput } from '../experiment/sweep.js';
import { OUTCOME_METRICS, type OutcomeMetric } from '../model/metrics.js';
import { axisTitle, BAND_OPACITY, checkMetrics, intervalTooltip, overRuns } from './chartParts.js';
import { OUTCOME_LABELS } from './labels.js';
import { sweepRows } from './sweepRows.js';
import { vegaLiteSpec, type VegaLiteSpec } from './vegaLite.js';

/** Vega-Lite's default mark colour, which rules do not get by default (they are black). */
const POINT_COLOR = '#4c78a8';

/**
 * A sweep's response curve for one outcome: the swept parameter's value on x, the outcome's mean
 * over replications on y with its 95 % confidence interval. Numeric values give a line through
 * points over a band; other values (texts, booleans) give points with interval lines, in the order
 * swept. The intervals are each value's own; for the paired comparison with the first value see
 * {@link forestPlot}.
 * @example
 * const s = await sweep({}, 'policy.minimumVolumeShare', [0, 0.1, 0.2, 0.3], { runs: 100 });
 * sweepChart(s, 'smallCohortSurvival');
 */
export function sweepChart(result: SweepOutput, metric: OutcomeMetric): VegaLiteSpec {
  checkMetrics([metric], 'outcome', 'sweepChart: metric');
  const rows = sweepRows(result, { parts: ['outcomes'], metrics: [metric] });
  const numeric = result.values.every((v) => typeof v === 'number');
  const x = numeric
    ? { field: 'parameterValue', type: 'quantitative', title: result.parameter, scale: { zero: false } }
    : { field: 'parameterValue', type: 'ordinal', title: result.parameter, sort: rows.map((r) => r.parameterValue), axis: { labelAngle: 0 } };
  const yTitle = axisTitle(OUTCOME_LABELS[metric], OUTCOME_METRICS[metric].unit);
  const y = { field: 'value', type: 'quantitative', title: yTitle, scale: { zero: false } };
  const tooltip = [
    { field: 'parameterValue', type: numeric ? 'quantitative' : 'nominal', title: result.parameter },
    ...intervalTooltip('Mean'),
    { field: 'n', type: 'quantitative', title: 'Runs' },
  ];
  const interval = numeric
    ? { mark: { type: 'area', opacity: BAND_OPACITY }, encoding: { x, y: { ...y, field: 'lower' }, y2: { field: 'upper' } } }
    : { mark: { type: 'rule', strokeWidth: 2, color: POINT_COLOR }, encoding: { x, y: { ...y, field: 'lower' }, y2: { field: 'upper' } } };
  return vegaLiteSpec({
    title: {
      text: `${OUTCOME_LABELS[metric]} against ${result.parameter}`,
      subtitle: `Mean ${overRuns(result.runs)} with its 95 % confidence interval (${OUTCOME_METRICS[metric].unit})`,
    },
    data: { values: rows },
    width: 420,
    height: 240,
    layer: [
      interval,
      ...(numeric ? [{ mark: { type: 'line' }, encoding: { x, y } }] : []),
      { mark: { type: 'point', filled: true, size: 50 }, encoding: { x, y, tooltip } },
    ],
  });
}
