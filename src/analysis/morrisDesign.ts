import { ConfigError } from '../model/decode.js';
import { openStream, seedRoot, StreamPurpose, type Seed } from '../random/streams.js';
import { checkParameters, toRanges, type RangeParameter } from './parameters.js';

/** Key of the trajectory streams under StreamPurpose.analysis. */
const MORRIS_KEY = 4;

/** Most trajectories of one design. */
export const MAX_TRAJECTORIES = 100_000;

/**
 * A Morris (1991) screening design: r trajectories of k + 1 points each on a grid of p levels of the
 * unit cube; from one point to the next exactly one parameter moves, by Delta = p / (2 (p - 1)), and
 * each parameter moves once per trajectory. Plain JSON: keep it with the outputs, and
 * {@link morrisEffects} reads both.
 */
export interface MorrisDesign {
  readonly kind: 'framework-agreement-sim/morris-design';
  readonly parameters: readonly RangeParameter[];
  /** r: trajectories. */
  readonly trajectories: number;
  /** p: grid levels per parameter (even). */
  readonly levels: number;
  /** The step, as a fraction of each range: p / (2 (p - 1)). */
  readonly delta: number;
  readonly seed: Seed;
  /** Per trajectory, the parameter (by index) moved at each of its k steps. */
  readonly order: number[][];
  /** The r (k + 1) points in the unit cube, trajectory by trajectory; every coordinate is a level j / (p - 1). */
  readonly unit: number[][];
  /** The same points in the parameters' units: min + u (max - min). */
  readonly values: number[][];
}

/**
 * Builds r Morris trajectories over k parameters with ranges, by the standard random construction
 * (Morris 1991; Saltelli et al. 2004, section 4.2):
 *
 *   B* = (J x* + (Delta / 2) ((2 B - J) D* + J)) P*
 *
 * where x* is a random base point on the grid levels {0, 1/(p-1), ..., 1 - Delta}, B the strictly
 * lower triangular matrix of ones, D* a random diagonal of +-1 (the direction of each step) and P* a
 * random permutation (the order of the steps). That is: each parameter starts at its base level, or
 * Delta above it when its step goes down, and in turn moves to the other one. Each trajectory draws
 * from its own seeded stream, so a design with more trajectories begins with the same ones.
 * Model outputs at the points, in order, go to {@link morrisEffects}; `configPoints(design)` turns
 * them into partial configs. An even p (default 4) makes every level equally likely.
 * @example morrisDesign([{ path: 'x1', range: [0, 1] }, { path: 'x2', range: [0, 1] }], 10, 4, 1).values.length // 10 * 3
 */
export function morrisDesign(parameters: readonly RangeParameter[], trajectories: number, levels = 4, seed: Seed = 1): MorrisDesign {
  checkParameters(parameters);
  const issues = [];
  if (!Number.isInteger(trajectories) || trajectories < 1 || trajectories > MAX_TRAJECTORIES) {
    issues.push({ path: 'trajectories', message: `expected an integer in [1, ${MAX_TRAJECTORIES}], got ${String(trajectories)}` });
  }
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0 || levels > 1000) {
    issues.push({ path: 'levels', message: `expected an even integer in [2, 1000], got ${String(levels)}` });
  }
  if (issues.length > 0) throw new ConfigError(issues);
  const k = parameters.length;
  const half = levels / 2; // Delta in grid steps
  const root = seedRoot(seed);
  const order: number[][] = [];
  const unit: number[][] = [];
  for (let t = 0; t < trajectories; t++) {
    const rng = openStream(root, StreamPurpose.analysis, MORRIS_KEY, t);
    const base = Array.from({ length: k }, () => Math.floor(rng.next() * half)); // x*, as a level index
    const up = Array.from({ length: k }, () => rng.next() < 0.5);
    const steps = Array.from({ length: k }, (_, i) => i);
    for (let i = k - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [steps[i], steps[j]] = [steps[j]!, steps[i]!];
    }
    // Level indices, so every coordinate is exactly j / (p - 1).
    const at = base.map((b, i) => (up[i] ? b : b + half));
    unit.push(at.map((l) => l / (levels - 1)));
    for (const i of steps) {
      at[i] = up[i] ? base[i]! + half : base[i]!;
      unit.push(at.map((l) => l / (levels - 1)));
    }
    order.push(steps);
  }
  return {
    kind: 'framework-agreement-sim/morris-design',
    parameters: parameters.map((p) => ({ path: p.path, range: [p.range[0], p.range[1]] as const, ...(p.integer === true ? { integer: true } : {}) })),
    trajectories,
    levels,
    delta: half / (levels - 1),
    seed,
    order,
    unit,
    values: toRanges(unit, parameters),
  };
}
