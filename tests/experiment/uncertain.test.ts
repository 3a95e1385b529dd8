import { describe, expect, it } from 'vitest';
import { burnIn, simulate, simulateFrom } from '../../src/simulate.js';
import { compare, finaliseExperiment, mergeShards, monteCarlo, runShard, shardStateProblem, type ExperimentSpec, type ShardState } from '../../src/experiment/index.js';
import { ConfigError, mergeOver } from '../../src/model/decode.js';
import { POINT_ASSUMPTIONS } from '../helpers/pointAssumptions.js';

// Issue 11, item 3: uncertain inputs. Each replication draws every distribution from its own
// stream, and every policy of that replication sees the same draw.
// The baseline's own assumptions are fixed at their means here, so each test watches the inputs it gives.
const small = mergeOver({ run: { burnInYears: 2, horizonYears: 3 }, suppliers: { initialCount: 100 } }, POINT_ASSUMPTIONS) as { run: object; suppliers: object };
const GAIN = 'effects.crossSectorCollaboration.workRateGain';
const uncertainGain = mergeOver(small, { effects: { crossSectorCollaboration: { workRateGain: { dist: 'uniform', min: 0, max: 0.0225 } } } }) as typeof small;

describe('a single run draws its inputs from its seed', () => {
  it('records the draws, and runs the config of numbers they give', () => {
    const r = simulate(uncertainGain, 5);
    const drawn = r.inputs![GAIN]!;
    expect(drawn).toBeGreaterThanOrEqual(0);
    expect(drawn).toBeLessThanOrEqual(0.0225);
    expect(r.config.effects.crossSectorCollaboration.workRateGain).toBe(drawn);
    expect(simulate(uncertainGain, 5)).toEqual(r);
    expect(simulate(uncertainGain, 6).inputs![GAIN]).not.toBe(drawn);
    // The run is the run of the number drawn: draws never touch the model's own streams.
    const fixed = simulate(mergeOver(small, { effects: { crossSectorCollaboration: { workRateGain: drawn } } }) as typeof small, 5);
    expect(fixed.outcomes).toEqual(r.outcomes);
    expect(fixed.inputs).toBeUndefined();
  });

  it('a degenerate distribution gives exactly the run of its number', () => {
    const a = simulate(mergeOver(small, { policy: { priceWeight: { dist: 'uniform', min: 0.4, max: 0.4 } } }) as typeof small, 3);
    const b = simulate(mergeOver(small, { policy: { priceWeight: 0.4 } }) as typeof small, 3);
    expect(a.outcomes).toEqual(b.outcomes);
    expect(a.series).toEqual(b.series);
    expect(a.inputs).toEqual({ 'policy.priceWeight': 0.4 });
  });

  it('a burned-in market keeps its draws for every policy started from it', () => {
    const input = mergeOver(uncertainGain, { behaviour: { riskAversion: { dist: 'triangular', min: 0.5, mode: 0.7, max: 0.9 } } }) as typeof small;
    const market = burnIn(input, 9);
    const today = simulateFrom(market);
    const lever = simulateFrom(market, { policy: { crossSectorCollaboration: 1 } });
    expect(lever.inputs).toEqual(today.inputs);
    expect(Object.keys(today.inputs!)).toEqual(['behaviour.riskAversion', GAIN]);
    expect(today).toEqual(simulate(input, 9));
  });
});

describe('experiments: common random numbers stay intact', () => {
  it('today and the policy see the same draw in a replication; replications differ', async () => {
    const r = await compare(uncertainGain, { lever: { policy: { crossSectorCollaboration: 1 } } }, { runs: 8, seed: 4, series: false });
    const rows = r.inputRows!;
    expect(rows).toHaveLength(8 * 2);
    for (let i = 0; i < 8; i++) {
      const [a, b] = [rows[2 * i]!, rows[2 * i + 1]!];
      expect([a.policy, b.policy, a.replication, b.replication, a.input]).toEqual(['today', 'lever', i, i, GAIN]);
      expect(b.value).toBe(a.value);
      expect(a.seed).toBe(`4#${i}`);
    }
    expect(new Set(rows.map((row) => row.value)).size).toBe(8);
    // Summaries of the draws, beside the outcomes.
    const drawn = r.policies[0]!.inputs![GAIN]!;
    expect(drawn.n).toBe(8);
    expect(drawn.mean).toBeCloseTo(rows.filter((row) => row.policy === 'today').reduce((s, row) => s + row.value, 0) / 8, 12);
    expect(r.policies[1]!.inputs![GAIN]).toEqual(drawn);
    // The paired difference in transitions carries the uncertainty of the gain: the policy's
    // extra transitions grow with the replication's draw.
    expect(r.differences['lever']!.additionalTransitionsPerYear.sd).toBeGreaterThan(0);
  });

  it('the interval of an assumed effect widens when the effect is uncertain', async () => {
    const point = mergeOver(small, { effects: { crossSectorCollaboration: { workRateGain: 0.01125 } } }) as typeof small;
    const lever = { lever: { policy: { crossSectorCollaboration: 1 } } };
    const fixed = await compare(point, lever, { runs: 10, seed: 2, series: false, rows: false });
    const uncertain = await compare(uncertainGain, lever, { runs: 10, seed: 2, series: false, rows: false });
    expect(uncertain.differences['lever']!.additionalTransitionsPerYear.sd).toBeGreaterThan(3 * fixed.differences['lever']!.additionalTransitionsPerYear.sd);
  });

  it('a policy that gives its own distribution at a path shares the path\u2019s uniform: its draws move with the baseline\u2019s', async () => {
    const wider = { wider: { effects: { crossSectorCollaboration: { workRateGain: { dist: 'triangular', min: 0, mode: 0.01, max: 0.045 } } } } } as const;
    const r = await compare(uncertainGain, wider, { runs: 12, seed: 8, series: false });
    const base = r.inputRows!.filter((row) => row.policy === 'today').map((row) => row.value);
    const other = r.inputRows!.filter((row) => row.policy === 'wider').map((row) => row.value);
    const rank = (xs: number[]) => xs.map((x) => xs.filter((y) => y < x).length);
    expect(rank(other)).toEqual(rank(base));
    expect(other).not.toEqual(base);
  });

  it('a config without distributions records none', async () => {
    const r = await monteCarlo(small, { runs: 2, seed: 1, series: false });
    expect(r.inputRows).toBeUndefined();
    expect(r.policies[0]!.inputs).toBeUndefined();
  });

  it('shards with drawn inputs merge exactly and validate; tampered draws are refused', () => {
    const spec: ExperimentSpec = { config: uncertainGain, variants: [{ name: 'lever', input: { policy: { crossSectorCollaboration: 1 } } }], seed: 3, rows: true, series: false };
    const whole = runShard(spec, 0, 4);
    const parts = [runShard(spec, 2, 4), runShard(spec, 0, 2)];
    expect(JSON.stringify(finaliseExperiment(mergeShards(parts)))).toBe(JSON.stringify(finaliseExperiment(whole)));
    expect(shardStateProblem(whole)).toBeNull();
    const noInputs = structuredClone(whole) as ShardState;
    (noInputs.policies[1] as { inputs: object }).inputs = {};
    expect(shardStateProblem(noInputs)).toMatch(/lever.*its inputs lacks effects\.crossSectorCollaboration\.workRateGain/);
    const lostRow = structuredClone(whole) as ShardState;
    lostRow.inputRows.pop();
    expect(shardStateProblem(lostRow)).toMatch(/input rows/);
  });

  it('series need one horizon length: an uncertain horizon is an error there, and fine without series', async () => {
    const input = mergeOver(small, { run: { horizonYears: { dist: 'discrete', values: [2, 3] } } }) as typeof small;
    await expect(monteCarlo(input, { runs: 2, series: true })).rejects.toThrow(ConfigError);
    await expect(monteCarlo(input, { runs: 2, series: true })).rejects.toThrow(/run\.horizonYears: an experiment that summarises series/);
    const r = await monteCarlo(input, { runs: 4, series: false, seed: 1 });
    expect(r.policies[0]!.inputs!['run.horizonYears']!.n).toBe(4);
  });
});
