import type { Progress } from './run.js';

/**
 * A counter of finished replications that turns each into a {@link Progress}: elapsed time and
 * the time left at the pace so far. The pace is measured from the first finished replication on,
 * so the time before it (starting worker threads, loading code, the first burn-in) does not make
 * every later estimate too long; with one replication done there is no pace yet and the estimate
 * is the first replication's time for each of the rest.
 *
 *   remainingMs = (elapsed - elapsedAtFirst) / (done - 1) x (total - done)   for done >= 2
 *   remainingMs = elapsed x (total - 1)                                      for done = 1
 *
 * `phase` names what is running (a robustness world, an explained mechanism) and is passed on.
 * @example
 * const tick = progressClock(100);
 * onReplication: () => options.onProgress?.(tick());
 */
export function progressClock(total: number, now: () => number = Date.now): (phase?: string) => Progress {
  const started = now();
  let done = 0;
  let firstAt = 0;
  return (phase?: string) => {
    done++;
    const elapsedMs = now() - started;
    if (done === 1) firstAt = elapsedMs;
    const left = Math.max(0, total - done);
    const remainingMs = done === 1 ? elapsedMs * left : ((elapsedMs - firstAt) / (done - 1)) * left;
    return phase === undefined ? { done, total, elapsedMs, remainingMs } : { done, total, elapsedMs, remainingMs, phase };
  };
}
