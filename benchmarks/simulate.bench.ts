/**
 * Speed of one replication. Run with `npm run bench`. Prints a table; asserts nothing.
 *
 * A replication of the default config is: generate 600 suppliers (about 3 700 over the run), 20
 * burn-in years and 12 horizon years at 4 periods a year (128 periods), every mechanism each
 * period, a competition per lot of every tender (market model v2).
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
console.log(`Not met: about 23 ms with the calibrated baseline (November 2026; 25 ms before two bit-exact speed-ups,
7.4 ms before calibration).
Calibration made the market about three times bigger: 497 suppliers at the start and ~1 700 over a
run (entrants included; exited ones kept for their history) against 440 and ~500, and 1 550 lots of
4 slots against 291 lots of 3, so call-offs settle ~6 200 slots a period. A CPU profile of 150
replications (first calibration, similar size): call-offs 28 %, finance 17 %, tendering 10 %,
recording 9 %, exit/entry/acquisition 8 %, the rest setup and random numbers. Ideas that would change the random-number layout (so every
result): draw only for operating suppliers, one uniform per normal everywhere, fewer streams per
period. Below that needs a coarser model (fewer, larger lots) or parallel replications
(npm run bench:parallel: worker threads, byte-identical results).
Done without changing a bit: concentration measured over the period's paid suppliers only, and
call-offs skip sums that would add only zeros (no guarantee, nothing called off): about 6 % together
(CPU time, paired runs). What remains is spread thin: only call-offs (~28 %) and finance (~16 %)
are above 10 %. Another bit-exact idea, not done: an own Alea with the same arithmetic instead of
seedrandom's, whose set-up is costly (~1 200 streams a replication, ~0.3 ms).`);
