/**
 * Speed-up from worker threads, and memory of a long run. Run with `npm run bench:parallel`.
 * Prints tables; asserts nothing.
 *
 * 1. Replications per second of the default config (rows and series off) in this thread, on one
 *    worker and on every core, and the speed-up of all cores over one worker. Wall-clock times
 *    include starting the workers; run from source (tsx), each worker also compiles the
 *    TypeScript on start, so the start-up column is larger than with the built package.
 * 2. Peak memory (resident set of the whole process, workers included, and the main thread's
 *    heap, sampled every 20 ms) of 10 000 runs of a small config with rows off on every core.
 *
 * Options: `npm run bench:parallel -- --runs 400 --workers 4 --memory-runs 20000 --source`.
 * The script builds the package first and measures dist/ unless --source is given.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import type { Executor, ExperimentSpec } from '../src/index.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '2000' },
    workers: { type: 'string' },
    'memory-runs': { type: 'string', default: '10000' },
    // Measure the built package (what users run): from source, every worker first compiles the
    // TypeScript with tsx, which adds about half a second per worker to the start-up.
    source: { type: 'boolean', default: false },
  },
});
const lib = (values.source
  ? await import('../src/node/index.js')
  : await import(new URL('../dist/node/index.js', import.meta.url).href)) as typeof import('../src/node/index.js');
const { runExperiment, serialExecutor, workerExecutor } = lib;
console.log(`measuring ${values.source ? 'the sources (tsx)' : 'the built package (dist/)'}`);
const runs = Number(values.runs);
const cores = values.workers !== undefined ? Number(values.workers) : Math.max(1, availableParallelism());
const memoryRuns = Number(values['memory-runs']);

interface Timing {
  wallMs: number;
  startupMs: number;
}

async function time(spec: ExperimentSpec, n: number, executor: Executor): Promise<Timing> {
  const started = performance.now();
  let first = 0;
  await runExperiment(spec, {
    runs: n,
    executor,
    onProgress: (p) => {
      if (p.done === 1) first = performance.now();
    },
  });
  return { wallMs: performance.now() - started, startupMs: first - started };
}

const throughputSpec: ExperimentSpec = { config: {}, variants: [], seed: 1, rows: false, series: false };

// Warm-up: JIT in this thread, and tsx's transform cache for the workers.
await time(throughputSpec, 4, serialExecutor);
await time(throughputSpec, 4, workerExecutor({ workers: 1 }));

const cases: Array<[string, Executor, number]> = [
  ['this thread (serialExecutor)', serialExecutor, 1],
  ['1 worker', workerExecutor({ workers: 1 }), 1],
  [`${cores} workers (all cores)`, workerExecutor({ workers: cores }), cores],
];
const results: Array<[string, Timing]> = [];
for (const [name, executor] of cases) results.push([name, await time(throughputSpec, runs, executor)]);
const oneWorker = results[1]![1].wallMs;

console.log(`Node ${process.version}, ${availableParallelism()} cores available, ${new Date().toISOString().slice(0, 10)}`);
console.log(`\n${runs} replications of the default config (rows and series off):`);
console.table(
  results.map(([name, t]) => ({
    executor: name,
    'wall s': (t.wallMs / 1000).toFixed(2),
    'replications / s': (runs / (t.wallMs / 1000)).toFixed(1),
    'start-up ms (to first replication)': t.startupMs.toFixed(0),
    'speed-up vs 1 worker': (oneWorker / t.wallMs).toFixed(2),
  })),
);

// Memory of a long run with rows off: states hold sums and sketches, so it stays flat.
const memorySpec: ExperimentSpec = {
  config: { run: { burnInYears: 1, horizonYears: 1 }, suppliers: { initialCount: 40 } },
  variants: [],
  seed: 1,
  rows: false,
  series: true,
};
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const before = process.memoryUsage();
let peakRss = before.rss;
let peakHeap = before.heapUsed;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}, 20);
const memoryTiming = await time(memorySpec, memoryRuns, workerExecutor({ workers: cores }));
clearInterval(sampler);
const after = process.memoryUsage();
console.log(`\n${memoryRuns} runs of a small config (40 suppliers, 1 + 1 years; rows off, series on) on ${cores} workers:`);
console.table([
  {
    'wall s': (memoryTiming.wallMs / 1000).toFixed(1),
    'replications / s': (memoryRuns / (memoryTiming.wallMs / 1000)).toFixed(0),
    'rss before MB': mb(before.rss),
    'peak rss MB (all threads)': mb(peakRss),
    'rss after MB': mb(after.rss),
    'main heap before MB': mb(before.heapUsed),
    'peak main heap MB': mb(peakHeap),
  },
]);
