// Which policy settings drive small-supplier survival and concentration, and under which settings
// does concentration get high? Morris screening, then PRIM on a Latin hypercube, on the calibrated
// baseline. Under a minute of CPU with the defaults (longer on a busy machine):
//   npx tsx examples/sensitivity.ts [runs per point, default 4]
// docs/analysis.md explains every number printed.
import { chooseBox, configPoints, designRows, prim, runDesign, sensitivity, toRanges, unitLatinHypercube, type RangeParameter } from '../src/index.js';

const runs = Number(process.argv[2] ?? 4);
const levers: RangeParameter[] = [
  { path: 'policy.priceWeight', range: [0.3, 1] },
  { path: 'policy.minimumVolumeShare', range: [0, 0.9] },
  { path: 'policy.lotSplit', range: [1, 4] },
  { path: 'policy.suppliersPerAgreement', range: [2, 6], integer: true },
];
// A control: the value of a transition into work only prices transitions, so neither outcome below
// reads it, and its effects must come out exactly 0.
const control: RangeParameter = { path: 'outcomes.valuePerTransition', range: [500_000, 1_300_000] };

// 1. Morris screening: 8 trajectories of 6 points, each point the mean of `runs` paired replications.
const screening = await sensitivity({}, [...levers, control], { method: 'morris', outcomes: ['smallCohortSurvival', 'top15Share'], n: 8, runs, seed: 2026 });
for (const [outcome, result] of Object.entries(screening.effects)) {
  console.log(`\nMorris effects on ${outcome} (change over the whole range; ${screening.design.trajectories} trajectories, ${runs} runs per point)`);
  console.log('parameter                           mu*   [95 % interval]        mu     sigma');
  for (const e of [...result.effects].sort((a, b) => b.muStar.estimate! - a.muStar.estimate!)) {
    const f = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3)).padStart(8);
    console.log(`${e.parameter.padEnd(32)}${f(e.muStar.estimate)} [${f(e.muStar.lower)}, ${f(e.muStar.upper)}]${f(e.mu)}${f(e.sigma)}`);
  }
}

// 2. Scenario discovery: 60 Latin-hypercube points over the levers, then PRIM on "top-15 share above 55 %".
const design = { parameters: levers, values: toRanges(unitLatinHypercube(levers.length, 60, 2026), levers) };
const result = await runDesign({}, configPoints(design), { runs, seed: 2026, rows: false, series: false });
const top15Share = result.policies.slice(1).map((p) => p.outcomes.top15Share.mean);
const table = designRows(design, { top15Share });
const threshold = 0.55;
const found = prim(table, (row) => row.top15Share! > threshold, { inputs: levers.map((p) => p.path), peelAlpha: 0.1 });
console.log(`\nPRIM: ${found.hits} of ${found.rows} points have a top-15 share above ${(threshold * 100).toFixed(0)} %`);
console.log('box  phase  coverage  density  mass  restrictions');
for (const b of found.trajectory) {
  const limits = b.restrictions.map((r) => `${r.lower === null ? '' : `${r.lower.toFixed(2)} <= `}${r.input}${r.upper === null ? '' : ` <= ${r.upper.toFixed(2)}`} (qp ${r.qp.toPrecision(2)})`);
  console.log(`${String(b.index).padStart(3)}  ${b.phase.padEnd(5)}  ${b.coverage.toFixed(2).padStart(8)}  ${b.density.toFixed(2).padStart(7)}  ${b.mass.toFixed(2)}  ${limits.join('; ')}`);
}
const chosen = chooseBox(found, { minDensity: 0.8 });
console.log(chosen === null ? '\nNo box reaches a density of 80 %.' : `\nChosen (highest coverage at density >= 80 %): box ${chosen.index}`);
