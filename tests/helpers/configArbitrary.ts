import fc from 'fast-check';
import type { ConfigInput } from '../../src/model/config.js';
import { CALL_OFF_RULES, SCORING_RULES } from '../../src/model/config.js';

/**
 * Random valid partial configs, kept small so a property test runs many of them quickly:
 * few suppliers, short runs, every policy lever anywhere in its valid range. (The exported,
 * composable arbitraries of the testing kit are separate work; this one serves the core's own tests.)
 */
export const smallConfigInput: fc.Arbitrary<ConfigInput> = fc
  .record({
    periodsPerYear: fc.constantFrom(1, 2, 4, 12),
    burnInYears: fc.integer({ min: 0, max: 3 }),
    horizonYears: fc.integer({ min: 1, max: 4 }),
    regions: fc.integer({ min: 1, max: 4 }),
    measures: fc.integer({ min: 1, max: 3 }),
    lotsPerCell: fc.integer({ min: 1, max: 4 }),
    demand: fc.double({ min: 0, max: 5000, noNaN: true }),
    volatility: fc.double({ min: 0, max: 0.3, noNaN: true }),
    initialCount: fc.integer({ min: 1, max: 60 }),
    shares: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }),
    entryRate: fc.double({ min: 0, max: 30, noNaN: true }),
    acquisition: fc.double({ min: 0, max: 0.3, noNaN: true }),
    shock: fc.option(fc.double({ min: -1, max: 1, noNaN: true }), { nil: undefined }),
    policy: fc.record({
      baseTermYears: fc.double({ min: 1, max: 6, noNaN: true }),
      optionYears: fc.double({ min: 0, max: 2, noNaN: true }),
      optionExerciseProbability: fc.double({ min: 0, max: 1, noNaN: true }),
      lotSplit: fc.double({ min: 0.5, max: 3, noNaN: true }),
      maxLotsPerSupplier: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
      suppliersPerAgreement: fc.integer({ min: 1, max: 5 }),
      callOffRule: fc.constantFrom(...CALL_OFF_RULES),
      capacityCommitment: fc.double({ min: 0.5, max: 2, noNaN: true }),
      minimumVolumeShare: fc.double({ min: 0, max: 1, noNaN: true }),
      priceWeight: fc.double({ min: 0, max: 1, noNaN: true }),
      scoringRule: fc.constantFrom(...SCORING_RULES),
      outcomePaymentShare: fc.double({ min: 0, max: 1, noNaN: true }),
      innovativeProcurement: fc.double({ min: 0, max: 1, noNaN: true }),
      coCreation: fc.double({ min: 0, max: 1, noNaN: true }),
      crossSectorCollaboration: fc.double({ min: 0, max: 1, noNaN: true }),
      employerInsight: fc.double({ min: 0, max: 1, noNaN: true }),
      dataSharing: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
  })
  .filter((r) => r.shares.some((x) => x > 0))
  .map((r) => {
    const names = ['followUp', 'assessment', 'groupTraining'].slice(0, r.measures);
    const share = (k: number) => ({ share: r.shares[k]! });
    const input: ConfigInput = {
      run: { periodsPerYear: r.periodsPerYear, burnInYears: r.burnInYears, horizonYears: r.horizonYears },
      market: {
        regions: Array.from({ length: r.regions }, (_, k) => ({ name: `R${k}`, demandWeight: k + 1 })),
        measureTypes: names.map((name, k) => ({
          name,
          demandPerPeriod: r.demand * (k + 1),
          lotsPerCell: r.lotsPerCell,
          durationWeeks: 8 + 4 * k,
          referencePrice: 4000 + 300 * k,
          baseWorkRate: 0.25,
        })),
        demand: { macroPersistence: 0.5, macroVolatility: r.volatility, cellPersistence: 0.5, cellVolatility: r.volatility },
        shocks: r.shock === undefined ? [] : [{ fromYear: 0, change: r.shock, measureType: null }],
      },
      suppliers: {
        initialCount: r.initialCount,
        ownership: {
          foreignGroup: { ...share(0), capacityMedian: 400 },
          norwegianGroup: { ...share(1), capacityMedian: 200 },
          standalone: { ...share(2), capacityMedian: 60 },
          municipal: { ...share(3), capacityMedian: 60 },
          nonProfit: { ...share(4), capacityMedian: 30 },
        },
        entry: { ratePerYear: r.entryRate },
        acquisition: { probabilityPerPeriod: r.acquisition },
      },
      policy: { name: 'random', ...r.policy },
    };
    return input;
  });
