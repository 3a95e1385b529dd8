/**
 * A replication failed: names it and its seed, so it can be rerun alone with
 * `simulate(config, seed)` (for a variant, its input merged over the experiment's config).
 */
export class ReplicationError extends Error {
  readonly replication: number;
  readonly seed: string;
  constructor(replication: number, seed: string, cause: unknown) {
    super(`replication ${replication} (seed "${seed}") failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'ReplicationError';
    this.replication = replication;
    this.seed = seed;
  }
}
