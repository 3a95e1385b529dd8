import * as fc from 'fast-check';
import { closestKey } from '../../model/codecs.js';
import { distributionMean, isDistributionLike, type Distribution } from '../../model/distributions.js';
import type { EnumLeaf, NameLeaf, NumberLeaf, ObjectNode } from './schema.js';

/**
 * An inclusive range `[min, max]` of allowed values (for an integer parameter, of integers).
 * @example
 * const guarantee: Range = [0, 0.5];
 */
export type Range = readonly [min: number, max: number];

/**
 * Options that narrow what an arbitrary generates, key by key, in the shape of the config section:
 * a number takes a {@link Range}; a string (an enumeration such as `scoringRule`, or a name) takes
 * the list of values to draw from; a number that may be `null` (`maxLotsPerSupplier`) takes a
 * range (numbers only) or `null` (always null); a nested object takes the same kind of options.
 * @example
 * const o: RangesOf<SupplierConfig> = { initialCount: [1, 10], entry: { ownershipShares: { nonProfit: [0.5, 1] } } };
 */
export type RangesOf<T> = {
  readonly [K in keyof T]?: [T[K]] extends [number]
    ? Range
    : [T[K]] extends [string]
      ? readonly T[K][]
      : [T[K]] extends [number | null]
        ? Range | null
        : T[K] extends readonly unknown[]
          ? never
          : T[K] extends object
            ? RangesOf<T[K]>
            : never;
};

/** Grid steps on each side of the shrink target (see {@link numberTowards}). */
const STEPS = 1_000_000;

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * Raw fast-check doubles, which make values at every scale (down to subnormal) and the neighbours
 * of the ends common, in [lo, hi]: either the target plus or minus a raw distance (`relative`), or
 * a raw value in the range (absolute). Both shrink towards the target by halving the distance, as
 * integers do.
 */
class DoubleTowards extends fc.Arbitrary<number> {
  private readonly up: fc.Arbitrary<number> | null;
  private readonly down: fc.Arbitrary<number> | null;
  private readonly anywhere: fc.Arbitrary<number>;
  constructor(
    private readonly target: number,
    private readonly lo: number,
    private readonly hi: number,
    private readonly relative: boolean,
  ) {
    super();
    this.up = hi > target ? fc.double({ min: 0, max: hi - target, noNaN: true }) : null;
    this.down = lo < target ? fc.double({ min: 0, max: target - lo, noNaN: true }) : null;
    this.anywhere = fc.double({ min: lo, max: hi, noNaN: true });
  }
  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<number> {
    let x: number;
    if (this.relative) {
      const upwards = this.down === null || (this.up !== null && mrng.nextInt(0, 1) === 1);
      const d = (upwards ? this.up! : this.down!).generate(mrng, biasFactor).value;
      x = upwards ? Math.min(this.hi, this.target + d) : Math.max(this.lo, this.target - d);
    } else {
      x = this.anywhere.generate(mrng, biasFactor).value;
    }
    return new fc.Value(x === 0 ? 0 : x, undefined);
  }
  canShrinkWithoutContext(value: unknown): value is number {
    return typeof value === 'number' && value >= this.lo && value <= this.hi;
  }
  shrink(value: number): fc.Stream<fc.Value<number>> {
    const b = this.target;
    if (value === b) return fc.Stream.nil();
    // The target first, then ever closer to the value: b, x - d/2, x - d/4, ...
    const candidates: number[] = [b];
    for (let k = 1; k < 64; k++) {
      const c = value - (value - b) / 2 ** k;
      if (c === value || c === candidates[candidates.length - 1]) break;
      candidates.push(c === 0 ? 0 : c);
    }
    return fc.Stream.of(...candidates.map((c) => new fc.Value(c, undefined)));
  }
}

/**
 * Numbers in [lo, hi] that shrink towards `target` (clamped into the range).
 *
 * Four draws in five come from a grid of a million steps on each side of the target, as an integer
 * offset: fast-check shrinks the offset towards 0, that is, the number towards the target, and its
 * bias towards small and extreme integers makes the target itself and both ends of the range common.
 * One draw in ten is the target plus or minus a raw `fc.double` distance and one in ten a raw
 * `fc.double` in the range: they reach odd values the grid misses (distances and values at every
 * scale down to subnormal, the neighbours of the ends), and shrink towards the target by halving
 * the distance.
 * Integers are the target plus an integer offset. Never NaN, never -0.
 */
export function numberTowards(target: number, lo: number, hi: number, integer: boolean): fc.Arbitrary<number> {
  if (integer) {
    lo = Math.ceil(lo);
    hi = Math.floor(hi);
  }
  const b = clamp(integer ? Math.round(target) : target, lo, hi);
  if (lo === hi) return fc.constant(lo);
  if (integer) return fc.integer({ min: lo - b, max: hi - b }).map((d) => (d === 0 ? b : b + d));
  const grid = fc.integer({ min: b > lo ? -STEPS : 0, max: hi > b ? STEPS : 0 }).map((i) => {
    if (i === 0) return b;
    if (i === STEPS) return hi;
    if (i === -STEPS) return lo;
    const x = i > 0 ? b + (hi - b) * (i / STEPS) : b - (b - lo) * (-i / STEPS);
    return clamp(x, lo, hi) + 0; // + 0 turns -0 into 0
  });
  return fc.oneof(
    { arbitrary: grid, weight: 8 },
    { arbitrary: new DoubleTowards(b, lo, hi, true), weight: 1 },
    { arbitrary: new DoubleTowards(b, lo, hi, false), weight: 1 },
  );
}

/** One of `values`, shrinking towards `target` if it is among them, else towards the first. */
export function enumTowards<T>(target: unknown, values: readonly T[]): fc.Arbitrary<T> {
  const first = values.find((v) => v === target);
  const ordered = first === undefined ? values : [first, ...values.filter((v) => v !== first)];
  return fc.constantFrom(...ordered);
}

/** Thrown for options that no valid config could satisfy (a range outside the decoder's, min > max, ...). */
function optionError(where: string, path: string, message: string): RangeError {
  return new RangeError(`${where}: option ${path}: ${message}`);
}

const show = (u: unknown) => {
  try {
    const text = JSON.stringify(u);
    return text === undefined ? String(u) : text.length > 60 ? `${text.slice(0, 60)}…` : text;
  } catch {
    return String(u);
  }
};

/** Checks a user's [min, max] against the decoder's range; for integers, rounds inwards. */
export function checkRange(value: unknown, leaf: Pick<NumberLeaf, 'min' | 'max' | 'integer'>, where: string, path: string): [number, number] {
  if (!Array.isArray(value) || value.length !== 2 || !value.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    throw optionError(where, path, `expected [min, max] (two finite numbers), got ${show(value)}`);
  }
  let [lo, hi] = value as [number, number];
  if (lo > hi) throw optionError(where, path, `min ${lo} is above max ${hi}`);
  if (lo < leaf.min || hi > leaf.max) {
    throw optionError(where, path, `[${lo}, ${hi}] is not inside the valid range [${leaf.min}, ${leaf.max}]`);
  }
  if (leaf.integer) {
    lo = Math.ceil(lo);
    hi = Math.floor(hi);
    if (lo > hi) throw optionError(where, path, `[${value[0]}, ${value[1]}] holds no integer`);
  }
  return [lo, hi];
}

/** Checks a [min, max] count of list entries. */
export function checkCount(value: unknown, min: number, max: number, where: string, path: string, fallback: Range): [number, number] {
  return value === undefined ? [fallback[0], fallback[1]] : checkRange(value, { min, max, integer: true }, where, path);
}

function checkList(value: unknown, allowed: (v: unknown) => boolean, expected: string, where: string, path: string): unknown[] {
  if (!Array.isArray(value) || value.length === 0) throw optionError(where, path, `expected a non-empty list of ${expected}, got ${show(value)}`);
  const bad = value.find((v) => !allowed(v));
  if (bad !== undefined || value.some((v) => !allowed(v))) throw optionError(where, path, `${show(bad)} is not ${expected}`);
  return value;
}

function checkEnum(value: unknown, leaf: EnumLeaf, where: string, path: string): string[] {
  return checkList(value, (v) => typeof v === 'string' && leaf.values.includes(v), `one of ${leaf.values.map((v) => `"${v}"`).join(', ')}`, where, path) as string[];
}

function checkNames(value: unknown, leaf: NameLeaf, where: string, path: string): string[] {
  return checkList(value, (v) => typeof v === 'string' && v.length >= 1 && v.length <= leaf.maxLength, `a string of 1 to ${leaf.maxLength} characters`, where, path) as string[];
}

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u);

/** Rejects option keys the section does not have (usually typos), with a suggestion. */
export function checkKeys(options: unknown, known: readonly string[], where: string, path: string): Record<string, unknown> | undefined {
  if (options === undefined) return undefined;
  if (!isRecord(options)) throw new TypeError(`${where}: option ${path === '' ? '' : `${path} `}must be an object of ranges, got ${show(options)}`);
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      const guess = closestKey(key, known);
      throw new TypeError(`${where}: unknown option "${path === '' ? key : `${path}.${key}`}"${guess === undefined ? `; known options are ${known.join(', ')}` : `; did you mean "${guess}"?`}`);
    }
  }
  return options;
}

const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

/** An arbitrary of one config section and whether it must always be present. */
export interface BuiltSection {
  readonly arb: fc.Arbitrary<Record<string, unknown>>;
  /** True when some key must be present (the user constrained it, or its base value is outside the allowed range). */
  readonly required: boolean;
}

/**
 * An arbitrary of a partial config section, built from its schema: every number in its range
 * (the user's option, else `defaults`, else the decoder's), shrinking towards `target` (the
 * baseline's value). A key may be absent, which means the baseline's value, unless the user
 * constrained it or the baseline's value is outside the allowed range; with `allKeys` (list
 * entries, which are not merged with the baseline) every key is present. Names are generated only
 * when the options list them. Lists in the schema are left to the caller.
 */
export function sectionArbitrary(
  node: ObjectNode,
  target: unknown,
  user: unknown,
  defaults: unknown,
  where: string,
  path = '',
  allKeys = false,
): BuiltSection {
  const fields = Object.entries(node.fields).filter(([, f]) => f.kind !== 'list');
  const options = checkKeys(user, fields.map(([k]) => k), where, path);
  const base = isRecord(target) ? target : {};
  const narrowed = isRecord(defaults) ? defaults : {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const requiredKeys: string[] = [];
  for (const [key, field] of fields) {
    const given = options?.[key];
    // A baseline value given as a distribution (an assumed effect): numbers shrink towards its
    // mean, and the key is always present, so the arbitrary's configs hold plain numbers there.
    const uncertain = isDistributionLike(base[key]);
    const t = uncertain ? distributionMean(base[key] as unknown as Distribution) : base[key];
    const p = join(path, key);
    let present = allKeys || given !== undefined;
    switch (field.kind) {
      case 'object': {
        const built = sectionArbitrary(field, t, given, narrowed[key], where, p, allKeys);
        model[key] = built.arb;
        present ||= built.required;
        break;
      }
      case 'name': {
        if (given === undefined) continue;
        model[key] = fc.constantFrom(...checkNames(given, field, where, p));
        break;
      }
      case 'enum': {
        const values = given !== undefined ? checkEnum(given, field, where, p) : ((narrowed[key] as string[] | undefined) ?? [...field.values]);
        model[key] = enumTowards(t, values);
        present ||= !values.includes(t as string);
        break;
      }
      case 'number': {
        if (given === null) {
          if (!field.nullable) throw optionError(where, p, 'null is not allowed here; give a range [min, max]');
          model[key] = fc.constant(null);
          break;
        }
        const [lo, hi] = given !== undefined ? checkRange(given, field, where, p) : ((narrowed[key] as Range | undefined) ?? [field.min, field.max]);
        const numbers = numberTowards(typeof t === 'number' ? t : lo, lo, hi, field.integer);
        if (field.nullable && given === undefined) {
          model[key] = t === null ? fc.oneof({ withCrossShrink: true }, fc.constant(null), numbers) : fc.oneof({ withCrossShrink: true }, numbers, fc.constant(null));
        } else {
          model[key] = numbers;
          present ||= uncertain || !(typeof t === 'number' && t >= lo && t <= hi);
        }
        break;
      }
    }
    if (present) requiredKeys.push(key);
  }
  return { arb: fc.record(model, { requiredKeys, noNullPrototype: true }), required: requiredKeys.length > 0 };
}
