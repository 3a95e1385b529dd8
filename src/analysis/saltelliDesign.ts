import { ConfigError } from '../model/decode.js';
import { openStream, seedRoot, StreamPurpose, type Seed } from '../random/streams.js';
import { checkParameters, toRanges, type RangeParameter } from './parameters.js';
import { MAX_SOBOL_DIMENSIONS, sobolSequence } from './sobolSequence.js';

/** Key of the random base sample's streams under StreamPurpose.analysis. */
const RANDOM_BASE_KEY = 2;

/** Most base samples of one design (with 10 parameters, 1.2 million evaluations). */
export const MAX_SALTELLI_N = 100_000;

/** How the base samples A and B are drawn. */
export type BaseSampler = 'sobol' | 'random';

/** Options of {@link saltelliDesign}. */
export interface SaltelliOptions {
  /**
   * 'sobol' (default): A and B are the first and last k columns of a 2k-dimensional Sobol sequence
   * (Saltelli 2010), digitally shifted from the seed unless `scramble` is false; at most
   * {@link MAX_SOBOL_DIMENSIONS} / 2 parameters. 'random': independent seeded uniform draws.
   */
  readonly sampler?: BaseSampler;
  /** Digitally shift the Sobol sequence from the seed (default true); false gives the plain sequence. */
  readonly scramble?: boolean;
  /** Sobol points to skip before the first base sample (default 0). */
  readonly skip?: number;
}

/**
 * A design for Sobol indices by Saltelli's scheme: two independent base samples A and B of n points,
 * and for each parameter i the matrix A_B^(i), which is A with column i taken from B. Rows are in
 * blocks of n: A (rows 0..n-1), B (n..2n-1), then A_B^(1), ..., A_B^(k); n (k + 2) rows in all.
 * Plain JSON: keep it with the outputs, and {@link sobolIndices} reads both.
 */
export interface SaltelliDesign {
  readonly kind: 'framework-agreement-sim/saltelli-design';
  readonly parameters: readonly RangeParameter[];
  /** Base samples: rows per block. */
  readonly n: number;
  readonly seed: Seed;
  readonly sampler: BaseSampler;
  /** Whether the Sobol sequence was digitally shifted (false for the random sampler). */
  readonly scrambled: boolean;
  readonly skip: number;
  /** The points in the unit cube [0, 1)^k, one row per model evaluation. */
  readonly unit: number[][];
  /** The same points in the parameters' units: min + u (max - min). */
  readonly values: number[][];
}

/**
 * Builds the n (k + 2) points of a Saltelli design over k parameters with ranges. Model outputs at
 * these points, in order, go to {@link sobolIndices}; `configPoints(design)` turns the points into
 * partial configs for the model. Powers of two for n keep the Sobol sequence balanced.
 * @example
 * const design = saltelliDesign([{ path: 'x1', range: [-Math.PI, Math.PI] }, { path: 'x2', range: [0, 1] }], 1024, 7);
 * design.values.length // 1024 * (2 + 2) = 4096
 */
export function saltelliDesign(parameters: readonly RangeParameter[], n: number, seed: Seed = 1, options: SaltelliOptions = {}): SaltelliDesign {
  checkParameters(parameters);
  const k = parameters.length;
  const sampler = options.sampler ?? 'sobol';
  const skip = options.skip ?? 0;
  if (!Number.isInteger(n) || n < 2 || n > MAX_SALTELLI_N) {
    throw new ConfigError([{ path: 'n', message: `expected an integer in [2, ${MAX_SALTELLI_N}] base samples, got ${String(n)}` }]);
  }
  if (sampler !== 'sobol' && sampler !== 'random') throw new ConfigError([{ path: 'sampler', message: `expected "sobol" or "random", got ${String(sampler)}` }]);
  if (sampler === 'sobol' && 2 * k > MAX_SOBOL_DIMENSIONS) {
    throw new ConfigError([{ path: 'sampler', message: `a Sobol base sample needs 2 x ${k} dimensions, more than the ${MAX_SOBOL_DIMENSIONS} built in; use sampler: "random"` }]);
  }
  let base: number[][];
  if (sampler === 'sobol') {
    base = sobolSequence(2 * k, n, { skip, ...(options.scramble === false ? {} : { scramble: seed }) });
  } else {
    const rng = openStream(seedRoot(seed), StreamPurpose.analysis, RANDOM_BASE_KEY);
    base = Array.from({ length: n }, () => Array.from({ length: 2 * k }, () => rng.next()));
  }
  const a = base.map((row) => row.slice(0, k));
  const b = base.map((row) => row.slice(k));
  const unit = [...a, ...b];
  for (let i = 0; i < k; i++) unit.push(...a.map((row, j) => row.map((x, c) => (c === i ? b[j]![c]! : x))));
  return {
    kind: 'framework-agreement-sim/saltelli-design',
    parameters: parameters.map((p) => ({ path: p.path, range: [p.range[0], p.range[1]] as const, ...(p.integer === true ? { integer: true } : {}) })),
    n,
    seed,
    sampler,
    scrambled: sampler === 'sobol' && options.scramble !== false,
    skip: sampler === 'sobol' ? skip : 0,
    unit,
    values: toRanges(unit, parameters),
  };
}
