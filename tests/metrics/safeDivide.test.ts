import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeDivide } from '../../src/metrics/safeDivide.js';

describe('safeDivide', () => {
  it('divides normally when the result is finite', () => {
    expect(safeDivide(6, 3)).toBe(2);
    expect(safeDivide(1, 4)).toBe(0.25);
    expect(safeDivide(-9, 3)).toBe(-3);
    expect(safeDivide(0, 5)).toBe(0);
    expect(safeDivide(1, Number.POSITIVE_INFINITY)).toBe(0);
  });

  it('returns 0 by default when the denominator is 0', () => {
    expect(safeDivide(1, 0)).toBe(0);
    expect(safeDivide(-1, 0)).toBe(0);
    expect(safeDivide(0, 0)).toBe(0);
    expect(safeDivide(1, -0)).toBe(0);
  });

  it('returns the fallback when the result would not be finite', () => {
    expect(safeDivide(1, 0, 5)).toBe(5);
    expect(safeDivide(0, 0, -1)).toBe(-1);
    expect(safeDivide(Number.NaN, 2, 3)).toBe(3);
    expect(safeDivide(2, Number.NaN, 3)).toBe(3);
    expect(safeDivide(Number.POSITIVE_INFINITY, 2, 3)).toBe(3);
    expect(safeDivide(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, 3)).toBe(3);
    expect(safeDivide(1e308, 1e-308, 3)).toBe(3); // overflow
  });

  it('ignores the fallback when the result is finite', () => {
    expect(safeDivide(6, 3, 99)).toBe(2);
  });

  it('property: never returns NaN or +-Infinity with a finite fallback, for any doubles', () => {
    fc.assert(
      fc.property(fc.double(), fc.double(), fc.double({ noNaN: true, noDefaultInfinity: true }), (a, b, fallback) => {
        const r = safeDivide(a, b);
        const rf = safeDivide(a, b, fallback);
        return Number.isFinite(r) && Number.isFinite(rf);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('property: equals a / b whenever a / b is finite, and the fallback otherwise', () => {
    fc.assert(
      fc.property(fc.double(), fc.double(), (a, b) => {
        const q = a / b;
        const r = safeDivide(a, b, 7);
        return Number.isFinite(q) ? Object.is(r, q) : r === 7;
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
