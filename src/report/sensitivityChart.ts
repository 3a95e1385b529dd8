import type { SensitivityResult } from '../analysis/sensitivity.js';
import { PANEL } from './chartParts.js';
import { vegaLiteSpec, type VegaLiteSpec } from './vegaLite.js';

/**
 * The result of `sensitivity` as bars with intervals, one panel per outcome: for Sobol, each
 * parameter's first-order (S_i) and total (ST_i) index side by side with their bootstrap
 * intervals; for Morris, each parameter's mu* with its interval, and sigma as a point (large sigma
 * against mu*: non-linear or interacting). Parameters are sorted by total index (Sobol) or mu*
 * (Morris) in each panel, one panel per outcome stacked. An index that is undefined (the outcome did not vary) is left out.
 * @example sensitivityChart(await sensitivity({}, parameters, { method: 'sobol', outcomes: ['top15Share'], n: 64, runs: 4 }))
 */
export function sensitivityChart(result: SensitivityResult): VegaLiteSpec {
  const values: Array<Record<string, unknown>> = [];
  for (const outcome of result.outcomes) {
    const label = String(outcome);
    if (result.method === 'sobol') {
      for (const index of result.indices[outcome]!.indices) {
        for (const [which, e] of [['first order', index.first], ['total', index.total]] as const) {
          if (e.estimate === null) continue;
          values.push({ outcome: label, parameter: index.parameter, index: which, value: e.estimate, lower: e.lower ?? e.estimate, upper: e.upper ?? e.estimate, order: index.total.estimate ?? 0 });
        }
      }
    } else {
      for (const effect of result.effects[outcome]!.effects) {
        if (effect.muStar.estimate === null) continue;
        values.push({ outcome: label, parameter: effect.parameter, index: 'mu*', value: effect.muStar.estimate, lower: effect.muStar.lower ?? effect.muStar.estimate, upper: effect.muStar.upper ?? effect.muStar.estimate, sigma: effect.sigma, order: effect.muStar.estimate });
      }
    }
  }
  const sobol = result.method === 'sobol';
  // Most influential first in each panel: the data in that order, and the axis keeps it.
  values.sort((a, b) => (a['outcome'] === b['outcome'] ? (b['order'] as number) - (a['order'] as number) : 0));
  // Config paths are long: the default label width cut them (suppliers.entry.rateP…).
  const y = { field: 'parameter', type: 'nominal', title: null, sort: null, axis: { labelLimit: 320 } };
  const layers: Record<string, unknown>[] = [
    { mark: { type: 'bar' }, encoding: { y, x: { field: 'value', type: 'quantitative', title: sobol ? 'Sobol index (share of variance)' : 'mu* (mean absolute elementary effect)' }, ...(sobol ? { yOffset: { field: 'index' }, color: { field: 'index', type: 'nominal', title: 'Index' } } : {}) } },
    { mark: { type: 'rule' }, encoding: { y, x: { field: 'lower', type: 'quantitative' }, x2: { field: 'upper' }, ...(sobol ? { yOffset: { field: 'index' } } : {}) } },
  ];
  if (!sobol) layers.push({ mark: { type: 'point', shape: 'diamond', filled: true, color: 'black' }, encoding: { y, x: { field: 'sigma', type: 'quantitative' }, tooltip: [{ field: 'sigma', title: 'sigma', format: '.4~g' }] } });
  return vegaLiteSpec({
    title: {
      text: sobol ? 'Sobol indices: which inputs drive each outcome' : 'Morris screening: which inputs matter',
      subtitle: sobol ? 'First-order and total indices with bootstrap intervals' : 'mu* with its bootstrap interval (bar and line); sigma (diamond)',
    },
    data: { values },
    vconcat: result.outcomes.map((outcome) => ({ title: String(outcome), width: PANEL.width, transform: [{ filter: { field: 'outcome', equal: String(outcome) } }], layer: layers })),
  });
}
