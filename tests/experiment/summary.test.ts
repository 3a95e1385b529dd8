import { describe, expect, it } from 'vitest';
import { addValue, emptyTotals, mergeTotals, summarise } from '../../src/experiment/summary.js';

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

  it('is all zeros and JSON-safe for no runs; sd 0 and a zero-width interval for one run', () => {
    const empty = summarise(emptyTotals());
    expect(Object.values(empty).every((v) => v === 0)).toBe(true);
    expect(JSON.parse(JSON.stringify(emptyTotals()))).toEqual(emptyTotals());
    const one = emptyTotals();
    addValue(one, 3);
    expect(summarise(one)).toMatchObject({ n: 1, mean: 3, sd: 0, se: 0, lower: 3, upper: 3 });
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
