import type { ConfigInput } from '../model/config.js';
import { runExperiment, specOf, type ExperimentOptions, type ExperimentOutput } from './run.js';

/**
 * Runs `runs` replications of one config and summarises every outcome and series: mean, sd,
 * standard error, 95 % interval and quantiles (5, 25, 50, 75, 95 %), plus tidy per-run rows.
 * @example
 * const r = await monteCarlo({}, { runs: 200, seed: 7 });
 * r.policies[0].outcomes.top15Share.mean;
 */
export function monteCarlo(config: ConfigInput, options: ExperimentOptions): Promise<ExperimentOutput> {
  return runExperiment(specOf(config, [], options), options);
}
