import { ConfigError } from '../model/decode.js';
import { OUTCOME_METRICS, type OutcomeMetric } from '../model/metrics.js';
import type { ExperimentResult } from '../experiment/result.js';

/**
 * Each design point's mean of one outcome over the replications, in the design's row order, from the
 * result of a {@link designSpec} experiment (run in one call or merged from shards): the values
 * {@link sobolIndices} and {@link morrisEffects} take. The baseline (the config without a point) is
 * left out.
 * @example sobolIndices(design, designOutputs(result, 'top15Share'))
 */
export function designOutputs(result: Pick<ExperimentResult, 'policies'>, outcome: OutcomeMetric): number[] {
  if (typeof outcome !== 'string' || !Object.hasOwn(OUTCOME_METRICS, outcome)) {
    throw new ConfigError([{ path: 'outcome', message: `no outcome is named ${JSON.stringify(outcome)}` }]);
  }
  return result.policies.slice(1).map((p, k) => {
    if (p.name !== `point ${k + 1}`) throw new ConfigError([{ path: `policies[${k + 1}]`, message: `expected "point ${k + 1}", got "${p.name}": not the result of a design` }]);
    return p.outcomes[outcome].mean;
  });
}
