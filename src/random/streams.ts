import alea from 'seedrandom/lib/alea.js';
import { combine32, hashString } from './hash.js';
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

/** Hashes a user's seed to the 32-bit root from which every stream of a run is derived. */
export function seedRoot(seed: Seed): number {
  return hashString(typeof seed === 'number' ? `n:${seed}` : `s:${seed}`);
}

/**
 * Opens the stream for one purpose at one point of a run: `keys` are integers such as
 * the period and the cell. The same root, purpose and keys always give the same numbers.
 *
 * The generator is seedrandom's Alea (Baagøe; fast, 2^116 period); its state is set from a hash
 * of the keys, which is far cheaper than seeding it through a string.
 * @example const rng = openStream(seedRoot(42), StreamPurpose.demand, 17); rng.next();
 */
export function openStream(root: number, purpose: StreamPurpose, ...keys: number[]): Rng {
  let h = combine32(root, purpose);
  for (const k of keys) h = combine32(h, k);
  const a = combine32(h, 1);
  const b = combine32(h, 2);
  const c = combine32(h, 3);
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
