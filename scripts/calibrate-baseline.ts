/**
 * Reproduces the fit of the built-in baseline (docs/calibration.md):
 *
 *   npx tsx scripts/calibrate-baseline.ts [--seed calibration] [--out fit.json] [--start earlier-fit.json]
 *
 * Two stages, each a Nelder-Mead search with common random numbers (calibrate()):
 *   1. broad:  8 runs per parameter set, start simplex 15 % of each range, 150 sets, from each
 *      parameter's `start` in BASELINE_PARAMETERS (or from --start);
 *   2. refine: 16 runs per parameter set, start simplex 5 % of each range, 100 sets, from stage 1.
 * Then prints the fitted values and the fit table. The shipped baseline carries the fitted values
 * rounded (CALIBRATED_VALUES in src/model/baseline.ts), and `npm test` checks the shipped baseline
 * against the targets on other seeds (tests/calibration/baseline.test.ts). About 5 minutes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { BASELINE_PARAMETERS, BASELINE_TARGETS, calibrate, fitTable, type CalibrationParameter } from '../src/calibration/index.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

const seed = option('seed', 'calibration');
const out = option('out', '');
const startFile = option('start', '');
const started = Date.now();

function startingAt(values: Readonly<Record<string, number>>): CalibrationParameter[] {
  return BASELINE_PARAMETERS.map((p) => (p.name in values ? { ...p, start: values[p.name] } : p));
}

async function stage(name: string, parameters: readonly CalibrationParameter[], runs: number, maxEvaluations: number, initialStep: number) {
  const result = await calibrate({}, parameters, BASELINE_TARGETS, {
    runs,
    seed,
    maxEvaluations,
    initialStep,
    onEvaluation: (e) => {
      const values = Object.entries(e.parameters).map(([k, v]) => `${k}=${Number(v.toPrecision(4))}`).join(' ');
      process.stderr.write(`${name} #${e.evaluation} objective ${e.objective.toFixed(3)}  ${values}  (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
    },
  });
  console.log(`${name}: ${result.evaluations} parameter sets x ${runs} runs, objective ${result.objective.toFixed(3)}`);
  return result;
}

const start: Record<string, number> = startFile === '' ? {} : (JSON.parse(readFileSync(startFile, 'utf8')) as { parameters: Record<string, number> }).parameters;
const broad = await stage('broad', startingAt(start), 8, 150, 0.15);
const refined = await stage('refine', startingAt(broad.parameters), 16, 100, 0.05);
console.log('fitted parameters:');
for (const [k, v] of Object.entries(refined.parameters)) console.log(`  ${k} = ${Number(v.toPrecision(5))}`);
console.log(fitTable(refined.fit));
if (out !== '') writeFileSync(out, JSON.stringify({ ...refined, stages: { broad: broad.parameters } }, null, 2));
