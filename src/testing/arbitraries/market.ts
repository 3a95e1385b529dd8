import * as fc from 'fast-check';
import { BASELINE_CONFIG } from '../../model/baseline.js';
import type { PlainConfigInput, DemandShock, MarketConfig, MeasureType, Region, RunConfig } from '../../model/config.js';
import { checkCount, checkKeys, checkRange, numberTowards, sectionArbitrary, type Range, type RangesOf } from './ranges.js';
import { DEMAND_SCHEMA, MEASURE_TYPE_SCHEMA, REGION_SCHEMA, type ObjectNode } from './schema.js';

/**
 * A partial market, as `market` of a {@link PlainConfigInput}. Lists are always given whole.
 * @example
 * const m: MarketInput = { regions: [{ name: 'Oslo', demandWeight: 1 }], measureTypes: BASELINE_CONFIG.market.measureTypes.slice(0, 1) };
 */
export type MarketInput = NonNullable<PlainConfigInput['market']>;

/**
 * Options of {@link market}. Counts and ranges are inclusive `[min, max]`.
 * @example
 * const o: MarketOptions = { regions: [2, 8], measureType: { lotsPerCell: [1, 20] }, shocks: [0, 0] };
 */
export interface MarketOptions {
  /** Number of regions (default [1, 4]; the decoder allows 1-32). */
  readonly regions?: Range;
  /** Number of measure types (default [1, 3]; the decoder allows 1-32). */
  readonly measureTypes?: Range;
  /** Number of scripted demand shocks (default [0, 2]; the decoder allows 0-100). */
  readonly shocks?: Range;
  /** Ranges for every region (default `demandWeight` [0, 1000]). Names are fixed, see {@link market}. */
  readonly region?: RangesOf<Omit<Region, 'name'>>;
  /** Ranges for every measure type (default `demandPerPeriod` [0, 5000], `lotsPerCell` [1, 4], the rest the decoder's). */
  readonly measureType?: RangesOf<Omit<MeasureType, 'name'>>;
  /** Range of a shock's `change` (default the decoder's, [-1, 10]). */
  readonly shock?: RangesOf<Pick<DemandShock, 'change'>>;
  /** Ranges of the demand process (default the decoder's). */
  readonly demand?: RangesOf<MarketConfig['demand']>;
  /**
   * The run the shocks must fall inside: a shock starts within the first `horizonYears` years of
   * `periodsPerYear` periods (default the baseline's 12 years of 4; `config()` passes its own run).
   * A whole run's settings may be given; `burnInYears` does not matter here.
   */
  readonly within?: Partial<RunConfig>;
}

/**
 * Default ranges of {@link market}: few, small cells, so that a simulation stays fast.
 * @example
 * market({ regions: [SMALL_MARKET_RANGES.regions[0], 15] }); // up to the baseline's 15 regions
 */
export const SMALL_MARKET_RANGES = {
  regions: [1, 4] as Range,
  measureTypes: [1, 3] as Range,
  shocks: [0, 2] as Range,
  region: { demandWeight: [0, 1000] as Range },
  measureType: { demandPerPeriod: [0, 5000] as Range, lotsPerCell: [1, 4] as Range },
} as const;

const withoutName = (node: ObjectNode): ObjectNode => ({
  ...node,
  fields: Object.fromEntries(Object.entries(node.fields).filter(([k]) => k !== 'name')),
});

/** Name of the k-th region: the baseline's counties first, then `Region 16`, `Region 17`, ... */
export const regionName = (k: number): string => BASELINE_CONFIG.market.regions[k]?.name ?? `Region ${k + 1}`;
/** Name of the k-th measure type: the baseline's five first, then `measure6`, `measure7`, ... */
export const measureTypeName = (k: number): string => BASELINE_CONFIG.market.measureTypes[k]?.name ?? `measure${k + 1}`;

const baselineAt = <T>(list: readonly T[], k: number): T => list[k % list.length]!;

/**
 * Arbitrary of markets (`ConfigInput['market']`): regions, measure types, the demand process and
 * scripted shocks. Small by default so that simulations stay fast ({@link SMALL_MARKET_RANGES}):
 * 1-4 regions, 1-3 measure types, 0-2 shocks, demand up to 5 000 participant-weeks a period and
 * 1-4 lots per cell; the demand process over its whole valid range.
 *
 * Names are fixed by position (the baseline's counties and measure types, then numbered ones), so
 * they are always unique; each value of the k-th entry shrinks towards the baseline's k-th entry
 * (or the nearest value allowed), lists shrink towards their shortest allowed length, and shocks
 * towards none. At least one region has a positive demand weight, and every shock starts inside
 * the horizon given by `within` and names an existing measure type or `null`.
 * @example
 * import fc from 'fast-check';
 * import { simulate } from 'framework-agreement-sim';
 * import { market } from 'framework-agreement-sim/testing';
 *
 * // Served and unserved demand add up to demand in every period, in markets of 1 to 6 regions:
 * const run = { burnInYears: 1, horizonYears: 2, periodsPerYear: 4 };
 * fc.assert(
 *   fc.property(market({ regions: [1, 6], within: run }), (m) => {
 *     const r = simulate({ run, market: m, suppliers: { initialCount: 30 } }, 1);
 *     return r.series.demand.every((d, h) => Math.abs(r.series.participantWeeks[h]! + r.series.unservedDemand[h]! - d) <= 1e-6 * Math.max(1, d));
 *   }),
 *   { seed: 1, numRuns: 20 },
 * );
 */
export function market(options: MarketOptions = {}): fc.Arbitrary<MarketInput> {
  const where = 'market()';
  checkKeys(options, ['regions', 'measureTypes', 'shocks', 'region', 'measureType', 'shock', 'demand', 'within'], where, '');
  const [rMin, rMax] = checkCount(options.regions, 1, 32, where, 'regions', SMALL_MARKET_RANGES.regions);
  const [mMin, mMax] = checkCount(options.measureTypes, 1, 32, where, 'measureTypes', SMALL_MARKET_RANGES.measureTypes);
  const [sMin, sMax] = checkCount(options.shocks, 0, 100, where, 'shocks', SMALL_MARKET_RANGES.shocks);
  const within = checkKeys(options.within, ['horizonYears', 'periodsPerYear', 'burnInYears'], where, 'within') ?? {};
  const [horizonYears] = checkRange([within['horizonYears'] ?? 12, within['horizonYears'] ?? 12], { min: 1, max: 100, integer: true }, where, 'within.horizonYears');
  const [periodsPerYear] = checkRange([within['periodsPerYear'] ?? 4, within['periodsPerYear'] ?? 4], { min: 1, max: 52, integer: true }, where, 'within.periodsPerYear');

  const regionNode = withoutName(REGION_SCHEMA);
  const measureNode = withoutName(MEASURE_TYPE_SCHEMA);
  const regions = Array.from({ length: rMax }, (_, k) =>
    sectionArbitrary(regionNode, baselineAt(BASELINE_CONFIG.market.regions, k), options.region, SMALL_MARKET_RANGES.region, where, 'region', true).arb,
  );
  const measures = Array.from({ length: mMax }, (_, k) =>
    sectionArbitrary(measureNode, baselineAt(BASELINE_CONFIG.market.measureTypes, k), options.measureType, SMALL_MARKET_RANGES.measureType, where, 'measureType', true).arb,
  );
  // A shock starts at period round(fromYear x periodsPerYear) after policy start; the last start
  // inside the horizon is the start of its last period.
  const lastStart = Math.min(100, horizonYears - 1 / periodsPerYear);
  const shockOptions = checkKeys(options.shock, ['change'], where, 'shock');
  const [cLo, cHi] = shockOptions?.['change'] !== undefined ? checkRange(shockOptions['change'], { min: -1, max: 10, integer: false }, where, 'shock.change') : [-1, 10];
  const shock = fc.record(
    {
      fromYear: numberTowards(0, 0, Math.max(0, lastStart), false),
      change: numberTowards(0, cLo, cHi, false),
      measureIndex: fc.oneof({ withCrossShrink: true }, fc.constant(null), fc.nat(31)),
    },
    { noNullPrototype: true },
  );
  const demand = sectionArbitrary(DEMAND_SCHEMA, BASELINE_CONFIG.market.demand, options.demand, undefined, where, 'demand');

  return fc
    .record(
      {
        regionCount: fc.integer({ min: rMin, max: rMax }),
        regions: fc.tuple(...regions),
        measureTypeCount: fc.integer({ min: mMin, max: mMax }),
        measureTypes: fc.tuple(...measures),
        shocks: fc.array(shock, { minLength: sMin, maxLength: sMax }),
        demand: demand.required ? demand.arb : fc.option(demand.arb, { nil: undefined }),
      },
      { noNullPrototype: true },
    )
    .map((r) => {
      const m = r.measureTypeCount;
      const out: MarketInput = {
        regions: r.regions.slice(0, r.regionCount).map((fields, k) => ({ name: regionName(k), ...fields }) as Region),
        measureTypes: r.measureTypes.slice(0, m).map((fields, k) => ({ name: measureTypeName(k), ...fields }) as MeasureType),
        shocks: r.shocks.map((s) => ({ fromYear: s.fromYear, change: s.change, measureType: s.measureIndex === null ? null : measureTypeName(s.measureIndex % m) })),
      };
      return r.demand === undefined ? out : { ...out, demand: r.demand as MarketConfig['demand'] };
    })
    .filter((m) => m.regions!.some((region) => region.demandWeight > 0));
}
