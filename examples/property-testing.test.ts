/**
 * Three policy assumptions written as properties, the way a researcher would check them before
 * trusting a comparison: "for every market in this range, lever X does not make outcome Y worse".
 *
 * Each property draws small markets with the exported arbitraries, runs the baseline and the
 * lever on the same replications (common random numbers) and asserts with a stated
 * false-failure rate (0.1 % per check by default). Seeds are fixed, so a verdict never changes
 * from one run to the next; a property that is false for some market fails with a shrunk
 * counterexample and the measured effect.
 *
 * Run alone: npx vitest run examples/property-testing.test.ts
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { mergeOver, type ConfigInput } from '../src/index.js';
import { assertAtLeastAsGood, config } from '../src/testing/index.js';

const withPolicy = (base: ConfigInput, policy: ConfigInput['policy']): ConfigInput => mergeOver(base, { policy }) as ConfigInput;
// Small markets with today's policy (policy: false), so each property varies one lever only.
const markets = config({ size: 'small', policy: false });
const check = { runs: 12, seed: 7 } as const;

describe('policy assumptions as properties', () => {
  it('a 30 % minimum-volume guarantee does not lower the survival of small suppliers', () => {
    fc.assert(
      fc.property(markets, (market) => {
        assertAtLeastAsGood(withPolicy(market, { minimumVolumeShare: 0 }), withPolicy(market, { minimumVolumeShare: 0.3 }), 'smallCohortSurvival', {
          ...check,
          tolerance: 0.02,
        });
      }),
      { seed: 1, numRuns: 8 },
    );
  });

  it('guarantee payments do not fall when the guaranteed share rises from 20 % to 50 %', () => {
    fc.assert(
      fc.property(markets, (market) => {
        assertAtLeastAsGood(
          withPolicy(market, { minimumVolumeShare: 0.2 }),
          withPolicy(market, { minimumVolumeShare: 0.5 }),
          'guaranteePaymentsPerYear',
          { ...check, better: 'higher' },
        );
      }),
      { seed: 2, numRuns: 8 },
    );
  });

  it('less weight on price (0.3 instead of 0.7) does not lower the quality delivered', () => {
    fc.assert(
      fc.property(markets, (market) => {
        assertAtLeastAsGood(withPolicy(market, { priceWeight: 0.7 }), withPolicy(market, { priceWeight: 0.3 }), 'meanQuality', check);
      }),
      { seed: 3, numRuns: 8 },
    );
  });
});
