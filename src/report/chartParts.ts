import type { ExperimentResult } from '../experiment/result.js';
import { OUTCOME_METRICS, SERIES_METRICS, type OutcomeMetric, type SeriesMetric } from '../model/metrics.js';
import { plural } from './words.js';

/** Width and height of one panel, in pixels. */
export const PANEL = { width: 320, height: 200 } as const;

/** Opacity of a 95 % confidence band. */
export const BAND_OPACITY = 0.2;

/** The x axis of every chart over time: years since the policy started (period / periodsPerYear). */
export const YEAR_AXIS = { field: 'year', type: 'quantitative', title: 'Years since policy start' } as const;

/**
 * Tooltip lines of an estimate with its 95 % interval, to four significant digits.
 * @example intervalTooltip('Mean') // value as "Mean", then "95 % interval from" lower "to" upper
 */
export function intervalTooltip(valueTitle: string): Record<string, unknown>[] {
  return [
    { field: 'value', type: 'quantitative', title: valueTitle, format: '.4~g' },
    { field: 'lower', type: 'quantitative', title: '95 % interval from', format: '.4~g' },
    { field: 'upper', type: 'quantitative', title: 'to', format: '.4~g' },
  ];
}

/** Longest line of an axis title, in characters: vega estimates 8.8 pixels a character at the default 11-pixel bold font, so 22 fit a 200-pixel axis. */
const AXIS_TITLE_LINE = 22;

/**
 * An axis title wrapped to lines that fit a 200-pixel axis, the unit in brackets at the end: a
 * longer line sticks out of its panel, and pushes the panel's heading out of line with its
 * neighbour's.
 * @example axisTitle('Top-15 share of payments', 'share 0-1') // ['Top-15 share of', 'payments (share 0-1)']
 */
export function axisTitle(label: string, unit: string): string[] {
  const lines: string[] = [];
  for (const word of `${label} (${unit})`.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= AXIS_TITLE_LINE) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** Colour by policy, the legend in the result's order. */
export function policyColor(policies: readonly string[]): Record<string, unknown> {
  return { field: 'policy', type: 'nominal', title: 'Policy', scale: { domain: [...policies] } };
}

/** True when every policy of the experiment has series summaries, which the charts over time need. */
export function hasSeries(result: ExperimentResult): boolean {
  return result.policies.every((p) => p.series !== undefined);
}

/**
 * Checks a list of metric names given by the caller: at least one, each a known outcome (or
 * series). Throws an Error naming `where` and the index of the first unknown name.
 */
export function checkMetrics(metrics: readonly string[], kind: 'outcome', where: string): asserts metrics is readonly OutcomeMetric[];
export function checkMetrics(metrics: readonly string[], kind: 'series', where: string): asserts metrics is readonly SeriesMetric[];
export function checkMetrics(metrics: readonly string[], kind: 'outcome' | 'series', where: string): void {
  const known = kind === 'outcome' ? OUTCOME_METRICS : SERIES_METRICS;
  if (metrics.length === 0) throw new Error(`${where}: give at least one ${kind}`);
  metrics.forEach((m, k) => {
    if (!Object.hasOwn(known, m)) throw new Error(`${where}[${k}]: no ${kind} is named ${JSON.stringify(m)}`);
  });
}

/** Throws unless every policy of the experiment has series summaries. */
export function requireSeries(result: ExperimentResult, chart: string): void {
  if (!hasSeries(result)) {
    throw new Error(`${chart} needs the per-period series summaries: run the experiment with series: true`);
  }
}

/** Keeps the rows of one metric (a panel's filter). */
export function metricFilter(metric: string): Record<string, unknown> {
  return { filter: { field: 'metric', equal: metric } };
}

/**
 * A series over time by policy: the 95 % confidence band of the mean (area from lower to upper)
 * under the mean (line). Rows need year, value, lower, upper and policy. No tooltips: a line has
 * one tooltip for all its points, which would show the first period's numbers wherever it is hovered.
 */
export function bandOverTime(yTitle: string | readonly string[], policies: readonly string[], yScale: Record<string, unknown> = {}): Record<string, unknown>[] {
  const x = YEAR_AXIS;
  const color = policyColor(policies);
  return [
    {
      mark: { type: 'area', opacity: BAND_OPACITY },
      encoding: { x, y: { field: 'lower', type: 'quantitative', title: yTitle, scale: yScale }, y2: { field: 'upper' }, color },
    },
    {
      mark: { type: 'line' },
      encoding: {
        x,
        y: { field: 'value', type: 'quantitative', title: yTitle, scale: yScale },
        color,
      },
    },
  ];
}

/** "over 200 runs" / "over 1 run". */
export function overRuns(runs: number): string {
  return `over ${plural(runs, 'run', 'runs')}`;
}
