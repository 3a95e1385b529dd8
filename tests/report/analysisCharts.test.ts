/**
 * The charts of a study: sensitivity bars, the PRIM trajectory and box, a design heat map and
 * Kaplan-Meier curves, each compiled by vega-lite without a warning and drawn by vega.
 */
import { describe, expect, it } from 'vitest';
import { kaplanMeier } from '../../src/analysis/kaplanMeier.js';
import { morrisDesign } from '../../src/analysis/morrisDesign.js';
import { morrisEffects } from '../../src/analysis/morrisEffects.js';
import { prim } from '../../src/analysis/prim.js';
import { saltelliDesign } from '../../src/analysis/saltelliDesign.js';
import type { SensitivityResult } from '../../src/analysis/sensitivity.js';
import { sobolIndices } from '../../src/analysis/sobolIndices.js';
import { designHeatMap, kaplanMeierChart, primChart, sensitivityChart } from '../../src/report/index.js';
import { compileAndDraw } from '../helpers/drawChart.js';

const parameters = [
  { path: 'a', range: [0, 1] as const },
  { path: 'b', range: [0, 1] as const },
];
const f = (x: readonly number[]) => 3 * x[0]! + x[1]! * x[1]!;

function base(method: 'sobol' | 'morris') {
  return { kind: 'framework-agreement-sim/sensitivity' as const, method, config: {}, runs: 1, seed: 1, outcomes: ['hhi' as const], outputs: {}, standardErrors: {} };
}

describe('study charts', () => {
  it('sensitivityChart: Sobol first and total indices as bars with intervals, Morris mu* bars, intervals and sigma points', async () => {
    const design = saltelliDesign(parameters, 64, 3);
    const sobol = { ...base('sobol'), design, indices: { hhi: sobolIndices(design, design.values.map(f), { bootstrap: 50 }) } } as unknown as SensitivityResult;
    const s = await compileAndDraw(sensitivityChart(sobol));
    expect(s.marks).toEqual({ rect: 1, rule: 1 });
    expect(s.svg).toContain('first order');
    const md = morrisDesign(parameters, 10, 4, 3);
    const morris = { ...base('morris'), design: md, effects: { hhi: morrisEffects(md, md.values.map(f), { bootstrap: 50 }) } } as unknown as SensitivityResult;
    const m = await compileAndDraw(sensitivityChart(morris));
    expect(m.marks).toEqual({ rect: 1, rule: 1, symbol: 1 });
    expect(m.svg).toContain('mu*');
  });

  it('primChart: the trajectory and the chosen box\u2019s limits', async () => {
    const rows = Array.from({ length: 400 }, (_, k) => ({ x: (k % 20) / 20, y: Math.floor(k / 20) / 20 }));
    const result = prim(rows, (r) => r.x > 0.6 && r.y < 0.3, { inputs: ['x', 'y'] });
    const spec = primChart(result);
    const { marks, svg } = await compileAndDraw(spec);
    expect(marks).toEqual({ line: 1, symbol: 1, rect: 2 });
    expect(svg).toContain('Coverage');
    expect(() => primChart(result, 999)).toThrow('primChart: the trajectory has boxes');
  });

  it('designHeatMap: binned cells coloured by the mean; refuses a column that is not a number', async () => {
    const rows = Array.from({ length: 100 }, (_, k) => ({ a: (k % 10) / 10, b: Math.floor(k / 10) / 10, out: k }));
    const { marks } = await compileAndDraw(designHeatMap(rows, 'a', 'b', 'out'));
    expect(marks).toEqual({ rect: 1 });
    expect(() => designHeatMap([{ a: 1, b: 'x', out: 1 }], 'a', 'b', 'out')).toThrow('designHeatMap: rows[0].b is not a finite number');
  });

  it('kaplanMeierChart: a band and a step line per group', async () => {
    const curves = { one: kaplanMeier([1, 2, 3, 4], [true, false, true, false]), two: kaplanMeier([2, 4, 6], [true, true, false]) };
    const spec = kaplanMeierChart(curves);
    const { marks, svg } = await compileAndDraw(spec);
    expect(marks).toEqual({ area: 1, line: 1 });
    expect(svg).toContain('Share still operating');
  });
});
