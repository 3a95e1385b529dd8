import { PANEL } from './chartParts.js';
import { vegaLiteSpec, type VegaLiteSpec } from './vegaLite.js';

/** Options of {@link designHeatMap}. */
export interface DesignHeatMapOptions {
  /** Most bins along each axis (default 10): Vega-Lite picks round bin edges, so there may be fewer. */
  readonly bins?: number;
  readonly title?: string;
}

/**
 * A 2-D heat map of a design or an experiments table: `x` and `y` are two input columns, binned,
 * and each cell's colour is the mean of `value` over the rows that fall in it (with the count in
 * the tooltip). Reads any rows with those columns: `experiments(...).rows` (filter to one policy
 * first), `designRows(...)`.
 * @example designHeatMap(study.rows.filter((r) => r.policy === 'riskSharing'), 'market.demand.macroVolatility', 'suppliers.exit.idleExitProbability', 'smallCohortSurvivalChange')
 */
export function designHeatMap(rows: readonly Readonly<Record<string, unknown>>[], x: string, y: string, value: string, options: DesignHeatMapOptions = {}): VegaLiteSpec {
  for (const column of [x, y, value]) {
    const bad = rows.findIndex((r) => typeof r[column] !== 'number' || !Number.isFinite(r[column] as number));
    if (bad >= 0) throw new Error(`designHeatMap: rows[${bad}].${column} is not a finite number`);
  }
  const bins = options.bins ?? 10;
  return vegaLiteSpec({
    title: { text: options.title ?? `Mean ${value}`, subtitle: `over ${rows.length} rows, by ${x} and ${y}` },
    data: { values: rows.map((r) => ({ x: r[x], y: r[y], value: r[value] })) },
    ...PANEL,
    mark: { type: 'rect' },
    encoding: {
      x: { field: 'x', type: 'quantitative', bin: { maxbins: bins }, title: x },
      y: { field: 'y', type: 'quantitative', bin: { maxbins: bins }, title: y },
      color: { aggregate: 'mean', field: 'value', type: 'quantitative', title: value, scale: { scheme: 'viridis' } },
      tooltip: [
        { aggregate: 'mean', field: 'value', type: 'quantitative', title: `Mean ${value}`, format: '.4~g' },
        { aggregate: 'count', type: 'quantitative', title: 'Rows' },
      ],
    },
  });
}
