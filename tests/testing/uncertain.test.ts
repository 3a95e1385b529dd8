import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeConfig, mergeOver, simulate, type ConfigInput } from '../../src/index.js';
import { config, distribution, uncertainSections } from '../../src/testing/index.js';

// Issue 11, item 3: the testing kit's arbitraries of distributions, and the property that a config
// with distributions never produces a NaN or an infinite number.
describe('distribution()', () => {
  it('generates only distributions the decoder accepts for a number of that range', () => {
    fc.assert(
      fc.property(distribution([0, 1]), distribution([1, 20000], { integer: true }), distribution([0, 1e12]), (share, count, nok) => {
        const r = decodeConfig({ policy: { priceWeight: share }, suppliers: { initialCount: count }, outcomes: { valuePerTransition: nok } });
        if (r._tag === 'Left') throw new Error(JSON.stringify(r.left));
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('makes every kind, and only the kinds asked for', () => {
    const kinds = new Set(fc.sample(distribution([0, 1]), { seed: 3, numRuns: 300 }).map((d) => d.dist));
    expect([...kinds].sort()).toEqual(['beta', 'discrete', 'triangular', 'truncatedNormal', 'uniform']);
    expect(new Set(fc.sample(distribution([0, 1], { kinds: ['discrete'] }), { seed: 3, numRuns: 50 }).map((d) => d.dist))).toEqual(new Set(['discrete']));
    expect(() => distribution([1, 0])).toThrow(RangeError);
    expect(() => distribution([0.5, 0.5], { kinds: ['beta'] })).toThrow(/no kind/);
  });
});

describe('uncertainSections()', () => {
  it('merged over any valid config, decodes', () => {
    fc.assert(
      fc.property(config(), uncertainSections(), (c, u) => {
        const r = decodeConfig(mergeOver(c, u));
        if (r._tag === 'Left') throw new Error(JSON.stringify(r.left));
      }),
      { seed: 5, numRuns: 200 },
    );
  });

  it('a config with distributions never produces NaN or Infinity: outcomes, series and draws are finite', () => {
    fc.assert(
      fc.property(config(), uncertainSections(), fc.nat(), (c, u, seed) => {
        const r = simulate(mergeOver(c, u) as ConfigInput, seed);
        for (const [k, v] of Object.entries(r.outcomes)) if (!Number.isFinite(v)) throw new Error(`outcome ${k} is ${v}`);
        for (const [k, vs] of Object.entries(r.series)) if (!vs.every(Number.isFinite)) throw new Error(`series ${k} is not finite`);
        for (const [k, v] of Object.entries(r.inputs ?? {})) if (!Number.isFinite(v)) throw new Error(`input ${k} is ${v}`);
      }),
      { seed: 7, numRuns: 80 },
    );
  });
});
