import { describe, expect, it } from 'vitest';
import { replicationSeed } from '../../src/experiment/seeds.js';
import { canonicalSeed, openStream, seedRoot, streamState, StreamPurpose } from '../../src/random/streams.js';
import type { Rng } from '../../src/random/rng.js';

const ROOT = seedRoot('test');

function take(rng: Rng, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(rng.next());
  return out;
}

/** Lag-1 sample autocorrelation of xs. Under independence it is about N(0, 1/n), so SE = 1/sqrt(n). */
function lag1(xs: ArrayLike<number>): number {
  const n = xs.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += xs[i]!;
  mean /= n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i]! - mean;
    den += d * d;
    if (i + 1 < n) num += d * (xs[i + 1]! - mean);
  }
  return num / den;
}

describe('seedRoot', () => {
  it('is a deterministic 128-bit hash: four unsigned 32-bit words', () => {
    for (const seed of [0, 1, -1, 42, 1.5, '', 'a', 'test', 'a longer seed string']) {
      const r = seedRoot(seed);
      expect(r).toEqual(seedRoot(seed));
      expect(r).toHaveLength(4);
      for (const word of r) {
        expect(Number.isInteger(word)).toBe(true);
        expect(word).toBeGreaterThanOrEqual(0);
        expect(word).toBeLessThan(2 ** 32);
      }
    }
  });

  it('takes a number seed as its canonical text: 1 and "1" are the same seed (issue 13, item 7)', () => {
    for (const [n, text] of [[1, '1'], [0.1, '0.1'], [-0, '0'], [1e21, '1e+21'], [-2.5, '-2.5']] as const) {
      expect(canonicalSeed(n)).toBe(text);
      expect(seedRoot(n)).toEqual(seedRoot(text));
    }
    expect(take(openStream(seedRoot(1), StreamPurpose.demand, 0), 8)).toEqual(take(openStream(seedRoot('1'), StreamPurpose.demand, 0), 8));
    expect(seedRoot('1.0')).not.toEqual(seedRoot(1)); // text is text: "1.0" is not the number 1's form
  });

  it('gives different roots for different seeds, and tells "a" from "a\\0"', () => {
    const roots = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      roots.add(seedRoot(i).join(','));
      roots.add(seedRoot(`seed-${i}`).join(','));
    }
    expect(roots.size).toBe(2000);
    expect(seedRoot('a')).not.toEqual(seedRoot('a\0'));
    expect(seedRoot('')).not.toEqual(seedRoot('\0'));
  });

  it('separates the replication seeds that shared a 32-bit root before (issue 13, item 7)', () => {
    expect(streamState(seedRoot('1#82758'), StreamPurpose.population)).not.toEqual(streamState(seedRoot('1#9029077'), StreamPurpose.population));
  });

  it('gives a million replications of one experiment a million distinct stream identities', () => {
    // Under 32-bit roots about 116 pairs of a million coincided (n^2 / 2^33), each pair a duplicated
    // market. With 96 bits of stream state the chance of any coincidence among 10^9 replications is
    // about 10^18 / 2^97, or 6 x 10^-12; here a million are checked for every purpose's first stream.
    const n = 1_000_000;
    const seen = new Set<string>();
    // The first 32 bits alone coincide about 116 times in a million: the sample can show a collision.
    const first = new Set<number>();
    let repeats = 0;
    for (let i = 0; i < n; i++) {
      const [a, b, c] = streamState(seedRoot(replicationSeed(1, i)), StreamPurpose.population);
      seen.add(`${a},${b},${c}`);
      if (first.has(a)) repeats++;
      first.add(a);
    }
    expect(seen.size).toBe(n);
    expect(repeats).toBeGreaterThan(50);
    expect(repeats).toBeLessThan(250);
  });
});

describe('openStream', () => {
  it('gives identical sequences for the same root, purpose and keys', () => {
    const a = take(openStream(ROOT, StreamPurpose.tender, 3, 17), 1000);
    const b = take(openStream(ROOT, StreamPurpose.tender, 3, 17), 1000);
    expect(a).toEqual(b);
    // And for a root derived from the same seed again.
    const c = take(openStream(seedRoot('test'), StreamPurpose.tender, 3, 17), 1000);
    expect(c).toEqual(a);
  });

  it('gives different sequences for different keys, purposes and roots', () => {
    const base = take(openStream(ROOT, StreamPurpose.demand, 5, 9), 8);
    expect(take(openStream(ROOT, StreamPurpose.demand, 5, 10), 8)).not.toEqual(base);
    expect(take(openStream(ROOT, StreamPurpose.demand, 6, 9), 8)).not.toEqual(base);
    expect(take(openStream(ROOT, StreamPurpose.demand, 5), 8)).not.toEqual(base);
    expect(take(openStream(ROOT, StreamPurpose.demand, 5, 9, 0), 8)).not.toEqual(base);
    expect(take(openStream(ROOT, StreamPurpose.supplierShocks, 5, 9), 8)).not.toEqual(base);
    expect(take(openStream(seedRoot('other'), StreamPurpose.demand, 5, 9), 8)).not.toEqual(base);
    for (let w = 0; w < 4; w++) {
      const other = [...ROOT] as unknown as typeof ROOT;
      (other as unknown as number[])[w]! ^= 1;
      expect(take(openStream(other, StreamPurpose.demand, 5, 9), 8)).not.toEqual(base);
    }
  });

  it('gives a different stream for every purpose', () => {
    const seen = new Set<string>();
    for (const purpose of Object.values(StreamPurpose)) {
      seen.add(take(openStream(ROOT, purpose, 1, 2), 4).join(','));
    }
    expect(seen.size).toBe(Object.values(StreamPurpose).length);
  });

  it('gives different streams for keys (t, c) and (c, t)', () => {
    for (const [t, c] of [
      [0, 1],
      [1, 2],
      [3, 17],
      [12, 250],
    ] as const) {
      const a = take(openStream(ROOT, StreamPurpose.demand, t, c), 8);
      const b = take(openStream(ROOT, StreamPurpose.demand, c, t), 8);
      expect(a).not.toEqual(b);
    }
  });

  it('gives distinct streams for 10 000 consecutive (period, cell) keys', () => {
    const seen = new Set<string>();
    for (let t = 0; t < 100; t++) {
      for (let c = 0; c < 100; c++) {
        const rng = openStream(ROOT, StreamPurpose.demand, t, c);
        seen.add(`${rng.next()},${rng.next()}`);
      }
    }
    expect(seen.size).toBe(10_000);
  });

  it('returns uniforms in [0, 1)', () => {
    let min = Infinity;
    let max = -Infinity;
    let bad = 0;
    for (let k = 0; k < 20; k++) {
      const rng = openStream(ROOT, StreamPurpose.population, k);
      for (let i = 0; i < 5000; i++) {
        const u = rng.next();
        if (!(u >= 0 && u < 1)) bad++;
        min = Math.min(min, u);
        max = Math.max(max, u);
      }
    }
    expect(bad).toBe(0);
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
  });

  it('passes a bucket / chi-square check of uniformity on 100 000 draws', () => {
    const n = 100_000;
    const buckets = 20;
    const counts = new Array<number>(buckets).fill(0);
    const rng = openStream(ROOT, StreamPurpose.population, 1);
    for (let i = 0; i < n; i++) counts[Math.floor(rng.next() * buckets)]!++;
    // Each count is Binomial(n, p) with p = 1/buckets, so its standard error is
    //   SE = sqrt(n p (1 - p)),
    // here sqrt(100000 * 0.05 * 0.95) ~= 68.9; allow 5 SE per bucket.
    const p = 1 / buckets;
    const expected = n * p;
    const se = Math.sqrt(n * p * (1 - p));
    let chi2 = 0;
    for (const c of counts) {
      expect(Math.abs(c - expected)).toBeLessThan(5 * se);
      chi2 += ((c - expected) * (c - expected)) / expected;
    }
    // chi2 ~ chi-square with df = buckets - 1: mean df, variance 2 df. Allow mean + 5 sd.
    const df = buckets - 1;
    expect(chi2).toBeLessThan(df + 5 * Math.sqrt(2 * df));
  });

  it('has lag-1 correlation of consecutive draws near 0 (within 5 SE, SE = 1/sqrt(n))', () => {
    const n = 100_000;
    const xs = new Float64Array(n);
    const rng = openStream(ROOT, StreamPurpose.population, 2);
    for (let i = 0; i < n; i++) xs[i] = rng.next();
    expect(Math.abs(lag1(xs))).toBeLessThan(5 / Math.sqrt(n));
  });

  it('has uncorrelated, uniform first draws across consecutive keys', () => {
    // Streams are seeded from a hash of the keys; adjacent keys should give unrelated first draws.
    const n = 20_000;
    const first = new Float64Array(n);
    for (let k = 0; k < n; k++) first[k] = openStream(ROOT, StreamPurpose.population, k).next();
    expect(Math.abs(lag1(first))).toBeLessThan(5 / Math.sqrt(n));
    // Mean of n uniforms: 1/2 with SE = sqrt(1/12)/sqrt(n).
    let mean = 0;
    for (let k = 0; k < n; k++) mean += first[k]!;
    mean /= n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
  });
});
