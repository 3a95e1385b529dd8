import type { KaplanMeierCurve } from '../analysis/kaplanMeier.js';
import { BAND_OPACITY, PANEL } from './chartParts.js';
import { vegaLiteSpec, type VegaLiteSpec } from './vegaLite.js';

/** Options of {@link kaplanMeierChart}. */
export interface KaplanMeierChartOptions {
  /** Periods per year of the runs the lives come from (default 4, quarters): the x axis is in years. */
  readonly periodsPerYear?: number;
  readonly title?: string;
}

/**
 * Kaplan-Meier curves as a Vega-Lite spec: per group, the estimated share of suppliers still
 * operating (a step line) with its pointwise interval (a band), against years since the policy
 * started (or since entry, for entrants). Takes what `supplierSurvival` returns.
 * @example kaplanMeierChart(supplierSurvival(supplierHistories({}, { runs: 20 }), 'ownership'))
 */
export function kaplanMeierChart(curves: Readonly<Record<string, KaplanMeierCurve>>, options: KaplanMeierChartOptions = {}): VegaLiteSpec {
  const P = options.periodsPerYear ?? 4;
  const groups = Object.keys(curves);
  const values = groups.flatMap((group) =>
    curves[group]!.steps.map((s) => ({ group, year: s.time / P, survival: s.survival, lower: s.lower, upper: s.upper, atRisk: s.atRisk, events: s.events })),
  );
  const level = Object.values(curves)[0]?.level ?? 0.95;
  const color = { field: 'group', type: 'nominal', title: 'Group', scale: { domain: groups } };
  const x = { field: 'year', type: 'quantitative', title: 'Years since policy start (or entry)' };
  return vegaLiteSpec({
    title: { text: options.title ?? 'Supplier survival (Kaplan-Meier)', subtitle: `Share still operating, with ${Math.round(level * 100)} % pointwise intervals (Greenwood, log-log)` },
    data: { values },
    ...PANEL,
    layer: [
      { mark: { type: 'area', opacity: BAND_OPACITY, interpolate: 'step-after' }, encoding: { x, y: { field: 'lower', type: 'quantitative', title: 'Share still operating', scale: { domain: [0, 1] } }, y2: { field: 'upper' }, color } },
      {
        mark: { type: 'line', interpolate: 'step-after' },
        encoding: {
          x,
          y: { field: 'survival', type: 'quantitative' },
          color,
          tooltip: [
            { field: 'group', title: 'Group' },
            { field: 'year', type: 'quantitative', title: 'Year', format: '.2f' },
            { field: 'survival', type: 'quantitative', title: 'Survival', format: '.3f' },
            { field: 'atRisk', type: 'quantitative', title: 'At risk' },
          ],
        },
      },
    ],
  });
}
