import type { Executor } from '../../src/experiment/executor.js';
import { decodeExperiment, emptyShard, type DecodedExperiment } from '../../src/experiment/shard.js';
import type { ExperimentSpec } from '../../src/experiment/spec.js';
import { addValue } from '../../src/experiment/summary.js';
import { OUTCOME_METRICS, type OutcomeMetric } from '../../src/model/metrics.js';
import { openStream, seedRoot, StreamPurpose } from '../../src/random/streams.js';

const OUTCOMES = Object.keys(OUTCOME_METRICS) as OutcomeMetric[];

/**
 * An executor that runs no model: in replication i, `metric` of every variant is 1 with
 * probability `p` and 0 otherwise (one draw per replication, from the experiment's seed), and
 * everything else is 0. So the paired difference of each variant from the baseline on `metric` is
 * a Bernoulli(p) variable with known mean p, summarised, merged and stopped on by the library's
 * own code (shard states, mergeShards, finaliseExperiment, the stop rule). With no variants, the
 * baseline's own `metric` is the Bernoulli variable. Fast: a few microseconds a replication.
 */
export function bernoulliExecutor(metric: OutcomeMetric, p: number): Executor {
  let decoded: { spec: ExperimentSpec; experiment: DecodedExperiment } | undefined;
  return {
    async run(spec, from, to, hooks) {
      if (decoded?.spec !== spec) decoded = { spec, experiment: decodeExperiment(spec) };
      const state = emptyShard(spec, decoded.experiment);
      const root = seedRoot(spec.seed);
      const watched = state.policies.length === 1 ? 0 : 1;
      for (let i = from; i < to; i++) {
        const event = openStream(root, StreamPurpose.design, i).next() < p ? 1 : 0;
        state.policies.forEach((totals, k) => {
          for (const m of OUTCOMES) {
            const value = m === metric && k >= watched ? event : 0;
            addValue(totals.outcomes[m], value);
            if (totals.differences !== null) {
              addValue(totals.differences[m], value); // the baseline's value is 0
              if (value > 0) totals.higher[m]++;
            }
          }
        });
        hooks.onReplication();
      }
      if (to > from) state.ranges.push([from, to]);
      return state;
    },
  };
}
