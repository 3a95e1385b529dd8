import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../src/random/normalQuantile.js';
import { openStream, seedRoot, StreamPurpose } from '../../src/random/streams.js';

const stream = (k: number) => openStream(seedRoot('test'), StreamPurpose.population, k);

/** Spacing of the uniforms the streams produce (Alea returns multiples of 2^-32). */
const ULP32 = 2 ** -32;

/**
 * Reference quantiles [p, Phi^-1(p)] from Python's statistics.NormalDist().inv_cdf (Wichura's
 * AS241, accurate to about 1e-16), spanning both tail branches, the central branch and the branch
 * points 0.02425 and 0.97575.
 */
const REFERENCE: readonly (readonly [number, number])[] = [
  [1e-20, -9.262340089798405],
  [1e-10, -6.361340902404056],
  [ULP32, -6.230260137989042],
  [1e-5, -4.2648907939228256],
  [0.001, -3.090232306167813],
  [0.01, -2.3263478740408408],
  [0.02425, -1.9729610513118845],
  [0.025, -1.9599639845400538],
  [0.1, -1.2815515655446008],
  [0.29227, -0.5467652787870945],
  [0.75, 0.6744897501960817],
  [0.9, 1.2815515655446008],
  [0.975, 1.9599639845400536],
  [0.97575, 1.9729610513118847],
  [0.99, 2.3263478740408408],
  [0.999, 3.090232306167813],
  [1 - ULP32, 6.230260137989042],
];

describe('normalQuantile', () => {
  it('matches known values to 1e-6', () => {
    expect(Math.abs(normalQuantile(0.5))).toBeLessThan(1e-12);
    expect(Math.abs(normalQuantile(0.975) - 1.959964)).toBeLessThan(1e-6);
    expect(Math.abs(normalQuantile(0.025) + 1.959964)).toBeLessThan(1e-6);
    expect(Math.abs(normalQuantile(1e-10) + 6.361340902404056)).toBeLessThan(1e-6);
    expect(Math.abs(normalQuantile(1 - 1e-10) - 6.361340889697421)).toBeLessThan(1e-6);
    // Phi(1), Phi(-2) (lower-tail branch) and Phi(3) (upper-tail branch).
    expect(Math.abs(normalQuantile(0.8413447460685429) - 1)).toBeLessThan(1e-6);
    expect(Math.abs(normalQuantile(0.02275013194817921) + 2)).toBeLessThan(1e-6);
    expect(Math.abs(normalQuantile(0.9986501019683699) - 3)).toBeLessThan(1e-6);
  });

  it('has the documented relative error below 1.2e-9 against reference quantiles', () => {
    for (const [p, z] of REFERENCE) {
      const rel = Math.abs(normalQuantile(p) - z) / Math.abs(z);
      expect(rel, `p = ${p}`).toBeLessThan(1.2e-9);
    }
  });

  it('is antisymmetric: q(1 - p) = -q(p) (to 1e-8; 1 - p rounds)', () => {
    for (let i = 1; i < 1000; i++) {
      const p = i / 1000;
      expect(Math.abs(normalQuantile(1 - p) + normalQuantile(p))).toBeLessThan(1e-8);
    }
    for (const p of [1e-9, 1e-6, 0.02, 0.0242]) {
      expect(Math.abs(normalQuantile(1 - p) + normalQuantile(p))).toBeLessThan(1e-8);
    }
  });

  it('is strictly increasing on a grid of step 1e-6 over (0, 1)', () => {
    let prev = -Infinity;
    let violations = 0;
    for (let i = 1; i < 1_000_000; i++) {
      const z = normalQuantile(i / 1_000_000);
      if (!(z > prev)) violations++;
      prev = z;
    }
    expect(violations).toBe(0);
  });

  it('is strictly increasing at the uniforms a stream can produce, across the branch points and in the tails', () => {
    // Steps of 2^-32 (the resolution of the streams' uniforms). Below that scale the rational
    // approximation shows rounding noise of a few 1e-16, which is not a monotonicity defect.
    let violations = 0;
    for (const centre of [0.02425, 0.97575]) {
      let prev = -Infinity;
      for (let j = -2000; j <= 2000; j++) {
        const z = normalQuantile(centre + j * ULP32);
        if (!(z > prev)) violations++;
        prev = z;
      }
    }
    let prev = -Infinity;
    for (let j = 1; j <= 50_000; j++) {
      const z = normalQuantile(j * ULP32);
      if (!(z > prev)) violations++;
      prev = z;
    }
    prev = -Infinity;
    for (let j = 50_000; j >= 1; j--) {
      const z = normalQuantile(1 - j * ULP32);
      if (!(z > prev)) violations++;
      prev = z;
    }
    expect(violations).toBe(0);
  });

  it('clamps p <= 0 to -8.5 and p >= 1 to 8.5, beyond every quantile a stream uniform reaches', () => {
    expect(normalQuantile(0)).toBe(-8.5);
    expect(normalQuantile(-1)).toBe(-8.5);
    expect(normalQuantile(1)).toBe(8.5);
    expect(normalQuantile(2)).toBe(8.5);
    // The smallest positive stream uniform is 2^-32 (z ~ -6.23), so the clamp keeps the map from
    // stream uniforms to normals monotone. (For p below about 1e-17, which no stream produces,
    // normalQuantile(p) < -8.5 = normalQuantile(0); see the report.)
    expect(normalQuantile(0)).toBeLessThan(normalQuantile(ULP32));
    expect(normalQuantile(1)).toBeGreaterThan(normalQuantile(1 - ULP32));
  });

  it('turns stream uniforms into standard normals: mean 0, variance 1', () => {
    const n = 100_000;
    const rng = stream(1);
    let sum = 0;
    const xs = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      xs[i] = normalQuantile(rng.next());
      sum += xs[i]!;
    }
    const mean = sum / n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (xs[i]! - mean) ** 2;
    const variance = ss / (n - 1);
    // Mean: SE = 1 / sqrt(n). Variance of a normal sample: Var(s^2) = 2 sigma^4 / (n - 1).
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / (n - 1)));
  });
});
