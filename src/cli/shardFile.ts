/**
 * Shard files as the CLI writes and reads them: a shard state followed by an `integrity` record
 * that names the library version that wrote it and holds SHA-256 hashes of its spec and of its
 * whole content, so `merge` can refuse a file that was edited or damaged after it was written,
 * or that another version of the library wrote, instead of merging it into a wrong result.
 * The hashes detect accidents and hand edits; they are not a signature (anyone can recompute them).
 * @packageDocumentation
 */
import { createHash } from 'node:crypto';
import type { ShardState } from '../experiment/shard.js';

/**
 * What a shard file says about itself, after its state: `library` is "framework-agreement-sim"
 * and the version that wrote it, `spec` the SHA-256 of its spec's JSON text, `content` the
 * SHA-256 of the JSON text of everything in the file but this record.
 * @example
 * const integrity: ShardIntegrity = { library: 'framework-agreement-sim 0.1.0', spec: 'sha256:9f86…', content: 'sha256:2c26…' };
 */
export interface ShardIntegrity {
  readonly library: string;
  readonly spec: string;
  readonly content: string;
}

function sha256(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/**
 * The library that writes shard files in this process, as `integrity.library` names it.
 * @example libraryId('0.1.0') // 'framework-agreement-sim 0.1.0'
 */
export function libraryId(version: string): string {
  return `framework-agreement-sim ${version}`;
}

/**
 * The text of a shard file: the state's JSON with its {@link ShardIntegrity} record added as the
 * last key, and a line end.
 * @example
 * await writeAtomically('shard-0.json', shardFileText(state, '0.1.0'));
 */
export function shardFileText(state: ShardState, version: string): string {
  const content = JSON.stringify(state);
  const integrity: ShardIntegrity = { library: libraryId(version), spec: sha256(JSON.stringify(state.spec)), content: sha256(content) };
  // `content` is an object's JSON, so it ends in "}": the record goes in just before it.
  return `${content.slice(0, -1)},"integrity":${JSON.stringify(integrity)}}\n`;
}

/**
 * Why a parsed shard file does not carry a valid integrity record for `version`, or null: it has
 * none (an older version wrote it, or it was assembled by hand), another version wrote it, or its
 * spec or content no longer match their hashes (it was changed after it was written). JSON text
 * read back and written again is the same text, so an untouched file always matches.
 * @example
 * integrityProblem(JSON.parse(readFileSync('shard-0.json', 'utf8')), '0.1.0'); // null
 */
export function integrityProblem(value: Record<string, unknown>, version: string): string | null {
  const { integrity, ...rest } = value;
  const record = integrity as Partial<Record<keyof ShardIntegrity, unknown>> | undefined;
  if (typeof record !== 'object' || record === null || typeof record.library !== 'string' || typeof record.spec !== 'string' || typeof record.content !== 'string') {
    return 'it has no integrity record (content hash): an older framework-agreement-sim wrote it, or it was edited; rerun the shard with this version';
  }
  if (record.library !== libraryId(version)) {
    return `${JSON.stringify(record.library.slice(0, 60))} wrote it, not ${libraryId(version)}; versions may count differently, so rerun the shard with this version`;
  }
  if (record.spec !== sha256(JSON.stringify(rest['spec']))) return 'its spec does not match its spec hash: the file was changed after it was written; rerun the shard';
  if (record.content !== sha256(JSON.stringify(rest))) return 'its content does not match its content hash: the file was changed or damaged after it was written; rerun the shard';
  return null;
}
