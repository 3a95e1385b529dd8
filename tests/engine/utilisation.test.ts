import { describe, expect, it } from 'vitest';
import { cascadeUtilisation, choiceUtilisation, expectedMinimum, placeShortfall, placeUse, sharedUtilisation, uncoveredDownside } from '../../src/engine/utilisation.js';
import { normalCdf } from '../../src/metrics/normalCdf.js';

/** E[f(X)] by the midpoint rule over the lognormal density (mean 1, log sd sigma). */
function numericExpectation(f: (x: number) => number, sigma: number): number {
  const mu = -0.5 * sigma * sigma;
  let sum = 0;
  const steps = 20000;
  const lo = mu - 8 * sigma;
  const h = (16 * sigma) / steps;
  for (let k = 0; k < steps; k++) {
    const z = lo + (k + 0.5) * h;
    sum += f(Math.exp(z)) * (Math.exp(-((z - mu) ** 2) / (2 * sigma * sigma)) / (sigma * Math.sqrt(2 * Math.PI))) * h;
  }
  return sum;
}

/** E[min(X, a)] by the midpoint rule over the lognormal density (mean 1, log sd sigma). */
function numericMinimum(a: number, sigma: number): number {
  const mu = -0.5 * sigma * sigma;
  let sum = 0;
  const steps = 20000;
  const lo = mu - 8 * sigma;
  const hi = mu + 8 * sigma;
  const h = (hi - lo) / steps;
  for (let k = 0; k < steps; k++) {
    const z = lo + (k + 0.5) * h; // log x
    const density = Math.exp(-((z - mu) ** 2) / (2 * sigma * sigma)) / (sigma * Math.sqrt(2 * Math.PI));
    sum += Math.min(Math.exp(z), a) * density * h;
  }
  return sum;
}

describe('normalCdf', () => {
  it('matches tabulated values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 6);
    expect(normalCdf(3)).toBeCloseTo(0.998650, 6);
    expect(normalCdf(-8)).toBeGreaterThanOrEqual(0);
    expect(normalCdf(8)).toBeLessThanOrEqual(1);
  });
});

describe('utilisation of a place (mechanisms 1 and 2)', () => {
  it('E[min(X, a)] agrees with numerical integration', () => {
    for (const [a, sigma] of [[0.5, 0.1], [1, 0.13], [1.25, 0.13], [0.9, 0.3], [2, 0.5]] as const) {
      expect(expectedMinimum(a, sigma)).toBeCloseTo(numericMinimum(a, sigma), 5);
    }
    expect(expectedMinimum(1e9, 0.2)).toBeCloseTo(1, 12);
    expect(expectedMinimum(0, 0.2)).toBe(0);
    expect(expectedMinimum(0.7, 0)).toBe(0.7);
  });

  it('a cascade uses the first places in full and the last little (certain demand, by hand)', () => {
    // Four places of 31.25 % of forecast each: 1, 1, 1 and 6.25 / 31.25.
    expect([1, 2, 3, 4].map((p) => cascadeUtilisation(p, 4, 1.25, 0))).toEqual([1, 1, 1, 0.2]);
  });

  it('the places of a cascade use together what equal shares use', () => {
    for (const sigma of [0, 0.1, 0.3]) {
      const cascade = [1, 2, 3, 4].map((p) => cascadeUtilisation(p, 4, 1.25, sigma)).reduce((a, b) => a + b, 0) / 4;
      expect(cascade).toBeCloseTo(sharedUtilisation(1.25, sigma), 12);
    }
  });

  it('equal shares: 80 % at a 25 % capacity margin with certain demand; less when demand varies', () => {
    expect(sharedUtilisation(1.25, 0)).toBe(0.8);
    expect(sharedUtilisation(1.25, 0.13)).toBeLessThan(0.8);
  });

  it('choice by quality: the average supplier gets an equal share, half the quality half the use', () => {
    expect(choiceUtilisation(1.25, 1, 0.13)).toBeCloseTo(sharedUtilisation(1.25, 0.13), 12);
    expect(choiceUtilisation(1.25, 0.5, 0)).toBeCloseTo(0.4, 12);
    expect(choiceUtilisation(1.25, 2, 0)).toBe(1); // capped at capacity
  });
});

describe('mechanism 6: what a minimum-volume guarantee covers', () => {
  /** Utilisation of place j of width a, as placeUse defines it. */
  const use = (x: number, j: number, a: number) => Math.min(Math.max(x - (j - 1) * a, 0), a) / a;

  it('the expected shortfall below a level agrees with numerical integration, for a single place and a cascade place', () => {
    for (const [c, j, a, sigma] of [[0.6, 1, 1.25, 0.19], [0.9, 1, 1.25, 0.3], [0.5, 3, 0.4, 0.19], [0.3, 4, 0.3125, 0.25]] as const) {
      expect(placeShortfall(c, j, a, sigma)).toBeCloseTo(numericExpectation((x) => Math.max(0, c - use(x, j, a)), sigma), 5);
      expect(placeUse(j, a, sigma)).toBeCloseTo(numericExpectation((x) => use(x, j, a), sigma), 5);
    }
  });

  it('leaves all of the downside uncovered without a guarantee and none at or above expected use', () => {
    expect(uncoveredDownside(0, 1, 1.25, 0.19)).toBe(1);
    expect(uncoveredDownside(placeUse(1, 1.25, 0.19), 1, 1.25, 0.19)).toBe(0);
    expect(uncoveredDownside(0.95, 1, 1.25, 0.19)).toBe(0);
  });

  it('covers little when the guarantee lies far below likely use, and more the higher it is', () => {
    // Equal shares at a 25 % capacity margin use about 77 % with a spread of 19 %: a 30 % guarantee
    // covers almost nothing (v1 called it 60 % covered: 1 - 0.3 / 0.77).
    expect(uncoveredDownside(0.3, 1, 1.25, 0.19)).toBeGreaterThan(0.99);
    const shares = [0.3, 0.5, 0.6, 0.7].map((g) => uncoveredDownside(g, 1, 1.25, 0.19));
    for (let k = 1; k < shares.length; k++) expect(shares[k]!).toBeLessThan(shares[k - 1]!);
    // Numerically: (E[(m - U)^+] - E[(g - U)^+]) / E[(m - U)^+].
    const m = placeUse(1, 1.25, 0.19);
    const down = (c: number) => numericExpectation((x) => Math.max(0, c - use(x, 1, 1.25)), 0.19);
    expect(uncoveredDownside(0.6, 1, 1.25, 0.19)).toBeCloseTo((down(m) - down(0.6)) / down(m), 4);
  });
});
