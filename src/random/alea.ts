import type { Rng } from './rng.js';

/** 2^-32: Alea's state words are 32-bit fractions. */
const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/** Alea's multiplier (Baagøe): the generator is a lag-3 multiply-with-carry with base 2^32. */
const MULTIPLIER = 2091639;

/**
 * Johannes Baagøe's Alea generator started from a given state, with exactly the arithmetic of
 * seedrandom's `alea` (its `next`): the same state gives the same numbers, bit for bit
 * (tests/random/alea.test.ts checks millions of draws against seedrandom itself).
 *
 * Why not seedrandom's: a stream there is set up through its string hash (Mash) and gets four
 * closures and a `state()` accessor, costly for the ~1 200 short streams a replication opens, and
 * draws through a fresh closure per stream, which V8 does not inline (see {@link Rng}). The words
 * are fractions k / 2^32 and `c` an integer below 2^21, so every product and sum is exact in doubles.
 *
 * @example new AleaStream(0.5, 0.25, 0.125, 1).next() // a fixed number in [0, 1)
 */
export class AleaStream implements Rng {
  // Initialised to numbers here (not left undefined until the constructor runs), so V8 gives the
  // fields a numeric representation from the start.
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private c = 0;

  /**
   * @param s0 first state word, a multiple of 2^-32 in (0, 1)
   * @param s1 second state word, likewise
   * @param s2 third state word, likewise
   * @param c the carry, an integer (1 at the start)
   */
  constructor(s0: number, s1: number, s2: number, c: number) {
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.c = c;
  }

  /** The next uniform draw in [0, 1), 32 bits. */
  next(): number {
    const t = MULTIPLIER * this.s0 + this.c * TWO_POW_MINUS_32;
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    this.s2 = t - this.c;
    return this.s2;
  }
}
