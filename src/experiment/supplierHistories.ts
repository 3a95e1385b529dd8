import type { ConfigInput } from '../model/config.js';
import { inputError, resolveConfig } from '../model/decode.js';
import type { SupplierLife } from '../model/result.js';
import { simulateDecoded } from '../simulate.js';
import { canonicalSeed, type Seed } from '../random/streams.js';
import { MAX_RUNS } from './spec.js';
import { replicationSeed } from './seeds.js';

/** A supplier's life in one replication: {@link SupplierLife} with the replication it belongs to. */
export type SupplierHistoryRow = SupplierLife & { readonly replication: number };

/** Options of {@link supplierHistories}. */
export interface SupplierHistoryOptions {
  /** Replications 0..runs-1. */
  readonly runs: number;
  /** Master seed (default 1); replication i runs with `replicationSeed(seed, i)`, as in every experiment. */
  readonly seed?: Seed;
}

/**
 * Every supplier's life over the horizon in each of `runs` replications of one config, as tidy
 * rows (one per supplier and replication): entry, ownership, size class at the start and at every
 * year's end, tenders bid, places won, exit and its cause, and censoring. Replication i is the
 * same run as replication i of an experiment with the same seed and this config as a policy, so
 * the histories belong to the numbers an experiment reports. Memory grows with runs x suppliers
 * (about 500 rows a run of the baseline); experiments themselves keep no histories.
 * @example
 * const rows = supplierHistories({}, { runs: 20, seed: 7 });
 * supplierSurvival(rows, 'ownership').nonProfit.median; // periods until half the non-profits have exited
 */
export function supplierHistories(config: ConfigInput, options: SupplierHistoryOptions): SupplierHistoryRow[] {
  if (!Number.isInteger(options.runs) || options.runs < 1 || options.runs > MAX_RUNS) {
    throw inputError([{ path: 'options.runs', message: `expected an integer in [1, ${MAX_RUNS}], got ${String(options.runs)}` }]);
  }
  const decoded = resolveConfig(config);
  const seed = canonicalSeed(options.seed ?? 1);
  const rows: SupplierHistoryRow[] = [];
  for (let i = 0; i < options.runs; i++) {
    const result = simulateDecoded(decoded, replicationSeed(seed, i), { suppliers: true });
    for (const life of result.suppliers!) rows.push({ replication: i, ...life });
  }
  return rows;
}
