import type * as fc from 'fast-check';
import { TODAY_POLICY } from '../../model/baseline.js';
import type { PlainConfigInput, Policy } from '../../model/config.js';
import { sectionArbitrary, type Range, type RangesOf } from './ranges.js';
import { POLICY_SCHEMA } from './schema.js';

/**
 * A partial policy, as `policy` or `burnInPolicy` of a {@link PlainConfigInput}.
 * @example
 * const p: PolicyInput = { minimumVolumeShare: 0.3 };
 */
export type PolicyInput = NonNullable<PlainConfigInput['policy']>;

/**
 * Options of {@link policy}: a `[min, max]` range per numeric lever, a list of allowed values per
 * enumeration (`scoringRule`), `null` or a range for `maxLotsPerSupplier`, and a list
 * of names to draw `name` from (by default no name is generated).
 * @example
 * const o: PolicyOptions = { priceWeight: [0.3, 1], scoringRule: ['linear'], maxLotsPerSupplier: null };
 */
export type PolicyOptions = RangesOf<Policy>;

/**
 * Default ranges where the decoder's own would let a lever alone pass but not in combination with
 * the baseline: a term of at least one quarter (one period of the baseline's quarterly run; the
 * decoder accepts 0.01 years but requires one whole period after rounding), and lots split at
 * most 10 ways (with the baseline's 1 550 lots and 20 suppliers per agreement, higher splits can
 * exceed MAX_AGREEMENT_SLOTS). Pass a range to go further.
 * @example
 * policy({ lotSplit: [POLICY_DEFAULT_RANGES.lotSplit[0], 30], suppliersPerAgreement: [1, 3] });
 */
export const POLICY_DEFAULT_RANGES: { readonly baseTermYears: Range; readonly lotSplit: Range } = {
  baseTermYears: [0.25, 50],
  lotSplit: [0.01, 10],
};

/** @internal The policy arbitrary with the caller's default ranges (config() narrows them to its run and market). */
export function policyWith(options: PolicyOptions | undefined, defaults: RangesOf<Policy>, where: string): fc.Arbitrary<PolicyInput> {
  return sectionArbitrary(POLICY_SCHEMA, TODAY_POLICY, options, defaults, where).arb as fc.Arbitrary<PolicyInput>;
}

/**
 * Arbitrary of partial policies (`ConfigInput['policy']`), every lever anywhere in its valid range
 * unless the options narrow it, shrinking towards today's policy ({@link TODAY_POLICY}).
 *
 * A key may be missing, which means the base config's value (today's policy in the baseline); a
 * key that the options constrain is always present. Numbers are drawn mostly from a fine grid
 * between the range's ends, with the ends and today's value common, and sometimes as raw doubles.
 * When a property fails, fast-check removes the levers that do not matter and moves the rest
 * towards today's values, so a counterexample names only the levers that make it fail.
 *
 * Defaults: the decoder's range of every lever, except `baseTermYears` in [0.25, 50] and
 * `lotSplit` in [0.01, 10] ({@link POLICY_DEFAULT_RANGES}). Throws a RangeError for a range outside
 * the decoder's and a TypeError for an unknown option.
 * @example
 * import fc from 'fast-check';
 * import { simulate } from 'framework-agreement-sim';
 * import { policy } from 'framework-agreement-sim/testing';
 *
 * // Any guarantee up to 50 % and any price weight from 0.3, call-offs by rank, the other levers anywhere:
 * const policies = policy({ minimumVolumeShare: [0, 0.5], priceWeight: [0.3, 1], scoringRule: ['relative'] });
 * fc.assert(
 *   fc.property(policies, (p) => {
 *     const r = simulate({ run: { burnInYears: 1, horizonYears: 2 }, suppliers: { initialCount: 40 }, policy: p }, 1);
 *     return r.outcomes.unservedShare >= 0 && r.outcomes.unservedShare <= 1;
 *   }),
 *   { seed: 1, numRuns: 20 },
 * );
 */
export function policy(options: PolicyOptions = {}): fc.Arbitrary<PolicyInput> {
  return policyWith(options, POLICY_DEFAULT_RANGES, 'policy()');
}
