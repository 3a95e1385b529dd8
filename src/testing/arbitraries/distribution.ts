import * as fc from 'fast-check';
import type { ConfigInput } from '../../model/config.js';
import { DISTRIBUTION_KINDS, type Distribution, type DistributionKind } from '../../model/distributions.js';
import { checkKeys, checkRange, type Range } from './ranges.js';
import { BEHAVIOUR_SCHEMA, EFFECTS_SCHEMA, OUTCOMES_SCHEMA, type ObjectNode } from './schema.js';

/**
 * Options of {@link distribution}.
 * @example
 * const o: DistributionOptions = { kinds: ['uniform', 'triangular'], integer: true };
 */
export interface DistributionOptions {
  /** The kinds to draw from (default: all of DISTRIBUTION_KINDS). */
  readonly kinds?: readonly DistributionKind[];
  /** For an integer parameter: discrete values are integers (continuous kinds are rounded when drawn). */
  readonly integer?: boolean;
}

const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);
/** Turns -0 into 0 (JSON cannot hold -0). */
const plain = (x: number) => x + 0;

/**
 * Arbitrary of distributions (uniform, triangular, truncated normal, beta, discrete) whose every
 * value lies in `range`, as the decoder requires of a distribution given for a number with that
 * range. Parameters shrink towards the ends of the range and towards simple shapes (a uniform
 * over the whole range is the first kind). A truncated normal's mean lies in the range and its sd
 * is between a thousandth and the whole of the range's width; a beta's shapes lie in [0.1, 20] and
 * it is stretched to a sub-range, or left on [0, 1] when the range holds [0, 1].
 * @throws {RangeError} for a range that is not [min, max] with min <= max, or a list of no kind.
 * @example
 * import fc from 'fast-check';
 * import { parseConfig } from 'framework-agreement-sim';
 * import { distribution } from 'framework-agreement-sim/testing';
 *
 * fc.assert(fc.property(distribution([0, 1]), (d) => parseConfig({ policy: { priceWeight: d } }) !== undefined));
 */
export function distribution(range: Range, options: DistributionOptions = {}): fc.Arbitrary<Distribution> {
  checkKeys(options, ['kinds', 'integer'], 'distribution()', '');
  const integer = options.integer === true;
  const [lo, hi] = checkRange(range, { min: -Number.MAX_VALUE, max: Number.MAX_VALUE, integer }, 'distribution()', 'range');
  const kinds = options.kinds ?? DISTRIBUTION_KINDS;
  for (const k of kinds) {
    if (!(DISTRIBUTION_KINDS as readonly string[]).includes(k)) {
      throw new RangeError(`distribution(): unknown kind "${String(k)}"; known kinds are ${DISTRIBUTION_KINDS.join(', ')}`);
    }
  }
  // Kinds that need min < max (a truncated normal, a stretched beta) need a range with room.
  const usable = kinds.filter((k) => lo < hi || (k !== 'truncatedNormal' && k !== 'beta'));
  if (usable.length === 0) throw new RangeError(`distribution(): no kind among ${kinds.join(', ')} fits the single value ${lo}`);
  const value = integer ? fc.integer({ min: lo, max: hi }) : fc.double({ min: lo, max: hi, noNaN: true }).map(plain);
  const two = fc.tuple(value, value).map(sorted);
  const distinct = two.map(([a, b]) => (a! < b! ? [a!, b!] : [lo, hi]));
  const width = hi - lo;
  const arbs: Record<DistributionKind, fc.Arbitrary<Distribution>> = {
    uniform: fc.oneof(fc.constant<Distribution>({ dist: 'uniform', min: lo, max: hi }), two.map(([min, max]): Distribution => ({ dist: 'uniform', min: min!, max: max! }))),
    triangular: fc.tuple(value, value, value).map(sorted).map(([min, mode, max]): Distribution => ({ dist: 'triangular', min: min!, mode: mode!, max: max! })),
    truncatedNormal: fc
      .tuple(distinct, value, fc.double({ min: 1e-3, max: 1, noNaN: true }))
      .map(([[min, max], mean, scale]): Distribution => ({ dist: 'truncatedNormal', mean, sd: Math.min(Number.MAX_VALUE, Math.max(scale * width, Number.MIN_VALUE)), min: min!, max: max! })),
    beta: fc
      .tuple(fc.double({ min: 0.1, max: 20, noNaN: true }), fc.double({ min: 0.1, max: 20, noNaN: true }), distinct, fc.boolean())
      .map(([alpha, beta, [min, max], unit]): Distribution =>
        unit && lo <= 0 && hi >= 1 ? { dist: 'beta', alpha, beta } : { dist: 'beta', alpha, beta, min: min!, max: max! },
      ),
    discrete: fc
      .array(fc.tuple(value, fc.double({ min: 0.01, max: 100, noNaN: true })), { minLength: 1, maxLength: 5 })
      .chain((pairs) =>
        fc.boolean().map((weighted): Distribution => {
          const values = pairs.map(([v]) => v);
          return weighted ? { dist: 'discrete', values, weights: pairs.map(([, w]) => w) } : { dist: 'discrete', values };
        }),
      ),
  };
  return fc.oneof(...usable.map((k) => arbs[k]));
}

/** The sections whose numbers {@link uncertainSections} may give as distributions: no combination rule reads them. */
export const UNCERTAIN_SECTIONS = ['behaviour', 'outcomes', 'effects'] as const;

const SECTION_SCHEMAS: Record<(typeof UNCERTAIN_SECTIONS)[number], ObjectNode> = { behaviour: BEHAVIOUR_SCHEMA, outcomes: OUTCOMES_SCHEMA, effects: EFFECTS_SCHEMA };

function sectionOfDistributions(node: ObjectNode, kinds: readonly DistributionKind[] | undefined): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, field] of Object.entries(node.fields)) {
    if (field.kind === 'object') model[key] = sectionOfDistributions(field, kinds);
    else if (field.kind === 'number') model[key] = distribution([field.min, field.max], { integer: field.integer, ...(kinds === undefined ? {} : { kinds }) });
  }
  return fc.record(model, { requiredKeys: [], noNullPrototype: true });
}

/** Options of {@link uncertainSections}. */
export interface UncertainSectionsOptions {
  /** Which sections may hold distributions (default: all of UNCERTAIN_SECTIONS). */
  readonly sections?: ReadonlyArray<(typeof UNCERTAIN_SECTIONS)[number]>;
  /** The kinds to draw from (default: all). */
  readonly kinds?: readonly DistributionKind[];
}

/**
 * Arbitrary of partial configs that give some numbers of behaviour, outcomes and effects as
 * distributions, each anywhere in its parameter's valid range ({@link distribution}). No rule
 * combines these numbers with others, so merged over any valid config (`mergeOver(config, u)`,
 * the way experiments merge inputs) the result is valid too. Shrinks towards giving none.
 * @example
 * import fc from 'fast-check';
 * import { mergeOver, simulate } from 'framework-agreement-sim';
 * import { config, uncertainSections } from 'framework-agreement-sim/testing';
 *
 * // Whatever the assumptions drawn, every outcome is a finite number:
 * fc.assert(
 *   fc.property(config(), uncertainSections(), fc.nat(), (c, u, seed) =>
 *     Object.values(simulate(mergeOver(c, u) as object, seed).outcomes).every(Number.isFinite),
 *   ),
 *   { numRuns: 50 },
 * );
 */
export function uncertainSections(options: UncertainSectionsOptions = {}): fc.Arbitrary<ConfigInput> {
  checkKeys(options, ['sections', 'kinds'], 'uncertainSections()', '');
  const sections = options.sections ?? UNCERTAIN_SECTIONS;
  for (const s of sections) {
    if (!(UNCERTAIN_SECTIONS as readonly string[]).includes(s)) {
      throw new RangeError(`uncertainSections(): unknown section "${String(s)}"; distributions go in ${UNCERTAIN_SECTIONS.join(', ')}`);
    }
  }
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const s of sections) model[s] = sectionOfDistributions(SECTION_SCHEMAS[s], options.kinds);
  return fc.record(model, { requiredKeys: [], noNullPrototype: true }) as fc.Arbitrary<ConfigInput>;
}
