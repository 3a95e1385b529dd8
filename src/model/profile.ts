import type { OwnershipType, SizeClass } from './enums.js';

/** How many operating suppliers fall in a class, and how many of them hold an agreement. */
export interface ClassCount {
  /** Operating suppliers in the class. */
  readonly operating: number;
  /** Of those, suppliers holding a place on at least one agreement. */
  readonly onAgreements: number;
  /** `operating` over all operating suppliers, in [0, 1] (0 when none operate). */
  readonly shareOfOperating: number;
  /** `onAgreements` over all suppliers on agreements, in [0, 1] (0 when none hold one). */
  readonly shareOfOnAgreements: number;
}

/** The report's classes by dependence on the buyer (section 2.4-2.5, quoting NOU 2020:13; facts.md). */
export interface DependenceClasses {
  /** The buyer's payments over the last year are more than 40 % of revenue: the population of the report's 7 % margin. */
  readonly mainIncome: ClassCount;
  /** The buyer's payments are 40 % of revenue or less and under 25 MNOK a year: the report's "small share of revenue" (Figure 2-11). */
  readonly smallShareOfRevenue: ClassCount;
  /** The buyer's payments are 40 % of revenue or less but 25 MNOK a year or more (no class of the report). */
  readonly largeButNotDependent: ClassCount;
}

/**
 * Whether suppliers can take the places and lots the buyer offers: the report's diagnosis that
 * small providers are often too small for NAV's large contracts (mechanism 3). Sizes are
 * capacities in participant-weeks a period; a supplier can commit up to its capacity times
 * `1 + behaviour.growthPerTender` (what the award checks), so "too small" means too small even
 * growing as far as it can at once, from no other agreement.
 */
export interface LotReach {
  /** Median capacity of one place over the lots in force (participant-weeks a period). */
  readonly medianPlace: number;
  /** Median capacity of a whole lot in force, all its places together (participant-weeks a period). */
  readonly medianLot: number;
  /** Share of operating suppliers too small for a median place, even growing. */
  readonly tooSmallForPlace: number;
  /** Share of operating suppliers too small to take a median lot alone, even growing. */
  readonly tooSmallForLot: number;
  /** Share of the small suppliers (size class "small") too small to take a median lot alone. */
  readonly smallTooSmallForLot: number;
}

/**
 * The make-up of a market at one moment, usually the end of burn-in, when a policy would start:
 * who operates, by size, ownership and dependence on the buyer, and who is too small for the
 * buyer's lots. Plain numbers, JSON-serialisable. Classes follow the run's config: size by annual
 * revenue (`suppliers.sizeThresholds`), as the cohorts followed over the horizon are chosen.
 */
export interface MarketProfile {
  /** The period the profile describes the end of (the last burn-in period for a snapshot). */
  readonly period: number;
  /** Suppliers operating. */
  readonly operating: number;
  /** Suppliers holding a place on at least one agreement. */
  readonly onAgreements: number;
  readonly bySize: Readonly<Record<SizeClass, ClassCount>>;
  readonly byOwnership: Readonly<Record<OwnershipType, ClassCount>>;
  /**
   * The small-supplier cohort a policy starting now would follow (`outcomes.smallCohort`): with the
   * baseline's rule, the suppliers whose capacity is below a median lot (without the growth
   * allowance `lotReach` counts, so a few more than `lotReach.tooSmallForLot`).
   */
  readonly smallCohort: ClassCount;
  readonly byDependence: DependenceClasses;
  readonly lotReach: LotReach;
}
