/**
 * The worker-thread entry of {@link workerExecutor}: started by the pool with the experiment's
 * spec as `workerData`, it runs each chunk of replications it is sent with the same functions
 * as `runShard` (so its states are exactly what `runShard` returns), posts one `progress`
 * message per finished replication and then the chunk's shard state, packed.
 *
 * Not meant to be imported: it does nothing outside a worker thread.
 * @packageDocumentation
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ReplicationError } from '../experiment/errors.js';
import { addReplication, decodeExperiment, emptyShard, type DecodedExperiment } from '../experiment/shard.js';
import { packShard } from './packedShard.js';
import { errorInfo, TEST_FAULT_ENV, type RunChunk, type WorkerInit, type WorkerMessage } from './protocol.js';

interface Fault {
  readonly kind: 'exit' | 'throw';
  readonly at: number;
}

function parseFault(text: string | undefined): Fault | null {
  const match = /^(exit|throw)@(\d+)$/.exec(text ?? '');
  return match === null ? null : { kind: match[1] as Fault['kind'], at: Number(match[2]) };
}

function serve(port: NonNullable<typeof parentPort>, init: WorkerInit): void {
  const fault = parseFault(process.env[TEST_FAULT_ENV]);
  let experiment: DecodedExperiment | null = null;
  const post = (message: WorkerMessage) => port.postMessage(message);
  port.on('message', (chunk: RunChunk) => {
    try {
      experiment ??= decodeExperiment(init.spec);
      const state = emptyShard(init.spec, experiment);
      for (let i = chunk.from; i < chunk.to; i++) {
        if (fault !== null && fault.at === i) {
          if (fault.kind === 'exit') process.exit(1);
          setImmediate(() => {
            throw new Error(`test fault injected by ${TEST_FAULT_ENV} before replication ${i}`);
          });
          return;
        }
        addReplication(state, experiment, i);
        post({ type: 'progress' });
      }
      // Packed and transferred: the pool merges the numbers without rebuilding the state as objects.
      const packed = packShard(state);
      port.postMessage({ type: 'done', packed } satisfies WorkerMessage, [packed.data.buffer as ArrayBuffer]);
    } catch (error) {
      if (error instanceof ReplicationError) {
        post({ type: 'replication-failed', replication: error.replication, seed: error.seed, cause: errorInfo(error.cause) });
      } else {
        post({ type: 'failed', error: errorInfo(error) });
      }
    }
  });
}

if (parentPort !== null) serve(parentPort, workerData as WorkerInit);
