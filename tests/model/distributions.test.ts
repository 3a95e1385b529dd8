import { describe, expect, it } from 'vitest';
import { BASELINE_CONFIG } from '../../src/model/baseline.js';
import type { ConfigIssue } from '../../src/model/codecs.js';
import { decodeConfig, mergeOver, parseConfig } from '../../src/model/decode.js';
import { distributionMean, distributionQuantile, type Distribution } from '../../src/model/distributions.js';
import { resolveUncertain } from '../../src/model/resolve.js';
import { uncertainInputs } from '../../src/model/uncertain.js';
import { betaQuantile, logGamma, regularizedBeta } from '../../src/random/incompleteBeta.js';
import { openStream, seedRoot, StreamPurpose } from '../../src/random/streams.js';
import { ConfigError } from '../../src/model/decode.js';
import { POINT_ASSUMPTIONS } from '../helpers/pointAssumptions.js';

function issuesOf(input: unknown): ConfigIssue[] {
  const r = decodeConfig(input);
  if (r._tag === 'Right') throw new Error(`expected decodeConfig to fail for ${JSON.stringify(input)}`);
  return r.left;
}

const gain = (d: unknown) => ({ effects: { dataSharing: { workRateGain: d } } });

describe('a number may be given as a distribution', () => {
  it.each<[string, unknown, unknown]>([
    ['uniform', { dist: 'uniform', min: 0, max: 0.02 }, { dist: 'uniform', min: 0, max: 0.02 }],
    ['triangular', { dist: 'triangular', max: 0.045, mode: 0.01, min: 0 }, { dist: 'triangular', min: 0, mode: 0.01, max: 0.045 }],
    ['truncated normal', { dist: 'truncatedNormal', mean: 0, sd: 0.01, min: 0, max: 0.03 }, { dist: 'truncatedNormal', mean: 0, sd: 0.01, min: 0, max: 0.03 }],
    ['beta on [0, 1] (written out)', { dist: 'beta', alpha: 2, beta: 5 }, { dist: 'beta', alpha: 2, beta: 5, min: 0, max: 1 }],
    ['beta on [min, max]', { dist: 'beta', alpha: 2, beta: 5, min: 0, max: 0.04 }, { dist: 'beta', alpha: 2, beta: 5, min: 0, max: 0.04 }],
    ['discrete', { dist: 'discrete', values: [0, 0.01, 0.02] }, { dist: 'discrete', values: [0, 0.01, 0.02] }],
    ['discrete with weights', { dist: 'discrete', values: [0, 0.02], weights: [3, 1] }, { dist: 'discrete', values: [0, 0.02], weights: [3, 1] }],
  ])('%s, in canonical form', (_name, given, decoded) => {
    const config = parseConfig(gain(given));
    expect(config.effects.dataSharing.workRateGain).toEqual(decoded);
    expect(JSON.stringify(config.effects.dataSharing.workRateGain)).toBe(JSON.stringify(decoded));
  });

  it('anywhere a number is accepted: list entries, integers, nullable numbers', () => {
    const config = parseConfig({
      ...POINT_ASSUMPTIONS,
      market: { measureTypes: BASELINE_CONFIG.market.measureTypes.map((m, i) => (i === 0 ? { ...m, baseWorkRate: { dist: 'uniform', min: 0.25, max: 0.29 } } : m)) },
      suppliers: { initialCount: { dist: 'discrete', values: [500, 600, 700] } },
      policy: { maxLotsPerSupplier: { dist: 'uniform', min: 2, max: 5 }, priceWeight: { dist: 'beta', alpha: 7, beta: 3 } },
    });
    expect(Object.keys(uncertainInputs(config))).toEqual([
      'market.measureTypes[0].baseWorkRate',
      'suppliers.initialCount',
      'policy.maxLotsPerSupplier',
      'policy.priceWeight',
    ]);
  });

  it('a number stays a number, with the messages it always had', () => {
    expect(issuesOf(gain(1.4))).toEqual([{ path: 'effects.dataSharing.workRateGain', message: 'expected a number in [0, 1], got 1.4' }]);
    expect(issuesOf(gain('0.1'))).toEqual([{ path: 'effects.dataSharing.workRateGain', message: 'expected a number in [0, 1], got the string "0.1"' }]);
    expect(issuesOf({ policy: { maxLotsPerSupplier: 0 } })).toEqual([{ path: 'policy.maxLotsPerSupplier', message: 'expected null or an integer in [1, 1000], got 0' }]);
  });
});

describe('a bad distribution is an error at the number it stands for', () => {
  const at = 'effects.dataSharing.workRateGain';
  it.each<[string, unknown, string]>([
    ['support above the range', { dist: 'uniform', min: 0, max: 1.4 }, 'uniform max 1.4 outside [0, 1]'],
    ['support below the range', { dist: 'triangular', min: -0.01, mode: 0, max: 0.02 }, 'triangular min -0.01 outside [0, 1]'],
    ['a truncated normal beyond the range', { dist: 'truncatedNormal', mean: 0, sd: 0.01, min: -0.02, max: 0.02 }, 'truncatedNormal min -0.02 outside [0, 1]'],
    ['a discrete value outside', { dist: 'discrete', values: [0, 2] }, 'discrete value 2 outside [0, 1]'],
    ['beta stretched outside', { dist: 'beta', alpha: 1, beta: 1, min: 0, max: 2 }, 'beta max 2 outside [0, 1]'],
    ['an unknown kind', { dist: 'unifrom', min: 0, max: 1 }, 'unknown distribution the string "unifrom" (did you mean "uniform"?); dist is one of "uniform", "triangular", "truncatedNormal", "beta", "discrete"'],
    ['a kind that is not a string', { dist: 3 }, 'unknown distribution 3; dist is one of "uniform", "triangular", "truncatedNormal", "beta", "discrete"'],
    ['an unknown key', { dist: 'uniform', min: 0, maxx: 1 }, 'a uniform distribution takes dist, min and max; unknown key "maxx" (did you mean "max"?)'],
    ['a missing key', { dist: 'triangular', min: 0, max: 1 }, 'a triangular distribution needs mode'],
    ['a parameter that is not a number', { dist: 'uniform', min: 0, max: '1' }, 'uniform max: expected a finite number, got the string "1"'],
    ['a non-finite parameter', { dist: 'uniform', min: 0, max: Number.POSITIVE_INFINITY }, 'uniform max: expected a finite number, got Infinity'],
    ['min above max', { dist: 'uniform', min: 0.5, max: 0.1 }, 'uniform min 0.5 is above max 0.1'],
    ['a mode outside', { dist: 'triangular', min: 0, mode: 0.5, max: 0.1 }, 'triangular mode 0.5 is not between min 0 and max 0.1'],
    ['sd 0', { dist: 'truncatedNormal', mean: 0, sd: 0, min: 0, max: 1 }, 'truncatedNormal sd must be positive, got 0'],
    ['an empty truncation', { dist: 'truncatedNormal', mean: 0, sd: 1, min: 0.5, max: 0.5 }, 'truncatedNormal min 0.5 is not below max 0.5'],
    ['a beta shape of 0', { dist: 'beta', alpha: 0, beta: 1 }, 'beta alpha must be positive and at most 10000, got 0'],
    ['beta with min only', { dist: 'beta', alpha: 1, beta: 1, min: 0 }, 'a beta distribution takes min and max together (or neither, for [0, 1]); give max too'],
    ['no values', { dist: 'discrete', values: [] }, 'discrete values: expected a list of 1 to 1000 numbers, got an array of 0'],
    ['weights of another length', { dist: 'discrete', values: [0, 0.1], weights: [1] }, 'discrete weights: expected a list as long as values (2), got an array of 1'],
    ['a negative weight', { dist: 'discrete', values: [0, 0.1], weights: [1, -1] }, 'discrete weights: expected numbers of at least 0, got -1'],
    ['weights that sum to 0', { dist: 'discrete', values: [0, 0.1], weights: [0, 0] }, 'discrete weights: their sum must be positive and finite'],
    ['an object that is no distribution', { min: 0, max: 1 }, 'expected a number in [0, 1] or a distribution (an object with a "dist" key), got an object'],
  ])('%s', (_name, given, message) => {
    expect(issuesOf(gain(given))).toEqual([{ path: at, message }]);
  });

  it('an integer parameter takes only integer discrete values; its default beta range says so', () => {
    expect(issuesOf({ suppliers: { initialCount: { dist: 'discrete', values: [10, 10.5] } } })).toEqual([
      { path: 'suppliers.initialCount', message: 'discrete value 10.5 is not an integer' },
    ]);
    expect(issuesOf({ market: { measureTypes: [{ ...BASELINE_CONFIG.market.measureTypes[0]!, durationWeeks: { dist: 'beta', alpha: 2, beta: 2 } }] } })).toEqual([
      { path: 'market.measureTypes[0].durationWeeks', message: 'beta min 0 outside [0.1, 520] (beta is on [0, 1] unless min and max are given)' },
    ]);
  });

  it('lists every problem of a config, each at its path', () => {
    const issues = issuesOf({ effects: { employerInsight: { workRateGain: { dist: 'uniform', min: 0, max: 2 } } }, policy: { priceWeight: { dist: 'beta' } } });
    expect(issues).toEqual([
      { path: 'effects.employerInsight.workRateGain', message: 'uniform max 2 outside [0, 1]' },
      { path: 'policy.priceWeight', message: 'a beta distribution needs alpha and beta' },
    ]);
  });
});

describe('merging treats a distribution as one value', () => {
  it('replaces it whole, in both directions', () => {
    const tri = { dist: 'triangular', min: 0, mode: 0.01, max: 0.02 };
    expect(mergeOver(gain(tri), gain({ dist: 'discrete', values: [0.01] }))).toEqual(gain({ dist: 'discrete', values: [0.01] }));
    expect(mergeOver(gain(tri), gain(0.03))).toEqual(gain(0.03));
    expect(mergeOver(gain(0.03), gain(tri))).toEqual(gain(tri));
    // A partial object over a distribution is not merged into it: the decoder names the mistake.
    const partial = mergeOver(gain(tri), gain({ max: 0.03 }));
    expect(partial).toEqual(gain({ max: 0.03 }));
    expect(decodeConfig(gain({ max: 0.03 }), parseConfig(gain(tri)))._tag).toBe('Left');
  });
});

describe('combinations are checked at both ends of the distributions, and again on each draw', () => {
  it('a combination that fails at one end is an error naming that end', () => {
    const issues = issuesOf({ suppliers: { sizeThresholds: { smallBelow: { dist: 'uniform', min: 1e7, max: 2e8 }, largeFrom: 1e8 } } });
    expect(issues).toEqual([
      {
        path: 'suppliers.sizeThresholds.smallBelow',
        message: 'smallBelow (200000000) is above largeFrom (100000000); the small threshold must not exceed the large one (with every distribution at the high end of its values)',
      },
    ]);
  });

  it('a combination that fails only at mixed ends is caught when a run draws it', () => {
    const config = parseConfig({
      suppliers: { sizeThresholds: { smallBelow: { dist: 'uniform', min: 1e7, max: 9e7 }, largeFrom: { dist: 'uniform', min: 8e7, max: 2e8 } } },
    });
    let failures = 0;
    for (let seed = 0; seed < 200; seed++) {
      try {
        resolveUncertain(config, seed);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as ConfigError).issues[0]!.path).toBe('suppliers.sizeThresholds.smallBelow');
        expect((error as ConfigError).issues[0]!.message).toContain('with the values drawn for seed');
        failures++;
      }
    }
    // P(smallBelow > largeFrom) = (0.1 x 0.083 / 2) / (0.8 x 1.2) ~ 0.5 %; the draws find some.
    expect(failures).toBeGreaterThan(0);
    expect(failures).toBeLessThan(20);
  });
});

describe('draws', () => {
  const root = seedRoot('draws');

  /** n uniforms from one stream: independent draws to compare a quantile function with its distribution. */
  function uniforms(n: number, key: number): number[] {
    const rng = openStream(root, StreamPurpose.inputs, key);
    return Array.from({ length: n }, () => rng.next());
  }

  function moments(xs: readonly number[]): { mean: number; se: number } {
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
    return { mean, se: Math.sqrt(variance / xs.length) };
  }

  it.each<[string, Distribution]>([
    ['uniform', { dist: 'uniform', min: 300000, max: 900000 }],
    ['triangular', { dist: 'triangular', min: 0, mode: 0.01, max: 0.045 }],
    ['triangular with its mode at min', { dist: 'triangular', min: 0, mode: 0, max: 1 }],
    ['truncated normal centred', { dist: 'truncatedNormal', mean: 0, sd: 0.01, min: -0.02, max: 0.02 }],
    ['truncated normal, one tail', { dist: 'truncatedNormal', mean: 0, sd: 1, min: 1, max: 3 }],
    ['truncated normal, far tail', { dist: 'truncatedNormal', mean: 0, sd: 1, min: 6, max: 7 }],
    ['truncated normal, far lower tail', { dist: 'truncatedNormal', mean: 0, sd: 1, min: -9, max: -8 }],
    ['beta', { dist: 'beta', alpha: 2, beta: 5 }],
    ['beta, U-shaped', { dist: 'beta', alpha: 0.3, beta: 0.5, min: 10, max: 20 }],
    ['discrete', { dist: 'discrete', values: [3, 1, 2], weights: [1, 2, 1] }],
  ])('%s: the mean of 20 000 draws is the distribution mean, within 4 standard errors', (_name, d) => {
    const xs = uniforms(20000, 17).map((u) => distributionQuantile(d, u));
    const { mean, se } = moments(xs);
    expect(Math.abs(mean - distributionMean(d))).toBeLessThanOrEqual(4 * se + 1e-12);
    const [lo, hi] = d.dist === 'discrete' ? [1, 3] : d.dist === 'beta' ? [d.min ?? 0, d.max ?? 1] : [d.min, d.max];
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(lo);
    expect(Math.max(...xs)).toBeLessThanOrEqual(hi);
  });

  it('a discrete distribution gives each value with its probability', () => {
    const d: Distribution = { dist: 'discrete', values: [0.2, 0.1, 0.3], weights: [1, 2, 1] };
    const xs = uniforms(20000, 5).map((u) => distributionQuantile(d, u));
    for (const [v, p] of [[0.1, 0.5], [0.2, 0.25], [0.3, 0.25]] as const) {
      const share = xs.filter((x) => x === v).length / xs.length;
      expect(Math.abs(share - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / xs.length));
    }
  });

  it('quantile functions are monotone, so draws of two distributions at one path move together', () => {
    const ds: Distribution[] = [
      { dist: 'uniform', min: 0, max: 1 },
      { dist: 'triangular', min: 0, mode: 0.3, max: 1 },
      { dist: 'truncatedNormal', mean: 0.2, sd: 0.3, min: 0, max: 1 },
      { dist: 'beta', alpha: 0.5, beta: 3 },
      { dist: 'discrete', values: [0.9, 0.1, 0.5] },
    ];
    for (const d of ds) {
      let last = -Infinity;
      let monotone = true;
      for (let k = 0; k <= 1000; k++) {
        const x = distributionQuantile(d, k / 1000);
        if (x < last) monotone = false;
        last = x;
      }
      expect(monotone, d.dist).toBe(true);
    }
  });

  it('the beta quantile inverts the regularised incomplete beta function', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(regularizedBeta(0.5, 2, 2)).toBeCloseTo(0.5, 12);
    // Beta(1, 1) is uniform; Beta(2, 1) has CDF x^2.
    expect(regularizedBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(regularizedBeta(0.3, 2, 1)).toBeCloseTo(0.09, 12);
    for (const [a, b] of [[2, 5], [0.3, 0.5], [50, 80], [0.05, 2]] as const) {
      for (const p of [0.001, 0.1, 0.5, 0.9, 0.999]) expect(regularizedBeta(betaQuantile(p, a, b), a, b)).toBeCloseTo(p, 9);
    }
  });

  it('each run draws from its own stream: one seed gives one value, other seeds others, spread as the distribution', () => {
    const config = parseConfig({ outcomes: { valuePerTransition: { dist: 'uniform', min: 300000, max: 900000 } } });
    const draw = (seed: string) => resolveUncertain(config, seed).inputs['outcomes.valuePerTransition']!;
    expect(draw('7#0')).toBe(draw('7#0'));
    const xs = Array.from({ length: 4000 }, (_, i) => draw(`7#${i}`));
    expect(new Set(xs).size).toBe(xs.length);
    const { mean, se } = moments(xs);
    expect(Math.abs(mean - 600000)).toBeLessThanOrEqual(4 * se);
    // The resolved config carries the draw; an integer parameter's draw is rounded.
    const { config: drawn, inputs } = resolveUncertain(parseConfig({ suppliers: { initialCount: { dist: 'uniform', min: 100, max: 200 } } }), 3);
    expect(drawn.suppliers.initialCount).toBe(inputs['suppliers.initialCount']);
    expect(Number.isInteger(drawn.suppliers.initialCount)).toBe(true);
  });

  it('a config of numbers resolves to itself, with no inputs', () => {
    const config = parseConfig(mergeOver(POINT_ASSUMPTIONS, { policy: { minimumVolumeShare: 0.3 } }));
    const { config: drawn, inputs } = resolveUncertain(config, 1);
    expect(drawn).toBe(config);
    expect(inputs).toEqual({});
  });
});
