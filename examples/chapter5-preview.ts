/**
 * `npm start`: a preview of the chapter-5 comparison on the built-in Norwegian baseline.
 *
 * Paired runs (library `compare`): in each replication one market is burned in under today's
 * policy, and today's policy and four chapter-5 contract levers run from that same market with
 * the same random numbers. The defaults are not yet calibrated (docs/model.md), so read the
 * directions and sizes of effects, not the levels. The full comparison with named policies and
 * a calibrated baseline is separate work.
 *
 * Options: --runs N (default 40), --seed S (default 2026).
 */
import { compare, ConfigError, type OutcomeMetric } from '../src/index.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

const levers = {
  'longer agreements (6 + 2 years)': { policy: { name: 'longer', baseTermYears: 6, optionYears: 2 } },
  '30 % minimum-volume guarantee': { policy: { name: 'guarantee', minimumVolumeShare: 0.3 } },
  'twice as many, smaller lots': { policy: { name: 'smaller lots', lotSplit: 2 } },
  'price weight 0.4 instead of 0.7': { policy: { name: 'less price', priceWeight: 0.4 } },
};
const shown: Array<[OutcomeMetric, string, number, number]> = [
  ['tenderedSuppliers', 'suppliers with an agreement', 0, 1],
  ['top15Share', 'top-15 share of payments', 3, 1],
  ['smallCohortSurvival', 'small suppliers surviving 12 y', 3, 1],
  ['nonProfitCohortSurvival', 'non-profits surviving 12 y', 3, 1],
  ['meanMargin', 'mean operating margin', 3, 1],
  ['costPerParticipantWeek', 'buyer NOK per participant-week', 0, 1],
  ['guaranteePaymentsPerYear', 'guarantee payments, MNOK/yr', 1, 1e-6],
  ['meanQuality', 'mean quality (0-1)', 3, 1],
  ['transitionsPerYear', 'transitions to work per year', 0, 1],
];

async function main(): Promise<void> {
  const runs = Number(option('runs', '40'));
  const seed = option('seed', '2026');
  const started = Date.now();
  const result = await compare({}, levers, {
    runs,
    seed,
    rows: false,
    series: false,
    onProgress: (p) => {
      if (process.stderr.isTTY) {
        const left = p.remainingMs === null ? '' : `, ~${Math.ceil(p.remainingMs / 1000)} s left`;
        process.stderr.write(`\r${p.done}/${p.total} replications${left}   `);
      }
    },
  });
  process.stderr.write(`${process.stderr.isTTY ? '\r' : ''}${runs} paired replications in ${((Date.now() - started) / 1000).toFixed(1)} s\n\n`);

  const today = result.policies[0]!.outcomes;
  console.log('Baseline (today: 3 + 1 years, no guarantee, price weight 0.7) against the calibration targets');
  console.table([
    { outcome: 'suppliers on tendered agreements', target: 'about 400', model: today.tenderedSuppliers.mean.toFixed(0) },
    { outcome: 'top-15 share of tendered payments', target: '0.54', model: today.top15Share.mean.toFixed(3) },
    { outcome: 'mean operating margin', target: '0.07', model: today.meanMargin.mean.toFixed(3) },
    { outcome: 'NOK per participant-week', target: '3 500 - 5 000', model: today.costPerParticipantWeek.mean.toFixed(0) },
    { outcome: 'tendered spending, bn NOK/yr', target: 'about 2.4', model: (today.buyerCostPerYear.mean / 1e9).toFixed(3) },
  ]);

  console.log('Change from today after 12 years: paired mean difference [95 % interval]; * = better in at least 90 % of replications');
  const table: Record<string, Record<string, string>> = {};
  for (const [m, label, digits, scale] of shown) {
    const row: Record<string, string> = { today: (today[m].mean * scale).toFixed(digits) };
    for (const name of Object.keys(levers)) {
      const d = result.differences[name]![m];
      const sign = d.mean >= 0 ? '+' : '';
      const star = d.probabilityBetter !== null && d.probabilityBetter >= 0.9 ? ' *' : '';
      row[name] = `${sign}${(d.mean * scale).toFixed(digits)} [${(d.lower * scale).toFixed(digits)}, ${(d.upper * scale).toFixed(digits)}]${star}`;
    }
    table[label] = row;
  }
  console.table(table);
  console.log('Defaults are not calibrated yet: docs/model.md, "Assumptions and limitations".');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    for (const issue of error.issues) console.error(`error: ${issue.path}: ${issue.message}`);
    process.exit(2);
  }
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
