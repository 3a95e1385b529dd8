/**
 * The model's enumerations and size limits as plain values, with no codec behind them: the engine
 * reads these, so it reaches neither io-ts nor fp-ts (those stay at the config boundary, in
 * codecs.ts, config.ts and decode.ts, which re-export what is here).
 * @packageDocumentation
 */

/** Ownership types the report distinguishes (facts.md, section 2). */
export const OWNERSHIP_TYPES = ['foreignGroup', 'norwegianGroup', 'standalone', 'municipal', 'nonProfit'] as const;
/** One of {@link OWNERSHIP_TYPES}. */
export type OwnershipType = (typeof OWNERSHIP_TYPES)[number];

/** Size classes by annual revenue (see `suppliers.sizeThresholds`). */
export const SIZE_CLASSES = ['small', 'medium', 'large'] as const;
/** One of {@link SIZE_CLASSES}. */
export type SizeClass = (typeof SIZE_CLASSES)[number];

/**
 * How demand is called off among the parallel suppliers of one lot (a setting of the world, not of
 * the policy: which rule the buyer's offices really use is uncertain). "rank": a ranked cascade,
 * down the award ranking; "shares": a fixed allocation key, equal shares; "qualityChoice":
 * caseworkers or participants choose, in proportion to each supplier's current quality;
 * "miniCompetition": each period in order of a new price-quality score.
 */
export const ALLOCATION_RULES = ['rank', 'shares', 'qualityChoice', 'miniCompetition'] as const;
/** One of {@link ALLOCATION_RULES}. */
export type AllocationRule = (typeof ALLOCATION_RULES)[number];
/**
 * Which suppliers the small-supplier cohort follows (`outcomes.smallCohort`), chosen when the
 * policy starts. "tooSmallForLot": those whose capacity is below a median lot of the lots then in
 * force, all its places together (the report: small providers are often too small for NAV's large
 * contracts); "revenue": those with annual revenue under `suppliers.sizeThresholds.smallBelow`
 * (the report's 25 MNOK), which at the baseline is nearly every supplier.
 */
export const SMALL_COHORT_RULES = ['tooSmallForLot', 'revenue'] as const;
/** One of {@link SMALL_COHORT_RULES}. */
export type SmallCohortRule = (typeof SMALL_COHORT_RULES)[number];

/** How price is turned into points in the award. */
export const SCORING_RULES = ['relative', 'linear', 'absolute'] as const;

/** Largest number of supplier-periods a run may cover (initial suppliers x periods): a guard against runs that would take hours. Entrants come on top; MAX_SUPPLIERS_EVER caps them. */
export const MAX_SUPPLIER_PERIODS = 5e7;
/** Most suppliers one run creates, initial ones and entrants together; entry stops there (a guard on memory). */
export const MAX_SUPPLIERS_EVER = 100_000;
/** Largest number of agreement slots (lots x suppliers per agreement) a policy may create. */
export const MAX_AGREEMENT_SLOTS = 500_000;
