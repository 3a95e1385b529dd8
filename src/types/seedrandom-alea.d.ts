// Deep import of seedrandom's Alea generator. Importing the file directly keeps the
// main seedrandom entry (which probes Node's `crypto`) out of browser bundles.
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
