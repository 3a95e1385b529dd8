import { canonicalSeed, type Seed } from '../random/streams.js';

/**
 * The seed of replication i of an experiment with master seed `seed`. Every policy of
 * replication i uses this seed, so they share a burned-in market and every random stream. The
 * master seed enters in its canonical text form, so 42 and "42" give the same replications.
 * Each replication seed is hashed to 128 bits (`seedRoot`), so no two of them share a stream but
 * by a chance of about 2^-96 (a million of them are checked in tests/random/streams.test.ts).
 * @example replicationSeed(42, 3) // "42#3"
 */
export function replicationSeed(seed: Seed, replication: number): string {
  return `${canonicalSeed(seed)}#${replication}`;
}
