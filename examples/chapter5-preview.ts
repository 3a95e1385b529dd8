/**
 * `npm start`: a preview of the chapter-5 comparison on the built-in Norwegian baseline.
 *
 * For each replication, one market is burned in under today's policy; today's policy and four
 * contract levers from chapter 5 are then run from that same market with the same random
 * numbers, and the paired differences are averaged. The defaults are not yet calibrated (see
 * docs/model.md), so read the directions and sizes of effects, not the levels.
 *
 * Options: --runs N (default 40), --seed S (default 2026).
 */
import { burnIn, simulateFrom, type ConfigInput, type OutcomeMetric, type SimulationResult } from '../src/index.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}
const runs = Number(option('runs', '40'));
const seed = option('seed', '2026');
if (!Number.isInteger(runs) || runs < 2 || runs > 100_000) {
  console.error('--runs must be an integer from 2 to 100000');
  process.exit(2);
}

const levers: Array<[string, ConfigInput]> = [
  ['longer agreements (6 + 2 years)', { policy: { name: 'longer', baseTermYears: 6, optionYears: 2 } }],
  ['30 % minimum-volume guarantee', { policy: { name: 'guarantee', minimumVolumeShare: 0.3 } }],
  ['twice as many, smaller lots', { policy: { name: 'smaller lots', lotSplit: 2 } }],
  ['price weight 0.4 instead of 0.7', { policy: { name: 'less price', priceWeight: 0.4 } }],
];
const metrics: Array<[OutcomeMetric, string, number]> = [
  ['tenderedSuppliers', 'suppliers with an agreement', 0],
  ['top15Share', 'top-15 share of payments', 3],
  ['smallCohortSurvival', 'small suppliers surviving 12 y', 3],
  ['nonProfitCohortSurvival', 'non-profits surviving 12 y', 3],
  ['meanMargin', 'mean operating margin', 3],
  ['costPerParticipantWeek', 'buyer NOK per participant-week', 0],
  ['guaranteePaymentsPerYear', 'guarantee payments, MNOK/yr', 1],
  ['meanQuality', 'mean quality (0-1)', 3],
  ['transitionsPerYear', 'transitions to work per year', 0],
];

const started = Date.now();
const baseline: SimulationResult[] = [];
const variants: SimulationResult[][] = levers.map(() => []);
for (let r = 0; r < runs; r++) {
  const market = burnIn({}, `${seed}/${r}`);
  baseline.push(simulateFrom(market));
  levers.forEach(([, input], k) => variants[k]!.push(simulateFrom(market, input)));
  if (process.stderr.isTTY) process.stderr.write(`\r${r + 1}/${runs} replications`);
}
process.stderr.write(`${process.stderr.isTTY ? '\r' : ''}${runs} replications in ${((Date.now() - started) / 1000).toFixed(1)} s\n\n`);

const scale = (m: OutcomeMetric, v: number) => (m === 'guaranteePaymentsPerYear' ? v / 1e6 : v);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
};

console.log('Baseline (today: 3 + 1 years, no guarantee, price weight 0.7) against the calibration targets');
const targets: Array<[OutcomeMetric, string, string]> = [
  ['tenderedSuppliers', 'suppliers on tendered agreements', 'about 400'],
  ['top15Share', 'top-15 share of tendered payments', '0.54'],
  ['meanMargin', 'mean operating margin', '0.07'],
  ['costPerParticipantWeek', 'NOK per participant-week', '3 500 - 5 000'],
  ['buyerCostPerYear', 'tendered spending, bn NOK/yr', 'about 2.4'],
];
console.table(
  targets.map(([m, label, target]) => {
    const xs = baseline.map((b) => (m === 'buyerCostPerYear' ? b.outcomes[m] / 1e9 : b.outcomes[m]));
    return { outcome: label, target, model: mean(xs).toFixed(m === 'tenderedSuppliers' || m === 'costPerParticipantWeek' ? 0 : 3) };
  }),
);

console.log('Change from today after 12 years: paired mean difference [95 % interval]');
const table: Record<string, Record<string, string>> = {};
for (const [m, label, digits] of metrics) {
  const row: Record<string, string> = { today: scale(m, mean(baseline.map((b) => b.outcomes[m]))).toFixed(digits) };
  levers.forEach(([name], k) => {
    const d = variants[k]!.map((v, r) => scale(m, v.outcomes[m] - baseline[r]!.outcomes[m]));
    const half = (1.96 * sd(d)) / Math.sqrt(d.length);
    row[name] = `${mean(d) >= 0 ? '+' : ''}${mean(d).toFixed(digits)} [${(mean(d) - half).toFixed(digits)}, ${(mean(d) + half).toFixed(digits)}]`;
  });
  table[label] = row;
}
console.table(table);
console.log('Intervals are normal approximations over paired replications (same market, same random numbers).');
console.log('Defaults are not calibrated yet: docs/model.md, "Assumptions and limitations".');
