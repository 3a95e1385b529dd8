import * as t from 'io-ts/lib/index.js';
import { hashString128 } from '../random/hash.js';
import { openStream, seedRoot, StreamPurpose, type Seed, type SeedRoot } from '../random/streams.js';
import {
  describeValue,
  formatPath,
  isPlainObject,
  listOf,
  name,
  nullable,
  numberIn,
  oneOf,
  schemaOf,
  strict,
  type NumberLeaf,
  type SchemaNode,
} from './codecs.js';
import { ConfigCodec, type Config, type UncertainConfig } from './config.js';
import { ConfigError } from './configError.js';
import { checkDistribution, drawFor, isDistributionLike, supportOf, type Distribution, type NumberRange } from './distributions.js';

/**
 * A number in the leaf's range, or a distribution whose every value lies in it. A number is
 * checked (and rejected) exactly as by `numberIn`; a distribution's problems are reported at the
 * number's path, naming the parameter: `uniform max 1.4 outside [0, 1]`.
 */
export function numberOrDistribution(leaf: NumberLeaf): t.Type<number | Distribution, number | Distribution, unknown> {
  const plain = numberIn(leaf.min, leaf.max, { integer: leaf.integer });
  const range: NumberRange = leaf;
  const type = new t.Type<number | Distribution, number | Distribution, unknown>(
    `${plain.name} or a distribution`,
    (u): u is number | Distribution => plain.is(u) || (isDistributionLike(u) && typeof checkDistribution(u, range) !== 'string'),
    (u, c) => {
      if (isDistributionLike(u)) {
        const d = checkDistribution(u, range);
        return typeof d === 'string' ? t.failure(u, c, d) : t.success(d);
      }
      if (isPlainObject(u)) {
        return t.failure(u, c, `expected ${leaf.integer ? 'an integer' : 'a number'} in [${leaf.min}, ${leaf.max}] or a distribution (an object with a "dist" key), got ${describeValue(u)}`);
      }
      return plain.validate(u, c);
    },
    t.identity,
  );
  Object.defineProperty(type, 'schema', { value: { ...leaf, nullable: false }, enumerable: false });
  return type;
}

/** The codec of a schema node with every number leaf accepting a distribution too (same combinators, same messages). */
function lift(node: SchemaNode): t.Mixed {
  switch (node.kind) {
    case 'number': {
      const codec = numberOrDistribution(node);
      return node.nullable ? nullable(codec) : codec;
    }
    case 'name': {
      const codec = name(node.maxLength);
      return node.nullable ? nullable(codec) : codec;
    }
    case 'enum':
      return oneOf(node.values);
    case 'object':
      return strict(Object.fromEntries(Object.entries(node.fields).map(([k, f]) => [k, lift(f)])), node.typeName);
    case 'list':
      return listOf(lift(node.item), node.min, node.max);
  }
}

/**
 * The config codec of {@link ConfigCodec}'s shape in which any number may be given as a
 * distribution (uniform, triangular, truncated normal, beta or a discrete list) whose values all
 * lie in that number's range. Built from the config codec's own schema, so ranges, keys and
 * messages are the same.
 */
export const UncertainConfigCodec = lift(schemaOf(ConfigCodec)) as unknown as t.Type<UncertainConfig, UncertainConfig, unknown>;

const CONFIG_SCHEMA = schemaOf(ConfigCodec);

type Visit = (d: Distribution, leaf: NumberLeaf, path: string) => number;

/** Replaces every distribution in `value` (shaped by `node`) by `visit`'s number; unchanged parts are returned as they are. */
function mapDistributions(node: SchemaNode, value: unknown, segments: Array<string | number>, visit: Visit): unknown {
  switch (node.kind) {
    case 'number':
      return isDistributionLike(value) ? visit(value as unknown as Distribution, node, formatPath(segments)) : value;
    case 'object': {
      if (!isPlainObject(value)) return value;
      let changed = false;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        const field = node.fields[key];
        const v = value[key];
        const mapped = field === undefined ? v : mapDistributions(field, v, [...segments, key], visit);
        if (mapped !== v) changed = true;
        out[key] = mapped;
      }
      return changed ? out : value;
    }
    case 'list': {
      if (!Array.isArray(value)) return value;
      let changed = false;
      const out = value.map((item, i) => {
        const mapped = mapDistributions(node.item, item, [...segments, i], visit);
        if (mapped !== item) changed = true;
        return mapped;
      });
      return changed ? out : value;
    }
    default:
      return value;
  }
}

/**
 * Every distribution of a config, by path (`effects.dataSharing.workRateGain`,
 * `market.measureTypes[0].baseWorkRate`), in the config's key order; empty for a config of numbers.
 * @example uncertainInputs(parseConfig({ policy: { priceWeight: { dist: 'uniform', min: 0.4, max: 0.7 } } }))
 */
export function uncertainInputs(config: UncertainConfig): Record<string, Distribution> {
  const found: Record<string, Distribution> = {};
  mapDistributions(CONFIG_SCHEMA, config, [], (d, _leaf, path) => {
    Object.defineProperty(found, path, { value: d, enumerable: true, writable: true, configurable: true });
    return 0;
  });
  return found;
}

/** True when some number of the config is a distribution. */
export function hasDistributions(config: UncertainConfig): boolean {
  let any = false;
  mapDistributions(CONFIG_SCHEMA, config, [], () => {
    any = true;
    return 0;
  });
  return any;
}

/**
 * The uniform a run with this seed draws for the input at `path`: the first number of its own
 * stream (purpose `inputs`, keyed by a hash of the path). It depends on nothing else, so every
 * policy run with the same seed sees the same uniform at the same path, whatever else it changes.
 */
export function inputUniform(root: SeedRoot, path: string): number {
  return openStream(root, StreamPurpose.inputs, ...hashString128(path)).next();
}

/** The values drawn for a config's distributions in one run, and the config of numbers that results. */
export interface DrawnConfig {
  /** The config with every distribution replaced by its draw (the same object when there were none). */
  readonly config: Config;
  /** The value drawn at each uncertain path; empty when the config had no distribution. */
  readonly inputs: Readonly<Record<string, number>>;
}

/**
 * Draws every distribution of a config for the run with this seed, without checking the result
 * (see `resolveUncertain`, which does). Each path's value is its distribution's quantile at that
 * path's own uniform ({@link inputUniform}); an integer parameter's draw is rounded.
 */
export function drawInputs(config: UncertainConfig, seed: Seed): DrawnConfig {
  let root: SeedRoot | undefined;
  const inputs: Record<string, number> = {};
  const resolved = mapDistributions(CONFIG_SCHEMA, config, [], (d, leaf, path) => {
    root ??= seedRoot(seed);
    const x = drawFor(d, inputUniform(root, path), leaf);
    Object.defineProperty(inputs, path, { value: x, enumerable: true, writable: true, configurable: true });
    return x;
  }) as Config;
  return { config: resolved, inputs };
}

/**
 * The config with every distribution at the low end of its values (`'low'`) or at the high end
 * (`'high'`), integers rounded: the two corners the decoder checks combinations at.
 */
export function configAtEnd(config: UncertainConfig, end: 'low' | 'high'): Config {
  return mapDistributions(CONFIG_SCHEMA, config, [], (d, leaf) => {
    const [lo, hi] = supportOf(d);
    const x = end === 'low' ? lo : hi;
    return Math.min(leaf.max, Math.max(leaf.min, leaf.integer ? Math.round(x) : x));
  }) as Config;
}

/**
 * A number of a decoded config that must not be uncertain where it is used (such as the horizon
 * that sizes a table or a series): the number, or a ConfigError naming the path.
 */
export function fixedNumber(value: number | Distribution, path: string, why: string): number {
  if (typeof value === 'number') return value;
  throw new ConfigError([{ path, message: `${why}; give it as a number, not a distribution` }]);
}
