import { describe, expect, it } from 'vitest';
import { studentTQuantile } from '../../src/metrics/studentT.js';

/**
 * P(T <= t) for integer df by the closed forms of Abramowitz and Stegun 26.7.3 and 26.7.4 (finite
 * sums in cos(theta), theta = atan(t / sqrt(df))): independent of the incomplete beta function
 * the library inverts.
 */
function closedFormCdf(t: number, df: number): number {
  const theta = Math.atan(t / Math.sqrt(df));
  const c2 = Math.cos(theta) ** 2;
  let a: number; // P(|T| <= |t|)
  if (df % 2 === 1) {
    let term = 1;
    let sum = df > 1 ? 1 : 0;
    for (let k = 3; k <= df - 2; k += 2) {
      term *= ((k - 1) / k) * c2;
      sum += term;
    }
    a = (2 / Math.PI) * (theta + Math.sin(theta) * Math.cos(theta) * sum);
  } else {
    let term = 1;
    let sum = 1;
    for (let k = 2; k <= df - 2; k += 2) {
      term *= ((k - 1) / k) * c2;
      sum += term;
    }
    a = Math.sin(theta) * sum;
  }
  return 0.5 + 0.5 * a;
}

describe('studentTQuantile', () => {
  // t(0.975, df) as printed in standard tables (three decimals).
  it.each([
    [1, 12.706],
    [2, 4.303],
    [3, 3.182],
    [5, 2.571],
    [10, 2.228],
    [30, 2.042],
    [120, 1.98],
  ])('t(0.975, %i) rounds to the published %f', (df, printed) => {
    expect(Math.abs(studentTQuantile(0.975, df) - printed)).toBeLessThanOrEqual(0.0005 + 1e-12);
  });

  // Ten significant digits: SciPy's t.ppf, confirmed by a 40-digit root of mpmath's incomplete beta function.
  it.each([
    [0.975, 3, 3.182446305],
    [0.975, 4, 2.776445105],
    [0.975, 5, 2.570581836],
    [0.975, 7, 2.364624252],
    [0.975, 10, 2.228138852],
    [0.975, 19, 2.093024054],
    [0.975, 30, 2.042272456],
    [0.975, 99, 1.984216952],
    [0.995, 3, 5.840909310],
    [0.999, 3, 10.21453185],
    [0.9995, 5, 6.868826626],
    [0.9, 4, 1.533206274],
  ])('t(%f, %i) = %f to ten digits', (p, df, expected) => {
    expect(Math.abs(studentTQuantile(p, df) - expected) / expected).toBeLessThan(1e-9);
  });

  it('is the inverse of the closed-form distribution function for every df from 3 to 60', () => {
    for (let df = 3; df <= 60; df++) {
      for (const p of [0.6, 0.9, 0.975, 0.995, 0.999]) {
        expect(Math.abs(closedFormCdf(studentTQuantile(p, df), df) - p)).toBeLessThan(1e-13);
      }
    }
  });

  it('is symmetric, exact in its closed forms, and joins the normal quantile for large df', () => {
    expect(studentTQuantile(0.025, 10)).toBe(-studentTQuantile(0.975, 10));
    expect(studentTQuantile(0.5, 7)).toBe(0);
    // df = 1 far out in the tail, where tan(pi (p - 1/2)) has lost five digits: cot(pi (1 - p)) to 30 digits (mpmath).
    expect(Math.abs(studentTQuantile(1 - 1e-12, 1) / 318316927901.77965 - 1)).toBeLessThan(1e-13);
    expect(Math.abs(studentTQuantile(0.975, 1e6) - 1.9599663568141067) / 1.96).toBeLessThan(1e-14);
    // Either side of df = 10 000, where the root finder hands over to the expansion (references: mpmath, 40 digits).
    expect(Math.abs(studentTQuantile(0.975, 9_999) / 1.9602012636213573 - 1)).toBeLessThan(1e-13);
    expect(Math.abs(studentTQuantile(0.975, 10_000) / 1.9602012398906259 - 1)).toBeLessThan(1e-14);
  });

  it('handles the edges', () => {
    expect(studentTQuantile(0.975, 0)).toBe(0);
    expect(studentTQuantile(1, 5)).toBe(Infinity);
    expect(studentTQuantile(0, 5)).toBe(-Infinity);
    expect(studentTQuantile(Number.NaN, 5)).toBeNaN();
    expect(studentTQuantile(0.975, 0.5)).toBeCloseTo(164.5576734804882, 9); // below df = 1 the bracket grows
  });
});
