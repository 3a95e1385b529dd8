import { describe, expect, it } from 'vitest';
import { addValue, emptyTotals, hasInterval, mergeTotals, summarise } from '../../src/experiment/summary.js';

describe('summarise', () => {
  it('gives mean, sample sd, standard error and a t interval, computed by hand', () => {
    const t = emptyTotals();
    [2, 4, 4, 4, 5, 5, 7, 9].forEach((x) => addValue(t, x));
    const s = summarise(t);
    expect(s.n).toBe(8);
    expect(s.mean).toBe(5);
    expect(s.sd).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(s.se).toBeCloseTo(Math.sqrt(32 / 7) / Math.sqrt(8), 12);
    expect(s.upper - s.mean).toBeCloseTo(2.3646 * s.se, 2); // t(0.975, 7) = 2.3646
    expect([s.min, s.max]).toEqual([2, 9]);
    expect(s.q50).toBeCloseTo(4, 2);
  });

  it('is all zeros and JSON-safe for no runs; sd 0 and no interval for one run', () => {
    const { noVariation, ...empty } = summarise(emptyTotals());
    expect(Object.values(empty).every((v) => v === 0)).toBe(true);
    expect(noVariation).toBe(false);
    expect(JSON.parse(JSON.stringify(emptyTotals()))).toEqual(emptyTotals());
    const one = emptyTotals();
    addValue(one, 3);
    const s = summarise(one);
    expect(s).toMatchObject({ n: 1, mean: 3, sd: 0, se: 0, lower: 3, upper: 3, noVariation: false });
    expect(hasInterval(s)).toBe(false);
  });

  it('flags runs that all gave the same value, with the value as mean and sd exactly 0', () => {
    // 0.7 three times: S2 - S1^2 / n leaves a rounding residue (sd 1e-8) and S1 / n is 0.6999999999999998.
    const t = emptyTotals();
    [0.7, 0.7, 0.7].forEach((x) => addValue(t, x));
    const s = summarise(t);
    expect(s).toMatchObject({ n: 3, mean: 0.7, sd: 0, se: 0, lower: 0.7, upper: 0.7, noVariation: true });
    expect(hasInterval(s)).toBe(false);
    // One value apart is variation, however small.
    addValue(t, 0.7000000000000001);
    expect(summarise(t).noVariation).toBe(false);
    expect(hasInterval(summarise(t))).toBe(true);
  });

  it('a 0/1 outcome whose event did not happen in 20 runs has no variation, not the interval [0, 0]', () => {
    const t = emptyTotals();
    for (let i = 0; i < 20; i++) addValue(t, 0);
    expect(summarise(t)).toMatchObject({ mean: 0, noVariation: true });
    addValue(t, 1);
    const s = summarise(t);
    expect(s.noVariation).toBe(false);
    expect(s.upper).toBeGreaterThan(0.1); // 1/21 + t(0.975, 20) x 0.218 / sqrt(21)
  });

  it('merging totals equals adding every value to one', () => {
    const values = Array.from({ length: 101 }, (_, i) => Math.sin(i) * 1000);
    const all = emptyTotals();
    values.forEach((x) => addValue(all, x));
    const parts = [emptyTotals(), emptyTotals(), emptyTotals()];
    values.forEach((x, i) => addValue(parts[i % 3]!, x));
    const merged = emptyTotals();
    for (const p of [parts[2]!, parts[0]!, parts[1]!]) mergeTotals(merged, p);
    expect(summarise(merged)).toEqual(summarise(all));
  });
});
