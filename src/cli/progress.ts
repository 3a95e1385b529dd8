/**
 * What the CLI's long commands share: where replications run (the worker pool or this thread),
 * the `--workers` flag, and a progress bar on stderr.
 * @packageDocumentation
 */
import { serialExecutor, type Executor } from '../experiment/executor.js';
import type { Progress } from '../experiment/run.js';
import { progressClock } from '../experiment/progressClock.js';
import { defaultWorkerCount, maxWorkerCount, workerExecutor, workerLimitReason } from '../node/pool.js';
import { clip, PROGRESS_LINE_INTERVAL_MS, UsageError, type CliIo } from './io.js';

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

/** `40/200 replications (20.0 %)`, with the elapsed time and the time left. */
function describe(p: Progress, what: string): { count: string; times: string } {
  const percent = ((100 * p.done) / p.total).toFixed(1);
  const left = p.remainingMs === null ? '' : `, about ${formatDuration(p.remainingMs)} left`;
  const phase = p.phase === undefined ? '' : ` [${p.phase}]`;
  return { count: `${p.done}/${p.total} ${what} (${percent} %)${phase}`, times: `${formatDuration(p.elapsedMs)} elapsed${left}` };
}

/**
 * Progress on stderr in the io's mode ({@link ProgressMode}): a bar redrawn at most ten times a
 * second on a terminal (`40/200 replications (20.0 %) [████░░░░] 0:03 elapsed, about 0:12 left`,
 * erased by `end()`); a plain line every {@link PROGRESS_LINE_INTERVAL_MS} otherwise (the first
 * after that interval, so short commands print none); JSON lines at most once a second and at the
 * end with `--progress json`; nothing with `--progress none`.
 */
function progressLine(io: CliIo) {
  const mode = io.progress ?? 'auto';
  const now = io.now ?? Date.now;
  const tty = io.stderr.isTTY === true;
  let shown = false;
  let last = now();
  return {
    update(p: Progress, what = 'replications'): void {
      if (mode === 'none') return;
      const t = now();
      const final = p.done >= p.total;
      if (mode === 'json') {
        if (t - last < 1000 && !final) return;
        last = t;
        const record = { progress: what, done: p.done, total: p.total, elapsedMs: Math.round(p.elapsedMs), remainingMs: p.remainingMs === null ? null : Math.round(p.remainingMs), ...(p.phase === undefined ? {} : { phase: p.phase }) };
        io.stderr.write(`${JSON.stringify(record)}\n`);
        return;
      }
      const { count, times } = describe(p, what);
      if (!tty) {
        if (t - last < PROGRESS_LINE_INTERVAL_MS) return;
        last = t;
        io.stderr.write(`progress: ${count}, ${times}\n`);
        return;
      }
      if (t - last < 100 && !final) return;
      last = t;
      shown = true;
      io.stderr.write(`\r\x1b[K${count} ${bar(p.done, p.total)} ${times}`);
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
  const tick = progressClock(total);
  return () => onProgress(tick());
}
