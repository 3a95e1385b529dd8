import type { ExperimentResult } from '../experiment/result.js';
import { OUTCOME_METRICS, type OutcomeMetric } from '../model/metrics.js';
import { checkMetrics, intervalTooltip, metricFilter, overRuns, PANEL, policyColor } from './chartParts.js';
import { experimentRows } from './experimentRows.js';
import { HEADLINE_OUTCOMES } from './headline.js';
import { OUTCOME_LABELS } from './labels.js';
import { vegaLiteSpec, type VegaLiteSpec } from './vegaLite.js';

/** Height of one policy's row in a panel, in pixels. */
const ROW_STEP = 22;

/**
 * A forest plot of the paired differences from the baseline: one panel per outcome, one row per
 * policy, the mean difference (policy - baseline) over paired replications as a point and its
 * 95 % confidence interval as a line, with a dashed line at zero (no difference). Each panel has its
 * own x axis in the outcome's unit. By default the {@link HEADLINE_OUTCOMES}. Throws an Error for an
 * experiment without variants (a plain Monte Carlo) or an unknown outcome.
 * @example
 * const r = await compare({}, { guarantee: { policy: { minimumVolumeShare: 0.3 } }, split: { policy: { lotSplit: 2 } } }, { runs: 100 });
 * forestPlot(r, ['smallCohortSurvival', 'buyerCostPerYear']);
 */
export function forestPlot(result: ExperimentResult, metrics: readonly OutcomeMetric[] = HEADLINE_OUTCOMES): VegaLiteSpec {
  checkMetrics(metrics, 'outcome', 'forestPlot: metrics');
  const variants = Object.keys(result.differences);
  if (variants.length === 0) throw new Error('forestPlot needs policies compared with a baseline (compare, sweep or runDesign); this experiment has only one policy');
  const baseline = result.policies[0]!.name;
  // The order comes from the scale's domain, not from `sort: variants`: Vega-Lite turns a sort list
  // into an expression comparing with each name, and Vega fails on one named like a property of
  // Object.prototype ("toString", "constructor", ...). The chart is the same.
  const y = { field: 'policy', type: 'nominal', title: null, scale: { domain: variants } };
  const color = { ...policyColor(variants), legend: null };
  const rows = experimentRows(result, { parts: ['differences'], metrics });
  return vegaLiteSpec({
    title: {
      text: `Differences from ${baseline}`,
      subtitle: `Mean paired difference (policy - ${baseline}) ${overRuns(result.runs)} with its 95 % confidence interval`,
    },
    data: { values: rows },
    vconcat: metrics.map((metric) => {
      // A panel in which no policy's change varied has no interval to draw; an interval layer over
      // no values would give its axis an infinite extent.
      const withInterval = rows.some((r) => r.metric === metric && r.lower !== null && r.lower !== undefined);
      const x = { type: 'quantitative', title: `Difference (${OUTCOME_METRICS[metric].unit})`, scale: { zero: true } };
      return {
        title: OUTCOME_LABELS[metric],
        width: PANEL.width,
        height: { step: ROW_STEP },
        transform: [metricFilter(metric)],
        layer: [
          { mark: { type: 'rule', strokeDash: [4, 4], color: 'gray' }, encoding: { x: { datum: 0, type: 'quantitative' } } },
          ...(withInterval ? [{ mark: { type: 'rule', strokeWidth: 2 }, encoding: { y, x: { ...x, field: 'lower' }, x2: { field: 'upper' }, color } }] : []),
          {
            mark: { type: 'point', filled: true, size: 60 },
            encoding: {
              y,
              x: { ...x, field: 'value' },
              color,
              tooltip: [
                { field: 'policy', type: 'nominal', title: 'Policy' },
                ...intervalTooltip('Mean difference'),
                { field: 'probabilityBetter', type: 'quantitative', title: 'Share of runs better', format: '.0%' },
                { field: 'n', type: 'quantitative', title: 'Runs' },
              ],
            },
          },
        ],
      };
    }),
    resolve: { scale: { x: 'independent' } },
  });
}
