/**
 * A spec's `runs`: the replications the experiment is meant to have. Everything that runs or
 * checks replications holds them against it, so a partial set cannot pass for the whole.
 */
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/experiment/run.js';
import { decodeExperiment, mergeShards, runShard } from '../../src/experiment/shard.js';
import type { ExperimentSpec } from '../../src/experiment/spec.js';
import { shardStateProblem } from '../../src/experiment/validate.js';
import { ConfigError } from '../../src/model/decode.js';

const spec: ExperimentSpec = {
  config: { run: { burnInYears: 1, horizonYears: 1 }, suppliers: { initialCount: 40 } },
  variants: [],
  seed: 2,
  rows: false,
  series: false,
  runs: 4,
};
const { runs: _runs, ...unplanned } = spec;

describe('spec.runs', () => {
  it('runExperiment runs it and records it as plannedRuns; another options.runs is refused with its path', async () => {
    const result = await runExperiment(spec, { runs: 4 });
    expect([result.runs, result.plannedRuns]).toEqual([4, 4]);
    await expect(runExperiment(spec, { runs: 5 })).rejects.toThrow(ConfigError);
    await expect(runExperiment(spec, { runs: 5 })).rejects.toMatchObject({ issues: [{ path: 'options.runs', message: "5 differs from the spec's runs (4); run the number the spec states, or change it there" }] });
  });

  it('without it the result has no plannedRuns and the same numbers', async () => {
    const planned = await runExperiment(spec, { runs: 4 });
    const plain = await runExperiment(unplanned, { runs: 4 });
    expect('plannedRuns' in plain).toBe(false);
    const { plannedRuns: _p, spec: plannedSpec, ...rest } = planned;
    const { spec: plainSpec, ...plainRest } = plain;
    expect(JSON.stringify(rest)).toBe(JSON.stringify(plainRest));
    expect(plannedSpec).toEqual({ ...plainSpec, runs: 4 });
  });

  it('runShard refuses a range beyond it; shardStateProblem finds a state whose ranges go beyond it', () => {
    expect(() => runShard(spec, 2, 5)).toThrow("replications 2..4 go beyond the 4 the spec's runs gives (0..3)");
    const state = mergeShards([runShard(spec, 0, 2), runShard(spec, 2, 4)]);
    expect(shardStateProblem(state)).toBeNull();
    const tampered = { ...state, spec: { ...state.spec, runs: 3 } };
    expect(shardStateProblem(tampered)).toBe("its ranges go up to replication 3, beyond the 3 its spec's runs gives");
  });

  it.each([0, -1, 1.5, 1e9, Number.NaN])('decodeExperiment refuses runs %s with its path', (runs) => {
    expect(() => decodeExperiment({ ...spec, runs })).toThrow(ConfigError);
    try {
      decodeExperiment({ ...spec, runs });
    } catch (error) {
      expect((error as ConfigError).issues[0]!.path).toBe('runs');
    }
  });
});
