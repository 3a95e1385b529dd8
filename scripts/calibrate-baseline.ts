/**
 * Reproduces the fit of the built-in baseline (docs/calibration.md):
 *
 *   npx tsx scripts/calibrate-baseline.ts [--runs 10] [--evaluations 250] [--design 150] [--seed calibration] [--out fit.json]
 *
 * Starts from the pre-calibration values (each parameter's `start`), searches with common random
 * numbers, then prints the fitted values and the fit table. The shipped baseline carries the
 * fitted values rounded to a few significant figures; `npm test` checks the shipped baseline
 * against the targets with more runs (tests/calibration/baseline.test.ts).
 */
import { writeFileSync } from 'node:fs';
import { BASELINE_PARAMETERS, BASELINE_TARGETS, calibrate } from '../src/calibration/index.js';
import { fitTable } from '../src/calibration/fitTable.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

const runs = Number(option('runs', '10'));
const maxEvaluations = Number(option('evaluations', '250'));
const seed = option('seed', 'calibration');
const initialDesign = Number(option('design', '150'));
const out = option('out', '');
const started = Date.now();
const result = await calibrate({}, BASELINE_PARAMETERS, BASELINE_TARGETS, {
  runs,
  seed,
  maxEvaluations,
  initialDesign,
  onEvaluation: (e) => {
    const values = Object.entries(e.parameters).map(([k, v]) => `${k}=${Number(v.toPrecision(4))}`).join(' ');
    process.stderr.write(`#${e.evaluation} objective ${e.objective.toFixed(3)}  ${values}  (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  },
});
console.log(`evaluations: ${result.evaluations}, converged: ${result.converged}, objective: ${result.objective.toFixed(3)}, runs per evaluation: ${runs}`);
console.log('fitted parameters:');
for (const [k, v] of Object.entries(result.parameters)) console.log(`  ${k} = ${v}`);
console.log(fitTable(result.fit));
if (out !== '') writeFileSync(out, JSON.stringify({ ...result, config: result.config }, null, 2));
