import { afterEach, describe, expect, it } from 'vitest';
import { compare as compareSerial, mergeShards, monteCarlo as monteCarloSerial, runExperiment, runShard, serialExecutor, type ExperimentSpec } from '../../src/experiment/index.js';
import { replicationSeed } from '../../src/experiment/seeds.js';
import { ReplicationError } from '../../src/experiment/errors.js';
import { ConfigError } from '../../src/model/decode.js';
import { compare, monteCarlo, robustness, runDesign, sweep, gridDesign, REFERENCE_WORLD, allocationWorld } from '../../src/node/index.js';
import { availableParallelism } from 'node:os';
import { liveWorkerCount, MAX_WORKERS, maxWorkerCount, workerExecutor, WorkerCrashError, WORKERS_PER_CORE } from '../../src/node/pool.js';
import { TEST_FAULT_ENV } from '../../src/node/protocol.js';

const small = { run: { burnInYears: 1, horizonYears: 2 }, suppliers: { initialCount: 60 } } as const;
const policies = { guarantee: { policy: { minimumVolumeShare: 0.3 } }, lots: { policy: { lotSplit: 2 } } };

afterEach(() => {
  delete process.env[TEST_FAULT_ENV];
  expect(liveWorkerCount()).toBe(0);
});

describe('workerExecutor gives the serial result, byte for byte', () => {
  const runs = 16;
  let serialText = '';
  const serial = async () => (serialText ||= JSON.stringify(await compareSerial(small, policies, { runs, seed: 5 })));

  it.each([1, 2, 4])('%i worker(s), rows and series on', async (workers) => {
    let progress = 0;
    const r = await compareSerial(small, policies, { runs, seed: 5, executor: workerExecutor({ workers }), onProgress: () => progress++ });
    expect(r.rows).toHaveLength(runs * 3 * Object.keys(r.policies[0]!.outcomes).length);
    expect(r.policies[0]!.series).toBeDefined();
    expect(JSON.stringify(r)).toBe(await serial());
    expect(progress).toBe(runs);
    expect(liveWorkerCount()).toBe(0);
  });

  it('one replication per chunk, and the /node wrappers (workers option)', async () => {
    const chunky = await compareSerial(small, policies, { runs, seed: 5, executor: workerExecutor({ workers: 3, chunksPerWorker: 100 }) });
    expect(JSON.stringify(chunky)).toBe(await serial());
    const wrapped = await compare(small, policies, { runs, seed: 5, workers: 2 });
    expect(JSON.stringify(wrapped)).toBe(await serial());
  });

  it('monteCarlo, sweep and runDesign from /node, and a stop rule (several executor runs)', async () => {
    const mc = await monteCarlo(small, { runs: 6, seed: 2, workers: 2 });
    expect(JSON.stringify(mc)).toBe(JSON.stringify(await monteCarloSerial(small, { runs: 6, seed: 2 })));
    const values = [0, 0.3];
    const sw = await sweep(small, 'policy.minimumVolumeShare', values, { runs: 4, workers: 2, series: false });
    const swSerial = await sweep(small, 'policy.minimumVolumeShare', values, { runs: 4, workers: 1, series: false });
    expect(JSON.stringify(sw)).toBe(JSON.stringify(swSerial));
    const points = gridDesign([{ path: 'policy.priceWeight', values: [0.4] }]);
    const d = await runDesign(small, points, { runs: 4, workers: 2, rows: false });
    expect(JSON.stringify(d)).toBe(JSON.stringify(await runDesign(small, points, { runs: 4, workers: 1, rows: false })));
    const stopWhen = { metric: 'hhi', halfWidth: 1e-9, batch: 4 } as const; // never met: runs every batch
    const stopped = await monteCarlo(small, { runs: 10, workers: 2, stopWhen, rows: false, series: false });
    expect(stopped.convergence?.converged).toBe(false);
    expect(JSON.stringify(stopped)).toBe(JSON.stringify(await monteCarloSerial(small, { runs: 10, stopWhen, rows: false, series: false })));
  });

  it('robustness from /node: every world on workers, the serial result byte for byte', async () => {
    const worlds = [REFERENCE_WORLD, allocationWorld('rank')];
    const parallel = await robustness(small, policies, { runs: 4, seed: 3, worlds, workers: 2 });
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(await robustness(small, policies, { runs: 4, seed: 3, worlds, workers: 1 })));
  });

  it('an empty range and a state equal to the serial one', async () => {
    const spec: ExperimentSpec = { config: small, variants: [], seed: 3, rows: true, series: false };
    const none = await workerExecutor({ workers: 2 }).run(spec, 4, 4, { onReplication: () => undefined });
    expect(none.ranges).toEqual([]);
    const a = await workerExecutor({ workers: 2 }).run(spec, 2, 9, { onReplication: () => undefined });
    const b = await serialExecutor.run(spec, 2, 9, { onReplication: () => undefined });
    expect(a.ranges).toEqual([[2, 9]]);
    expect(a.rows).toEqual(b.rows);
    // Byte for byte the state mergeShards makes of the same chunks (one replication each here):
    // chunks arrive packed and are merged in order as they come (issue 13, item 1).
    const withSeries: ExperimentSpec = { ...spec, series: true, variants: [{ name: 'g', input: { policy: { minimumVolumeShare: 0.9 } } }] };
    const pooled = await workerExecutor({ workers: 2 }).run(withSeries, 2, 9, { onReplication: () => undefined });
    const chunks = [2, 3, 4, 5, 6, 7, 8].map((i) => runShard(withSeries, i, i + 1));
    expect(JSON.stringify(pooled)).toBe(JSON.stringify(mergeShards(chunks)));
  });
});

describe('cancellation', () => {
  it('aborting after the first progress call rejects promptly with an AbortError and stops every worker', async () => {
    const controller = new AbortController();
    let abortedAt = 0;
    let progress = 0;
    const run = monteCarlo(small, {
      runs: 400,
      workers: 2,
      signal: controller.signal,
      onProgress: () => {
        progress++;
        if (progress === 1) {
          abortedAt = Date.now();
          controller.abort();
        }
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - abortedAt).toBeLessThan(2000);
    expect(liveWorkerCount()).toBe(0);
    expect(progress).toBeLessThan(400);
  });

  it('rejects with the signal reason, and an aborted signal starts no worker', async () => {
    const reason = new DOMException('stop here', 'AbortError');
    await expect(monteCarlo(small, { runs: 4, workers: 2, signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(liveWorkerCount()).toBe(0);
  });
});

describe('failures', () => {
  // Replication seeds are `${seed}#${i}`, and the engine accepts seeds of at most 1000 characters:
  // with a 998-character master seed, replications 0-9 run and replication 10 fails inside the
  // engine (burn-in rejects its seed), although the spec decodes.
  const longSeed = 'x'.repeat(998);
  const failing: ExperimentSpec = { config: small, variants: [], seed: longSeed, rows: false, series: false };

  it('a failing replication rejects with a ReplicationError naming it and its seed', async () => {
    const serialError = await runExperiment(failing, { runs: 11 }).catch((e: unknown) => e);
    expect(serialError).toBeInstanceOf(ReplicationError);
    expect((serialError as ReplicationError).replication).toBe(10);

    const error = await runExperiment(failing, { runs: 11, executor: workerExecutor({ workers: 2 }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReplicationError);
    expect((error as ReplicationError).replication).toBe(10);
    expect((error as ReplicationError).seed).toBe(replicationSeed(longSeed, 10));
    expect((error as Error).message).toBe((serialError as Error).message);
    expect(liveWorkerCount()).toBe(0);
  });

  it('a worker that exits rejects with a WorkerCrashError naming the replication and seed', async () => {
    process.env[TEST_FAULT_ENV] = 'exit@5';
    const error = await monteCarlo(small, { runs: 12, seed: 9, workers: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerCrashError);
    expect(error).toMatchObject({ replication: 5, seed: '9#5', exitCode: 1 });
    expect((error as Error).message).toMatch(/replication 5 \(seed "9#5"\).*exited with code 1/);
    expect(liveWorkerCount()).toBe(0);
  });

  it('a worker that throws outside a replication rejects the same way', async () => {
    process.env[TEST_FAULT_ENV] = 'throw@3';
    const error = await monteCarlo(small, { runs: 8, workers: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerCrashError);
    expect(error).toMatchObject({ replication: 3, seed: '1#3', exitCode: null });
    expect((error as Error).message).toMatch(/uncaught Error: test fault/);
  });

  it('a throwing progress callback rejects and stops the workers', async () => {
    const run = monteCarlo(small, { runs: 50, workers: 2, onProgress: () => { throw new Error('display broke'); } });
    await expect(run).rejects.toThrow('display broke');
  });

  it('bad input is rejected before any worker starts', async () => {
    expect(() => workerExecutor({ workers: 0 })).toThrow(ConfigError);
    expect(() => workerExecutor({ workers: 1.5 })).toThrow(/workers/);
    const executor = workerExecutor({ workers: 2 });
    const bad: ExperimentSpec = { config: { policy: { priceWeight: 3 } }, variants: [], seed: 1, rows: false, series: false };
    await expect(executor.run(bad, 0, 4, { onReplication: () => undefined })).rejects.toBeInstanceOf(ConfigError);
    await expect(executor.run(failing, 5, 2, { onReplication: () => undefined })).rejects.toBeInstanceOf(RangeError);
    await expect(monteCarlo(small, { runs: 3, workers: -1 })).rejects.toBeInstanceOf(ConfigError);
  });

  it('refuses more workers than 4 per core (at most 512), before any starts', async () => {
    const max = maxWorkerCount();
    expect(max).toBe(Math.min(MAX_WORKERS, WORKERS_PER_CORE * availableParallelism()));
    expect(max).toBeLessThanOrEqual(512);
    expect(() => workerExecutor({ workers: max })).not.toThrow();
    expect(() => workerExecutor({ workers: max + 1 })).toThrow(ConfigError);
    expect(() => workerExecutor({ workers: 1000 })).toThrow(new RegExp(`workers: expected an integer in \\[1, ${max}\\] \\((4 per core of this machine's \\d+ cores?|at most 512 on any machine)\\), got 1000`));
    await expect(monteCarlo(small, { runs: 3, workers: 1000 })).rejects.toBeInstanceOf(ConfigError);
    expect(liveWorkerCount()).toBe(0);
  });
});
