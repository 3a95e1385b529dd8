import { describe, expect, it } from 'vitest';
import { addReplication, decodeExperiment, emptyShard, monteCarlo, compare, ReplicationError, type ExperimentSpec } from '../../src/experiment/index.js';
import { ConfigError } from '../../src/model/decode.js';
import { bernoulliExecutor } from '../helpers/bernoulliExecutor.js';

const small = { run: { burnInYears: 1, horizonYears: 2 }, suppliers: { initialCount: 60 } } as const;

describe('cancellation', () => {
  it('rejects with an abort error and stops the work', async () => {
    const controller = new AbortController();
    let done = 0;
    const run = monteCarlo(small, {
      runs: 500,
      series: false,
      signal: controller.signal,
      onProgress: (p) => {
        done = p.done;
        if (p.done === 3) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(done).toBeLessThan(500);
  });

  it('an already aborted signal runs nothing', async () => {
    let calls = 0;
    await expect(monteCarlo(small, { runs: 5, signal: AbortSignal.abort(), onProgress: () => calls++ })).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toBe(0);
  });
});

describe('failures', () => {
  it('a failing replication surfaces its number and seed', () => {
    const spec: ExperimentSpec = { config: small, variants: [], seed: 'x', rows: false, series: false };
    const experiment = decodeExperiment(spec);
    // A config the decoder would never produce, to make the engine fail inside replication 7.
    const broken = { ...experiment, configs: [{ ...experiment.configs[0]!, market: null as never }] };
    const state = emptyShard(spec, experiment);
    try {
      addReplication(state, broken, 7);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ReplicationError);
      expect((e as ReplicationError).replication).toBe(7);
      expect((e as ReplicationError).seed).toBe('x#7');
      expect((e as Error).message).toMatch(/replication 7 \(seed "x#7"\) failed/);
    }
  });

  it('bad options are rejected with paths', async () => {
    await expect(monteCarlo(small, { runs: 0 })).rejects.toBeInstanceOf(ConfigError);
    await expect(monteCarlo(small, { runs: 2.5 })).rejects.toThrow(/options.runs/);
    await expect(monteCarlo(small, { runs: 2, seed: Number.NaN })).rejects.toThrow(/options.seed/);
    await expect(monteCarlo(small, { runs: 2, stopWhen: { metric: 'hhi', halfWidth: -1 } })).rejects.toThrow(/halfWidth/);
    await expect(compare(small, { a: {} }, { runs: 2, stopWhen: { metric: 'hhi', halfWidth: 1, policy: 'b' } })).rejects.toThrow(/no policy is named "b"/);
    // Rows that could not fit in memory are refused before any work, with advice.
    await expect(monteCarlo(small, { runs: 100_000_000 })).rejects.toThrow(/options.rows: .* pass rows: false/);
  });
});

describe('stopping when precise enough', () => {
  it('refuses an unknown metric with its path and the known names, before any run', async () => {
    let runs = 0;
    const options = { runs: 40, series: false, onProgress: () => runs++ };
    const unknown = monteCarlo(small, { ...options, stopWhen: { metric: 'foo' as never, halfWidth: 1 } });
    await expect(unknown).rejects.toBeInstanceOf(ConfigError);
    await expect(unknown).rejects.toThrow(/options\.stopWhen\.metric: unknown metric "foo"; known: activeSuppliers, tenderedSuppliers, .*, smallCohortAcquired, /);
    await expect(compare(small, { a: {} }, { ...options, stopWhen: { metric: 'hhl' as never, halfWidth: 1 } })).rejects.toThrow(/unknown metric "hhl" \(did you mean "hhi"\?\); known: /);
    expect(runs).toBe(0);
  });

  it('never stops while the watched values do not vary, however narrow their zero-width "interval"', async () => {
    // A policy compared with itself: every paired difference is 0.
    const itself = await compare(small, { again: {} }, { runs: 12, series: false, rows: false, stopWhen: { metric: 'hhi', halfWidth: 1, batch: 4 } });
    expect(itself.runs).toBe(12);
    expect(itself.convergence).toEqual({ metric: 'hhi', target: 1, rule: { metric: 'hhi', halfWidth: 1, batch: 4 }, achieved: null, converged: false });
    // A rare event (p = 0.02) that first happens in replication 208 (seed 17; the next in 232): no
    // stop until the batch that holds it.
    const options = { runs: 400, seed: 17, rows: false, series: false, executor: bernoulliExecutor('smallCohortAcquired', 0.02) };
    const before = await monteCarlo({}, { ...options, runs: 208 });
    expect(before.policies[0]!.outcomes.smallCohortAcquired).toMatchObject({ mean: 0, noVariation: true });
    const rare = await monteCarlo({}, { ...options, stopWhen: { metric: 'smallCohortAcquired', halfWidth: 0.5, batch: 10 } });
    expect(rare.runs).toBe(210);
    expect(rare.policies[0]!.outcomes.smallCohortAcquired).toMatchObject({ mean: 1 / 210, noVariation: false });
    expect(rare.convergence!.converged).toBe(true);
  });

  it('needs at least two batches and 30 replications before it stops', async () => {
    const loose = (batch: number) =>
      monteCarlo({}, { runs: 1000, rows: false, series: false, executor: bernoulliExecutor('smallCohortAcquired', 0.5), stopWhen: { metric: 'smallCohortAcquired', halfWidth: 100, batch } });
    expect((await loose(10)).runs).toBe(30); // three batches: 30 replications
    expect((await loose(40)).runs).toBe(80); // two batches
    const short = await monteCarlo({}, { runs: 20, rows: false, series: false, executor: bernoulliExecutor('smallCohortAcquired', 0.5), stopWhen: { metric: 'smallCohortAcquired', halfWidth: 100, batch: 10 } });
    expect(short.runs).toBe(20);
    expect(short.convergence!.converged).toBe(false); // runs ran out before 30
    expect(short.convergence!.achieved).toBeLessThan(100);
  });

  it('stops once the watched interval is narrower than the target, and says how many runs it took', async () => {
    const r = await compare(small, { lots: { policy: { lotSplit: 2 } } }, {
      runs: 200,
      seed: 2,
      series: false,
      rows: false,
      stopWhen: { metric: 'tenderedSuppliers', halfWidth: 4, batch: 4 },
    });
    expect(r.convergence!.converged).toBe(true);
    expect(r.convergence!.achieved).toBeLessThanOrEqual(4);
    expect(r.runs).toBeLessThan(200);
    const d = r.differences.lots!.tenderedSuppliers;
    expect((d.upper - d.lower) / 2).toBe(r.convergence!.achieved);
  });

  it('reports when the target was not reached within the most runs allowed', async () => {
    const r = await monteCarlo(small, { runs: 4, series: false, stopWhen: { metric: 'activeSuppliers', halfWidth: 1e-9, batch: 2 } });
    expect(r.runs).toBe(4);
    expect(r.convergence!.converged).toBe(false);
  });

  it('gives the same numbers as a fixed run of the same length', async () => {
    const stopped = await monteCarlo(small, { runs: 40, seed: 3, series: false, stopWhen: { metric: 'meanQuality', halfWidth: 0.01, batch: 3 } });
    const fixed = await monteCarlo(small, { runs: stopped.runs, seed: 3, series: false });
    const { convergence, ...rest } = stopped;
    expect(convergence).toBeDefined();
    expect(JSON.stringify(rest)).toBe(JSON.stringify(fixed));
  });
});
