import alea from 'seedrandom/lib/alea.js';
import { hashString128, hashWords, type Hash128 } from './hash.js';
import type { Rng } from './rng.js';

/**
 * What a stream of random numbers is used for. Each purpose has its own streams, so a
 * change in how often one purpose draws (say, more tenders under a shorter agreement)
 * never shifts the numbers another purpose sees (demand, suppliers' fortunes).
 */
export const StreamPurpose = {
  population: 1,
  demand: 2,
  supplierShocks: 3,
  lifecycle: 4,
  tender: 5,
  entrants: 6,
  design: 7,
  /** Sensitivity designs, bootstrap resamples and other draws of the analysis layer (src/analysis). */
  analysis: 8,
  /** Draws of uncertain inputs (distributions in a config), one stream per path. */
  inputs: 9,
} as const;
/** One of the {@link StreamPurpose} codes. */
export type StreamPurpose = (typeof StreamPurpose)[keyof typeof StreamPurpose];

const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/** A master seed as users give it: any string or finite number. */
export type Seed = string | number;

/**
 * The 128-bit root from which every stream of a run is derived (four unsigned 32-bit words).
 * Treat it as opaque.
 */
export type SeedRoot = Hash128;

/**
 * The one text form of a seed, which results store and from which streams are derived: a string
 * stays as it is, a number becomes JavaScript's shortest text for it (`String(n)`: 1 is "1", 0.1
 * is "0.1", -0 is "0", 1e21 is "1e+21"). So the number 1 and the string "1" are the same seed, in
 * `simulate` as in experiments (whose replication seeds, "1#0", "1#1", ..., are text anyway).
 * @example canonicalSeed(1) // "1"
 * @example canonicalSeed("1") // "1"
 */
export function canonicalSeed(seed: Seed): string {
  return typeof seed === 'number' ? String(seed) : seed;
}

/** Hashes a user's seed, in its canonical text form ({@link canonicalSeed}), to the 128-bit root of a run. */
export function seedRoot(seed: Seed): SeedRoot {
  return hashString128(canonicalSeed(seed));
}

/**
 * The state a stream starts from (its identity): three 32-bit words, the purpose and keys hashed
 * into all 128 bits of the root. Two streams give the same numbers exactly when these coincide.
 * @example streamState(seedRoot(42), StreamPurpose.demand, 17) // three 32-bit words
 */
export function streamState(root: SeedRoot, purpose: StreamPurpose, ...keys: number[]): [number, number, number] {
  const h = hashWords([purpose, ...keys], root);
  return [h[0], h[1], h[2]];
}

/**
 * Opens the stream for one purpose at one point of a run: `keys` are integers such as
 * the period and the cell. The same root, purpose and keys always give the same numbers.
 *
 * The generator is seedrandom's Alea (fast, 2^116 period); its three 32-bit state words are set
 * from {@link streamState}, about seven times cheaper than seeding Alea through a string, and all
 * 96 bits of them depend on the 128-bit root, so no two seeds share a stream but by a chance of
 * about 2^-96.
 * @example const rng = openStream(seedRoot(42), StreamPurpose.demand, 17); rng.next();
 */
export function openStream(root: SeedRoot, purpose: StreamPurpose, ...keys: number[]): Rng {
  const [a, b, c] = streamState(root, purpose, ...keys);
  // Alea's state words are fractions with 32 bits; zero words would weaken the first draws.
  return new SeedrandomStream(alea('', { state: { c: 1, s0: (a || 1) * TWO_POW_MINUS_32, s1: (b || 1) * TWO_POW_MINUS_32, s2: (c || 1) * TWO_POW_MINUS_32 } }));
}

/**
 * seedrandom's Alea behind the {@link Rng} interface. (An own copy of Alea's arithmetic, inlined,
 * was about 6-10 % faster a replication with the same numbers; the design card fixes seedrandom
 * as the source of all randomness, so the library keeps it.)
 */
class SeedrandomStream implements Rng {
  constructor(private readonly draw: () => number) {}
  next(): number {
    return this.draw();
  }
}
