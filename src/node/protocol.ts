/**
 * Messages between the worker pool (src/node/pool.ts) and its workers (src/node/worker.ts).
 * Internal: not exported from the package.
 * @internal
 */
import type { ExperimentSpec } from '../experiment/spec.js';
import type { PackedShard } from './packedShard.js';

/**
 * What a worker is started with (its `workerData`).
 * @internal
 * @example new Worker(file, { workerData: { spec } satisfies WorkerInit })
 */
export interface WorkerInit {
  readonly spec: ExperimentSpec;
}

/**
 * Pool to worker: run replications [from, to) and report them.
 * @internal
 * @example worker.postMessage({ type: 'run', from: 0, to: 25 } satisfies RunChunk)
 */
export interface RunChunk {
  readonly type: 'run';
  readonly from: number;
  readonly to: number;
}

/**
 * An error as it crosses the thread boundary.
 * @internal
 * @example const info: ErrorInfo = { name: 'Error', message: 'boom' }
 */
export interface ErrorInfo {
  readonly name: string;
  readonly message: string;
  readonly stack?: string | undefined;
}

/**
 * Worker to pool. For each chunk: one `progress` per finished replication, in order, then
 * `done` with the chunk's state, packed (its numbers in one transferred array: packedShard.ts), or
 * `replication-failed` / `failed` instead of `done`.
 * @internal
 * @example port.postMessage({ type: 'progress' } satisfies WorkerMessage)
 */
export type WorkerMessage =
  | { readonly type: 'progress' }
  | { readonly type: 'done'; readonly packed: PackedShard }
  | { readonly type: 'replication-failed'; readonly replication: number; readonly seed: string; readonly cause: ErrorInfo }
  | { readonly type: 'failed'; readonly error: ErrorInfo };

/**
 * Environment variable read by workers to inject a fault, for tests only: `exit@7` makes the
 * worker call `process.exit(1)` just before replication 7, `throw@7` throws an uncaught error
 * outside the replication (the worker's 'error' event). Unset in normal use.
 * @internal
 * @example process.env[TEST_FAULT_ENV] = 'exit@5'; // the worker running replication 5 exits
 */
export const TEST_FAULT_ENV = 'FRAMEWORK_AGREEMENT_SIM_TEST_WORKER_FAULT';

/**
 * Environment variable naming a prebuilt JavaScript worker script, for tests only, read by the pool
 * only when it runs from TypeScript source (the built package always uses its own
 * dist/node/worker.js). From source every worker thread would otherwise register tsx and compile
 * the whole module graph again, a second or more per thread; the test suite starts a few hundred
 * threads, so tests/globalSetup.ts bundles src/node/worker.ts once with esbuild and names it here.
 * @internal
 * @example process.env[PREBUILT_WORKER_ENV] = '/repo/.test-build/worker.mjs';
 */
export const PREBUILT_WORKER_ENV = 'FRAMEWORK_AGREEMENT_SIM_TEST_WORKER_SCRIPT';

/**
 * An error's name, message and stack, for posting.
 * @internal
 * @example port.postMessage({ type: 'failed', error: errorInfo(e) })
 */
export function errorInfo(error: unknown): ErrorInfo {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { name: 'Error', message: String(error) };
}

/**
 * An Error rebuilt from posted info (stack kept for debugging).
 * @internal
 * @example throw reviveError({ name: 'TypeError', message: 'x is undefined' })
 */
export function reviveError(info: ErrorInfo): Error {
  const error = new Error(info.message);
  error.name = info.name;
  if (info.stack !== undefined) error.stack = info.stack;
  return error;
}
