import type { PrimResult } from '../analysis/prim.js';
import { PANEL } from './chartParts.js';
import { vegaLiteSpec, type VegaLiteSpec } from './vegaLite.js';

/**
 * PRIM's peeling and pasting trajectory as a Vega-Lite spec: every box as a point of coverage
 * (share of the bad rows it holds) against density (share of its rows that are bad), coloured by
 * the number of inputs it restricts, and, beside it, the limits of the chosen box (by default the
 * last, where PRIM stopped) on each restricted input, scaled to the data's range of that input.
 * Pass the index of another box of the trajectory as `box` to show its limits.
 * @example primChart(prim(study.rows, (r) => r.top15Share > 0.6, { inputs }))
 */
export function primChart(result: PrimResult, box: number = result.trajectory.length - 1): VegaLiteSpec {
  const chosen = result.trajectory[box];
  if (chosen === undefined) throw new Error(`primChart: the trajectory has boxes 0..${result.trajectory.length - 1}, not ${box}`);
  const trajectory = result.trajectory.map((b) => ({ index: b.index, phase: b.phase, coverage: b.coverage, density: b.density, mass: b.mass, restricted: b.restricted, chosen: b.index === box }));
  const full = result.trajectory[0]!.limits;
  const limits = chosen.restrictions.map((r) => {
    const [min, max] = full[r.input]!;
    const span = max - min || 1;
    const [lo, hi] = chosen.limits[r.input]!;
    return { input: r.input, from: (lo - min) / span, to: (hi - min) / span, lower: lo, upper: hi, qp: r.qp };
  });
  return vegaLiteSpec({
    title: { text: 'Scenario discovery (PRIM)', subtitle: `${result.hits} bad rows of ${result.rows}; box ${box}: coverage ${chosen.coverage.toFixed(2)}, density ${chosen.density.toFixed(2)}` },
    hconcat: [
      {
        title: 'Trajectory: coverage against density',
        ...PANEL,
        data: { values: trajectory },
        layer: [
          { mark: { type: 'line', color: '#bbb' }, encoding: { x: { field: 'coverage', type: 'quantitative', scale: { domain: [0, 1] }, title: 'Coverage' }, y: { field: 'density', type: 'quantitative', scale: { domain: [0, 1] }, title: 'Density' }, order: { field: 'index' } } },
          {
            mark: { type: 'point', filled: true },
            encoding: {
              x: { field: 'coverage', type: 'quantitative' },
              y: { field: 'density', type: 'quantitative' },
              color: { field: 'restricted', type: 'ordinal', title: 'Inputs restricted', legend: { orient: 'bottom' } },
              size: { condition: { test: 'datum.chosen', value: 160 }, value: 40 },
              tooltip: [{ field: 'index', title: 'Box' }, { field: 'phase' }, { field: 'coverage', format: '.3f' }, { field: 'density', format: '.3f' }, { field: 'mass', format: '.3f' }],
            },
          },
        ],
      },
      {
        title: `Box ${box}: limits within each input's range`,
        width: PANEL.width,
        data: { values: limits },
        layer: [
          { mark: { type: 'bar', color: '#eee' }, encoding: { y: { field: 'input', type: 'nominal', title: null, axis: { labelLimit: 320 } }, x: { datum: 0, type: 'quantitative', scale: { domain: [0, 1] }, title: 'Share of the input\u2019s range' }, x2: { datum: 1 } } },
          { mark: { type: 'bar', color: '#c0392b' }, encoding: { y: { field: 'input', type: 'nominal' }, x: { field: 'from', type: 'quantitative', title: 'Share of the input’s range' }, x2: { field: 'to' }, tooltip: [{ field: 'lower', format: '.4~g' }, { field: 'upper', format: '.4~g' }, { field: 'qp', title: 'quasi-p', format: '.2g' }] } },
        ],
      },
    ],
  });
}
