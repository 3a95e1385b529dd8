import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addToSketch, emptySketch, mergeSketch, sketchQuantile } from '../../src/metrics/quantileSketch.js';

function exactRankValue(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

describe('quantileSketch', () => {
  it('returns each quantile within its relative accuracy of the value of that rank', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, q) => {
          const s = emptySketch(0.001);
          xs.forEach((x) => addToSketch(s, x));
          const exact = exactRankValue(xs, q);
          const got = sketchQuantile(s, q);
          if (Math.abs(exact) < 1e-12) expect(got).toBe(0);
          else expect(Math.abs(got - exact)).toBeLessThanOrEqual(0.001 * Math.abs(exact) * (1 + 1e-9));
        },
      ),
      { seed: 8, numRuns: 400 },
    );
  });

  it('merges by adding counts, in any order', () => {
    const a = emptySketch(0.01);
    const b = emptySketch(0.01);
    const all = emptySketch(0.01);
    for (let i = -50; i < 100; i++) {
      addToSketch(i % 3 === 0 ? a : b, i * 1.5);
      addToSketch(all, i * 1.5);
    }
    const ab = structuredClone(a);
    mergeSketch(ab, b);
    const ba = structuredClone(b);
    mergeSketch(ba, a);
    expect(ab).toEqual(all);
    expect(ba).toEqual(all);
  });

  it('keeps its buckets as flat sorted [index, count, ...] lists, and merges them in one pass', () => {
    const s = emptySketch(0.01);
    for (const x of [5, 1, 5, -2, 3, 1, 5]) addToSketch(s, x);
    const index = (x: number) => Math.ceil(Math.log(x) / Math.log(1.01 / 0.99));
    expect(s.positive).toEqual([index(1), 2, index(3), 1, index(5), 3]);
    expect(s.negative).toEqual([index(2), 1]);
    // A merge that brings no new bucket adds the counts in place; one that does builds the union.
    const same = structuredClone(s);
    const positive = same.positive;
    mergeSketch(same, s);
    expect(same.positive).toBe(positive);
    expect(same.positive).toEqual([index(1), 4, index(3), 2, index(5), 6]);
    const other = emptySketch(0.01);
    addToSketch(other, 2);
    addToSketch(other, 5);
    mergeSketch(same, other);
    expect(same.positive).toEqual([index(1), 4, index(2), 1, index(3), 2, index(5), 7]);
    expect(same.count).toBe(16);
  });

  it('is JSON-safe and 0 when empty', () => {
    const s = emptySketch();
    expect(sketchQuantile(s, 0.5)).toBe(0);
    addToSketch(s, 3);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('refuses to merge sketches of different accuracy', () => {
    expect(() => mergeSketch(emptySketch(0.01), emptySketch(0.001))).toThrow(/accuracy/);
  });
});
