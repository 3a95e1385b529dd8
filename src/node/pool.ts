import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ReplicationError } from '../experiment/errors.js';
import type { Executor, ExecutorHooks } from '../experiment/executor.js';
import { replicationSeed } from '../experiment/seeds.js';
import { canonicalSpec, decodeExperiment, emptyShard, sortRows, type ShardState } from '../experiment/shard.js';
import { mergePackedInto, unpackShard, type PackedShard } from './packedShard.js';
import type { ExperimentSpec } from '../experiment/spec.js';
import { ConfigError } from '../model/decode.js';
import { PREBUILT_WORKER_ENV, reviveError, type RunChunk, type WorkerInit, type WorkerMessage } from './protocol.js';
import { avoidWorkerExitCrash } from './workerExitCrash.js';

/**
 * Options of {@link workerExecutor}.
 * @example
 * const options: WorkerExecutorOptions = { workers: 4, chunksPerWorker: 8 };
 */
export interface WorkerExecutorOptions {
  /** Worker threads to run at most (default: `os.availableParallelism()`, at least 1). */
  readonly workers?: number | undefined;
  /**
   * Chunks per worker the range is cut into (default 16). Chunks are handed out as workers become
   * free, so a slow chunk does not hold the others up; more chunks balance better but cost a
   * message and a state merge each. With 4, the last chunk left one core idle for several percent
   * of a 1000-run experiment; 16 took the 2-core speed-up from about 1.68x to 1.89x (3000 runs).
   * A long range is cut into more chunks, of at most {@link MAX_CHUNK_RUNS} replications each.
   */
  readonly chunksPerWorker?: number | undefined;
}

/**
 * A worker thread stopped without reporting (it exited with a non-zero code, or threw outside a
 * replication, or ran out of memory). Names the replication it was running and its seed, so the
 * replication can be rerun alone with `simulate(config, seed)`.
 * @example
 * try { await monteCarlo({}, { runs: 1000 }); }
 * catch (e) { if (e instanceof WorkerCrashError) console.error(e.replication, e.seed, e.exitCode); }
 */
export class WorkerCrashError extends Error {
  /** The replication the worker was running when it stopped. */
  readonly replication: number;
  /** Its seed, `replicationSeed(spec.seed, replication)`. */
  readonly seed: string;
  /** The worker's exit code; null when it stopped by an uncaught error. */
  readonly exitCode: number | null;
  constructor(replication: number, seed: string, exitCode: number | null, detail: string, cause?: unknown) {
    super(`a worker thread died while running replication ${replication} (seed "${seed}"): ${detail}`, cause === undefined ? undefined : { cause });
    this.name = 'WorkerCrashError';
    this.replication = replication;
    this.seed = seed;
    this.exitCode = exitCode;
  }
}

const DEFAULT_CHUNKS_PER_WORKER = 16;

/**
 * Most replications in one chunk. A chunk's state holds a quantile sketch for every outcome and,
 * with series, every period of every series, and its buckets fill up as the chunk runs: with
 * 16 chunks per worker, 100 000 runs on 2 workers made chunks of 3 125 runs whose states, in the
 * worker and in transit, took about 25 MB more at the peak than chunks of 312 (10 000 runs). More,
 * shorter chunks cost a message and a merge each, a few milliseconds against minutes of runs.
 * @example MAX_CHUNK_RUNS // 250
 */
export const MAX_CHUNK_RUNS = 250;

/**
 * Worker threads per core that one executor may start, at most: a few threads a core keep the
 * cores busy; more only cost memory (every thread has its own heap: 1 000 threads took 4.9 GB).
 * @example WORKERS_PER_CORE // 4
 */
export const WORKERS_PER_CORE = 4;

/**
 * Worker threads one executor may start on any machine, at most (and the default on a machine
 * with more cores than this).
 * @example MAX_WORKERS // 512
 */
export const MAX_WORKERS = 512;
/** How long to wait for terminated workers to exit before settling anyway. */
const TERMINATE_TIMEOUT_MS = 5000;

let live = 0;

/**
 * Worker threads started by {@link workerExecutor} that have not exited yet (for tests and
 * leak checks: it is 0 whenever no experiment is running).
 * @internal
 * @example
 * await monteCarlo({}, { runs: 10, executor: workerExecutor() });
 * liveWorkerCount(); // 0
 */
export function liveWorkerCount(): number {
  return live;
}

/**
 * The number of workers used when none is given: `os.availableParallelism()`, at least 1 and at
 * most {@link MAX_WORKERS}.
 * @example defaultWorkerCount() // 8 on an 8-core machine
 */
export function defaultWorkerCount(): number {
  return Math.min(MAX_WORKERS, Math.max(1, availableParallelism()));
}

/**
 * The most worker threads one executor may start on this machine: {@link WORKERS_PER_CORE} (4)
 * per core of `os.availableParallelism()`, and never more than {@link MAX_WORKERS} (512).
 * @example maxWorkerCount() // 8 on a 2-core machine
 */
export function maxWorkerCount(): number {
  return Math.min(MAX_WORKERS, WORKERS_PER_CORE * Math.max(1, availableParallelism()));
}

/**
 * Why `maxWorkerCount()` is what it is, for messages: "4 per core of this machine's 2 cores".
 * @example workerLimitReason() // '4 per core of this machine's 2 cores'
 */
export function workerLimitReason(): string {
  const cores = Math.max(1, availableParallelism());
  const perCore = `${WORKERS_PER_CORE} per core of this machine's ${cores} ${cores === 1 ? 'core' : 'cores'}`;
  return WORKERS_PER_CORE * cores > MAX_WORKERS ? `at most ${MAX_WORKERS} on any machine` : perCore;
}

function positiveInteger(value: number | undefined, fallback: number, path: string, max: number, why = ''): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new ConfigError([{ path, message: `expected an integer in [1, ${max}]${why}, got ${String(value)}` }]);
  }
  return value;
}

/** Cuts [from, to) into at most `parts` contiguous chunks whose sizes differ by at most one. */
function splitRange(from: number, to: number, parts: number): Array<[number, number]> {
  const n = to - from;
  const count = Math.max(1, Math.min(parts, n));
  const base = Math.floor(n / count);
  const extra = n % count;
  const chunks: Array<[number, number]> = [];
  let start = from;
  for (let k = 0; k < count; k++) {
    const end = start + base + (k < extra ? 1 : 0);
    chunks.push([start, end]);
    start = end;
  }
  return chunks;
}

// This module's own URL. In the ESM build and under vitest/tsx it is import.meta.url; in the CJS
// build tsup's `shims` option rewrites import.meta.url to this file's URL.
const HERE = import.meta.url;

let cachedEntry: string | null = null;

/**
 * Finds the worker script beside this module. Built, this code sits in dist/node/index.(c)js,
 * dist/cli/main.(c)js or a shared ESM chunk in dist/, and the worker is dist/node/worker.(c)js;
 * from source it is src/node/worker.ts.
 */
function workerEntry(): string {
  if (cachedEntry !== null) return cachedEntry;
  const path = fileURLToPath(HERE);
  const ext = /\.(c|m)?(j|t)s$/.exec(path)?.[0] ?? '.js';
  // From source, a worker bundled once by the tests' global setup starts far faster than one that
  // compiles the sources through tsx in every thread (see PREBUILT_WORKER_ENV).
  const prebuilt = process.env[PREBUILT_WORKER_ENV];
  if (/ts$/.test(ext) && prebuilt !== undefined && prebuilt !== '' && existsSync(prebuilt)) return (cachedEntry = prebuilt);
  for (const candidate of ['./worker', './node/worker', '../node/worker']) {
    const file = fileURLToPath(new URL(candidate + ext, HERE));
    if (existsSync(file)) return (cachedEntry = file);
  }
  throw new Error(`cannot find the worker script (worker${ext}) beside ${path}; is the package installed completely?`);
}

/** URL of tsx's ESM API (its `import` export of "./esm/api"), resolved from this module. */
function tsxEsmApi(): string {
  const manifestPath = createRequire(HERE).resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { exports?: Record<string, { import?: { default?: string } }> };
  const target = manifest.exports?.['./esm/api']?.import?.default;
  if (target === undefined) throw new Error(`tsx at ${manifestPath} has no ESM API (./esm/api); cannot start a TypeScript worker`);
  return new URL(target, pathToFileURL(manifestPath)).href;
}

/**
 * Starts one worker. A TypeScript entry (tests and development, running from src/) cannot be run
 * by Node 20 directly, and tsx's `--import tsx` only registers its loader on the main thread, so
 * the worker is started from a two-line bootstrap that registers tsx's ESM loader in the worker
 * and then imports the entry.
 */
function startWorker(entry: string, init: WorkerInit): Worker {
  avoidWorkerExitCrash();
  if (!/\.(c|m)?ts$/.test(entry)) return new Worker(entry, { workerData: init, resourceLimits: WORKER_LIMITS });
  const bootstrap = `import(${JSON.stringify(tsxEsmApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(entry).href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: init, resourceLimits: WORKER_LIMITS });
}

/**
 * Each worker's young generation, at most 8 MB. A replication leaves much short-lived garbage, and
 * 128 MB was chosen once to collect it less often (a 2-core speed-up over one thread of 1.63-1.71x
 * rather than 1.57x, measured then); but every worker then grew its young generation to the full
 * 128 MB, so two workers alone held about 250 MB (400 runs of the baseline with series on peaked
 * at 425 MB; with 8 MB and the chunks merged as they arrive, 164 MB). Measured again on the 2-core
 * machine (200 baseline runs on 2 workers, rows and series off), 8, 16 and 128 MB took the same CPU
 * time, 20.2-20.6 s, and the same wall time within the noise of a shared machine (issue 13, item 1).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 } as const;

interface Slot {
  readonly worker: Worker;
  /** The chunk being run, or null when the worker has no work left. */
  chunk: [number, number] | null;
  /** Its position in the list of chunks. */
  chunkIndex: number;
  /** Replications of the chunk finished so far. */
  done: number;
  /** Set once the pool has stopped the worker on purpose (its exit is then expected). */
  retired: boolean;
}

/**
 * Runs replications on worker threads and merges their states. Resolves to a state with the same
 * counts, exact sums (possibly as other partials of the same sum), sketches and rows as
 * `runShard(spec, from, to)`, so it finalises to the same result byte for byte; settles on every
 * path (done, failure, crash, abort) only after every worker it started has exited.
 *
 * Each chunk's state arrives packed (packedShard.ts) and is merged as soon as every chunk before
 * it has been, in chunk order: the same additions in the same order as `mergeShards` of the whole
 * list, so the state is the same whatever the number of workers, while only the chunks that
 * arrived ahead of an unfinished earlier one (a few per worker at most) wait in memory. Keeping
 * every chunk's state to the end held 32 copies of every series sketch on 2 workers (issue 13,
 * item 1).
 */
function runOnWorkers(spec: ExperimentSpec, from: number, to: number, hooks: ExecutorHooks, workers: number, chunksPerWorker: number): Promise<ShardState> {
  const signal = hooks.signal;
  const chunks = splitRange(from, to, Math.max(workers * chunksPerWorker, Math.ceil((to - from) / MAX_CHUNK_RUNS)));
  const entry = workerEntry();
  const init: WorkerInit = { spec };

  return new Promise<ShardState>((resolve, reject) => {
    let nextChunk = 0;
    // Chunk states that arrived before an earlier chunk finished, by chunk index.
    const waiting = new Map<number, PackedShard>();
    const stateSpec = canonicalSpec(spec);
    let merged: ShardState | null = null;
    let mergedCount = 0;
    const slots: Slot[] = [];
    let settled = false;

    const settle = (finish: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      for (const slot of slots) slot.retired = true;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const stopped = Promise.all(slots.map((s) => s.worker.terminate().catch(() => undefined)));
      const timeout = new Promise<void>((done) => {
        timer = setTimeout(done, TERMINATE_TIMEOUT_MS);
      });
      void Promise.race([stopped, timeout]).then(() => {
        clearTimeout(timer);
        finish();
      });
    };
    const fail = (error: unknown): void => settle(() => reject(error));
    const onAbort = (): void => fail(signal!.reason);

    const crash = (slot: Slot, exitCode: number | null, detail: string, cause?: unknown): void => {
      const [start, end] = slot.chunk ?? [to, to];
      const replication = Math.min(start + slot.done, end - 1);
      const seed = replicationSeed(spec.seed, replication);
      const what = start + slot.done >= end ? `${detail}, after finishing replications ${start}..${end - 1} but before reporting them` : detail;
      fail(new WorkerCrashError(replication, seed, exitCode, what, cause));
    };

    const assign = (slot: Slot): void => {
      const next = chunks[nextChunk];
      if (next === undefined) {
        slot.chunk = null;
        slot.retired = true;
        void slot.worker.terminate().catch(() => undefined);
        return;
      }
      slot.chunk = next;
      slot.chunkIndex = nextChunk++;
      slot.done = 0;
      const message: RunChunk = { type: 'run', from: next[0], to: next[1] };
      slot.worker.postMessage(message);
    };

    const onMessage = (slot: Slot, message: WorkerMessage): void => {
      if (settled) return;
      switch (message.type) {
        case 'progress':
          slot.done++;
          try {
            hooks.onReplication();
          } catch (error) {
            fail(error);
          }
          return;
        case 'done':
          waiting.set(slot.chunkIndex, message.packed);
          try {
            for (let packed = waiting.get(mergedCount); packed !== undefined; packed = waiting.get(mergedCount)) {
              waiting.delete(mergedCount);
              if (merged === null) merged = unpackShard(packed, stateSpec);
              else mergePackedInto(merged, packed);
              mergedCount++;
            }
          } catch (error) {
            fail(error);
            return;
          }
          if (mergedCount === chunks.length) {
            const state = merged!;
            sortRows(state);
            settle(() => resolve(state));
          } else {
            assign(slot);
          }
          return;
        case 'replication-failed':
          fail(new ReplicationError(message.replication, message.seed, reviveError(message.cause)));
          return;
        case 'failed': {
          const [start, end] = slot.chunk ?? [from, to];
          fail(new Error(`a worker failed on replications ${start}..${end - 1}: ${message.error.message}`, { cause: reviveError(message.error) }));
          return;
        }
      }
    };

    const spawn = (): Slot => {
      const worker = startWorker(entry, init);
      live++;
      const slot: Slot = { worker, chunk: null, chunkIndex: -1, done: 0, retired: false };
      slots.push(slot);
      worker.on('message', (message: WorkerMessage) => onMessage(slot, message));
      worker.on('error', (error: Error) => {
        if (!settled && !slot.retired) crash(slot, null, `uncaught ${error.name}: ${error.message}`, error);
      });
      worker.on('messageerror', (error: Error) => {
        if (!settled && !slot.retired) crash(slot, null, `a message could not be read: ${error.message}`, error);
      });
      worker.on('exit', (code: number) => {
        live--;
        if (!settled && !slot.retired) crash(slot, code, `it exited with code ${code}`);
      });
      return slot;
    };

    if (signal !== undefined) {
      if (signal.aborted) {
        reject(signal.reason);
        return;
      }
      signal.addEventListener('abort', onAbort, { once: true });
    }
    try {
      const count = Math.min(workers, chunks.length);
      for (let k = 0; k < count; k++) assign(spawn());
    } catch (error) {
      fail(error);
    }
  });
}

/**
 * An {@link Executor} that runs replications on `worker_threads`: the range is cut into about
 * four chunks per worker, handed out as workers become free; each worker runs its chunk exactly
 * as `runShard` would and the states are merged with `mergeShards`. The result is byte-identical
 * to the serial executor's, whatever the number of workers.
 *
 * Progress is reported per replication. On abort every worker is terminated and the run rejects
 * with the signal's reason; a failing replication rejects with a `ReplicationError`, a worker
 * that dies with a {@link WorkerCrashError}; either way the other workers are terminated first.
 * Workers are started per run and all have exited when the promise settles, so nothing keeps
 * Node alive afterwards.
 * @param options `workers`: threads to use (default `os.availableParallelism()`), at most
 * {@link maxWorkerCount} (4 per core, never more than 512); `chunksPerWorker` (default 16).
 * @throws {ConfigError} if `workers` or `chunksPerWorker` is not a positive integer, or `workers`
 * is above {@link maxWorkerCount}.
 * @example
 * import { monteCarlo, workerExecutor } from 'framework-agreement-sim/node';
 * const r = await monteCarlo({}, { runs: 1000, executor: workerExecutor({ workers: 4 }) });
 */
export function workerExecutor(options: WorkerExecutorOptions = {}): Executor {
  const workers = positiveInteger(options.workers, defaultWorkerCount(), 'workers', maxWorkerCount(), ` (${workerLimitReason()})`);
  const chunksPerWorker = positiveInteger(options.chunksPerWorker, DEFAULT_CHUNKS_PER_WORKER, 'chunksPerWorker', 1_000_000);
  return {
    async run(spec, from, to, hooks) {
      hooks.signal?.throwIfAborted();
      if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from) {
        throw new RangeError(`expected a replication range 0 <= from <= to, got [${from}, ${to})`);
      }
      const experiment = decodeExperiment(spec); // bad input fails here, with paths, before any worker starts
      if (to === from) return emptyShard(spec, experiment);
      return runOnWorkers(spec, from, to, hooks, workers, chunksPerWorker);
    },
  };
}
