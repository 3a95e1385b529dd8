/** One point the search evaluated. */
export interface SearchPoint {
  /** Coordinates in the unit box [0, 1]^d. */
  readonly x: readonly number[];
  readonly value: number;
}

/** Settings of a Nelder-Mead search. */
export interface NelderMeadOptions {
  /** Most objective evaluations (the start simplex counts). */
  readonly maxEvaluations: number;
  /** Stop when the simplex's values differ by less than this (absolute). */
  readonly valueTolerance?: number;
  /** Stop when every vertex lies within this distance of the best, in each coordinate. */
  readonly pointTolerance?: number;
  /** Edge of the start simplex, in unit-box coordinates (default 0.15). */
  readonly initialStep?: number;
  /** Called after every evaluation. */
  readonly onEvaluation?: (point: SearchPoint, evaluations: number) => void;
}

/** What a search found. */
export interface NelderMeadResult {
  readonly x: readonly number[];
  readonly value: number;
  readonly evaluations: number;
  /** True when a tolerance stopped the search, false when it ran out of evaluations. */
  readonly converged: boolean;
}

const clamp01 = (v: number): number => (v < 0 ? 0 : v > 1 ? 1 : v);

/**
 * Minimises `f` over the unit box [0, 1]^d by the Nelder-Mead simplex method (reflection 1,
 * expansion 2, contraction 0.5, shrink 0.5), with every trial point clamped into the box.
 * Deterministic: the same objective and start give the same path. Derivative-free, which suits a
 * simulated objective; with common random numbers the objective is a fixed (if rough) function of
 * the parameters, so the simplex does not chase noise.
 * @example
 * await nelderMead(async ([a, b]) => (a - 0.3) ** 2 + (b - 0.6) ** 2, [0.5, 0.5], { maxEvaluations: 200 });
 * // x close to [0.3, 0.6]
 */
export async function nelderMead(
  f: (x: readonly number[]) => Promise<number>,
  start: readonly number[],
  options: NelderMeadOptions,
): Promise<NelderMeadResult> {
  const d = start.length;
  const step = options.initialStep ?? 0.15;
  const valueTol = options.valueTolerance ?? 1e-6;
  const pointTol = options.pointTolerance ?? 1e-4;
  let evaluations = 0;
  const evaluate = async (x: number[]): Promise<SearchPoint> => {
    const point = { x, value: await f(x) };
    if (!Number.isFinite(point.value)) throw new Error(`the objective returned ${point.value} at [${x.join(', ')}]`);
    evaluations++;
    options.onEvaluation?.(point, evaluations);
    return point;
  };
  const simplex: SearchPoint[] = [await evaluate(start.map(clamp01))];
  for (let k = 0; k < d && evaluations < options.maxEvaluations; k++) {
    const x = start.map(clamp01);
    // Step towards the box's interior so the vertex differs from the start even at a bound.
    x[k] = x[k]! + step <= 1 ? x[k]! + step : x[k]! - step;
    simplex.push(await evaluate(x));
  }
  if (simplex.length < d + 1) return best(simplex, evaluations, false);
  const along = (from: readonly number[], to: readonly number[], t: number): number[] =>
    from.map((v, k) => clamp01(v + t * (to[k]! - v)));
  while (evaluations < options.maxEvaluations) {
    simplex.sort((a, b) => a.value - b.value);
    const bestPoint = simplex[0]!;
    const worst = simplex[d]!;
    const spread = worst.value - bestPoint.value;
    const size = Math.max(...simplex.flatMap((p) => p.x.map((v, k) => Math.abs(v - bestPoint.x[k]!))));
    if (spread <= valueTol && size <= pointTol) return best(simplex, evaluations, true);
    if (size <= pointTol) return best(simplex, evaluations, true);
    const centroid = Array.from({ length: d }, (_, k) => simplex.slice(0, d).reduce((a, p) => a + p.x[k]!, 0) / d);
    const reflected = await evaluate(along(centroid, worst.x, -1));
    if (reflected.value < bestPoint.value) {
      if (evaluations >= options.maxEvaluations) { simplex[d] = reflected; break; }
      const expanded = await evaluate(along(centroid, worst.x, -2));
      simplex[d] = expanded.value < reflected.value ? expanded : reflected;
      continue;
    }
    if (reflected.value < simplex[d - 1]!.value) {
      simplex[d] = reflected;
      continue;
    }
    if (evaluations >= options.maxEvaluations) break;
    const outside = reflected.value < worst.value;
    const contracted = await evaluate(along(centroid, outside ? reflected.x : worst.x, 0.5));
    if (contracted.value < (outside ? reflected.value : worst.value)) {
      simplex[d] = contracted;
      continue;
    }
    for (let i = 1; i <= d && evaluations < options.maxEvaluations; i++) simplex[i] = await evaluate(along(bestPoint.x, simplex[i]!.x, 0.5));
  }
  return best(simplex, evaluations, false);
}

function best(simplex: readonly SearchPoint[], evaluations: number, converged: boolean): NelderMeadResult {
  const b = simplex.reduce((a, p) => (p.value < a.value ? p : a));
  return { x: b.x, value: b.value, evaluations, converged };
}
