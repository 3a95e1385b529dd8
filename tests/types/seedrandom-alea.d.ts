// Deep import of seedrandom's Alea generator, the reference the engine's own Alea
// (src/random/alea.ts) is tested against; the library itself no longer depends on seedrandom.
declare module 'seedrandom/lib/alea.js' {
  import type seedrandom from 'seedrandom';
  interface AleaState {
    c: number;
    s0: number;
    s1: number;
    s2: number;
  }
  function alea(seed?: string, options?: { state?: AleaState | boolean }): seedrandom.PRNG;
  export default alea;
}
