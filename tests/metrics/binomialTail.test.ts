import { describe, expect, it } from 'vitest';
import { binomialUpperTail } from '../../src/metrics/binomialTail.js';

describe('binomialUpperTail', () => {
  it('is exact on small cases worked by hand', () => {
    expect(binomialUpperTail(10, 8, 0.5)).toBeCloseTo(56 / 1024, 15); // (45 + 10 + 1) / 2^10
    expect(binomialUpperTail(3, 2, 0.25)).toBeCloseTo(3 * 0.25 ** 2 * 0.75 + 0.25 ** 3, 15);
    expect(binomialUpperTail(5, 0, 0.3)).toBe(1);
    expect(binomialUpperTail(5, 6, 0.3)).toBe(0);
    expect(binomialUpperTail(5, 5, 1)).toBe(1);
    expect(binomialUpperTail(5, 1, 0)).toBe(0);
  });

  it('matches SciPy (binom.sf(k - 1, n, p)) to 1e-12 relative, in both branches and far tails', () => {
    const cases: Array<[number, number, number, number]> = [
      [100, 30, 0.2, 0.011248978720991648],
      [2000, 260, 0.1, 9.752982980666024e-6],
      [50, 10, 0.3, 0.959768365860806],
      [1000, 1, 0.001, 0.6323045752290359],
      [200, 150, 0.3, 3.516964698554961e-39],
      [240, 228, 0.5, 3.44250403145514e-53],
      [7, 3, 0.9, 0.9998235],
    ];
    for (const [n, k, p, expected] of cases) {
      expect(Math.abs(binomialUpperTail(n, k, p) - expected) / expected, `n=${n} k=${k} p=${p}`).toBeLessThan(1e-12);
    }
  });

  it('keeps about 1e-10 relative at n = 100 000', () => {
    expect(Math.abs(binomialUpperTail(100_000, 30_500, 0.3) / 0.00028879676519079345 - 1)).toBeLessThan(1e-9);
    expect(Math.abs(binomialUpperTail(100_000, 40, 0.0005) / 0.9354769329821312 - 1)).toBeLessThan(1e-9);
  });

  it('falls as k rises and rises with p', () => {
    let last = 1;
    for (let k = 0; k <= 40; k++) {
      const t = binomialUpperTail(40, k, 0.35);
      expect(t).toBeLessThanOrEqual(last);
      last = t;
    }
    expect(binomialUpperTail(40, 20, 0.5)).toBeGreaterThan(binomialUpperTail(40, 20, 0.4));
  });
});
