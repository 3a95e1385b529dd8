import { addReplication, decodeExperiment, emptyShard, type ShardState } from './shard.js';
import type { ExperimentSpec } from './spec.js';

/** Hooks an executor calls while it works. */
export interface ExecutorHooks {
  /** Called once per finished replication (from any worker, in any order). */
  onReplication(): void;
  /** When aborted, the executor stops and rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
}

/**
 * Runs a range of replications and returns their shard state. Whatever the executor (serial,
 * worker threads, another process), the state must be what `runShard(spec, from, to)` returns;
 * since shard states merge exactly, the experiment's result is the same byte for byte.
 */
export interface Executor {
  run(spec: ExperimentSpec, from: number, to: number, hooks: ExecutorHooks): Promise<ShardState>;
}

const YIELD_EVERY_MS = 25;

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs replications one after another in this thread, yielding to the event loop every few
 * milliseconds so progress can be shown and an abort can land. Works everywhere (browser, Deno, Node).
 */
export const serialExecutor: Executor = {
  async run(spec, from, to, hooks) {
    const experiment = decodeExperiment(spec);
    const state = emptyShard(spec, experiment);
    let last = Date.now();
    for (let i = from; i < to; i++) {
      hooks.signal?.throwIfAborted();
      addReplication(state, experiment, i);
      hooks.onReplication();
      if (Date.now() - last >= YIELD_EVERY_MS) {
        await yieldToEventLoop();
        last = Date.now();
      }
    }
    hooks.signal?.throwIfAborted();
    return state;
  },
};
