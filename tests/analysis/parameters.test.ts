import { describe, expect, it } from 'vitest';
import { designRows } from '../../src/analysis/designRows.js';
import { configPoints, toRange } from '../../src/analysis/parameters.js';
import { saltelliDesign } from '../../src/analysis/saltelliDesign.js';
import { sobolIndices } from '../../src/analysis/sobolIndices.js';
import { morrisDesign } from '../../src/analysis/morrisDesign.js';

describe('parameters', () => {
  it('maps the unit interval to a range, or evenly to the integers in it', () => {
    expect(toRange(0.25, { path: 'a', range: [2, 6] })).toBe(3);
    const n = { path: 'n', range: [1, 4] as const, integer: true };
    expect([0, 0.2499, 0.25, 0.5, 0.75, 0.9999, 1].map((u) => toRange(u, n))).toEqual([1, 1, 2, 3, 4, 4, 4]);
    expect(toRange(0.5, { path: 'n', range: [0.5, 2.5], integer: true })).toBe(2); // the integers 1 and 2
    expect(() => saltelliDesign([{ path: 'n', range: [0.2, 0.8], integer: true }], 4)).toThrow(/at least one integer/);
  });

  it('gives an integer parameter whole values in Sobol and Morris designs, and the indices of a discrete uniform', () => {
    // f = k with k uniform on {1, ..., 4} plus x uniform on [0, 1]: V_k = (4^2 - 1) / 12, V_x = 1 / 12.
    const parameters = [
      { path: 'policy.suppliersPerAgreement', range: [1, 4] as const, integer: true },
      { path: 'x', range: [0, 1] as const },
    ];
    const d = saltelliDesign(parameters, 4096, 1);
    expect(d.values.every((row) => Number.isInteger(row[0]))).toBe(true);
    expect(d.parameters[0]!.integer).toBe(true);
    const r = sobolIndices(d, d.values.map(([k, x]) => k! + x!), { bootstrap: 0 });
    expect(r.indices[0]!.first.estimate!).toBeCloseTo(15 / 16, 2);
    expect(r.indices[1]!.total.estimate!).toBeCloseTo(1 / 16, 2);
    expect(configPoints(d)[0]).toEqual({ policy: { suppliersPerAgreement: d.values[0]![0] }, x: d.values[0]![1] });
    const m = morrisDesign(parameters, 20, 4, 1);
    expect(new Set(m.values.map((row) => row[0]))).toEqual(new Set([1, 2, 3, 4]));
  });
});

describe('designRows', () => {
  it('puts each point\u2019s parameter values and outputs in one row', () => {
    const design = { parameters: [{ path: 'policy.priceWeight', range: [0, 1] as const }], values: [[0.4], [0.9]] };
    expect(designRows(design, { top15Share: [0.48, 0.55] })).toEqual([
      { 'policy.priceWeight': 0.4, top15Share: 0.48 },
      { 'policy.priceWeight': 0.9, top15Share: 0.55 },
    ]);
    expect(() => designRows(design, { top15Share: [1] })).toThrow(/expected 2 values/);
    expect(() => designRows(design, { 'policy.priceWeight': [1, 2] })).toThrow(/name of a parameter/);
  });
});
