import * as fc from 'fast-check';
import { BASELINE_CONFIG } from '../../model/baseline.js';
import type { RunConfig, BehaviourConfig, Config, EffectsConfig, OutcomeConfig, PlainConfigInput, Policy } from '../../model/config.js';
import { MAX_AGREEMENT_SLOTS, MAX_SUPPLIER_PERIODS, mergeOver } from '../../model/decode.js';
import { lotsPerCellUnder } from '../../model/lots.js';
import { market, type MarketOptions } from './market.js';
import { POLICY_DEFAULT_RANGES, policyWith, type PolicyOptions } from './policy.js';
import { checkKeys, checkRange, sectionArbitrary, type Range, type RangesOf } from './ranges.js';
import { runWith, SMALL_RUN_RANGES, type RunOptions } from './run.js';
import { BEHAVIOUR_SCHEMA, EFFECTS_SCHEMA, OUTCOMES_SCHEMA, POLICY_SCHEMA } from './schema.js';
import { SMALL_SUPPLIER_RANGES, suppliersWith, type SuppliersOptions } from './suppliers.js';

/**
 * Options of {@link config}.
 * @example
 * const o: ConfigOptions = { size: 'small', policy: { minimumVolumeShare: [0, 0.5] }, behaviour: false };
 */
export interface ConfigOptions {
  /**
   * `'small'` (default): a whole small config (run, market, suppliers, behaviour, outcomes,
   * effects and policy), so that one simulation takes at most about 20 ms. `'baseline'`: the
   * built-in baseline with only the policy (and, if asked, the burn-in policy) varied.
   */
  readonly size?: 'small' | 'baseline';
  /** Ranges of the horizon policy, as for {@link policy}; `{}` (default) varies every lever, `false` keeps today's policy. */
  readonly policy?: PolicyOptions | false;
  /** Vary the burn-in policy too, with these ranges; by default (`false`) burn-in runs under today's policy. */
  readonly burnInPolicy?: PolicyOptions | false;
  /** Ranges of the run settings, as for {@link runSettings} (size `'small'` only). */
  readonly run?: RunOptions;
  /** Counts and ranges of the market, as for {@link market} (size `'small'` only; `within` is the generated run). */
  readonly market?: Omit<MarketOptions, 'within'>;
  /** Ranges of the supplier population, as for {@link suppliers} (size `'small'` only). */
  readonly suppliers?: SuppliersOptions;
  /** Ranges of supplier behaviour, or `false` to keep the baseline's (size `'small'` only; default: every value in its valid range). */
  readonly behaviour?: RangesOf<BehaviourConfig> | false;
  /** Ranges of the outcome settings, or `false` to keep the baseline's (size `'small'` only). */
  readonly outcomes?: RangesOf<OutcomeConfig> | false;
  /** Ranges of the soft levers' effect sizes, or `false` to keep the baseline's (size `'small'` only). */
  readonly effects?: RangesOf<EffectsConfig> | false;
}

/**
 * Default policy ranges of a small config: few lots and slots, so that a simulation stays fast.
 * @example
 * config({ policy: { lotSplit: [SMALL_POLICY_RANGES.lotSplit[0], 10] } }); // more lots, slower runs
 */
export const SMALL_POLICY_RANGES = {
  lotSplit: [0.01, 3] as Range,
  suppliersPerAgreement: [1, 5] as Range,
} as const;

const OPTION_KEYS = ['size', 'policy', 'burnInPolicy', 'run', 'market', 'suppliers', 'behaviour', 'outcomes', 'effects'] as const;

/** The decoder's limits on sizes (MAX_SUPPLIER_PERIODS, MAX_AGREEMENT_SLOTS), for configs wide options could push over them. */
function withinLimits(input: PlainConfigInput): boolean {
  const c = mergeOver(BASELINE_CONFIG, input) as Config;
  const periods = (c.run.burnInYears + c.run.horizonYears) * c.run.periodsPerYear;
  if (c.suppliers.initialCount * periods > MAX_SUPPLIER_PERIODS) return false;
  const slots = (p: Policy) => lotsPerCellUnder(c, p).reduce((a, b) => a + b, 0) * p.suppliersPerAgreement;
  return slots(c.policy) <= MAX_AGREEMENT_SLOTS && slots(c.burnInPolicy) <= MAX_AGREEMENT_SLOTS;
}

const maybe = <T>(arb: fc.Arbitrary<T>, required: boolean): fc.Arbitrary<T | undefined> =>
  required ? arb : fc.option(arb, { nil: undefined });

/** Drops undefined values, keeping the key order of the config. */
function assemble(parts: Record<string, unknown>): PlainConfigInput {
  const out: Record<string, unknown> = {};
  for (const key of ['run', 'market', 'suppliers', 'behaviour', 'outcomes', 'effects', 'burnInPolicy', 'policy']) {
    if (parts[key] !== undefined) out[key] = parts[key];
  }
  return out as PlainConfigInput;
}

/** The largest base term the options allow (a run needs periods no longer than it). */
function longestTerm(options: PolicyOptions | false | undefined, where: string, key: string): number {
  if (options === false || options === undefined || options.baseTermYears === undefined) return 50;
  const leaf = POLICY_SCHEMA.fields['baseTermYears'] as { min: number; max: number; integer: boolean };
  return checkRange(options.baseTermYears, leaf, where, `${key}.baseTermYears`)[1];
}

function smallConfig(options: ConfigOptions): fc.Arbitrary<PlainConfigInput> {
  const where = 'config()';
  // A base term must be at least one period: the run's periods must be no longer than the
  // shortest term the policy options allow, and in each run the term starts at one period.
  const shortestMax = Math.min(longestTerm(options.policy, where, 'policy'), longestTerm(options.burnInPolicy, where, 'burnInPolicy'));
  const minPeriods = Math.ceil(1 / shortestMax - 1e-12);
  if (minPeriods > 52) throw new RangeError(`${where}: a base term of at most ${shortestMax} years is shorter than one period even at 52 periods a year`);
  const runOptions = checkKeys(options.run, ['periodsPerYear', 'burnInYears', 'horizonYears'], where, 'run') as RunOptions | undefined;
  const given = runOptions?.periodsPerYear;
  let periodsRange: Range;
  if (given !== undefined) {
    const [lo, hi] = checkRange(given, { min: 1, max: 52, integer: true }, where, 'run.periodsPerYear');
    if (hi < minPeriods) throw new RangeError(`${where}: run.periodsPerYear up to ${hi} makes a period longer than the shortest base term the policy options allow (${shortestMax} years)`);
    periodsRange = [Math.max(lo, minPeriods), hi];
  } else {
    periodsRange = [Math.max(SMALL_RUN_RANGES.periodsPerYear[0], minPeriods), Math.max(SMALL_RUN_RANGES.periodsPerYear[1], minPeriods)];
  }
  const run = runWith(
    given === undefined ? runOptions : { ...runOptions, periodsPerYear: periodsRange },
    { ...SMALL_RUN_RANGES, periodsPerYear: periodsRange },
    where,
  );
  market(options.market); // checks the market options now rather than at the first draw

  const policyFor = (policyOptions: PolicyOptions | undefined, periodsPerYear: number) => {
    const onePeriod = 1 / periodsPerYear;
    const term = policyOptions?.baseTermYears;
    const narrowed = term === undefined ? policyOptions : { ...policyOptions, baseTermYears: [Math.max(term[0], onePeriod), term[1]] as Range };
    return policyWith(narrowed, { ...SMALL_POLICY_RANGES, baseTermYears: [Math.max(onePeriod, 0.01), 50] }, where);
  };
  // The market's shocks and the policies' shortest term depend on the run, hence the chain.
  const runDependent = run.chain((r) => {
    const eff = { ...(BASELINE_CONFIG.run as RunConfig), ...r };
    return fc.record(
      {
        run: fc.constant(r),
        market: market({ ...options.market, within: { horizonYears: eff.horizonYears, periodsPerYear: eff.periodsPerYear } }),
        policy: options.policy === false ? fc.constant(undefined) : policyFor(options.policy, eff.periodsPerYear),
        burnInPolicy: options.burnInPolicy === undefined || options.burnInPolicy === false ? fc.constant(undefined) : policyFor(options.burnInPolicy, eff.periodsPerYear),
      },
      { noNullPrototype: true },
    );
  });
  const section = (node: typeof BEHAVIOUR_SCHEMA, target: unknown, o: unknown, key: string) => {
    if (o === false) return fc.constant(undefined);
    const built = sectionArbitrary(node, target, o, undefined, where, key);
    return maybe(built.arb, built.required);
  };
  return fc
    .record(
      {
        dependent: runDependent,
        suppliers: suppliersWith(options.suppliers, SMALL_SUPPLIER_RANGES, where),
        behaviour: section(BEHAVIOUR_SCHEMA, BASELINE_CONFIG.behaviour, options.behaviour, 'behaviour'),
        outcomes: section(OUTCOMES_SCHEMA, BASELINE_CONFIG.outcomes, options.outcomes, 'outcomes'),
        effects: section(EFFECTS_SCHEMA, BASELINE_CONFIG.effects, options.effects, 'effects'),
      },
      { noNullPrototype: true },
    )
    .map(({ dependent, ...rest }) => assemble({ ...dependent, ...rest }))
    .filter(withinLimits);
}

function baselineConfig(options: ConfigOptions): fc.Arbitrary<PlainConfigInput> {
  const extra = (['run', 'market', 'suppliers', 'behaviour', 'outcomes', 'effects'] as const).filter((k) => options[k] !== undefined);
  if (extra.length > 0) {
    throw new TypeError(`config(): size 'baseline' varies the policy only; ${extra.join(', ')} options need size 'small'`);
  }
  const burnIn = options.burnInPolicy === undefined || options.burnInPolicy === false ? fc.constant(undefined) : policyWith(options.burnInPolicy, POLICY_DEFAULT_RANGES, 'config()');
  return fc
    .record(
      { burnInPolicy: burnIn, policy: options.policy === false ? fc.constant(undefined) : policyWith(options.policy, POLICY_DEFAULT_RANGES, 'config()') },
      { noNullPrototype: true },
    )
    .map(assemble)
    .filter(withinLimits);
}

/**
 * Arbitrary of whole partial configs (`ConfigInput`), valid by construction (decodeConfig accepts
 * every one), composed of {@link runSettings}, {@link market}, {@link suppliers}, behaviour,
 * outcomes, effects and {@link policy}, each with its own options.
 *
 * - `size: 'small'` (default): short runs (1-12 periods a year, 0-3 years of burn-in, 1-4 of
 *   horizon), 1-4 regions, 1-3 measure types, 1-60 initial suppliers, lots split at most 3 ways
 *   and at most 5 suppliers per agreement; behaviour, outcomes and effect sizes anywhere in their
 *   valid ranges. One simulation takes under 1 ms at the median and at most about 20 ms.
 * - `size: 'baseline'`: `{ policy }` only, so the built-in baseline with a varied policy
 *   (about 17 ms a simulation at the median, up to about 100 ms with many lots).
 *
 * Every value shrinks towards the baseline's (or the nearest value the options allow) and lists
 * towards their shortest length, so a counterexample shows what differs from the baseline. The
 * decoder's limits hold (MAX_SUPPLIER_PERIODS, MAX_AGREEMENT_SLOTS, a term of at least one
 * period, shocks inside the horizon). Burn-in runs under today's policy unless `burnInPolicy`
 * gives ranges.
 * @example
 * import fc from 'fast-check';
 * import { simulate } from 'framework-agreement-sim';
 * import { config } from 'framework-agreement-sim/testing';
 *
 * // Whatever the market and the policy, what the buyer pays is what the suppliers receive:
 * fc.assert(
 *   fc.property(config({ size: 'small', policy: { minimumVolumeShare: [0, 0.5] } }), fc.nat(), (c, seed) => {
 *     const { buyerPaid, supplierReceipts } = simulate(c, seed).ledger;
 *     return Math.abs(buyerPaid - supplierReceipts) <= 1e-9 * Math.max(1, buyerPaid);
 *   }),
 *   { seed: 42, numRuns: 100 },
 * );
 */
export function config(options: ConfigOptions = {}): fc.Arbitrary<PlainConfigInput> {
  checkKeys(options, OPTION_KEYS, 'config()', '');
  const size = options.size ?? 'small';
  if (size === 'small') return smallConfig(options);
  if (size === 'baseline') return baselineConfig(options);
  throw new TypeError(`config(): size must be 'small' or 'baseline', got ${JSON.stringify(size)}`);
}
