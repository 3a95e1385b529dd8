import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_SOBOL_DIMENSIONS, sobolSequence } from '../../src/analysis/sobolSequence.js';

const reference = JSON.parse(readFileSync(new URL('./fixtures/scipy-sobol.json', import.meta.url), 'utf8')) as {
  scale: number;
  points: Record<string, number[]>;
};

/** How many of `points` fall in each of the 2^a x 2^b boxes of dimensions (i, j). */
function boxCounts(points: number[][], i: number, j: number, a: number, b: number): number[] {
  const counts = new Array<number>(2 ** (a + b)).fill(0);
  for (const p of points) counts[Math.floor(p[i]! * 2 ** a) * 2 ** b + Math.floor(p[j]! * 2 ** b)]!++;
  return counts;
}

describe('sobolSequence', () => {
  it('gives the same points as SciPy (Joe-Kuo numbers, unscrambled), bit for bit, in all 64 dimensions', () => {
    expect(MAX_SOBOL_DIMENSIONS).toBe(64);
    for (const [index, expected] of Object.entries(reference.points)) {
      const [point] = sobolSequence(64, 1, { skip: Number(index) });
      expect(point!.map((x) => x * reference.scale), `point ${index}`).toEqual(expected);
    }
  });

  it('walks the sequence in order: a run from 0 equals single points fetched by index', () => {
    const run = sobolSequence(10, 300);
    for (const n of [0, 1, 2, 3, 17, 128, 255, 299]) expect(run[n]).toEqual(sobolSequence(10, 1, { skip: n })[0]);
    expect(sobolSequence(2, 4)).toEqual([
      [0, 0],
      [0.5, 0.5],
      [0.75, 0.25],
      [0.25, 0.75],
    ]);
  });

  it('puts one of the first 2^m points in each interval of width 2^-m, in every dimension', () => {
    const m = 10;
    const points = sobolSequence(64, 2 ** m);
    for (let j = 0; j < 64; j++) {
      const cells = new Set(points.map((p) => Math.floor(p[j]! * 2 ** m)));
      expect(cells.size, `dimension ${j + 1}`).toBe(2 ** m);
    }
  });

  it('makes the first two dimensions a (0, 2)-sequence: one point in every dyadic box of area 2^-m', () => {
    const m = 8;
    const points = sobolSequence(2, 2 ** m, { skip: 2 ** m }); // the second block of 2^m: also a net
    for (let a = 0; a <= m; a++) expect(boxCounts(points, 0, 1, a, m - a).every((c) => c === 1)).toBe(true);
  });

  it('keeps the stratification under a digital shift, and the shift depends on the seed only', () => {
    const m = 8;
    const shifted = sobolSequence(6, 2 ** m, { scramble: 42 });
    for (let a = 0; a <= m; a++) expect(boxCounts(shifted, 0, 1, a, m - a).every((c) => c === 1)).toBe(true);
    for (let j = 0; j < 6; j++) expect(new Set(shifted.map((p) => Math.floor(p[j]! * 2 ** m))).size).toBe(2 ** m);
    expect(shifted).toEqual(sobolSequence(6, 2 ** m, { scramble: 42 }));
    expect(shifted).not.toEqual(sobolSequence(6, 2 ** m, { scramble: 43 }));
    expect(shifted[0]!.some((x) => x !== 0)).toBe(true);
    expect(shifted.flat().every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('integrates smooth functions far better than chance', () => {
    // The mean of prod_j 3 x_j^2 over [0, 1)^5 is 1; 4096 Sobol points get within 0.01, where
    // random points would have a standard error of about 0.1.
    const points = sobolSequence(5, 4096, { scramble: 7 });
    const mean = points.reduce((s, p) => s + p.reduce((q, x) => q * 3 * x * x, 1), 0) / points.length;
    expect(Math.abs(mean - 1)).toBeLessThan(0.01);
  });

  it('rejects bad arguments with their names', () => {
    expect(() => sobolSequence(0, 4)).toThrow(/dimensions/);
    expect(() => sobolSequence(65, 4)).toThrow(/dimensions/);
    expect(() => sobolSequence(2, 1.5)).toThrow(/points/);
    expect(() => sobolSequence(2, 4, { skip: -1 })).toThrow(/skip/);
    expect(() => sobolSequence(2, 2, { skip: 2 ** 32 - 1 })).toThrow(/2\^32/);
  });
});
