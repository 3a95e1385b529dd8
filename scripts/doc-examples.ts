/**
 * Prints the numbers that docs/reporting.md quotes, from the library as it is, so the examples
 * can be brought up to date whenever the model or the seeds change:
 *
 *   npx tsx scripts/doc-examples.ts
 *
 * The experiment: the default config, a 90 % guarantee against today's policy, 20 paired
 * replications, seed 1, rows and series on (docs/reporting.md, sections 1 and 2).
 */
import { compare, experimentRows, OUTCOME_METRICS, SERIES_METRICS, toCsv } from '../src/index.js';

const r = await compare({}, { guarantee: { policy: { minimumVolumeShare: 0.9 } } }, { runs: 20, seed: 1 });
const outcomes = Object.keys(OUTCOME_METRICS).length;
const series = Object.keys(SERIES_METRICS).length;
const periods = r.config.run.horizonYears * r.config.run.periodsPerYear;

console.log('experimentRows(r, { parts: [differences], metrics: [smallCohortSurvival] }):');
const [d] = experimentRows(r, { parts: ['differences'], metrics: ['smallCohortSurvival'] });
const five = (x: number | undefined) => (x === undefined ? x : Number(x.toPrecision(4)));
console.log({ ...d, value: five(d!.value), lower: five(d!.lower), upper: five(d!.upper), sd: five(d!.sd) });

const rows = experimentRows(r);
const csv = toCsv(rows);
console.log(
  `\n${rows.length} rows: ${2 * outcomes} outcome means (2 policies x ${outcomes} outcomes), ${outcomes} differences, ` +
    `${2 * series * periods} series rows (2 x ${series} series x ${periods} periods) and ${20 * 2 * outcomes} per-run rows (20 x 2 x ${outcomes}); ` +
    `as CSV, ${(csv.length / 1e6).toFixed(2)} MB`,
);

const lines = csv.split('\r\n');
const pick = (test: (line: string) => boolean) => lines.find(test) ?? '(none)';
console.log('\nFive CSV rows:');
console.log(lines[0]);
console.log(pick((l) => l.startsWith('guarantee,,,mean,') && l.includes(',smallCohortSurvival,')));
console.log(pick((l) => l.startsWith('guarantee,,,difference,') && l.includes(',smallCohortSurvival,')));
console.log(pick((l) => l.startsWith('guarantee,,,difference,') && l.includes(',lots,')));
console.log(pick((l) => l.startsWith('today,,,mean,,,,8,') && l.includes(',top15Share,')));
console.log(pick((l) => l.startsWith('today,,,value,,3,') && l.includes(',smallCohortSurvival,')));
