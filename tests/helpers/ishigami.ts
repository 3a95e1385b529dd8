/**
 * The Ishigami function (Ishigami and Homma 1990), the usual test of global sensitivity methods:
 *   f(x) = sin x1 + a sin^2 x2 + b x3^4 sin x1,  x_i uniform on [-pi, pi],
 * with its analytic variance decomposition (Sobol' and Levitan 1999):
 *   V1 = (1 + b pi^4 / 5)^2 / 2,  V2 = a^2 / 8,  V3 = 0,  V13 = b^2 pi^8 (1/18 - 1/50),
 *   V  = a^2 / 8 + b pi^4 / 5 + b^2 pi^8 / 18 + 1/2.
 */
export const ISHIGAMI_A = 7;
export const ISHIGAMI_B = 0.1;

export function ishigami([x1, x2, x3]: readonly number[], a = ISHIGAMI_A, b = ISHIGAMI_B): number {
  return Math.sin(x1!) + a * Math.sin(x2!) ** 2 + b * x3! ** 4 * Math.sin(x1!);
}

export const ISHIGAMI_PARAMETERS = ['x1', 'x2', 'x3'].map((path) => ({ path, range: [-Math.PI, Math.PI] as const }));

/** First-order and total indices of the Ishigami function. */
export function ishigamiIndices(a = ISHIGAMI_A, b = ISHIGAMI_B): { first: number[]; total: number[] } {
  const pi4 = Math.PI ** 4;
  const v1 = (1 + (b * pi4) / 5) ** 2 / 2;
  const v2 = (a * a) / 8;
  const v13 = b * b * pi4 * pi4 * (1 / 18 - 1 / 50);
  const v = (a * a) / 8 + (b * pi4) / 5 + (b * b * pi4 * pi4) / 18 + 1 / 2;
  return { first: [v1 / v, v2 / v, 0], total: [(v1 + v13) / v, v2 / v, v13 / v] };
}
