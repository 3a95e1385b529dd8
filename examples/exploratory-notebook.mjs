/**
 * The study of examples/exploratory.ipynb as a plain Node script, against the built package:
 * (1) which inputs drive the survival of small suppliers (Morris screening), (2) in which worlds
 * concentration gets bad (an uncertainties x policies study on a Latin hypercube, then PRIM),
 * (3) how robust each chapter-5 proposal is (its paired changes across a few worlds), and
 * (4) supplier survival curves by ownership (Kaplan-Meier). Charts are written as Vega-Lite JSON
 * and, all together, as one self-contained HTML page; the tables as CSV.
 *
 *   npm run build
 *   node examples/exploratory-notebook.mjs [output-dir] [--runs N] [--scenarios N] [--trajectories N]
 *
 * Output dir: default a new temporary directory (its path is printed). The defaults are the
 * notebook's quick demonstration sizes (a few seconds each on one core): --runs 2 replications at
 * every design point and scenario (the robustness check and the supplier histories use twice as
 * many), --scenarios 16 Latin-hypercube scenarios, --trajectories 4 Morris trajectories. A real
 * study would use some 20-40 runs, 200+ scenarios and 20+ trajectories.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  LIBRARY,
  NAMED_POLICIES,
  REFERENCE_WORLD,
  chooseBox,
  demandFallWorld,
  designHeatMap,
  experiments,
  formatRobustnessSummary,
  kaplanMeierChart,
  namedPolicy,
  prim,
  primChart,
  robustness,
  robustnessRows,
  sensitivity,
  sensitivityChart,
  supplierHistories,
  supplierSurvival,
  toCsv,
  toRows,
  toWideCsv,
} from 'framework-agreement-sim';
import { renderHtml } from 'framework-agreement-sim/render';

/** `--name N` as a whole number of at least `least`, or the fallback. */
function countFlag(values, name, fallback, least) {
  if (values[name] === undefined) return fallback;
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < least) throw new Error(`--${name} expects a whole number of at least ${least}, got ${values[name]}`);
  return n;
}

const { values: flags, positionals } = parseArgs({
  options: { runs: { type: 'string' }, scenarios: { type: 'string' }, trajectories: { type: 'string' } },
  allowPositionals: true,
});
const runs = countFlag(flags, 'runs', 2, 2);
const scenarios = countFlag(flags, 'scenarios', 16, 4);
const trajectories = countFlag(flags, 'trajectories', 4, 2);
const worldRuns = 2 * runs;
const seed = 2026;
const out = positionals[0] ?? (await mkdtemp(join(tmpdir(), 'exploratory-')));
await mkdir(out, { recursive: true });
const seconds = (ms) => (ms / 1000).toFixed(1);
const charts = [];
const timings = {};
const mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;
/** A PRIM box's restrictions in words, and whether any of them stands out from noise. */
const describeBox = (b) =>
  `box ${b.index}: coverage ${b.coverage.toFixed(2)}, density ${b.density.toFixed(2)}; ` +
  (b.restrictions.map((r) => `${r.lower === null ? '' : `${r.lower.toFixed(3)} <= `}${r.input}${r.upper === null ? '' : ` <= ${r.upper.toFixed(3)}`} (qp ${r.qp.toPrecision(2)})`).join('; ') || 'no restriction') +
  (b.restrictions.some((r) => r.qp < 0.05) ? '' : ' (no quasi-p-value below 0.05: may well be noise)');

// 1. Which inputs drive small-supplier survival? Morris screening of three uncertain settings of
//    the world and one lever of the buyer, on two outcomes.
const screened = [
  { path: 'suppliers.exit.idleExitProbability', range: [0.05, 0.2] },
  { path: 'market.demand.macroVolatility', range: [0.02, 0.08] },
  { path: 'suppliers.entry.ratePerYear', range: [50, 150] },
  { path: 'policy.priceWeight', range: [0.4, 1] },
];
let started = Date.now();
const screening = await sensitivity({}, screened, { method: 'morris', outcomes: ['smallCohortSurvival', 'top15Share'], n: trajectories, runs, seed });
timings.screening = Date.now() - started;
const morrisRows = screening.outcomes.flatMap((outcome) =>
  screening.effects[outcome].effects.map((e) => ({ outcome, parameter: e.parameter, mu: e.mu, muStar: e.muStar.estimate, muStarLower: e.muStar.lower, muStarUpper: e.muStar.upper, sigma: e.sigma })),
);
console.log(`Morris: ${screening.design.values.length} design points x ${runs} runs`);
console.table(morrisRows.map((r) => ({ ...r, mu: r.mu.toFixed(3), muStar: r.muStar?.toFixed(3), muStarLower: r.muStarLower?.toFixed(3), muStarUpper: r.muStarUpper?.toFixed(3), sigma: r.sigma?.toFixed(3) })));
charts.push({ name: 'morris', title: 'Morris screening: which inputs matter', spec: sensitivityChart(screening) });

// 2. When does consolidation get bad? Scenarios of the world's uncertainties on a Latin hypercube,
//    today's policy and two structural proposals in each; then PRIM on the scenarios where today's
//    top-15 share is in the top quarter, and on those where risk sharing fails to help small suppliers.
const uncertainties = screened.slice(0, 3);
const inputs = uncertainties.map((u) => u.path);
started = Date.now();
const study = await experiments({}, {
  uncertainties,
  policies: { riskSharing: { policy: namedPolicy('riskSharing') }, smallerContracts: { policy: namedPolicy('smallerContracts') } },
  sampler: 'lhs',
  scenarios,
  runs,
  seed,
  outcomes: ['top15Share', 'smallCohortSurvival', 'tenderedSuppliers', 'costPerParticipantWeek'],
});
timings.experiments = Date.now() - started;
const today = study.rows.filter((r) => r.policy === 'today');
const shares = today.map((r) => r.top15Share).sort((a, b) => a - b);
const threshold = shares[Math.floor(0.75 * shares.length)];
const concentration = prim(today, (r) => r.top15Share >= threshold, { inputs, peelAlpha: 0.1, massMin: 0.1 });
const box = chooseBox(concentration, { minDensity: 0.5 }) ?? concentration.trajectory.at(-1);
console.log(`today's top-15 share over ${today.length} scenarios: ${shares[0].toFixed(3)} to ${shares.at(-1).toFixed(3)}; bad: >= ${threshold.toFixed(3)} (${concentration.hits} scenarios)`);
console.log(`PRIM, high concentration: ${describeBox(box)}`);
const risk = study.rows.filter((r) => r.policy === 'riskSharing');
const riskBoxes = prim(risk, (r) => r.smallCohortSurvivalChange <= 0, { inputs, peelAlpha: 0.1, massMin: 0.1 });
const riskBox = chooseBox(riskBoxes, { minDensity: 0.75 }) ?? riskBoxes.trajectory.at(-1);
console.log(`PRIM, risk sharing fails small suppliers (${riskBoxes.hits} of ${risk.length}): ${describeBox(riskBox)}`);
charts.push(
  { name: 'heatmap', title: "Today's top-15 share by exit probability and entry rate", spec: designHeatMap(today, 'suppliers.exit.idleExitProbability', 'suppliers.entry.ratePerYear', 'top15Share', { bins: 4, title: "Today's top-15 share by exit probability and entry rate" }) },
  { name: 'prim', title: 'Scenario discovery: high concentration under today\u2019s policy', spec: primChart(concentration, box.index) },
  { name: 'prim-risk-sharing', title: 'Scenario discovery: risk sharing fails small suppliers', spec: primChart(riskBoxes, riskBox.index) },
);

// 3. How robust is each chapter-5 proposal? Its paired changes in two worlds (the reference and a
//    30 % fall of demand from year 2), judged per outcome; and, from the study above, how often the
//    two proposals it ran helped small suppliers. (The default worlds add rank allocation, whose runs
//    cost about three times as much.)
const proposals = NAMED_POLICIES.filter((p) => p.proposal !== null);
started = Date.now();
const robust = await robustness({}, Object.fromEntries(proposals.map((p) => [p.name, { policy: p.changes }])), {
  runs: worldRuns,
  seed,
  worlds: [REFERENCE_WORLD, demandFallWorld(-0.3, 2)],
  metrics: ['smallCohortSurvival', 'top15Share', 'costPerParticipantWeek'],
});
timings.robustness = Date.now() - started;
console.log(formatRobustnessSummary(robust));
console.table(study.policies.slice(1).map((policy) => {
  const rows = study.rows.filter((r) => r.policy === policy);
  const survival = rows.map((r) => r.smallCohortSurvivalChange);
  return {
    policy,
    scenarios: rows.length,
    'small survival change (pp)': (100 * mean(survival)).toFixed(2),
    'smallest (pp)': (100 * Math.min(...survival)).toFixed(2),
    'largest (pp)': (100 * Math.max(...survival)).toFixed(2),
    'scenarios where it helps': `${survival.filter((x) => x > 0).length} of ${rows.length}`,
    'top-15 change (pp)': (100 * mean(rows.map((r) => r.top15ShareChange))).toFixed(2),
  };
}));

// 4. Who survives? Kaplan-Meier curves of the suppliers operating at the start, by ownership, under
//    today's policy; and of the small-supplier cohort, under today's policy and smaller contracts.
started = Date.now();
const lives = supplierHistories({}, { runs: worldRuns, seed });
const byOwnership = supplierSurvival(lives.filter((l) => l.atStart), 'ownership');
console.table(Object.entries(byOwnership).map(([group, c]) => ({
  ownership: group,
  suppliers: c.n,
  exits: c.events,
  'still operating after 12 years': c.steps.at(-1).survival.toFixed(3),
  'median survival (years)': c.median === null ? 'over 12' : (c.median / 4).toFixed(2),
})));
const small = (rows) => supplierSurvival(rows.filter((l) => l.smallCohort), 'all').all;
const smallCurves = { today: small(lives), smallerContracts: small(supplierHistories({ policy: namedPolicy('smallerContracts') }, { runs: worldRuns, seed })) };
timings.survival = Date.now() - started;
charts.push(
  { name: 'survival-ownership', title: 'Supplier survival by ownership', spec: kaplanMeierChart(byOwnership, { title: 'Suppliers operating at the start, by ownership (today\u2019s policy)' }) },
  { name: 'survival-small', title: 'Small suppliers: today and smaller contracts', spec: kaplanMeierChart(smallCurves, { title: 'The small-supplier cohort (too small for a median lot at the start): today and smaller contracts' }) },
);

// 5. Charts as Vega-Lite JSON and one HTML page; tidy rows through toCsv, the other tables (plain
//    objects with columns of their own) through toWideCsv; the experiments result and the
//    robustness check whole as JSON (`rerun` reproduces the robustness check from its file).
const verdictRows = robustnessRows(robust);
const survivalRows = Object.entries(byOwnership).flatMap(([ownership, c]) => c.steps.map((s) => ({ ownership, year: s.time / 4, ...s })));
const files = {
  'morris.csv': toWideCsv(morrisRows),
  'experiments.csv': toWideCsv(study.rows),
  'experiments.json': `${JSON.stringify(study, null, 1)}\n`,
  'robustness.csv': toWideCsv(verdictRows),
  'robustness.json': `${JSON.stringify(robust)}\n`,
  'robustness-reference.csv': toCsv(toRows(robust.worlds[0].result)),
  'survival-by-ownership.csv': toWideCsv(survivalRows),
};
for (const chart of charts) await writeFile(join(out, `${chart.name}.vl.json`), `${JSON.stringify(chart.spec, null, 2)}\n`);
await writeFile(join(out, 'charts.html'), await renderHtml(charts, { title: 'An exploratory study of the framework-agreement model' }));
for (const [file, text] of Object.entries(files)) await writeFile(join(out, file), text);

console.log(`time per section (s): ${Object.entries(timings).map(([k, ms]) => `${k} ${seconds(ms)}`).join(', ')}`);
console.log(`wrote ${charts.map((c) => `${c.name}.vl.json`).join(', ')}, charts.html, ${Object.keys(files).join(', ')} to ${out} (${LIBRARY})`);
