/**
 * Prints the fit of the shipped baseline: every calibration target against the mean over
 * `--runs` runs (default 240, the count `npm test` uses) on seeds the fit never saw. The table in
 * docs/calibration.md is this script's output.
 *
 *   npx tsx scripts/check-calibration.ts [--runs 240] [--seed shipped-baseline-check]
 */
import { BASELINE_TARGETS, checkFit, fitTable } from '../src/calibration/index.js';
import { hasInterval, monteCarlo } from '../src/index.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}
const runs = Number(option('runs', '240'));
const seed = option('seed', 'shipped-baseline-check');
console.log(fitTable(await checkFit({}, BASELINE_TARGETS, { runs, seed })));
// Context the targets do not pin down, for the text around the table.
const o = (await monteCarlo({}, { runs, seed, rows: false, series: false })).policies[0]!.outcomes;
for (const k of ['activeSuppliers', 'meanMargin', 'lossShare', 'entriesPerYear', 'exitsPerYear', 'insolvenciesPerYear', 'lots', 'hhi', 'unservedShare', 'smallCohortSurvival', 'nonProfitCohortSurvival'] as const) {
  const s = o[k];
  const interval = hasInterval(s) ? `95 % interval ${Number(s.lower.toPrecision(4))} to ${Number(s.upper.toPrecision(4))}` : `no variation in ${s.n} runs`;
  console.log(`${k}: ${Number(s.mean.toPrecision(4))} (${interval})`);
}
