import type { Seed } from '../random/streams.js';

/**
 * The seed of replication i of an experiment with master seed `seed`. Every policy of
 * replication i uses this seed, so they share a burned-in market and every random stream.
 * @example replicationSeed(42, 3) // "42#3"
 */
export function replicationSeed(seed: Seed, replication: number): string {
  return `${seed}#${replication}`;
}
