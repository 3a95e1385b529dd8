import { setFlagsFromString } from 'node:v8';

/**
 * The last Node major whose worker teardown can abort the whole process (see
 * {@link avoidWorkerExitCrash}). Node 20 and 22 unregister a worker's isolate from the platform
 * before disposing of it; the fix (V8's node fork, "Unregister isolate after Isolate::Dispose",
 * January 2025) reached Node 24.
 */
const LAST_AFFECTED_NODE_MAJOR = 23;

let applied = false;

/**
 * Makes worker threads started from now on compile optimised code on their own thread instead
 * of a background one, on the Node versions where a worker's exit can otherwise abort the
 * process.
 *
 * Why: on those versions a worker that exits (by `terminate()` or by itself) while a background
 * TurboFan job is still compiling its code can hit `node::NodePlatform::ForIsolate ... Assertion
 * failed: (data.first) != nullptr` and abort the whole process, not only the worker: the job
 * asks the platform for the isolate's task runner after the isolate has been unregistered. It
 * happened once in this project's CI after hundreds of clean runs. Without background
 * compilation there is no job left to race with the teardown. V8 reads the flag when it creates
 * an isolate, so it only changes isolates created afterwards (worker threads); the calling
 * thread keeps its background compiler. Measured on 2 cores, 300 replications on 2 workers took
 * the same time with and without it (11.5-11.8 s, within run-to-run noise).
 *
 * Idempotent; returns whether the flag is set (false on unaffected Node versions).
 * @internal
 * @example avoidWorkerExitCrash() // true on Node 20
 */
export function avoidWorkerExitCrash(nodeVersion: string = process.versions.node): boolean {
  const major = Number(nodeVersion.split('.')[0]);
  if (!(major <= LAST_AFFECTED_NODE_MAJOR)) return false;
  if (applied) return true;
  setFlagsFromString('--no-concurrent-recompilation');
  applied = true;
  return true;
}
