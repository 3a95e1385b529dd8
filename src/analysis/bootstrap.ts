import { ConfigError } from '../model/decode.js';
import { quantileSorted } from '../metrics/quantile.js';
import type { Seed } from '../random/streams.js';

/** An estimate with its bootstrap standard error and percentile interval (null without a bootstrap). */
export interface Estimate {
  /** The estimate from all the data; null where it is undefined (for an index: the outcome did not vary). */
  readonly estimate: number | null;
  /** Standard deviation of the bootstrap replicates. */
  readonly se: number | null;
  /** Percentile interval of the bootstrap replicates at the chosen level. */
  readonly lower: number | null;
  readonly upper: number | null;
}

/** Bootstrap settings shared by the analysers. */
export interface BootstrapOptions {
  /** Bootstrap resamples (default 1000; 0 for no intervals). */
  readonly bootstrap?: number;
  /** Level of the percentile intervals (default 0.95). */
  readonly level?: number;
  /** Seed of the resamples (default 1). */
  readonly seed?: Seed;
}

/** Most bootstrap resamples. */
export const MAX_BOOTSTRAP = 100_000;

/** The bootstrap settings with defaults filled in; throws a ConfigError for bad ones. */
export function bootstrapSettings(options: BootstrapOptions): { bootstrap: number; level: number; seed: Seed } {
  const bootstrap = options.bootstrap ?? 1000;
  const level = options.level ?? 0.95;
  const issues = [];
  if (!Number.isInteger(bootstrap) || bootstrap < 0 || bootstrap > MAX_BOOTSTRAP) {
    issues.push({ path: 'bootstrap', message: `expected an integer in [0, ${MAX_BOOTSTRAP}], got ${String(bootstrap)}` });
  }
  if (!(level > 0 && level < 1)) issues.push({ path: 'level', message: `expected a number in (0, 1), got ${String(level)}` });
  if (issues.length > 0) throw new ConfigError(issues);
  return { bootstrap, level, seed: options.seed ?? 1 };
}

/**
 * Summarises bootstrap replicates of an estimate: their standard deviation (n - 1 denominator) and
 * the percentile interval [q((1 - level) / 2), q((1 + level) / 2)] (Efron's percentile method;
 * quantiles by linear interpolation, type 7). Without replicates, only the estimate.
 * @example withInterval(0.3, [0.2, 0.3, 0.4], 0.5) // { estimate: 0.3, se: 0.1, lower: 0.25, upper: 0.35 }
 */
export function withInterval(estimate: number | null, replicates: readonly number[], level: number): Estimate {
  if (estimate === null || replicates.length < 2) return { estimate, se: null, lower: null, upper: null };
  const sorted = [...replicates].sort((a, b) => a - b);
  const mean = sorted.reduce((s, x) => s + x, 0) / sorted.length;
  const se = Math.sqrt(sorted.reduce((s, x) => s + (x - mean) ** 2, 0) / (sorted.length - 1));
  return { estimate, se, lower: quantileSorted(sorted, (1 - level) / 2), upper: quantileSorted(sorted, (1 + level) / 2) };
}
