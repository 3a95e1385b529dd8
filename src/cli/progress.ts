/**
 * What the CLI's long commands share: where replications run (the worker pool or this thread),
 * the `--workers` flag, and a progress bar on stderr.
 * @packageDocumentation
 */
import { serialExecutor, type Executor } from '../experiment/executor.js';
import type { Progress } from '../experiment/run.js';
import { defaultWorkerCount, maxWorkerCount, workerExecutor, workerLimitReason } from '../node/pool.js';
import { clip, UsageError, type CliIo } from './io.js';

/**
 * The `--workers` flag: an integer from 1 to {@link maxWorkerCount} (4 per core of this machine, at
 * most 512), by default the number of cores.
 * @example
 * workersFlag({ workers: '2' }); // 2
 */
export function workersFlag(values: Record<string, unknown>): number {
  const text = values['workers'];
  if (typeof text !== 'string') return defaultWorkerCount();
  const max = maxWorkerCount();
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max) {
    throw new UsageError(`--workers expects an integer in [1, ${max}] (${workerLimitReason()}), got ${JSON.stringify(clip(text))}`);
  }
  return Number(text);
}

/**
 * Runs replications on `workers` worker threads, or in this thread for 1 (no worker start-up).
 * @example
 * const executor = executorFor(2);
 */
export function executorFor(workers: number): Executor {
  return workers === 1 ? serialExecutor : workerExecutor({ workers });
}

/**
 * A duration as m:ss, or h:mm:ss from an hour up.
 * @example formatDuration(83_000) // '1:23'
 */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const two = (x: number) => String(x).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}

/**
 * Milliseconds as seconds with one decimal.
 * @example seconds(12_345) // '12.3 s'
 */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

const BAR_WIDTH = 20;

/** `[█████░░░░░]`: `done` of `total` as a bar of BAR_WIDTH cells. */
function bar(done: number, total: number): string {
  const full = total > 0 ? Math.min(BAR_WIDTH, Math.floor((BAR_WIDTH * done) / total)) : 0;
  return `[${'█'.repeat(full)}${'░'.repeat(BAR_WIDTH - full)}]`;
}

/**
 * A progress bar on stderr, redrawn at most ten times a second, only when stderr is a terminal
 * (so logs and pipes stay clean): `40/200 replications (20.0 %) [████░░░░] 0:03 elapsed, about 0:12 left`.
 * `end()` erases it.
 */
function progressLine(io: CliIo) {
  let shown = false;
  let last = 0;
  return {
    update(p: Progress, what = 'replications'): void {
      if (io.stderr.isTTY !== true) return;
      const now = Date.now();
      if (now - last < 100 && p.done < p.total) return;
      last = now;
      shown = true;
      const percent = ((100 * p.done) / p.total).toFixed(1);
      const left = p.remainingMs === null ? '' : `, about ${formatDuration(p.remainingMs)} left`;
      io.stderr.write(`\r\x1b[K${p.done}/${p.total} ${what} (${percent} %) ${bar(p.done, p.total)} ${formatDuration(p.elapsedMs)} elapsed${left}`);
    },
    end(): void {
      if (shown) io.stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}

/**
 * Runs `work`, handing it a callback that draws the progress bar of {@link progressLine} (counting
 * `what`), and erases the bar when the work ends or fails, so an error message starts on a clean line.
 * @example
 * const result = await withProgress(io, 'replications', (onProgress) => runExperiment(spec, { runs, onProgress }));
 */
export async function withProgress<T>(io: CliIo, what: string, work: (update: (progress: Progress) => void) => Promise<T>): Promise<T> {
  const progress = progressLine(io);
  try {
    return await work((p) => progress.update(p, what));
  } finally {
    progress.end();
  }
}

/**
 * An executor's `onReplication` hook that counts the replications of a job of `total` and reports
 * each as {@link Progress} (elapsed time, and the time left at the pace so far), as `runExperiment`
 * does for its `onProgress`; for commands that call an executor directly.
 * @example
 * executor.run(spec, from, to, { onReplication: countReplications(to - from, (p) => console.log(p.done)) });
 */
export function countReplications(total: number, onProgress: (progress: Progress) => void): () => void {
  const started = Date.now();
  let done = 0;
  return () => {
    done++;
    const elapsedMs = Date.now() - started;
    onProgress({ done, total, elapsedMs, remainingMs: (elapsedMs / done) * Math.max(0, total - done) });
  };
}
