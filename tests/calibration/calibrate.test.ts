import { describe, expect, it } from 'vitest';
import { calibrate, checkFit, targetDistance, unitLatinHypercube, applyParameters, objectiveOf } from '../../src/calibration/calibrate.js';
import { ConfigError } from '../../src/model/decode.js';
import type { ConfigInput } from '../../src/model/config.js';

// A small market (two regions, one measure, a handful of suppliers) that runs in about a millisecond.
// Its reference price leaves room under the price ceiling, so prices move with the markup.
const small: ConfigInput = {
  run: { periodsPerYear: 4, burnInYears: 1, horizonYears: 2 },
  market: {
    regions: [{ name: 'A', demandWeight: 1 }, { name: 'B', demandWeight: 1 }],
    measureTypes: [{ name: 'm', demandPerPeriod: 2000, lotsPerCell: 2, durationWeeks: 10, referencePrice: 5000, baseWorkRate: 0.3 }],
  },
  suppliers: { initialCount: 12, entry: { ratePerYear: 2 } },
};

describe('targetDistance', () => {
  it('measures from a value, or from the nearest end of a range', () => {
    expect(targetDistance({ value: 10 }, 7)).toBe(3);
    expect(targetDistance({ value: 10 }, 12.5)).toBe(2.5);
    expect(targetDistance({ range: [3, 5] }, 4)).toBe(0);
    expect(targetDistance({ range: [3, 5] }, 2)).toBe(1);
    expect(targetDistance({ range: [3, 5] }, 8)).toBe(3);
  });
});

describe('unitLatinHypercube', () => {
  it('uses every stratum of every axis exactly once', () => {
    const points = unitLatinHypercube(3, 20, 'lhs');
    for (let k = 0; k < 3; k++) {
      const strata = points.map((p) => Math.floor(p[k]! * 20)).sort((a, b) => a - b);
      expect(strata).toEqual(Array.from({ length: 20 }, (_, i) => i));
    }
    expect(unitLatinHypercube(3, 20, 'lhs')).toEqual(points);
    expect(unitLatinHypercube(3, 20, 'other')).not.toEqual(points);
  });
});

describe('applyParameters', () => {
  it('writes paths and applies functions, later parameters over earlier ones', () => {
    const input = applyParameters({ run: { horizonYears: 3 } }, [
      { name: 'a', path: 'behaviour.markupScale', lower: 0, upper: 1 },
      { name: 'b', apply: (v) => ({ suppliers: { initialCount: v * 2 } }), lower: 0, upper: 100 },
    ], { a: 0.4, b: 21 });
    expect(input).toEqual({ run: { horizonYears: 3 }, behaviour: { markupScale: 0.4 }, suppliers: { initialCount: 42 } });
  });
});

describe('checkFit', () => {
  it('reports each moment with its Monte Carlo standard error, also for a derived moment', async () => {
    const fit = await checkFit(small, [
      { metric: 'buyerCostPerYear', value: 0, tolerance: 1 },
      { metric: { name: 'twiceCost', of: (o) => 2 * o.buyerCostPerYear }, value: 0, tolerance: 1 },
    ], { runs: 6, seed: 3 });
    expect(fit[1]!.fitted).toBeCloseTo(2 * fit[0]!.fitted, 6);
    expect(fit[1]!.se).toBeCloseTo(2 * fit[0]!.se, 6);
    expect(fit[0]!.se).toBeGreaterThan(0);
    expect(fit[0]!.lower).toBeLessThan(fit[0]!.fitted);
    expect(fit[0]!.misfit).toBe(fit[0]!.distance / 1);
    expect(fit[1]!.metric).toBe('twiceCost');
    expect(objectiveOf(fit)).toBeCloseTo(fit[0]!.misfit ** 2 + fit[1]!.misfit ** 2, 0);
  });
});

describe('calibrate', () => {
  it('recovers a parameter from the moment it produced (identification on a small market)', async () => {
    // The true markup scale is 0.5: measure the price per participant-week it gives, then fit from 1.2.
    const truth = await checkFit(applyParameters(small, [{ name: 'markup', path: 'behaviour.markupScale', lower: 0, upper: 2 }], { markup: 0.5 }),
      [{ metric: 'costPerParticipantWeek', value: 0, tolerance: 1 }], { runs: 8, seed: 'id' });
    const target = truth[0]!.fitted;
    const r = await calibrate(small, [{ name: 'markup', path: 'behaviour.markupScale', lower: 0.1, upper: 2, start: 1.2 }],
      [{ metric: 'costPerParticipantWeek', value: target, tolerance: 5 }], { runs: 8, seed: 'id', maxEvaluations: 40 });
    expect(r.parameters.markup).toBeGreaterThan(0.4);
    expect(r.parameters.markup).toBeLessThan(0.6);
    expect(r.fit[0]!.met).toBe(true);
    expect(r.history.length).toBeGreaterThanOrEqual(r.evaluations);
    // The fitted config is the base with the value applied, ready for any experiment.
    expect((r.config as { behaviour: { markupScale: number } }).behaviour.markupScale).toBe(r.parameters.markup);
  }, 30_000);

  it('gives the same answer twice (common random numbers, deterministic search)', async () => {
    const run = () => calibrate(small, [{ name: 'n', path: 'suppliers.initialCount', lower: 4, upper: 30, integer: true }],
      [{ metric: 'activeSuppliers', value: 15, tolerance: 2 }], { runs: 3, seed: 9, maxEvaluations: 12, initialDesign: 4 });
    const [a, b] = [await run(), await run()];
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(Number.isInteger(a.parameters.n)).toBe(true);
  }, 30_000);

  it('rejects bad parameters, targets and options with paths', async () => {
    const err = await calibrate(small, [
      { name: 'a', path: 'behaviour.markupScale', lower: 1, upper: 0 },
      { name: 'a', lower: 0, upper: 1 },
    ], [{ metric: 'nope' as never, tolerance: 0 }], { runs: 1, maxEvaluations: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    const paths = (err as ConfigError).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining([
      'parameters[0].lower', 'parameters[1].name', 'parameters[1]', 'targets[0].metric', 'targets[0]', 'targets[0].tolerance', 'options.runs', 'options.maxEvaluations',
    ]));
  });

  it('names the config path when a parameter writes a value the config refuses', async () => {
    await expect(calibrate(small, [{ name: 'share', path: 'policy.minimumVolumeShare', lower: 1, upper: 3 }],
      [{ metric: 'meanMargin', value: 0.07, tolerance: 0.01 }], { runs: 2, maxEvaluations: 3 })).rejects.toThrow(/policy.minimumVolumeShare: expected a number in \[0, 1\]/);
  });
});
