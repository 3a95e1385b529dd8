import type * as fc from 'fast-check';
import { BASELINE_CONFIG } from '../../model/baseline.js';
import type { PlainConfigInput, RunConfig } from '../../model/config.js';
import { sectionArbitrary, type Range, type RangesOf } from './ranges.js';
import { RUN_SCHEMA } from './schema.js';

/**
 * Partial run settings, as `run` of a {@link PlainConfigInput}.
 * @example
 * const r: RunInput = { burnInYears: 0, horizonYears: 2 };
 */
export type RunInput = NonNullable<PlainConfigInput['run']>;

/**
 * Options of {@link runSettings}: a `[min, max]` range of integers per setting.
 * @example
 * const o: RunOptions = { periodsPerYear: [12, 12], horizonYears: [1, 10] };
 */
export type RunOptions = RangesOf<RunConfig>;

/**
 * Default ranges of {@link runSettings}: short runs, so that a simulation stays fast.
 * @example
 * runSettings({ ...SMALL_RUN_RANGES, horizonYears: [1, 12] }); // longer horizons, the rest as by default
 */
export const SMALL_RUN_RANGES: { readonly periodsPerYear: Range; readonly burnInYears: Range; readonly horizonYears: Range } = {
  periodsPerYear: [1, 12],
  burnInYears: [0, 3],
  horizonYears: [1, 4],
};

/** @internal */
export function runWith(options: RunOptions | undefined, defaults: RangesOf<RunConfig>, where: string): fc.Arbitrary<RunInput> {
  return sectionArbitrary(RUN_SCHEMA, BASELINE_CONFIG.run, options, defaults, where).arb as fc.Arbitrary<RunInput>;
}

/**
 * Arbitrary of run settings (`ConfigInput['run']`): periods per year, burn-in years and horizon
 * years. Small by default ({@link SMALL_RUN_RANGES}: 1-12 periods a year, 0-3 years of burn-in,
 * 1-4 years of horizon); each setting shrinks towards the baseline's value (4, 8, 12) or the
 * nearest value allowed. A setting whose baseline value is allowed may be missing (then the
 * baseline's applies). Throws a RangeError for a range outside the decoder's.
 * @example
 * import fc from 'fast-check';
 * import { simulate } from 'framework-agreement-sim';
 * import { runSettings } from 'framework-agreement-sim/testing';
 *
 * // Every series has one value per horizon period, whatever the calendar:
 * fc.assert(
 *   fc.property(runSettings({ periodsPerYear: [1, 52], horizonYears: [1, 2] }), (run) => {
 *     const r = simulate({ run, suppliers: { initialCount: 20 } }, 1);
 *     return r.series.hhi.length === r.horizonPeriods;
 *   }),
 *   { seed: 1, numRuns: 10 },
 * );
 */
export function runSettings(options: RunOptions = {}): fc.Arbitrary<RunInput> {
  return runWith(options, SMALL_RUN_RANGES, 'runSettings()');
}
