import alea from 'seedrandom/lib/alea.js';
import { describe, expect, it } from 'vitest';
import { AleaStream } from '../../src/random/alea.js';
import { combine32 } from '../../src/random/hash.js';

const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/** A state as openStream makes them: three hashed 32-bit words as fractions, carry 1. */
function stateOf(key: number): { c: number; s0: number; s1: number; s2: number } {
  const word = (k: number) => (combine32(key, k) || 1) * TWO_POW_MINUS_32;
  return { c: 1, s0: word(1), s1: word(2), s2: word(3) };
}

/** Index of the first draw on which an AleaStream and seedrandom's generator differ, or -1 when all agree. */
function firstDifference(a: AleaStream, b: () => number, draws: number): number {
  for (let k = 0; k < draws; k++) if (!Object.is(a.next(), b())) return k;
  return -1;
}

describe('AleaStream: the same numbers as seedrandom (the reference implementation)', () => {
  it('agrees bit for bit on 4 million draws of one stream', () => {
    const s = stateOf(12345);
    expect(firstDifference(new AleaStream(s.s0, s.s1, s.s2, s.c), alea('', { state: s }), 4_000_000)).toBe(-1);
  });

  it('agrees on the first 1 000 draws of 2 000 streams (short streams are what the engine opens)', () => {
    for (let key = 0; key < 2000; key++) {
      const s = stateOf(key);
      expect(firstDifference(new AleaStream(s.s0, s.s1, s.s2, s.c), alea('', { state: s }), 1000)).toBe(-1);
    }
  });

  it('agrees from extreme states (smallest and largest words)', () => {
    const states = [
      { c: 1, s0: TWO_POW_MINUS_32, s1: TWO_POW_MINUS_32, s2: TWO_POW_MINUS_32 },
      { c: 1, s0: 1 - TWO_POW_MINUS_32, s1: 1 - TWO_POW_MINUS_32, s2: 1 - TWO_POW_MINUS_32 },
      { c: 2091638, s0: 1 - TWO_POW_MINUS_32, s1: 0.5, s2: TWO_POW_MINUS_32 },
    ];
    for (const s of states) expect(firstDifference(new AleaStream(s.s0, s.s1, s.s2, s.c), alea('', { state: s }), 100_000)).toBe(-1);
  });

  it('draws in [0, 1)', () => {
    const s = stateOf(7);
    const rng = new AleaStream(s.s0, s.s1, s.s2, s.c);
    for (let k = 0; k < 100_000; k++) {
      const u = rng.next();
      expect(u >= 0 && u < 1).toBe(true);
    }
  });
});
