import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addToSum, emptySum, mergeSum, sumValue } from '../../src/metrics/exactSum.js';

const sumOf = (xs: number[]) => {
  const s = emptySum();
  for (const x of xs) addToSum(s, x);
  return s;
};

describe('exactSum', () => {
  it('is the exactly rounded sum where naive summation is not', () => {
    expect(sumValue(sumOf([1e100, 1, -1e100]))).toBe(1);
    expect(sumValue(sumOf([0.1, 0.2, -0.3]))).toBe(2.7755575615628914e-17);
    expect(sumValue(sumOf(Array(10).fill(0.1)))).toBe(1);
    expect(sumValue(emptySum())).toBe(0);
  });

  it('does not depend on the order of additions', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), { maxLength: 60 }), (xs) => {
        const forward = sumValue(sumOf(xs));
        const backward = sumValue(sumOf([...xs].reverse()));
        const sorted = sumValue(sumOf([...xs].sort((a, b) => a - b)));
        expect(backward).toBe(forward);
        expect(sorted).toBe(forward);
      }),
      { seed: 5, numRuns: 300 },
    );
  });

  it('merges exactly: split anywhere, merged in any order, same bits', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), { minLength: 2, maxLength: 50 }), fc.nat(), (xs, cut) => {
        const k = cut % xs.length;
        const left = sumOf(xs.slice(0, k));
        const right = sumOf(xs.slice(k));
        const a = [...left];
        mergeSum(a, right);
        const b = [...right];
        mergeSum(b, left);
        expect(sumValue(a)).toBe(sumValue(sumOf(xs)));
        expect(sumValue(b)).toBe(sumValue(sumOf(xs)));
      }),
      { seed: 6, numRuns: 300 },
    );
  });
});
