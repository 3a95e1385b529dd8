/**
 * The standard normal cumulative distribution function, Phi(z) = P(Z <= z), through the
 * complementary error function of W. J. Cody's rational Chebyshev approximation as given in
 * Numerical Recipes (erfc with fractional error below 1.2e-7 everywhere).
 *
 *   Phi(z) = erfc(-z / sqrt(2)) / 2
 *
 * @example normalCdf(0) // 0.5
 * @example normalCdf(1.959964) // 0.975
 */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  return 0.5 * erfc(-z / Math.SQRT2);
}

function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}
