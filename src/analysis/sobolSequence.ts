import { ConfigError } from '../model/decode.js';
import { openStream, seedRoot, StreamPurpose, type Seed } from '../random/streams.js';
import { JOE_KUO_DIRECTIONS } from './sobolDirections.js';

/** Most dimensions the built-in direction numbers cover (Joe and Kuo's first 64). */
export const MAX_SOBOL_DIMENSIONS = JOE_KUO_DIRECTIONS.length + 1;

/** Bits of every point: points are multiples of 2^-32, and indices below 2^32 stay distinct. */
const BITS = 32;
const TWO_POW_32 = 2 ** 32;

/** Highest index + 1 a sequence may reach (2^32: the direction numbers have 32 bits). */
export const MAX_SOBOL_INDEX = TWO_POW_32;

/** Key of the digital-shift streams under StreamPurpose.analysis. */
export const SOBOL_SHIFT_KEY = 1;

/** Options of {@link sobolSequence}. */
export interface SobolSequenceOptions {
  /** Index of the first point (default 0: the sequence starts at the origin, or at the shift when scrambled). */
  readonly skip?: number;
  /**
   * Randomise the sequence by a digital shift: every coordinate's bits are XORed with one random
   * 32-bit word per dimension, drawn from this seed. Absent: the plain sequence.
   */
  readonly scramble?: Seed;
}

/**
 * The 32 direction numbers V_1..V_32 of one dimension (index 0 unused), as integers: V_i = m_i 2^(32-i).
 * Dimension 0 is van der Corput's (every m_i = 1); the others follow Bratley and Fox's recurrence
 *   V_i = a_1 V_(i-1) ^ ... ^ a_(s-1) V_(i-s+1) ^ V_(i-s) ^ (V_(i-s) >> s),  i > s.
 */
function directionNumbers(dimension: number): Uint32Array {
  const v = new Uint32Array(BITS + 1);
  if (dimension === 0) {
    for (let i = 1; i <= BITS; i++) v[i] = 2 ** (BITS - i);
    return v;
  }
  const [s, a, ...m] = JOE_KUO_DIRECTIONS[dimension - 1]!;
  for (let i = 1; i <= s!; i++) v[i] = m[i - 1]! * 2 ** (BITS - i);
  for (let i = s! + 1; i <= BITS; i++) {
    let x = v[i - s!]! ^ (v[i - s!]! >>> s!);
    for (let k = 1; k < s!; k++) if (((a! >>> (s! - 1 - k)) & 1) === 1) x ^= v[i - k]!;
    v[i] = x >>> 0;
  }
  return v;
}

/**
 * Points of the Sobol low-discrepancy sequence in the unit cube [0, 1)^d (Sobol 1967), with Joe and
 * Kuo's direction numbers (new-joe-kuo-6.21201) for up to {@link MAX_SOBOL_DIMENSIONS} dimensions,
 * in Gray-code order (Antonov and Saleev 1979): point n is the XOR of the direction numbers
 *
 *   x_n = XOR over the bits b of gray(n) = n ^ (n >> 1) of V_(b+1),   as a fraction of 2^32.
 *
 * The first 2^m points of each dimension put exactly one point in each interval [j 2^-m, (j+1) 2^-m),
 * and the first two dimensions are a (0, 2)-sequence; the same points as SciPy's unscrambled
 * `qmc.Sobol` (checked bit for bit). With `scramble`, a random digital shift (each dimension's bits
 * XORed with one random word) keeps every such stratification and makes each point uniform on the cube.
 * Sample sizes that are powers of two keep the balance; other sizes work but integrate less evenly.
 * @example sobolSequence(2, 4) // [[0, 0], [0.5, 0.5], [0.75, 0.25], [0.25, 0.75]]
 */
export function sobolSequence(dimensions: number, points: number, options: SobolSequenceOptions = {}): number[][] {
  const skip = options.skip ?? 0;
  const issues = [];
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > MAX_SOBOL_DIMENSIONS) {
    issues.push({ path: 'dimensions', message: `expected an integer in [1, ${MAX_SOBOL_DIMENSIONS}], got ${String(dimensions)}` });
  }
  if (!Number.isInteger(points) || points < 0) issues.push({ path: 'points', message: `expected a non-negative integer, got ${String(points)}` });
  if (!Number.isInteger(skip) || skip < 0) issues.push({ path: 'skip', message: `expected a non-negative integer, got ${String(skip)}` });
  if (issues.length === 0 && skip + points > MAX_SOBOL_INDEX) {
    issues.push({ path: 'points', message: `skip + points must be at most 2^32, got ${skip + points}` });
  }
  if (issues.length > 0) throw new ConfigError(issues);
  const v = Array.from({ length: dimensions }, (_, j) => directionNumbers(j));
  const shift = new Uint32Array(dimensions);
  if (options.scramble !== undefined) {
    const root = seedRoot(options.scramble);
    for (let j = 0; j < dimensions; j++) shift[j] = Math.floor(openStream(root, StreamPurpose.analysis, SOBOL_SHIFT_KEY, j).next() * TWO_POW_32);
  }
  // The state at `skip`, straight from the Gray code of the index; then one XOR per point.
  const x = new Uint32Array(dimensions);
  const gray = (skip ^ Math.floor(skip / 2)) >>> 0;
  for (let b = 0; b < BITS; b++) {
    if (((gray >>> b) & 1) === 1) for (let j = 0; j < dimensions; j++) x[j] = x[j]! ^ v[j]![b + 1]!;
  }
  const out: number[][] = [];
  for (let n = skip; n < skip + points; n++) {
    const row = new Array<number>(dimensions);
    for (let j = 0; j < dimensions; j++) row[j] = ((x[j]! ^ shift[j]!) >>> 0) / TWO_POW_32;
    out.push(row);
    // Point n + 1 differs from point n in the direction number of n's lowest zero bit.
    let c = 1;
    for (let m = n; (m & 1) === 1; m = Math.floor(m / 2)) c++;
    if (c <= BITS) for (let j = 0; j < dimensions; j++) x[j] = x[j]! ^ v[j]![c]!;
  }
  return out;
}
