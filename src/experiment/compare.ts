import type { ConfigInput } from '../model/config.js';
import { runExperiment, specOf, type ExperimentOptions, type ExperimentOutput } from './run.js';
import type { PolicyVariant } from './spec.js';

/** Policies to compare: a list of variants, or a record from name to partial config. */
export type PolicyList = readonly PolicyVariant[] | Readonly<Record<string, ConfigInput>>;

/** Normalises a policy list to variants. */
export function toVariants(policies: PolicyList): PolicyVariant[] {
  return Array.isArray(policies)
    ? [...(policies as readonly PolicyVariant[])]
    : Object.entries(policies as Record<string, ConfigInput>).map(([name, input]) => ({ name, input }));
}

/**
 * Compares policies with a baseline on paired replications (common random numbers): replication
 * i of every policy starts from the same burned-in market and sees the same demand and supplier
 * shocks. Returns each policy's summaries and, per outcome, its paired difference from the
 * baseline with a 95 % interval, the probability of doing better, and the variance reduction
 * the pairing bought.
 * @example
 * const r = await compare({}, { guarantee: { policy: { minimumVolumeShare: 0.3 } } }, { runs: 100 });
 * r.differences.guarantee.smallCohortSurvival; // { mean, lower, upper, probabilityBetter, ... }
 */
export function compare(baseline: ConfigInput, policies: PolicyList, options: ExperimentOptions): Promise<ExperimentOutput> {
  return runExperiment(specOf(baseline, toVariants(policies), options), options);
}
