import type { ExperimentResult } from '../experiment/result.js';
import { hasInterval, type Summary } from '../experiment/summary.js';
import { OUTCOME_METRICS, SERIES_METRICS } from '../model/metrics.js';
import { outcomeUnit, seriesUnit } from './runRows.js';
import { tidyRow, type TidyRow } from './tidyRow.js';

/**
 * The parts of an experiment's rows:
 * - `'outcomes'`: each policy's mean of each outcome (statistic `'mean'`);
 * - `'differences'`: each variant's paired difference from the baseline (statistic `'difference'`);
 * - `'series'`: each policy's mean of each series, period by period (needs `series: true`);
 * - `'runs'`: one row per replication, policy and outcome (statistic `'value'`; needs `rows: true`).
 * @example experimentRows(result, { parts: ['outcomes', 'differences'] as RowPart[] })
 */
export type RowPart = 'outcomes' | 'differences' | 'series' | 'runs';

/**
 * Every part, in the order rows list them.
 * @example ROW_PARTS // ['outcomes', 'differences', 'series', 'runs']
 */
export const ROW_PARTS: readonly RowPart[] = ['outcomes', 'differences', 'series', 'runs'];

/**
 * Which rows {@link experimentRows} returns.
 * @example const options: RowOptions = { parts: ['series'], metrics: ['smallCohortSurvival', 'top15Share'] };
 */
export interface RowOptions {
  /** Parts to include, listed in the order of ROW_PARTS whatever the order given. Default: every part the result holds. Asking for a part the result lacks is an error. */
  readonly parts?: readonly RowPart[];
  /** Only these outcomes and series (by name). Default: all. */
  readonly metrics?: readonly string[];
}

function chosenParts(result: ExperimentResult, options: RowOptions): Set<RowPart> {
  const hasSeries = result.policies.some((p) => p.series !== undefined);
  const hasRuns = result.rows !== undefined;
  if (options.parts === undefined) {
    return new Set(ROW_PARTS.filter((p) => (p === 'series' ? hasSeries : p === 'runs' ? hasRuns : true)));
  }
  options.parts.forEach((part, k) => {
    if (!ROW_PARTS.includes(part)) throw new Error(`options.parts[${k}]: expected one of ${ROW_PARTS.join(', ')}, got ${JSON.stringify(part)}`);
    if (part === 'series' && !hasSeries) throw new Error(`options.parts[${k}]: the result has no series summaries; run the experiment with series: true`);
    if (part === 'runs' && !hasRuns) throw new Error(`options.parts[${k}]: the result has no per-run rows; run the experiment with rows: true`);
  });
  return new Set(options.parts);
}

function metricFilter(options: RowOptions): (metric: string) => boolean {
  if (options.metrics === undefined) return () => true;
  options.metrics.forEach((m, k) => {
    if (!Object.hasOwn(OUTCOME_METRICS, m) && !Object.hasOwn(SERIES_METRICS, m)) {
      throw new Error(`options.metrics[${k}]: no outcome or series is named ${JSON.stringify(m)}`);
    }
  });
  const wanted = new Set(options.metrics);
  return (metric) => wanted.has(metric);
}

/**
 * The columns a summary fills: its mean as `value`, the 95 % interval, `n` and `sd`. The interval
 * is left out when the summary has none (one run, or no variation: sd 0 over n >= 2 runs), so a
 * table never shows a zero-width interval as a certain one.
 */
function summaryColumns(s: Summary) {
  const interval = hasInterval(s);
  return { value: s.mean, lower: interval ? s.lower : null, upper: interval ? s.upper : null, n: s.n, sd: s.sd };
}

/**
 * An experiment as tidy rows, in four parts (see {@link RowPart}), in this order:
 * 1. per policy and outcome, statistic `'mean'`: `value` = mean over replications, `lower`/`upper`
 *    = its 95 % confidence interval (left out when there is none: one replication, or every
 *    replication gave the same value, which `n` >= 2 with `sd` 0 shows), `n`, `sd`;
 * 2. per variant and outcome, statistic `'difference'`: `value` = mean of (policy - baseline) over
 *    paired replications, `lower`/`upper` = the paired 95 % interval, `n`, `sd`, `baseline`, and
 *    `probabilityBetter` where the outcome has a better direction;
 * 3. per policy, series and horizon period, statistic `'mean'` with `period` and `year`;
 * 4. the per-run rows (statistic `'value'`, with `replication` and `seed`).
 * Every row has the same columns, so the whole list loads as one table (`toCsv`).
 * @example
 * const r = await compare({}, { guarantee: { policy: { minimumVolumeShare: 0.3 } } }, { runs: 50 });
 * const rows = experimentRows(r, { parts: ['differences'], metrics: ['smallCohortSurvival'] });
 * // [{ policy: 'guarantee', statistic: 'difference', baseline: 'today', metric: 'smallCohortSurvival', unit: 'share 0-1', value: 0.016, lower: 0.008, upper: 0.024, n: 50, sd: 0.03, probabilityBetter: 0.62 }]
 */
export function experimentRows(result: ExperimentResult, options: RowOptions = {}): TidyRow[] {
  const parts = chosenParts(result, options);
  const keep = metricFilter(options);
  const rows: TidyRow[] = [];
  if (parts.has('outcomes')) {
    for (const p of result.policies) {
      for (const [metric, s] of Object.entries(p.outcomes)) {
        if (!keep(metric)) continue;
        rows.push(tidyRow({ policy: p.name, statistic: 'mean', metric, unit: outcomeUnit(metric), ...summaryColumns(s) }));
      }
    }
  }
  if (parts.has('differences')) {
    const baseline = result.policies[0]?.name;
    for (const [policy, byMetric] of Object.entries(result.differences)) {
      for (const [metric, d] of Object.entries(byMetric)) {
        if (!keep(metric)) continue;
        rows.push(tidyRow({ policy, statistic: 'difference', baseline, metric, unit: outcomeUnit(metric), ...summaryColumns(d), probabilityBetter: d.probabilityBetter }));
      }
    }
  }
  if (parts.has('series')) {
    // An experiment with series has one period length (decodeExperiment checks it).
    const perYear = result.config.run.periodsPerYear as number;
    for (const p of result.policies) {
      for (const [metric, summaries] of Object.entries(p.series ?? {})) {
        if (!keep(metric)) continue;
        const unit = seriesUnit(metric);
        summaries.forEach((s, period) => {
          rows.push(tidyRow({ policy: p.name, statistic: 'mean', period, year: period / perYear, metric, unit, ...summaryColumns(s) }));
        });
      }
    }
  }
  if (parts.has('runs')) {
    for (const r of result.rows ?? []) {
      if (!keep(r.metric)) continue;
      rows.push(tidyRow({ policy: r.policy, statistic: 'value', replication: r.replication, seed: r.seed, metric: r.metric, unit: outcomeUnit(r.metric), value: r.value }));
    }
  }
  return rows;
}
