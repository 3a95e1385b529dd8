import { describe, expect, it } from 'vitest';
import { kaplanMeier } from '../../src/analysis/kaplanMeier.js';
import { ConfigError } from '../../src/model/decode.js';

describe('kaplanMeier', () => {
  it('the product-limit estimate, hand-computed (censored at an event time count after the events)', () => {
    const km = kaplanMeier([1, 2, 2, 3, 5, 5], [true, true, false, false, true, true]);
    expect(km.steps.map((s) => [s.time, s.atRisk, s.events, s.censored])).toEqual([
      [0, 6, 0, 0],
      [1, 6, 1, 0],
      [2, 5, 1, 1],
      [3, 3, 0, 1],
      [5, 2, 2, 0],
    ]);
    const s = km.steps.map((x) => x.survival);
    expect(s[1]).toBeCloseTo(5 / 6, 15);
    expect(s[2]).toBeCloseTo((5 / 6) * (4 / 5), 15);
    expect(s[3]).toBeCloseTo(2 / 3, 15);
    expect(s[4]).toBe(0);
    expect([km.n, km.events, km.median]).toEqual([6, 4, 5]);
  });

  it('Greenwood log-log interval, hand-computed, inside [0, 1] and around the estimate', () => {
    const km = kaplanMeier([1, 2, 2, 3, 5, 5], [true, true, false, false, true, true]);
    const at2 = km.steps[2]!;
    const v = 1 / (6 * 5) + 1 / (5 * 4);
    const S = 2 / 3;
    const spread = (1.959963984540054 * Math.sqrt(v)) / Math.log(S);
    // log S < 0, so spread < 0: the lower end is S to a power above 1.
    expect(at2.lower).toBeCloseTo(S ** Math.exp(-spread), 6);
    expect(at2.upper).toBeCloseTo(S ** Math.exp(spread), 6);
    for (const step of km.steps) {
      expect(step.lower).toBeLessThanOrEqual(step.survival);
      expect(step.upper).toBeGreaterThanOrEqual(step.survival);
      expect(step.lower).toBeGreaterThanOrEqual(0);
      expect(step.upper).toBeLessThanOrEqual(1);
    }
    expect([km.steps[0]!.lower, km.steps[0]!.upper]).toEqual([1, 1]);
    expect([km.steps[4]!.lower, km.steps[4]!.upper]).toEqual([0, 0]);
  });

  it('without censoring it is the empirical survival function; survival never rises', () => {
    const times = [3, 1, 4, 1, 5, 9, 2, 6];
    const km = kaplanMeier(times, times.map(() => true));
    for (const step of km.steps) expect(step.survival).toBeCloseTo(times.filter((t) => t > step.time).length / times.length, 15);
    for (let k = 1; k < km.steps.length; k++) expect(km.steps[k]!.survival).toBeLessThanOrEqual(km.steps[k - 1]!.survival);
  });

  it('refuses mismatched lists, bad times and levels with paths', () => {
    expect(() => kaplanMeier([1], [])).toThrow(ConfigError);
    expect(() => kaplanMeier([1, -1], [true, true])).toThrow(/times\[1\]/);
    expect(() => kaplanMeier([1], [true], 1)).toThrow(ConfigError);
  });
});
