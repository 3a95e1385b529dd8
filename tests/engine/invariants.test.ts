/**
 * The invariants the library guarantees (docs/testing.md lists them), checked over random valid
 * configs from the exported testing kit: `config({ size: 'small' })` and friends. About 500
 * simulations in `npm test`, a few seconds on 2 cores.
 *
 * Long run: set FAS_LONG=1 to check thousands of configs instead (about 9 000 simulations, under
 * a minute on the reference machine):  FAS_LONG=1 npx vitest run tests/engine/invariants.test.ts
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASELINE_CONFIG, simulate, type ConfigInput } from '../../src/index.js';
import { checkInvariants } from '../helpers/invariants.js';
import { config } from '../../src/testing/index.js';

const LONG = process.env['FAS_LONG'] === '1';
/** Runs of a property: `normal` in npm test, `long` with FAS_LONG=1. */
const runs = (normal: number, long: number) => (LONG ? long : normal);

const BASELINE_MEASURES = BASELINE_CONFIG.market.measureTypes;

describe('invariants over random valid configs', () => {
  it('hold for every run of a small config', () => {
    fc.assert(
      fc.property(config({ size: 'small' }), fc.integer({ min: 0, max: 1e6 }), (input, seed) => {
        checkInvariants(simulate(input, seed));
      }),
      { seed: 20261127, numRuns: runs(300, 5000) },
    );
  });

  it('hold with a burn-in policy varied too', () => {
    fc.assert(
      fc.property(config({ size: 'small', burnInPolicy: {} }), fc.nat(), (input, seed) => {
        checkInvariants(simulate(input, seed));
      }),
      { seed: 5, numRuns: runs(60, 1000) },
    );
  });

  it('hold on the built-in baseline with a varied policy', () => {
    fc.assert(
      fc.property(config({ size: 'baseline' }), fc.nat(), (input, seed) => {
        checkInvariants(simulate(input, seed));
      }),
      { seed: 9, numRuns: runs(10, 150) },
    );
  });

  it('hold for the built-in baseline', () => {
    checkInvariants(simulate({}, 7));
  });

  it('results survive a JSON round trip unchanged', () => {
    fc.assert(
      fc.property(config({ size: 'small' }), fc.integer(), (input, seed) => {
        const r = simulate(input, seed);
        const text = JSON.stringify(r);
        expect(JSON.parse(text)).toEqual(r);
        expect(JSON.stringify(JSON.parse(text))).toBe(text);
      }),
      { seed: 7, numRuns: runs(50, 1000) },
    );
  });

  it('are deterministic: the same input and seed give the same bytes', () => {
    fc.assert(
      fc.property(config({ size: 'small' }), fc.oneof(fc.string({ maxLength: 20 }), fc.integer()), (input, seed) => {
        expect(JSON.stringify(simulate(input, seed))).toBe(JSON.stringify(simulate(input, seed)));
      }),
      { seed: 11, numRuns: runs(50, 1000) },
    );
  });
});

describe('extreme but valid configs run and return valid results', () => {
  const short = { run: { periodsPerYear: 4, burnInYears: 1, horizonYears: 2 } };
  const noDemand = BASELINE_MEASURES.map((m) => ({ ...m, demandPerPeriod: 0 }));
  const cases: Array<[string, ConfigInput]> = [
    ['one supplier', { ...short, suppliers: { initialCount: 1 } }],
    ['one supplier, no entry, one region and one measure type', {
      ...short,
      market: { regions: [{ name: 'A', demandWeight: 1 }], measureTypes: [BASELINE_MEASURES[0]!], shocks: [] },
      suppliers: { initialCount: 1, entry: { ratePerYear: 0 } },
    }],
    ['zero demand', { ...short, market: { measureTypes: noDemand } }],
    ['demand that vanishes at policy start (a shock of -100 %)', { ...short, market: { shocks: [{ fromYear: 0, change: -1, measureType: null }] } }],
    ['price weight 0', { ...short, policy: { priceWeight: 0 } }],
    ['price weight 1', { ...short, policy: { priceWeight: 1 } }],
    ['a 100 % guarantee', { ...short, policy: { minimumVolumeShare: 1 } }],
    ['a 100 % guarantee, fully outcome-based pay and every soft lever at 1', {
      ...short,
      policy: { minimumVolumeShare: 1, outcomePaymentShare: 1, innovativeProcurement: 1, coCreation: 1, crossSectorCollaboration: 1, employerInsight: 1, dataSharing: 1 },
    }],
    ['a one-period horizon without burn-in', { run: { periodsPerYear: 1, burnInYears: 0, horizonYears: 1 } }],
    ['weekly periods', { run: { periodsPerYear: 52, burnInYears: 0, horizonYears: 1 } }],
    ['the shortest term (one period) and no option', { ...short, policy: { baseTermYears: 0.125, optionYears: 0 } }],
    ['a 50-year agreement', { ...short, policy: { baseTermYears: 50, optionYears: 50 } }],
    ['one big lot per cell (lotSplit 0.01) and 20 suppliers on it', { ...short, policy: { lotSplit: 0.01, suppliersPerAgreement: 20 } }],
    ['lots split 100 ways, one supplier each, at most one lot per supplier', {
      ...short,
      market: { regions: [{ name: 'A', demandWeight: 1 }, { name: 'B', demandWeight: 3 }], measureTypes: BASELINE_MEASURES.slice(0, 2) },
      policy: { lotSplit: 100, suppliersPerAgreement: 1, maxLotsPerSupplier: 1 },
    }],
    ['capacity commitment 0.1 and 10', { ...short, burnInPolicy: { capacityCommitment: 10 }, policy: { capacityCommitment: 0.1 } }],
    ['the most volatile demand', { ...short, market: { demand: { macroPersistence: 0.99, macroVolatility: 1, cellPersistence: 0.99, cellVolatility: 1 } } }],
    ['the highest entry rate', { run: { periodsPerYear: 4, burnInYears: 0, horizonYears: 1 }, suppliers: { entry: { ratePerYear: 1000, profitSensitivity: 1000 } } }],
    ['only non-profits, which never fail (huge owner support)', {
      ...short,
      suppliers: {
        ownership: {
          foreignGroup: { share: 0 }, norwegianGroup: { share: 0 }, standalone: { share: 0 }, municipal: { share: 0 },
          nonProfit: { share: 1, ownerSupportPeriods: 1000 },
        },
      },
    }],
    ['costs at their maximum', { ...short, behaviour: { bidCost: 1e12, hiringCostPerWeek: 1e12, firingCostPerWeek: 1e12 } }],
  ];

  it.each(cases)('%s', (_, input) => {
    for (const seed of [1, 2]) checkInvariants(simulate(input, seed));
  });
});
