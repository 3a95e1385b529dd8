import { describe, expect, it } from 'vitest';
import { studentTQuantile } from '../../src/metrics/studentT.js';

describe('studentTQuantile', () => {
  // Reference values of t(0.975, df) from standard tables.
  it.each([
    [1, 12.7062, 1e-4],
    [2, 4.3027, 1e-4],
    [3, 3.1824, 0.005],
    [5, 2.5706, 0.002],
    [10, 2.2281, 1e-4],
    [30, 2.0423, 1e-4],
    [120, 1.9799, 1e-4],
  ])('t(0.975, %i) is about %f', (df, expected, tolerance) => {
    expect(Math.abs(studentTQuantile(0.975, df) - expected)).toBeLessThan(tolerance);
  });

  it('is symmetric and tends to the normal quantile', () => {
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-studentTQuantile(0.975, 10), 12);
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.959964, 4);
  });
});
