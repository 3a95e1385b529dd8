import { describe, expect, it } from 'vitest';
import { fillNormals } from '../../src/random/fillNormals.js';
import { normalQuantile } from '../../src/random/normalQuantile.js';
import { openStream, seedRoot, StreamPurpose } from '../../src/random/streams.js';

const stream = (k: number) => openStream(seedRoot('test'), StreamPurpose.population, k);

/**
 * Mean within 5 SE of 0 (SE = 1 / sqrt(n)) and sample variance within 5 SE of 1, using the
 * normal result Var(s^2) = 2 sigma^4 / (n - 1).
 */
function expectStandardNormal(xs: readonly number[] | Float64Array): void {
  const n = xs.length;
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= n;
  let ss = 0;
  for (const x of xs) ss += (x - mean) ** 2;
  const variance = ss / (n - 1);
  expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
  expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / (n - 1)));
}

/** A fixed pseudo-random mask (about 70% ones), from its own stream. */
function makeMask(n: number): Uint8Array {
  const rng = openStream(seedRoot('test'), StreamPurpose.population, 999);
  const mask = new Uint8Array(n);
  for (let i = 0; i < n; i++) mask[i] = rng.next() < 0.7 ? 1 : 0;
  return mask;
}

describe('fillNormals', () => {
  const n = 50_000;

  it('fills standard normals without a mask: mean 0, variance 1', () => {
    const out = new Float64Array(n);
    fillNormals(stream(1), out, n);
    expectStandardNormal(out);
  });

  it('sets entry i from the i-th uniform alone (normalQuantile of it)', () => {
    const out = new Float64Array(100);
    fillNormals(stream(2), out, 100);
    const twin = stream(2);
    for (let i = 0; i < 100; i++) expect(out[i]).toBe(normalQuantile(twin.next()));
  });

  it('gives identical first 10 entries for n = 10 and n = 11, and consumes exactly n uniforms', () => {
    const a = new Float64Array(11);
    const b = new Float64Array(11);
    const rngA = stream(3);
    const rngB = stream(3);
    fillNormals(rngA, a, 10);
    fillNormals(rngB, b, 11);
    expect(Array.from(a.subarray(0, 10))).toEqual(Array.from(b.subarray(0, 10)));
    expect(a[10]).toBe(0); // beyond n: untouched
    // After filling 10, the stream is exactly one uniform behind the one that filled 11.
    rngA.next();
    expect(rngA.next()).toBe(rngB.next());
  });

  it('leaves entries at index >= n untouched', () => {
    const out = new Float64Array(20).fill(7);
    fillNormals(stream(4), out, 15);
    for (let i = 15; i < 20; i++) expect(out[i]).toBe(7);
  });

  it('sets masked-out entries to exactly 0 but still consumes their uniform', () => {
    const m = 2000;
    const mask = makeMask(m);
    const masked = new Float64Array(m).fill(123); // stale values must be overwritten
    const full = new Float64Array(m);
    const rngMasked = stream(5);
    const rngFull = stream(5);
    fillNormals(rngMasked, masked, m, mask);
    fillNormals(rngFull, full, m);
    let zeros = 0;
    for (let i = 0; i < m; i++) {
      if (mask[i] === 1) {
        // Same index, same uniform: identical to the unmasked fill, so masked entries before it
        // consumed their uniforms.
        expect(masked[i]).toBe(full[i]);
      } else {
        expect(masked[i]).toBe(0);
        zeros++;
      }
    }
    expect(zeros).toBeGreaterThan(0);
    expect(zeros).toBeLessThan(m);
    // Both streams consumed m uniforms.
    expect(rngMasked.next()).toBe(rngFull.next());
  });

  it('consumes n uniforms even when every entry is masked out', () => {
    const out = new Float64Array(50).fill(1);
    const rng = stream(6);
    const twin = stream(6);
    fillNormals(rng, out, 50, new Uint8Array(50));
    for (let i = 0; i < 50; i++) {
      expect(out[i]).toBe(0);
      twin.next();
    }
    expect(rng.next()).toBe(twin.next());
  });

  it('gives standard normals on the unmasked entries: mean 0, variance 1', () => {
    const mask = makeMask(n);
    const out = new Float64Array(n);
    fillNormals(stream(7), out, n, mask);
    const kept: number[] = [];
    for (let i = 0; i < n; i++) if (mask[i] === 1) kept.push(out[i]!);
    expect(kept.length).toBeGreaterThan(n / 2);
    expectStandardNormal(kept);
  });
});
