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
 * closures and a `state()` accessor, costly for the ~1 200 short streams a replication opens.
 * This one is one closure over four numbers. The words are fractions k / 2^32 and `c` an
 * integer below 2^21, so every product and sum below is exact in doubles.
 *
 * @param s0 first state word, a multiple of 2^-32 in (0, 1)
 * @param s1 second state word, likewise
 * @param s2 third state word, likewise
 * @param c the carry, an integer (1 at the start)
 * @returns uniform draws in [0, 1), 32 bits each
 * @example aleaFromState(0.5, 0.25, 0.125, 1)() // 0.125 + ... a fixed number in [0, 1)
 */
export function aleaFromState(s0: number, s1: number, s2: number, c: number): Rng {
  // The state in the fields of one plain object, as seedrandom keeps it (and not a class: its
  // fields would start out undefined before holding numbers).
  const state: AleaState = { s0, s1, s2, c };
  return () => {
    const t = MULTIPLIER * state.s0 + state.c * TWO_POW_MINUS_32;
    state.s0 = state.s1;
    state.s1 = state.s2;
    state.c = t | 0;
    return (state.s2 = t - state.c);
  };
}

/** Alea's state: three 32-bit fractions and the carry. */
interface AleaState {
  s0: number;
  s1: number;
  s2: number;
  c: number;
}
