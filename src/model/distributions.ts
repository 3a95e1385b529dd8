import { normalCdf } from '../metrics/normalCdf.js';
import { betaQuantile } from '../random/incompleteBeta.js';
import { normalQuantile } from '../random/normalQuantile.js';
import { closestKey, describeValue, isPlainObject } from './codecs.js';

/*
 * Uncertain inputs: a number of a config may be given as a distribution instead. Each kind is a
 * plain JSON object tagged by `dist`; every draw is the distribution's quantile function at one
 * uniform (inverse-CDF sampling), so one uniform per input and run gives the draw whatever the
 * distribution (docs/experiments.md, section 16).
 */

/** Uniform on [min, max]. */
export interface UniformDistribution {
  readonly dist: 'uniform';
  readonly min: number;
  readonly max: number;
}

/** Triangular on [min, max] with its peak at `mode`. */
export interface TriangularDistribution {
  readonly dist: 'triangular';
  readonly min: number;
  readonly mode: number;
  readonly max: number;
}

/** A normal with this `mean` and `sd`, truncated to [min, max] (the mean may lie outside). */
export interface TruncatedNormalDistribution {
  readonly dist: 'truncatedNormal';
  readonly mean: number;
  readonly sd: number;
  readonly min: number;
  readonly max: number;
}

/** Beta(alpha, beta) on [0, 1], stretched to [min, max] when they are given (both, or neither). */
export interface BetaDistribution {
  readonly dist: 'beta';
  readonly alpha: number;
  readonly beta: number;
  readonly min?: number;
  readonly max?: number;
}

/** One of `values`, with probabilities proportional to `weights` (equal without them). */
export interface DiscreteDistribution {
  readonly dist: 'discrete';
  readonly values: readonly number[];
  readonly weights?: readonly number[];
}

/**
 * A distribution given in place of a number of a config.
 * @example
 * const gain: Distribution = { dist: 'uniform', min: 0, max: 0.02 };
 */
export type Distribution = UniformDistribution | TriangularDistribution | TruncatedNormalDistribution | BetaDistribution | DiscreteDistribution;

/** The kinds of {@link Distribution}, by their `dist` tag. */
export const DISTRIBUTION_KINDS = ['uniform', 'triangular', 'truncatedNormal', 'beta', 'discrete'] as const;
/** One of {@link DISTRIBUTION_KINDS}. */
export type DistributionKind = (typeof DISTRIBUTION_KINDS)[number];

/** Keys each kind takes (required ones first; beta's min and max are optional, together). */
const KEYS: Record<DistributionKind, readonly string[]> = {
  uniform: ['dist', 'min', 'max'],
  triangular: ['dist', 'min', 'mode', 'max'],
  truncatedNormal: ['dist', 'mean', 'sd', 'min', 'max'],
  beta: ['dist', 'alpha', 'beta', 'min', 'max'],
  discrete: ['dist', 'values', 'weights'],
};
const OPTIONAL: Record<DistributionKind, readonly string[]> = {
  uniform: [],
  triangular: [],
  truncatedNormal: [],
  beta: ['min', 'max'],
  discrete: ['weights'],
};

/** Most values a discrete distribution may list. */
export const MAX_DISCRETE_VALUES = 1000;
/** Largest shape parameter of a beta distribution. */
export const MAX_BETA_SHAPE = 1e4;

/** Where a number of a config must lie, as its codec's schema says. */
export interface NumberRange {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}

/** A value that claims to be a distribution: a plain object with a `dist` key (merging treats it as one value). */
export function isDistributionLike(u: unknown): u is Record<string, unknown> {
  return isPlainObject(u) && Object.prototype.hasOwnProperty.call(u, 'dist');
}

const listed = (keys: readonly string[]) => (keys.length <= 1 ? keys.join('') : `${keys.slice(0, -1).join(', ')} and ${keys[keys.length - 1]}`);

/** The smallest and largest value a (valid) distribution can give. */
export function supportOf(d: Distribution): readonly [number, number] {
  switch (d.dist) {
    case 'uniform':
    case 'triangular':
    case 'truncatedNormal':
      return [d.min, d.max];
    case 'beta':
      return [d.min ?? 0, d.max ?? 1];
    case 'discrete':
      return [Math.min(...d.values), Math.max(...d.values)];
  }
}

/**
 * Checks a value that claims to be a distribution, for a number that must lie in `range`, and
 * returns it in canonical form (keys in a fixed order, beta's default [0, 1] written out, lists
 * copied), or a message saying what is wrong: a misspelt kind or key, a missing or non-finite
 * parameter, parameters out of order, or a support outside the number's range.
 * @example checkDistribution({ dist: 'uniform', min: 0, max: 1.4 }, { min: 0, max: 1, integer: false }) // 'uniform max 1.4 outside [0, 1]'
 */
export function checkDistribution(u: Record<string, unknown>, range: NumberRange): Distribution | string {
  const kind = u['dist'];
  if (typeof kind !== 'string' || !(DISTRIBUTION_KINDS as readonly string[]).includes(kind)) {
    const guess = typeof kind === 'string' ? closestKey(kind, DISTRIBUTION_KINDS) : undefined;
    return `unknown distribution ${describeValue(kind)}${guess === undefined ? '' : ` (did you mean "${guess}"?)`}; dist is one of ${DISTRIBUTION_KINDS.map((k) => `"${k}"`).join(', ')}`;
  }
  const k = kind as DistributionKind;
  const keys = KEYS[k];
  for (const key of Object.keys(u)) {
    if (!keys.includes(key)) {
      const guess = closestKey(key, keys);
      return `a ${k} distribution takes ${listed(keys)}; unknown key ${JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key)}${guess === undefined ? '' : ` (did you mean "${guess}"?)`}`;
    }
  }
  const missing = keys.filter((key) => !OPTIONAL[k].includes(key) && !Object.prototype.hasOwnProperty.call(u, key));
  if (missing.length > 0) return `a ${k} distribution needs ${listed(missing)}`;
  const num = (key: string): number | string => {
    const v = u[key];
    return typeof v === 'number' && Number.isFinite(v) ? v : `${k} ${key}: expected a finite number, got ${describeValue(v)}`;
  };
  const outside = (what: string, v: number) => `${k} ${what} ${v} outside [${range.min}, ${range.max}]`;
  const inRange = (what: string, v: number): string | null => (v < range.min || v > range.max ? outside(what, v) : null);
  switch (k) {
    case 'uniform': {
      const min = num('min');
      const max = num('max');
      if (typeof min === 'string') return min;
      if (typeof max === 'string') return max;
      if (min > max) return `uniform min ${min} is above max ${max}`;
      return inRange('min', min) ?? inRange('max', max) ?? { dist: 'uniform', min, max };
    }
    case 'triangular': {
      const min = num('min');
      const mode = num('mode');
      const max = num('max');
      for (const v of [min, mode, max]) if (typeof v === 'string') return v;
      const [a, c, b] = [min, mode, max] as number[];
      if (a! > b!) return `triangular min ${a} is above max ${b}`;
      if (c! < a! || c! > b!) return `triangular mode ${c} is not between min ${a} and max ${b}`;
      return inRange('min', a!) ?? inRange('max', b!) ?? { dist: 'triangular', min: a!, mode: c!, max: b! };
    }
    case 'truncatedNormal': {
      const mean = num('mean');
      const sd = num('sd');
      const min = num('min');
      const max = num('max');
      for (const v of [mean, sd, min, max]) if (typeof v === 'string') return v;
      if (!((sd as number) > 0)) return `truncatedNormal sd must be positive, got ${sd}`;
      if (!((min as number) < (max as number))) return `truncatedNormal min ${min} is not below max ${max}`;
      return (
        inRange('min', min as number) ??
        inRange('max', max as number) ?? { dist: 'truncatedNormal', mean: mean as number, sd: sd as number, min: min as number, max: max as number }
      );
    }
    case 'beta': {
      const alpha = num('alpha');
      const beta = num('beta');
      if (typeof alpha === 'string') return alpha;
      if (typeof beta === 'string') return beta;
      for (const [key, v] of [['alpha', alpha], ['beta', beta]] as const) {
        if (!(v > 0 && v <= MAX_BETA_SHAPE)) return `beta ${key} must be positive and at most ${MAX_BETA_SHAPE}, got ${v}`;
      }
      const hasMin = Object.prototype.hasOwnProperty.call(u, 'min');
      const hasMax = Object.prototype.hasOwnProperty.call(u, 'max');
      if (hasMin !== hasMax) return `a beta distribution takes min and max together (or neither, for [0, 1]); give ${hasMin ? 'max' : 'min'} too`;
      let min = 0;
      let max = 1;
      if (hasMin) {
        const lo = num('min');
        const hi = num('max');
        if (typeof lo === 'string') return lo;
        if (typeof hi === 'string') return hi;
        if (!(lo < hi)) return `beta min ${lo} is not below max ${hi}`;
        min = lo;
        max = hi;
      }
      const problem = inRange('min', min) ?? inRange('max', max);
      if (problem !== null) return hasMin ? problem : `${problem} (beta is on [0, 1] unless min and max are given)`;
      return { dist: 'beta', alpha, beta, min, max };
    }
    case 'discrete': {
      const values = u['values'];
      if (!Array.isArray(values) || values.length < 1 || values.length > MAX_DISCRETE_VALUES) {
        return `discrete values: expected a list of 1 to ${MAX_DISCRETE_VALUES} numbers, got ${describeValue(values)}`;
      }
      for (const v of values) {
        if (typeof v !== 'number' || !Number.isFinite(v)) return `discrete values: expected finite numbers, got ${describeValue(v)}`;
        if (range.integer && !Number.isInteger(v)) return `discrete value ${v} is not an integer`;
        const problem = inRange('value', v);
        if (problem !== null) return problem;
      }
      if (!Object.prototype.hasOwnProperty.call(u, 'weights')) return { dist: 'discrete', values: [...(values as number[])] };
      const weights = u['weights'];
      if (!Array.isArray(weights) || weights.length !== values.length) {
        return `discrete weights: expected a list as long as values (${values.length}), got ${describeValue(weights)}`;
      }
      let total = 0;
      for (const w of weights) {
        if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) return `discrete weights: expected numbers of at least 0, got ${describeValue(w)}`;
        total += w;
      }
      if (!(total > 0) || !Number.isFinite(total)) return 'discrete weights: their sum must be positive and finite';
      return { dist: 'discrete', values: [...(values as number[])], weights: [...(weights as number[])] };
    }
  }
}

/**
 * The distribution's quantile function at `u` in [0, 1): the value with probability u of a draw
 * below it. Monotone in u, so two distributions given the same uniform move together
 * (comonotone), which keeps draws at one input paired when two policies give it different
 * distributions. A discrete distribution's values are sorted first for the same reason.
 * A truncated normal whose [min, max] lies so far in a tail that its probability underflows gives
 * the end nearest the mean.
 * @example distributionQuantile({ dist: 'uniform', min: 2, max: 4 }, 0.25) // 2.5
 * @example distributionQuantile({ dist: 'triangular', min: 0, mode: 0, max: 1 }, 0.75) // 0.5
 */
export function distributionQuantile(d: Distribution, u: number): number {
  const p = u < 0 ? 0 : u > 1 ? 1 : u;
  switch (d.dist) {
    case 'uniform':
      return d.min + p * (d.max - d.min);
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      if (b <= a) return a;
      const f = (c - a) / (b - a);
      const x = p < f ? a + Math.sqrt(p * (b - a) * (c - a)) : b - Math.sqrt((1 - p) * (b - a) * (b - c));
      return Math.min(b, Math.max(a, x));
    }
    case 'truncatedNormal': {
      const { mean, sd, min, max } = d;
      // Work in the lower tail, where the normal CDF keeps its relative precision: an interval
      // above the mean is mirrored.
      const upper = min > mean;
      const lo = upper ? (mean - max) / sd : (min - mean) / sd;
      const hi = upper ? (mean - min) / sd : (max - mean) / sd;
      const q = upper ? 1 - p : p;
      const pa = normalCdf(lo);
      const pb = normalCdf(hi);
      if (!(pb > pa)) return Math.min(max, Math.max(min, mean));
      const z = normalQuantile(pa + q * (pb - pa));
      const x = upper ? mean - sd * z : mean + sd * z;
      return Math.min(max, Math.max(min, x));
    }
    case 'beta': {
      const min = d.min ?? 0;
      const max = d.max ?? 1;
      const x = min + betaQuantile(p, d.alpha, d.beta) * (max - min);
      return Math.min(max, Math.max(min, x));
    }
    case 'discrete': {
      const n = d.values.length;
      const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => d.values[i]! - d.values[j]!);
      const weight = (i: number) => (d.weights === undefined ? 1 : d.weights[i]!);
      let total = 0;
      for (let i = 0; i < n; i++) total += weight(i);
      const target = p * total;
      let cumulative = 0;
      for (const i of order) {
        cumulative += weight(i);
        if (target < cumulative) return d.values[i]!;
      }
      // p = 1 (or rounding at the top): the largest value with positive weight.
      for (let k = n - 1; k >= 0; k--) if (weight(order[k]!) > 0) return d.values[order[k]!]!;
      return d.values[order[n - 1]!]!;
    }
  }
}

/**
 * The distribution's mean (for a truncated normal, of the truncated distribution).
 * @example distributionMean({ dist: 'triangular', min: 0, mode: 0.01, max: 0.045 }) // 0.0183
 */
export function distributionMean(d: Distribution): number {
  switch (d.dist) {
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'truncatedNormal': {
      const a = (d.min - d.mean) / d.sd;
      const b = (d.max - d.mean) / d.sd;
      const z = normalCdf(b) - normalCdf(a);
      if (!(z > 0)) return Math.min(d.max, Math.max(d.min, d.mean));
      const phi = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
      return d.mean + (d.sd * (phi(a) - phi(b))) / z;
    }
    case 'beta': {
      const min = d.min ?? 0;
      const max = d.max ?? 1;
      return min + (d.alpha / (d.alpha + d.beta)) * (max - min);
    }
    case 'discrete': {
      let sum = 0;
      let total = 0;
      d.values.forEach((v, i) => {
        const w = d.weights === undefined ? 1 : d.weights[i]!;
        sum += w * v;
        total += w;
      });
      return sum / total;
    }
  }
}

/**
 * The value a draw gives to a number of the config: the quantile at `u`, rounded to the nearest
 * integer for an integer parameter (so a continuous distribution's two end integers get half the
 * weight of the inner ones; a discrete list gives exact probabilities), and kept inside the
 * parameter's range.
 */
export function drawFor(d: Distribution, u: number, range: NumberRange): number {
  let x = distributionQuantile(d, u);
  if (range.integer) x = Math.round(x);
  return Math.min(range.max, Math.max(range.min, x));
}
