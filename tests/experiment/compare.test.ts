import { describe, expect, it } from 'vitest';
import { compare, finaliseExperiment, mergeShards, monteCarlo, replicationSeed, RESULT_FORMAT_VERSION, runShard, shardStateProblem, type ExperimentSpec, type ShardState } from '../../src/experiment/index.js';
import { simulate } from '../../src/index.js';
import { OUTCOME_METRICS, type OutcomeMetric } from '../../src/model/metrics.js';

const small = { run: { burnInYears: 2, horizonYears: 3 }, suppliers: { initialCount: 100 } } as const;
const OUTCOMES = Object.keys(OUTCOME_METRICS) as OutcomeMetric[];

describe('monteCarlo', () => {
  it('summarises every outcome and series and keeps tidy rows', async () => {
    const r = await monteCarlo(small, { runs: 6, seed: 1 });
    expect(r.runs).toBe(6);
    expect(r.policies).toHaveLength(1);
    const s = r.policies[0]!.outcomes.top15Share;
    expect(s.n).toBe(6);
    expect(s.lower).toBeLessThanOrEqual(s.mean);
    expect(s.q05).toBeLessThanOrEqual(s.q95);
    expect(r.policies[0]!.series!.activeSuppliers).toHaveLength(12);
    expect(r.rows).toHaveLength(6 * OUTCOMES.length);
    expect(r.rows![0]).toEqual({ policy: 'today', replication: 0, seed: '1#0', metric: 'activeSuppliers', value: expect.any(Number) });
  });

  it('takes seed 1 and "1" alike, stores the seed as text and the result format version (issue 13, item 7)', async () => {
    const a = await monteCarlo(small, { runs: 2, seed: 1, series: false });
    const b = await monteCarlo(small, { runs: 2, seed: '1', series: false });
    expect(a.seed).toBe('1');
    expect(a.version).toBe(RESULT_FORMAT_VERSION);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    // And a replication of the experiment is simulate with its replication seed.
    const own = simulate(small, replicationSeed(1, 1));
    expect(a.rows!.filter((row) => row.replication === 1).map((row) => row.value)).toEqual(OUTCOMES.map((m) => own.outcomes[m]));
    // Shards of seed 1 and of seed "1" are shards of one experiment.
    const spec = (seed: number | string): ExperimentSpec => ({ config: small, variants: [], seed, rows: false, series: false });
    expect(() => mergeShards([runShard(spec(1), 0, 1), runShard(spec('1'), 1, 2)])).not.toThrow();
    // A state of result format 1 (32-bit seed hashes) ran other streams: never merged into this version's.
    const old = { ...runShard(spec(1), 2, 3), version: 1 } as unknown as ShardState;
    expect(() => mergeShards([runShard(spec(1), 0, 1), old])).toThrow(/result format 1: this version writes and merges format 3/);
  });

  it('the mean of the rows is the summary mean', async () => {
    const r = await monteCarlo(small, { runs: 5, seed: 2, series: false });
    const values = r.rows!.filter((row) => row.metric === 'meanQuality').map((row) => row.value);
    expect(r.policies[0]!.outcomes.meanQuality.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 12);
  });

  it('with rows off, returns no rows', async () => {
    const r = await monteCarlo(small, { runs: 2, rows: false, series: false });
    expect(r.rows).toBeUndefined();
    expect(r.policies[0]!.series).toBeUndefined();
  });

  it('reports progress once per replication, ending at done = total', async () => {
    const seen: number[] = [];
    await monteCarlo(small, { runs: 4, series: false, onProgress: (p) => seen.push(p.done) });
    expect(seen).toEqual([1, 2, 3, 4]);
  });
});

describe('compare', () => {
  it('comparing a policy with itself gives a difference of exactly 0 on every outcome, with no variation and no variance reduction', async () => {
    const r = await compare(small, { again: {} }, { runs: 4, seed: 3, series: false });
    for (const m of OUTCOMES) {
      expect(r.differences.again![m].mean).toBe(0);
      expect(r.differences.again![m].sd).toBe(0);
      expect(r.differences.again![m].noVariation).toBe(true);
      // independent variance / 0 is undefined, not a huge gain from pairing
      expect(r.differences.again![m].varianceReduction).toBeNull();
    }
    expect(r.differences.again!.top15Share.independentSe).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('a policy change the model does not use gives identical outcomes', async () => {
    const r = await compare(small, { renamed: { policy: { name: 'renamed' } } }, { runs: 3, seed: 4 });
    expect(r.policies[1]!.outcomes).toEqual(r.policies[0]!.outcomes);
    expect(r.policies[1]!.series).toEqual(r.policies[0]!.series);
  });

  it('pairing narrows the interval of a real policy change (fixed seeds)', async () => {
    // Above the 80 % that equal shares use of committed capacity, so the guarantee pays.
    const r = await compare(small, { guarantee: { policy: { minimumVolumeShare: 0.9 } } }, { runs: 12, seed: 5, series: false });
    const d = r.differences.guarantee!;
    // Not every outcome gains from pairing (margins shift unevenly under a guarantee); these do, a lot.
    for (const m of ['smallCohortSurvival', 'tenderedSuppliers', 'top15Share', 'costPerParticipantWeek'] as const) {
      expect(d[m].se).toBeLessThan(d[m].independentSe);
      expect(d[m].varianceReduction).toBeGreaterThan(1);
    }
    expect(d.guaranteePaymentsPerYear.mean).toBeGreaterThan(0);
    expect(d.guaranteePaymentsPerYear.probabilityHigher).toBe(1);
    expect(d.guaranteePaymentsPerYear.probabilityBetter).toBe(0); // lower is better for the buyer's guarantee bill
  });

  it('probabilities count replications on each side', async () => {
    const r = await compare(small, { lots: { policy: { lotSplit: 2 } } }, { runs: 6, seed: 6, rows: true, series: false });
    const rows = r.rows!;
    const base = rows.filter((x) => x.policy === 'today' && x.metric === 'tenderedSuppliers');
    const lots = rows.filter((x) => x.policy === 'lots' && x.metric === 'tenderedSuppliers');
    const higher = lots.filter((x, i) => x.value > base[i]!.value).length / 6;
    expect(r.differences.lots!.tenderedSuppliers.probabilityHigher).toBe(higher);
    expect(r.differences.lots!.tenderedSuppliers.probabilityBetter).toBe(higher);
  });

  it('rejects a bad variant with its name in the path', async () => {
    await expect(compare(small, { bad: { policy: { minimumVolumeShare: 2 } } }, { runs: 2 })).rejects.toThrow(
      /variants\[0\] \(bad\)\.policy\.minimumVolumeShare/,
    );
  });

  it('a variant named like a property of Object.prototype keeps its differences, in JSON too', async () => {
    const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
    const variants = names.map((name) => ({ name, input: { policy: { minimumVolumeShare: 0.3 } } }));
    const r = await compare(small, variants, { runs: 2, seed: 9, rows: false, series: false });
    expect(Object.keys(r.differences)).toEqual(names);
    expect(Object.getPrototypeOf(r.differences)).toBe(Object.prototype);
    for (const name of names) {
      expect(Object.hasOwn(r.differences, name)).toBe(true);
      expect(r.differences[name]!.guaranteePaymentsPerYear.n).toBe(2);
    }
    const back = JSON.parse(JSON.stringify(r)) as typeof r;
    expect(Object.keys(back.differences)).toEqual(names);
    expect(back.differences['__proto__']!.guaranteePaymentsPerYear.mean).toBe(r.differences['__proto__']!.guaranteePaymentsPerYear.mean);
  });

  it('a variant that changes the market burns in its own market from the same seed', async () => {
    const r = await compare(small, { bigger: { suppliers: { initialCount: 150 } } }, { runs: 2, seed: 7, series: false });
    expect(r.policies[1]!.outcomes.activeSuppliers.mean).not.toBe(r.policies[0]!.outcomes.activeSuppliers.mean);
  });
});

describe('shards', () => {
  const spec: ExperimentSpec = { config: small, variants: [{ name: 'g', input: { policy: { minimumVolumeShare: 0.3 } } }], seed: 8, rows: true, series: true };

  it('shards merged in any order equal one run, byte for byte', () => {
    const whole = JSON.stringify(finaliseExperiment(runShard(spec, 0, 6)));
    const merged = JSON.stringify(finaliseExperiment(mergeShards([runShard(spec, 4, 6), runShard(spec, 0, 1), runShard(spec, 1, 4)])));
    expect(merged).toBe(whole);
  });

  it('a shard state survives a JSON round trip', () => {
    const state = runShard(spec, 0, 2);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('refuses overlapping ranges and different experiments', () => {
    expect(() => mergeShards([runShard(spec, 0, 2), runShard(spec, 1, 3)])).toThrow(/counted twice/);
    expect(() => mergeShards([runShard(spec, 0, 1), runShard({ ...spec, seed: 9 }, 1, 2)])).toThrow(/different experiments/);
  });

  it('shardStateProblem accepts what runShard and mergeShards give, and refuses a state its spec could not give', () => {
    const good = mergeShards([runShard(spec, 0, 2), runShard(spec, 3, 4)]);
    expect(shardStateProblem(good)).toBeNull();
    expect(shardStateProblem(runShard({ ...spec, rows: false, series: false }, 0, 2))).toBeNull();
    const broken = (edit: (s: ShardState & Record<string, any>) => void) => {
      const s = structuredClone(good) as ShardState & Record<string, any>;
      edit(s);
      return shardStateProblem(s);
    };
    expect(broken((s) => (s.policies[0]!.series as unknown) = null)).toBe('policy "today": its series are missing (null), which its spec asks for');
    expect(broken((s) => (s.policies[1]!.differences as unknown) = null)).toBe('policy "g": its paired differences are missing (null)');
    expect(broken((s) => ((s as { spec: ExperimentSpec }).spec = { ...s.spec, series: false }))).toBe('policy "today": it has series, which its spec does not ask for');
    expect(broken((s) => s.policies[1]!.series!.hhi.pop())).toBe('policy "g", series hhi: not a list of 12 periods');
    expect(broken((s) => s.policies.pop())).toBe('it holds 1 policy where its spec has 2');
    expect(broken((s) => (s.policies[1]!.outcomes.hhi.sketch.accuracy = 0.01))).toBe('policy "g", outcome hhi: its quantile sketch has accuracy 0.01, not 0.001');
    expect(broken((s) => s.policies[0]!.outcomes.hhi.sketch.positive.reverse())).toBe('policy "today", outcome hhi: its quantile sketch is malformed');
    expect(broken((s) => (s.policies[1]!.higher.hhi = 4))).toBe('policy "g", hhi: its count of higher replications is not an integer from 0 to 3');
    expect(broken((s) => (s.ranges = [[3, 4], [0, 2]]))).toBe('its ranges overlap or are out of order at 0');
    expect(broken((s) => (s.rows[0] = { ...s.rows[0]!, replication: 2 }))).toBe('rows[0] is not a row of a policy, an outcome and a replication it covers');
  });

  it('the async API gives the same result as runShard', async () => {
    const viaApi = await compare(small, [{ name: 'g', input: { policy: { minimumVolumeShare: 0.3 } } }], { runs: 3, seed: 8 });
    expect(JSON.stringify(viaApi)).toBe(JSON.stringify(finaliseExperiment(runShard(spec, 0, 3))));
  });
});

describe('a variant in another world', () => {
  it('burns in its own market when it changes the allocation rule, as a run of that config alone would', async () => {
    const small = { suppliers: { initialCount: 60 }, run: { burnInYears: 2, horizonYears: 2 } };
    const r = await compare(small, { ranked: { market: { allocationRule: 'rank' } } }, { runs: 2, seed: 5, rows: true, series: false });
    const alone = await compare({ ...small, market: { allocationRule: 'rank' } }, {}, { runs: 2, seed: 5, rows: true, series: false });
    const ranked = r.rows!.filter((row) => row.policy === 'ranked').map((row) => [row.replication, row.metric, row.value]);
    const own = alone.rows!.map((row) => [row.replication, row.metric, row.value]);
    expect(ranked).toEqual(own);
  });
});
