/**
 * Version of the layout and the numbers of experiment results and shard states. Bumped whenever the
 * same spec would give other numbers or another layout, so that `merge` never mixes shards of two
 * versions and a reader can tell which one wrote a result. 2: replication streams from 128-bit
 * seed hashes, and the seed stored as text (issue 13, item 7); 1: 32-bit seed hashes.
 * @example RESULT_FORMAT_VERSION // 2
 */
export const RESULT_FORMAT_VERSION = 2;
