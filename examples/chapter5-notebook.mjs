/**
 * The walk-through of examples/chapter5.ipynb as a plain Node script, against the built package:
 * the chapter-5 comparison, its table and text, the survival curves, the forest plot of paired
 * changes, the market's make-up and where smaller contracts' effect comes from, a sweep of the
 * minimum-volume guarantee, and the tidy rows as CSV. Charts are written
 * as Vega-Lite JSON (open them in the Vega editor, vega-embed, Observable or Altair) and, all
 * together, as one self-contained HTML page.
 *
 *   npm run build
 *   node examples/chapter5-notebook.mjs [output-dir] [--runs N] [--sweep-runs N]
 *
 * Output dir: default a new temporary directory (its path is printed). --runs (default 40) are the
 * paired runs of the comparison; --sweep-runs (default: the same) those of the sweep.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  NAMED_POLICIES,
  burnIn,
  compare,
  comparisonTable,
  explain,
  forestPlot,
  formatExplanation,
  formatTable,
  marketProfile,
  namedPolicy,
  narrative,
  survivalChart,
  sweep,
  sweepChart,
  toCsv,
  toRows,
} from 'framework-agreement-sim';
import { renderHtml } from 'framework-agreement-sim/render';

/** `--name N` as a positive integer, or the fallback. */
function countFlag(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const n = Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 2) throw new Error(`--${name} expects a whole number of at least 2, got ${process.argv[i + 1]}`);
  return n;
}

/** The first argument that is neither a flag nor a flag's value. */
function outputDir() {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    if (args[i].startsWith('--')) i++;
    else return args[i];
  }
  return undefined;
}

const runs = countFlag('runs', 40);
const sweepRuns = countFlag('sweep-runs', runs);
const out = outputDir() ?? (await mkdtemp(join(tmpdir(), 'chapter5-')));
await mkdir(out, { recursive: true });
const started = Date.now();

// 1. The comparison: every named policy against today's, on the same burned-in markets and the
//    same random numbers. Each named policy lists only what it changes in today's policy.
const policies = NAMED_POLICIES.map((p) => ({ name: p.name, input: { policy: p.changes } }));
const result = await compare({}, policies, { runs, seed: 2026, series: true });

// 2. The table, and a text generated from its numbers; then, from the tidy rows, each policy's
//    paired change in the survival of small suppliers after 12 years.
const table = comparisonTable(result);
console.log(formatTable(table));
// What each policy costs next to what it gains (the flags the table and the text go by).
console.table(
  table.policies.map((p) => ({
    policy: p.name,
    'unserved change (pp)': (100 * p.costs.unservedShareChange).toFixed(2),
    'buyer cost a year (MNOK)': (p.costs.buyerCostPerYearChange / 1e6).toFixed(1),
    'per participant-week (NOK)': p.costs.costPerParticipantWeekChange.toFixed(0),
    'guarantees a year (MNOK)': (p.costs.guaranteePaymentsPerYear / 1e6).toFixed(1),
    'costs the buyer more': p.costs.costsTheBuyerMore,
    'leaves demand unserved': p.costs.leavesDemandUnserved,
    'assumed effect sizes': (p.assumed ?? []).map((a) => a.path).join(', '),
  })),
);
console.log(narrative(table));
const survival = toRows(result, { parts: ['differences'], metrics: ['smallCohortSurvival'] });
console.table(survival.map((r) => ({ policy: r.policy, change: r.value.toFixed(4), lower: r.lower?.toFixed(4), upper: r.upper?.toFixed(4), 'share of runs better': r.probabilityBetter })));

// 3-4. Survival curves and the forest plot of paired changes.
const charts = [
  { name: 'survival', title: 'Survival of the suppliers present at policy start', spec: survivalChart(result) },
  { name: 'forest', title: 'Paired changes from today', spec: forestPlot(result) },
];

// 4b. Who is small, and where an effect comes from: the market replication 0 starts from, by
//     class (the small cohort is the suppliers with capacity below a median lot), and which
//     mechanisms carry smaller contracts' effect (each switched off in turn; a few runs here).
const profile = marketProfile(burnIn({}, '2026#0'));
console.table({
  'small cohort (capacity below a median lot)': profile.smallCohort,
  'small by revenue (under 25 MNOK)': profile.bySize.small,
  'main income (buyer over 40 % of revenue)': profile.byDependence.mainIncome,
  'non-profits': profile.byOwnership.nonProfit,
});
console.log(profile.lotReach);
const why = await explain({}, 'smallerContracts', { policy: namedPolicy('smallerContracts') }, { runs: 6, seed: 2026, metrics: ['smallCohortSurvival', 'tenderedSuppliers'] });
console.log(formatExplanation(why));

// 5. Sweep the minimum-volume guarantee from none to all of each supplier's committed capacity
//    (equal shares use about 80 % of it, so lower guarantees seldom pay): what it buys (survival of
//    small suppliers) and what it costs (payments for unused capacity).
const guarantee = await sweep({}, 'policy.minimumVolumeShare', [0, 0.5, 0.7, 0.8, 0.9, 1], { runs: sweepRuns, seed: 2026, series: false });
charts.push(
  { name: 'sweep-survival', title: 'Guarantee sweep: small suppliers surviving 12 years', spec: sweepChart(guarantee, 'smallCohortSurvival') },
  { name: 'sweep-cost', title: 'Guarantee sweep: payments for unused capacity', spec: sweepChart(guarantee, 'guaranteePaymentsPerYear') },
);

// 6. Each chart as Vega-Lite JSON (JSON.stringify leaves out the notebook display method), all of
//    them as one HTML page, and every number of both results as tidy CSV.
for (const chart of charts) await writeFile(join(out, `${chart.name}.vl.json`), `${JSON.stringify(chart.spec, null, 2)}\n`);
await writeFile(join(out, 'charts.html'), await renderHtml(charts, { title: `The chapter-5 comparison, ${runs} paired runs` }));
const files = { 'comparison.csv': toCsv(toRows(result)), 'guarantee-sweep.csv': toCsv(toRows(guarantee)) };
for (const [file, csv] of Object.entries(files)) await writeFile(join(out, file), csv);

console.log(`${runs} paired runs of today's policy and ${policies.length} others, and a ${guarantee.values.length}-value sweep with ${sweepRuns} runs, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`wrote ${charts.map((c) => `${c.name}.vl.json`).join(', ')}, charts.html, ${Object.keys(files).join(', ')} to ${out}`);
