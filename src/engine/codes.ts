/** Integer codes used inside the engine's typed arrays. Index = position in OWNERSHIP_TYPES. */
export const Ownership = { foreignGroup: 0, norwegianGroup: 1, standalone: 2, municipal: 3, nonProfit: 4 } as const;

/** Why a supplier left the market. */
export const ExitCause = { none: 0, insolvency: 1, voluntary: 2, acquired: 3 } as const;
/** Names of exit causes as they appear in results. */
export const EXIT_CAUSES = ['insolvency', 'voluntary', 'acquired'] as const;
/** One of {@link EXIT_CAUSES}. */
export type ExitCauseName = (typeof EXIT_CAUSES)[number];

/** Allocation rule codes stored per agreement (index = position in ALLOCATION_RULES). */
export const CallOffCode = { rank: 0, shares: 1, qualityChoice: 2, miniCompetition: 3 } as const;

/** Size class codes (index = position in SIZE_CLASSES). */
export const SizeCode = { small: 0, medium: 1, large: 2 } as const;

/**
 * Least annual revenue (NOK) for which an operating margin is computed. Below it profit / revenue
 * means nothing and can overflow (a denormal revenue gave an infinite margin); such suppliers
 * count as operating but not in margin statistics.
 */
export const MIN_REVENUE_FOR_MARGIN = 1;

/**
 * Share of a supplier's revenue that the buyer's payments must exceed for it to count as living
 * mainly on the buyer's measures (outcome `mainIncomeMargin`, and the population entry responds
 * to): "more than 40 %", the report's definition (facts.md, section 2.4-2.5, quoting NOU 2020:13).
 * The footnote's "and under 25 MNOK received" is not applied: every provider above 40 % counts.
 */
export const MAIN_INCOME_SHARE = 0.4;

/**
 * The buyer's payments a year (NOK) under which a supplier that does not live mainly on them falls
 * in the report's "small share of revenue" class: under 40 % of revenue and under 25 MNOK a year
 * (facts.md, section 2.4-2.5, Figure 2-11). Used by the market profile only.
 */
export const SMALL_SHARE_PAYMENTS_BELOW = 25e6;
