/**
 * How well the calibration moments pin down each free parameter (docs/calibration.md, section 6):
 *
 *   npx tsx scripts/identification.ts [--runs 24] [--step 0.05]
 *
 * At the shipped values (CALIBRATED_VALUES), each free parameter is moved down and up by `step`
 * of its search range, on the same seeds (common random numbers), and every moment's change is
 * reported in units of its tolerance: the central difference (m(+) - m(-)) / tolerance per
 * 2 x step of the range. A parameter that moves no moment by much (largest |change| < 0.5) is weakly
 * identified. Prints a Markdown table.
 */
import { BASELINE_PARAMETERS, BASELINE_TARGETS, applyParameters, checkFit } from '../src/calibration/index.js';
import { CALIBRATED_VALUES } from '../src/model/baseline.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}
const runs = Number(option('runs', '24'));
const step = Number(option('step', '0.05'));
const values = CALIBRATED_VALUES as Readonly<Record<string, number>>;
const names = BASELINE_TARGETS.map((t) => (typeof t.metric === 'string' ? t.metric : t.metric.name));

const rows: string[] = [];
for (const p of BASELINE_PARAMETERS) {
  const delta = step * (p.upper - p.lower);
  const at = async (v: number) => checkFit(applyParameters({}, BASELINE_PARAMETERS, { ...values, [p.name]: v }), BASELINE_TARGETS, { runs, seed: 'identification' });
  const down = await at(Math.max(p.lower, values[p.name]! - delta));
  const up = await at(Math.min(p.upper, values[p.name]! + delta));
  const effects = BASELINE_TARGETS.map((t, k) => (up[k]!.fitted - down[k]!.fitted) / t.tolerance);
  const largest = Math.max(...effects.map(Math.abs));
  rows.push(`| ${p.name} | ${effects.map((e) => (Math.abs(e) < 0.05 ? '·' : e.toFixed(2))).join(' | ')} | ${largest < 0.5 ? 'weak' : 'yes'} |`);
  process.stderr.write(`${p.name} done\n`);
}
console.log(`| parameter | ${names.join(' | ')} | identified |`);
console.log(`| --- | ${names.map(() => '---').join(' | ')} | --- |`);
for (const r of rows) console.log(r);
console.log(`\nChange of each moment, in tolerances, when the parameter moves by ${2 * step * 100} % of its search range (from -${step * 100} % to +${step * 100} % around the fit); ${runs} runs on the same seeds; "·" is below 0.05.`);
