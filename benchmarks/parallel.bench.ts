/**
 * Speed-up from worker threads, and memory of a long run. Run with `npm run bench:parallel`.
 * Prints tables; asserts nothing.
 *
 * 1. Replications per second of the default config (rows and series off) in this thread, on one
 *    worker and on every core, and the speed-up of all cores over one worker. Wall-clock times
 *    include starting the workers; run from source (tsx), each worker also compiles the
 *    TypeScript on start, so the start-up column is larger than with the built package.
 * 2. Peak memory of long experiments with rows off and series on (every outcome and every series
 *    period summarised, as `monteCarlo` does by default): 10 000 and 100 000 runs of a small market
 *    with the baseline's 12-year quarterly horizon (benchmarks/memory-config.mjs), each in a fresh
 *    Node process (benchmarks/memory-run.mjs), so the figure is that experiment's alone: the peak
 *    resident set of the whole process, worker threads included. Series off at 10 000 runs for
 *    comparison. The goal (issue 13, item 1) is under 200 MB at 100 000 runs; it takes about half
 *    an hour on 2 cores, so it runs only here, never in a timed test.
 *
 * Options: `npm run bench:parallel -- --runs 400 --workers 4 --memory-runs 10000,100000 --source`
 * (`--memory-runs 0` skips section 2). The script builds the package first and measures dist/
 * unless --source is given.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Executor, ExperimentSpec } from '../src/index.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '2000' },
    workers: { type: 'string' },
    'memory-runs': { type: 'string', default: '10000,100000' },
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
const memoryRuns = values['memory-runs'].split(',').map(Number).filter((n) => n > 0);

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

// Memory of long runs with rows off and series on, each experiment in a process of its own. The
// pool merges every chunk's state as it arrives, packed in one array, and sketches keep their
// buckets in flat lists, so the peak should hardly grow with the runs.
if (memoryRuns.length > 0) {
  const { execFileSync } = await import('node:child_process');
  const script = fileURLToPath(new URL('./memory-run.mjs', import.meta.url));
  const measure = (n: number, series: boolean): Record<string, number | boolean> => {
    const args = [...(values.source ? ['--import', 'tsx'] : []), script, String(n), String(cores), series ? 'on' : 'off', ...(values.source ? ['--source'] : [])];
    return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' }).trim().split('\n').pop()!) as Record<string, number | boolean>;
  };
  const rows = [measure(memoryRuns[0]!, false), ...memoryRuns.map((n) => measure(n, true))];
  console.log(`\nPeak memory, rows off, ${cores} workers, a small market with the baseline's 48-period horizon (benchmarks/memory-config.mjs), each run in a fresh process:`);
  console.table(
    rows.map((r) => ({
      runs: r['runs'],
      series: r['series'] ? 'on' : 'off',
      'wall s': (r['wallS'] as number).toFixed(0),
      'cpu s': (r['cpuS'] as number).toFixed(0),
      'peak rss MB (whole process)': (r['peakRssMb'] as number).toFixed(0),
    })),
  );
}
