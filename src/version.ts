/**
 * The library's name and version, as every result records them (`ExperimentResult.library`), so
 * that a saved result says what produced it. A test keeps it equal to package.json's version; it
 * is a constant rather than read from package.json so that the core stays browser-safe.
 * @example LIBRARY_VERSION // '0.2.0'
 */
export const LIBRARY_VERSION = '0.2.0';

/**
 * What results record as their `library`: the package name and its version.
 * @example LIBRARY // 'framework-agreement-sim 0.2.0'
 */
export const LIBRARY = `framework-agreement-sim ${LIBRARY_VERSION}`;

/**
 * Version of the layout and the numbers of experiment results and shard states. Bumped whenever the
 * same spec would give other numbers or another layout, so that `merge` never mixes shards of two
 * versions and a reader can tell which one wrote a result. 3: the small-supplier cohort chosen by
 * `outcomes.smallCohort` (by default by lot reach, not revenue); 2: replication streams from
 * 128-bit seed hashes, and the seed stored as text (issue 13, item 7); 1: 32-bit seed hashes.
 * @example RESULT_FORMAT_VERSION // 3
 */
export const RESULT_FORMAT_VERSION = 3;
