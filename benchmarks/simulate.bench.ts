/**
 * Speed of one replication. Run with `npm run bench`. Prints a table; asserts nothing.
 *
 * A replication of the default config is: generate ~440 suppliers, 8 burn-in years and 12 horizon
 * years at 4 periods a year (80 periods), every mechanism each period.
 */
import { Bench } from 'tinybench';
import { burnIn, simulate, simulateFrom } from '../src/index.js';
import type { ConfigInput } from '../src/index.js';

const cases: Array<[string, ConfigInput]> = [
  ['baseline (default config)', {}],
  ['baseline, 2x smaller lots + guarantee', { policy: { lotSplit: 2, minimumVolumeShare: 0.3 } }],
  ['small market (100 suppliers)', { suppliers: { initialCount: 100 } }],
  ['large market (2000 suppliers)', { suppliers: { initialCount: 2000 } }],
];

const bench = new Bench({ time: 3000, warmup: true, warmupTime: 500 });
let seed = 0;
for (const [name, input] of cases) bench.add(name, () => void simulate(input, seed++));
const market = burnIn({}, 1);
bench.add('horizon only (simulateFrom a burned-in market)', () => void simulateFrom(market));
await bench.run();

const rows = bench.tasks.map((task, k) => {
  const input = k < cases.length ? cases[k]![1] : {};
  const probe = k < cases.length ? simulate(input, 12345) : simulateFrom(market);
  const r = task.result as { latency?: { mean: number; p99?: number }; throughput?: { mean: number } } | undefined;
  const mean = r?.latency?.mean ?? NaN;
  return {
    case: task.name,
    'ms / replication (mean)': mean.toFixed(2),
    'ms p99': (r?.latency?.p99 ?? NaN).toFixed(2),
    'replications / s': (1000 / mean).toFixed(0),
    'suppliers at start': probe.ledger.initialSuppliers,
    'suppliers ever': probe.ledger.initialSuppliers + probe.ledger.entries,
    'active at end': probe.ledger.activeAtEnd,
    periods: (probe.config.run.burnInYears * probe.config.run.periodsPerYear) + probe.horizonPeriods,
  };
});
console.log(`Node ${process.version}, one core, ${new Date().toISOString().slice(0, 10)}`);
console.table(rows);
console.log('Goal: 2 ms or less per replication of the default config (burn-in + 12 years, quarterly).');
console.log(`Not met: about 7.4 ms (November 2026). Per replication the engine settles ~500 supplier slots
(including exited ones, kept for their history) in each of 80 periods, with an exponential and a
normal quantile per supplier, ~10 tenders and ~290 lots of call-offs per period. Finance takes
~2.0 ms, tendering ~1.5, call-offs ~1.1, exit/entry ~0.9, recording ~0.7, setup ~0.5.
Ideas that would change the random-number layout (so every result): draw only for operating
suppliers, one uniform per normal everywhere, fewer streams per period: together ~1-1.5 ms.
Below that needs a coarser model or parallel replications (npm run bench:parallel).`);
