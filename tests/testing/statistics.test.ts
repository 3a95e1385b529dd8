import { describe, expect, it } from 'vitest';
import { compare } from '../../src/experiment/compare.js';
import { normal } from '../../src/random/normal.js';
import { openStream, seedRoot, StreamPurpose } from '../../src/random/streams.js';
import { assertAtLeastAsGood, clearlyWorse, pairedEffect, StatisticalAssertionError } from '../../src/testing/statistics.js';

const small = { run: { burnInYears: 1, horizonYears: 2 }, suppliers: { initialCount: 80 } } as const;

describe('pairedEffect', () => {
  it('is exactly 0 for a config against itself', () => {
    const e = pairedEffect(small, small, 'smallCohortSurvival', { runs: 5 });
    expect(e.difference).toBe(0);
    expect(e.se).toBe(0);
    expect(e.meanA).toBe(e.meanB);
  });

  it('equals the paired difference that compare() reports', async () => {
    const b = { policy: { minimumVolumeShare: 0.4 } };
    const e = pairedEffect(small, b, 'guaranteePaymentsPerYear', { runs: 6, seed: 3 });
    const r = await compare(small, { B: b }, { runs: 6, seed: 3, rows: false, series: false });
    expect(e.difference).toBe(r.differences.B!.guaranteePaymentsPerYear.mean);
    expect([e.lower, e.upper]).toEqual([r.differences.B!.guaranteePaymentsPerYear.lower, r.differences.B!.guaranteePaymentsPerYear.upper]);
  });

  it('rejects an unknown metric and a bad run count with paths', () => {
    expect(() => pairedEffect(small, small, 'nonsense' as never)).toThrow(/metric/);
    expect(() => pairedEffect(small, small, 'hhi', { runs: 1 })).toThrow(/options.runs/);
  });
});

describe('assertAtLeastAsGood', () => {
  it('passes when B equals A', () => {
    expect(() => assertAtLeastAsGood(small, small, 'meanQuality', { runs: 5 })).not.toThrow();
  });

  it('fails, with the measured effect, when B is clearly worse', () => {
    // A price-only award takes the buyer's quality incentive away: quality falls in every run.
    const worse = { policy: { priceWeight: 1 } };
    try {
      assertAtLeastAsGood({ ...small, policy: { priceWeight: 0.2 } }, { ...small, ...worse }, 'meanQuality', { runs: 10 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(StatisticalAssertionError);
      expect((e as StatisticalAssertionError).effect.difference).toBeLessThan(0);
      expect((e as Error).message).toMatch(/meanQuality \(higher is better\)/);
    }
  });

  it('passes a worse B when the tolerance covers the loss', () => {
    const e = pairedEffect({ ...small, policy: { priceWeight: 0.2 } }, { ...small, policy: { priceWeight: 1 } }, 'meanQuality', { runs: 10 });
    expect(() =>
      assertAtLeastAsGood({ ...small, policy: { priceWeight: 0.2 } }, { ...small, policy: { priceWeight: 1 } }, 'meanQuality', {
        runs: 10,
        tolerance: -e.difference + 10 * e.se + 1e-9,
      }),
    ).not.toThrow();
  });

  it('asks for a direction when the outcome has none', () => {
    expect(() => assertAtLeastAsGood(small, small, 'meanMargin', { runs: 3 })).toThrow(/options.better/);
    expect(() => assertAtLeastAsGood(small, small, 'meanMargin', { runs: 3, better: 'higher' })).not.toThrow();
  });
});

describe('clearlyWorse: the stated false-failure rate holds', () => {
  it('fails at most falseFailureRate of the time when B is exactly at the tolerance', () => {
    // Synthetic paired differences with true mean -tolerance (the worst case allowed), normal,
    // 20 runs each; the rule should fail in about 5 % of 20 000 trials at a 5 % rate.
    const rng = openStream(seedRoot('false-failure'), StreamPurpose.population, 0);
    const trials = 20_000;
    const runs = 20;
    const rate = 0.05;
    const tolerance = 0.3;
    let failures = 0;
    for (let k = 0; k < trials; k++) {
      let sum = 0;
      let sumSq = 0;
      for (let i = 0; i < runs; i++) {
        const d = normal(rng, -tolerance, 1);
        sum += d;
        sumSq += d * d;
      }
      const mean = sum / runs;
      const sd = Math.sqrt((sumSq - runs * mean * mean) / (runs - 1));
      if (clearlyWorse(mean, sd / Math.sqrt(runs), runs, tolerance, rate)) failures++;
    }
    const se = Math.sqrt((rate * (1 - rate)) / trials); // binomial standard error of the rate
    expect(Math.abs(failures / trials - rate)).toBeLessThan(5 * se);
  });

  it('fails almost always when B is far worse than the tolerance', () => {
    expect(clearlyWorse(-1, 0.1, 30, 0.2, 0.001)).toBe(true);
    expect(clearlyWorse(-0.1, 0.1, 30, 0, 0.001)).toBe(false);
  });
});
