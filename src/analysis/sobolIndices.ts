import { ConfigError } from '../model/decode.js';
import { openStream, seedRoot, StreamPurpose, type Seed } from '../random/streams.js';
import { bootstrapSettings, withInterval, type BootstrapOptions, type Estimate } from './bootstrap.js';
import type { RangeParameter } from './parameters.js';

/** Key of the bootstrap streams of Sobol indices under StreamPurpose.analysis. */
const BOOTSTRAP_KEY = 3;

/** One parameter's Sobol indices. */
export interface SobolIndex {
  readonly parameter: string;
  /** First-order index S_i: the share of the outcome's variance explained by this parameter alone. */
  readonly first: Estimate;
  /** Total index ST_i: the share due to this parameter, alone and in interaction with any others. */
  readonly total: Estimate;
}

/** What {@link sobolIndices} returns: plain JSON. */
export interface SobolIndices {
  readonly kind: 'framework-agreement-sim/sobol-indices';
  /** Base samples of the design. */
  readonly n: number;
  /** Mean and variance (divisor 2n) of the outcome over the rows of A and B. */
  readonly mean: number;
  readonly variance: number;
  readonly bootstrap: number;
  readonly level: number;
  readonly seed: Seed;
  readonly indices: readonly SobolIndex[];
}

/** Point estimates from the rows `rows` (indices into the base samples, repeats allowed). */
function estimate(values: readonly number[], n: number, k: number, rows: ArrayLike<number>): { first: number[]; total: number[]; mean: number; variance: number } {
  const m = rows.length;
  let sum = 0;
  for (let r = 0; r < m; r++) sum += values[rows[r]!]! + values[n + rows[r]!]!;
  const mean = sum / (2 * m);
  let squares = 0;
  for (let r = 0; r < m; r++) squares += (values[rows[r]!]! - mean) ** 2 + (values[n + rows[r]!]! - mean) ** 2;
  const variance = squares / (2 * m);
  const first: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < k; i++) {
    let s = 0;
    let t = 0;
    for (let r = 0; r < m; r++) {
      const j = rows[r]!;
      const a = values[j]!;
      const diff = values[(2 + i) * n + j]! - a; // f(A_B^(i)) - f(A)
      s += (values[n + j]! - mean) * diff;
      t += diff * diff;
    }
    first.push(s / m / variance);
    total.push(t / (2 * m) / variance);
  }
  return { first, total, mean, variance };
}

/**
 * Sobol sensitivity indices from the outputs of a {@link saltelliDesign} (values in the design's row
 * order, n (k + 2) of them), with f_A, f_B and f_i the outputs on the rows of A, B and A_B^(i):
 *
 *   V    = variance of the 2n outputs on A and B (divisor 2n), mean m
 *   S_i  = (1/n) sum_j (f_B[j] - m) (f_i[j] - f_A[j]) / V      (first order, Saltelli et al. 2010)
 *   ST_i = (1/(2n)) sum_j (f_A[j] - f_i[j])^2 / V              (total, Jansen 1999)
 *
 * Subtracting m does not change what S_i estimates (f_i and f_A have the same distribution) but keeps
 * digits when the outcome's mean is large beside its spread. A parameter the outputs do not depend
 * on gets f_i = f_A on every row, so both indices are exactly 0. Estimates are not clipped to [0, 1]:
 * values slightly below 0 or above 1 are sampling error. Intervals come from a seeded bootstrap over
 * the n base rows (each resample keeps A, B and every A_B^(i) of a row together). Indices are null
 * when the outcome did not vary (V = 0).
 * @example
 * const design = saltelliDesign(parameters, 1024, 1);
 * const result = sobolIndices(design, design.values.map(([x1, x2]) => x1! + 2 * x2!));
 * result.indices[1].total.estimate // about 0.8 when both ranges are [0, 1]
 */
export function sobolIndices(
  design: { readonly parameters: readonly RangeParameter[]; readonly n: number },
  values: readonly number[],
  options: BootstrapOptions = {},
): SobolIndices {
  const { bootstrap, level, seed } = bootstrapSettings(options);
  const n = design.n;
  const k = design.parameters.length;
  if (values.length !== n * (k + 2)) {
    throw new ConfigError([{ path: 'values', message: `expected ${n * (k + 2)} outputs (n (k + 2) with n = ${n}, k = ${k}), got ${values.length}` }]);
  }
  const bad = values.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
  if (bad >= 0) throw new ConfigError([{ path: `values[${bad}]`, message: `expected a finite number, got ${String(values[bad])}` }]);
  const all = Array.from({ length: n }, (_, j) => j);
  const point = estimate(values, n, k, all);
  const defined = point.variance > 0;
  const firstReplicates: number[][] = Array.from({ length: k }, () => []);
  const totalReplicates: number[][] = Array.from({ length: k }, () => []);
  if (defined && bootstrap > 0) {
    const rng = openStream(seedRoot(seed), StreamPurpose.analysis, BOOTSTRAP_KEY);
    const rows = new Uint32Array(n);
    for (let b = 0; b < bootstrap; b++) {
      for (let r = 0; r < n; r++) rows[r] = Math.floor(rng.next() * n);
      const e = estimate(values, n, k, rows);
      // A resample whose A and B outputs are all equal has no variance to share out; skip it.
      if (!(e.variance > 0)) continue;
      for (let i = 0; i < k; i++) {
        firstReplicates[i]!.push(e.first[i]!);
        totalReplicates[i]!.push(e.total[i]!);
      }
    }
  }
  return {
    kind: 'framework-agreement-sim/sobol-indices',
    n,
    mean: point.mean,
    variance: point.variance,
    bootstrap,
    level,
    seed,
    indices: design.parameters.map((p, i) => ({
      parameter: p.path,
      first: withInterval(defined ? point.first[i]! : null, firstReplicates[i]!, level),
      total: withInterval(defined ? point.total[i]! : null, totalReplicates[i]!, level),
    })),
  };
}
