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
