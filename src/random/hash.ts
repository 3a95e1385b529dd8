/**
 * 32-bit integer mixing (the "lowbias32" finaliser by Chris Wellons): every input bit
 * affects every output bit, so consecutive keys give unrelated stream states.
 */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Combines a running hash with one more integer key. */
export function combine32(hash: number, key: number): number {
  return mix32((hash ^ Math.imul(key >>> 0, 0x9e3779b1)) + 0x6a09e667);
}

/**
 * Hashes a seed string (FNV-1a followed by mixing) to a 32-bit integer.
 * @example hashString("42") // a fixed 32-bit integer
 */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}
