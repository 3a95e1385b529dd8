// One experiment in a process of its own, for benchmarks/parallel.bench.ts: prints its peak
// resident set (the whole process, worker threads included: process.resourceUsage().maxRSS, the
// kernel's high-water mark, so nothing between samples is missed) as one line of JSON.
//
//   node benchmarks/memory-run.mjs <runs> <workers> <series: on | off> [--source]
//
// Plain JavaScript so that it runs on plain Node against dist/, as users run it; with --source it
// imports src/ and must be started with `node --import tsx`.
import { MEMORY_CONFIG } from './memory-config.mjs';

const [runs, workers, series] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4] === 'on'];
const source = process.argv.includes('--source');
const lib = await import(new URL(source ? '../src/node/index.ts' : '../dist/node/index.js', import.meta.url).href);
const started = performance.now();
const cpu = process.cpuUsage();
const result = await lib.runExperiment(
  { config: MEMORY_CONFIG, variants: [], seed: 1, rows: false, series },
  { runs, executor: lib.workerExecutor({ workers }) },
);
const used = process.cpuUsage(cpu);
console.log(
  JSON.stringify({
    runs: result.runs,
    workers,
    series,
    wallS: (performance.now() - started) / 1000,
    cpuS: (used.user + used.system) / 1e6,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
