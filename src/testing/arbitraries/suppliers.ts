import type * as fc from 'fast-check';
import { BASELINE_CONFIG } from '../../model/baseline.js';
import { OWNERSHIP_TYPES, type PlainConfigInput, type SupplierConfig } from '../../model/config.js';
import { mergeOver } from '../../model/decode.js';
import { sectionArbitrary, type Range, type RangesOf } from './ranges.js';
import { SUPPLIERS_SCHEMA } from './schema.js';

/**
 * A partial supplier population, as `suppliers` of a {@link PlainConfigInput}.
 * @example
 * const s: SuppliersInput = { initialCount: 20, entry: { ratePerYear: 0 } };
 */
export type SuppliersInput = NonNullable<PlainConfigInput['suppliers']>;

/**
 * Options of {@link suppliers}, in the shape of `SupplierConfig`: a `[min, max]` range per number,
 * e.g. `{ initialCount: [1, 10], ownership: { nonProfit: { share: [0.5, 1] } }, entry: { ratePerYear: [0, 0] } }`.
 * @example
 * const o: SuppliersOptions = { ownership: { standalone: { cashBufferPeriods: [0, 0.1] } } };
 */
export type SuppliersOptions = RangesOf<SupplierConfig>;

/**
 * Default ranges of {@link suppliers}: a small population and moderate entry, so that a simulation stays fast.
 * @example
 * suppliers({ initialCount: [SMALL_SUPPLIER_RANGES.initialCount[0], 400] }); // larger populations
 */
export const SMALL_SUPPLIER_RANGES = {
  initialCount: [1, 60] as Range,
  entry: { ratePerYear: [0, 20] as Range, profitSensitivity: [0, 10] as Range },
} as const;

/** The cross-field rules of the decoder that concern suppliers alone. */
function consistent(input: SuppliersInput): boolean {
  const s = mergeOver(BASELINE_CONFIG.suppliers, input) as SupplierConfig;
  if (OWNERSHIP_TYPES.every((o) => s.ownership[o].share === 0)) return false;
  if (s.entry.ratePerYear > 0 && OWNERSHIP_TYPES.every((o) => s.entry.ownershipShares[o] === 0)) return false;
  return s.sizeThresholds.smallBelow <= s.sizeThresholds.largeFrom;
}

const upper = (r: Range | undefined, fallback: number) => (r === undefined ? fallback : r[1]);
const lower = (r: Range | undefined, fallback: number) => (r === undefined ? fallback : r[0]);

/** Rejects options under which no population is valid (fast-check would otherwise search forever). */
function checkSatisfiable(o: SuppliersOptions): void {
  const problem = (text: string) => new RangeError(`suppliers(): options admit no valid population: ${text}`);
  if (OWNERSHIP_TYPES.every((t) => upper(o.ownership?.[t]?.share, 1) === 0)) throw problem('every ownership share is fixed at 0');
  if (lower(o.entry?.ratePerYear, 0) > 0 && OWNERSHIP_TYPES.every((t) => upper(o.entry?.ownershipShares?.[t], 1) === 0)) {
    throw problem('entry is on but every entrant ownership share is fixed at 0');
  }
  if (lower(o.sizeThresholds?.smallBelow, 0) > upper(o.sizeThresholds?.largeFrom, 1e12)) throw problem('smallBelow is always above largeFrom');
}

/** @internal */
export function suppliersWith(options: SuppliersOptions | undefined, defaults: unknown, where: string): fc.Arbitrary<SuppliersInput> {
  checkSatisfiable(options ?? {});
  const built = sectionArbitrary(SUPPLIERS_SCHEMA, BASELINE_CONFIG.suppliers, options, defaults, where);
  return (built.arb as fc.Arbitrary<SuppliersInput>).filter(consistent);
}

/**
 * Arbitrary of supplier populations (`ConfigInput['suppliers']`): the initial count, the five
 * ownership profiles (share, capacity, cost, cash, outside income, owner support, bid capacity,
 * quality), size thresholds, entry, exit and acquisition. Small by default
 * ({@link SMALL_SUPPLIER_RANGES}: 1-60 initial suppliers, at most 20 entrants a year at the
 * reference margin and a profit sensitivity up to 10); every other number anywhere in its valid
 * range. Each number shrinks towards the baseline's value (or the nearest value allowed) and may be
 * missing (then the baseline's applies) unless the options constrain it. Only valid populations are
 * generated: some ownership share is positive, entrants have a type when entry is on, and
 * `smallBelow` is not above `largeFrom`.
 * @example
 * import fc from 'fast-check';
 * import { simulate } from 'framework-agreement-sim';
 * import { suppliers } from 'framework-agreement-sim/testing';
 *
 * // Without entry, the market never holds more suppliers than it started with:
 * fc.assert(
 *   fc.property(suppliers({ initialCount: [1, 30], entry: { ratePerYear: [0, 0] } }), (s) => {
 *     const r = simulate({ run: { burnInYears: 1, horizonYears: 2 }, suppliers: s }, 1);
 *     return r.series.activeSuppliers.every((n) => n <= r.ledger.initialSuppliers);
 *   }),
 *   { seed: 1, numRuns: 20 },
 * );
 */
export function suppliers(options: SuppliersOptions = {}): fc.Arbitrary<SuppliersInput> {
  return suppliersWith(options, SMALL_SUPPLIER_RANGES, 'suppliers()');
}
