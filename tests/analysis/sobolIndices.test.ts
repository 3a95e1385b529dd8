import { describe, expect, it } from 'vitest';
import { configPoints } from '../../src/analysis/parameters.js';
import { saltelliDesign } from '../../src/analysis/saltelliDesign.js';
import { sobolIndices } from '../../src/analysis/sobolIndices.js';
import { ishigami, ishigamiIndices, ISHIGAMI_PARAMETERS } from '../helpers/ishigami.js';

const truth = ishigamiIndices();

describe('saltelliDesign', () => {
  it('lays out A, B and each A_B^(i) in blocks of n, in the parameters\u2019 ranges', () => {
    const parameters = [
      { path: 'a', range: [0, 1] as const },
      { path: 'b', range: [10, 20] as const },
      { path: 'c', range: [-1, 1] as const },
    ];
    const n = 16;
    const d = saltelliDesign(parameters, n, 3);
    expect(d.unit).toHaveLength(n * 5);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < n; j++) {
        const row = d.unit[(2 + i) * n + j]!;
        // A_B^(i): column i from B, the rest from A.
        expect(row).toEqual(d.unit[j]!.map((x, c) => (c === i ? d.unit[n + j]![c] : x)));
      }
    }
    d.values.forEach((row, r) => row.forEach((x, c) => expect(x).toBeCloseTo(parameters[c]!.range[0] + d.unit[r]![c]! * (parameters[c]!.range[1] - parameters[c]!.range[0]), 12)));
    expect(d.values.flat().every((x, m) => x >= parameters[m % 3]!.range[0] && x <= parameters[m % 3]!.range[1])).toBe(true);
    expect(saltelliDesign(parameters, n, 3)).toEqual(d);
    expect(saltelliDesign(parameters, n, 4).unit).not.toEqual(d.unit);
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });

  it('gives config points through setAt, and rejects bad input with paths', () => {
    const d = saltelliDesign([{ path: 'policy.priceWeight', range: [0.3, 1] }, { path: 'policy.minimumVolumeShare', range: [0, 0.5] }], 4, 1);
    const points = configPoints(d);
    expect(points).toHaveLength(16);
    expect(points[0]).toEqual({ policy: { priceWeight: d.values[0]![0], minimumVolumeShare: d.values[0]![1] } });
    expect(() => saltelliDesign([], 8)).toThrow(/at least one parameter/);
    expect(() => saltelliDesign([{ path: 'x', range: [1, 0] }], 8)).toThrow(/x: expected a finite range/);
    expect(() => saltelliDesign([{ path: 'x', range: [0, 1] }, { path: 'x', range: [0, 1] }], 8)).toThrow(/given twice/);
    expect(() => saltelliDesign([{ path: 'x', range: [0, 1] }], 1)).toThrow(/n: expected an integer/);
    const many = Array.from({ length: 33 }, (_, i) => ({ path: `x${i}`, range: [0, 1] as const }));
    expect(() => saltelliDesign(many, 8)).toThrow(/sampler: "random"/);
    expect(saltelliDesign(many, 8, 1, { sampler: 'random' }).unit).toHaveLength(8 * 35);
  });
});

describe('sobolIndices', () => {
  it('recovers the Ishigami indices from a Sobol design (n = 8192): within 3 bootstrap SE and 0.01', () => {
    const d = saltelliDesign(ISHIGAMI_PARAMETERS, 8192, 1);
    const r = sobolIndices(d, d.values.map((x) => ishigami(x)), { seed: 1 });
    r.indices.forEach((index, i) => {
      for (const [e, t] of [[index.first, truth.first[i]!], [index.total, truth.total[i]!]] as const) {
        expect(Math.abs(e.estimate! - t), `${index.parameter}`).toBeLessThan(Math.min(0.01, 3 * e.se!));
        expect(e.lower!).toBeLessThan(t);
        expect(e.upper!).toBeGreaterThan(t);
      }
    });
    // Documented values: S = 0.3139, 0.4424, 0; ST = 0.5576, 0.4424, 0.2437.
    expect(truth.first[0]).toBeCloseTo(0.3139, 4);
    expect(truth.total[2]).toBeCloseTo(0.2437, 4);
    expect(r.variance).toBeCloseTo(13.845, 1); // V = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2
  });

  it('recovers them from seeded random base samples too, within 3 bootstrap SE', () => {
    const d = saltelliDesign(ISHIGAMI_PARAMETERS, 8192, 1, { sampler: 'random' });
    const r = sobolIndices(d, d.values.map((x) => ishigami(x)), { seed: 2 });
    r.indices.forEach((index, i) => {
      expect(Math.abs(index.first.estimate! - truth.first[i]!)).toBeLessThan(3 * index.first.se!);
      expect(Math.abs(index.total.estimate! - truth.total[i]!)).toBeLessThan(3 * index.total.se!);
    });
  });

  it('has bootstrap intervals that cover the truth about as often as they claim (random samples, 30 seeds)', () => {
    let covered = 0;
    let intervals = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const d = saltelliDesign(ISHIGAMI_PARAMETERS, 1024, seed, { sampler: 'random' });
      const r = sobolIndices(d, d.values.map((x) => ishigami(x)), { seed, bootstrap: 300 });
      r.indices.forEach((index, i) => {
        for (const [e, t] of [[index.first, truth.first[i]!], [index.total, truth.total[i]!]] as const) {
          intervals++;
          if (e.lower! <= t && t <= e.upper!) covered++;
        }
      });
    }
    // 180 nominal 95 % intervals: 171 expected; fewer than 160 would be 5 binomial SD short.
    expect(covered).toBeGreaterThanOrEqual(160);
  });

  it('gives a linear function its exactly known indices, and an unused input exactly 0', () => {
    // f = x1 + 2 x2 + 0 x3 + 3 x4: V_i = c_i^2 w_i^2 / 12, so S_i = ST_i = (1, 4, 0, 36) / 41.
    const parameters = [
      { path: 'x1', range: [0, 1] as const },
      { path: 'x2', range: [0, 1] as const },
      { path: 'x3', range: [0, 5] as const },
      { path: 'x4', range: [-1, 1] as const },
    ];
    const expected = [1 / 41, 4 / 41, 0, 36 / 41];
    const d = saltelliDesign(parameters, 4096, 5);
    const r = sobolIndices(d, d.values.map(([a, b, c, e]) => a! + 2 * b! + 0 * c! + 3 * e!), { seed: 5 });
    r.indices.forEach((index, i) => {
      expect(index.first.estimate!).toBeCloseTo(expected[i]!, 2);
      expect(index.total.estimate!).toBeCloseTo(expected[i]!, 2);
    });
    expect(r.variance).toBeCloseTo(41 / 12, 2);
    const unused = r.indices[2]!;
    expect(unused.first).toEqual({ estimate: 0, se: 0, lower: 0, upper: 0 });
    expect(unused.total).toEqual({ estimate: 0, se: 0, lower: 0, upper: 0 });
  });

  it('is seeded, plain JSON, and says when the outcome did not vary', () => {
    const d = saltelliDesign(ISHIGAMI_PARAMETERS, 64, 1);
    const values = d.values.map((x) => ishigami(x));
    const r = sobolIndices(d, values, { seed: 9, bootstrap: 50 });
    expect(sobolIndices(d, values, { seed: 9, bootstrap: 50 })).toEqual(r);
    expect(sobolIndices(d, values, { seed: 10, bootstrap: 50 }).indices[0]!.first.lower).not.toBe(r.indices[0]!.first.lower);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    const flat = sobolIndices(d, values.map(() => 3));
    expect(flat.variance).toBe(0);
    expect(flat.indices[0]!.total).toEqual({ estimate: null, se: null, lower: null, upper: null });
    const none = sobolIndices(d, values, { bootstrap: 0 });
    expect(none.indices[0]!.first.se).toBeNull();
    expect(none.indices[0]!.first.estimate).toBe(r.indices[0]!.first.estimate);
  });

  it('rejects outputs of the wrong length or not finite', () => {
    const d = saltelliDesign(ISHIGAMI_PARAMETERS, 8, 1);
    expect(() => sobolIndices(d, [1, 2, 3])).toThrow(/expected 40 outputs/);
    const values = d.values.map((x) => ishigami(x));
    values[7] = Number.NaN;
    expect(() => sobolIndices(d, values)).toThrow(/values\[7\]/);
    expect(() => sobolIndices(d, d.values.map(() => 1), { level: 1 })).toThrow(/level/);
  });
});
