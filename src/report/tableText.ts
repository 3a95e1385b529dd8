import type { Distribution } from '../model/distributions.js';
import type { ComparedPolicy, ComparisonTable, TableCell, TableRow } from './table.js';
import { changeDecimalsFor, formatChange, formatInterval, formatNumber, formatValue } from './tableNumbers.js';
import { plural } from './words.js';

/** Marks in the last column of {@link formatTable}. */
export const MARKS = { clearlyBetter: '✓', clearlyWorse: '✗', assumed: 'assumed', partlyAssumed: 'partly assumed' } as const;

function betterWords(row: TableRow): string {
  return row.better === 'higher' ? 'higher is better' : row.better === 'lower' ? 'lower is better' : 'no direction is better';
}

function mark(cell: TableCell): string {
  // A change only assumed effect sizes reach was put in, not found: it gets no verdict.
  if (cell.basis === 'assumed') return cell.direction === 'none' ? '' : MARKS.assumed;
  const verdict = cell.certainty !== 'clear' ? '' : cell.judgement === 'better' ? MARKS.clearlyBetter : cell.judgement === 'worse' ? MARKS.clearlyWorse : '';
  return cell.basis === 'partlyAssumed' && cell.direction !== 'none' ? `${verdict} ${MARKS.partlyAssumed}`.trim() : verdict;
}

/** Why a policy's gains are not free, in a few words: "costs the buyer more", "leaves demand unserved". */
export function costFlags(policy: ComparedPolicy): string[] {
  return [...(policy.costs.costsTheBuyerMore ? ['costs the buyer more'] : []), ...(policy.costs.leavesDemandUnserved ? ['leaves demand unserved'] : [])];
}

/** A policy's line of the costs block: unserved demand, buyer cost a year and per participant-week, guarantee payments. */
function costLine(policy: ComparedPolicy, width: number): string {
  const c = policy.costs;
  const mnok = (x: number, signed: boolean) => `${formatNumber(x / 1e6, 1, signed)} MNOK`;
  const flags = costFlags(policy);
  return (
    `  ${policy.name.padEnd(width)}  unserved ${formatValue(c.unservedShare, 'percent')} (${formatChange(c.unservedShareChange, 'percent', 2)})` +
    `; buyer cost ${mnok(c.buyerCostPerYearChange, true)} a year, ${formatChange(c.costPerParticipantWeekChange, 'nok')} per participant-week` +
    `; guarantees ${mnok(c.guaranteePaymentsPerYear, false)} a year${flags.length > 0 ? `  ! ${flags.join(', ')}` : ''}`
  );
}

/** A distribution in a few characters: "uniform(0, 0.0225)". */
function describeDistribution(d: Distribution): string {
  const { dist, ...parameters } = d;
  return `${dist}(${Object.values(parameters).map((v) => (Array.isArray(v) ? `[${v.join(', ')}]` : String(v))).join(', ')})`;
}

/** Width the legend's "sets:" lines are wrapped to. */
const LEGEND_WIDTH = 110;

/** A policy's legend line, with the effect sizes it sets when it sets any, wrapped to {@link LEGEND_WIDTH}. */
function legendLines(policy: ComparedPolicy, width: number): string[] {
  const lines = [`  ${policy.name.padEnd(width)}  ${policy.title}`];
  if (policy.assumed === null || policy.assumed.length === 0) return lines;
  const same = policy.assumed.every((a) => a.provenance === policy.assumed![0]!.provenance);
  const sizes = policy.assumed.map((a) => {
    // A size drawn from a distribution is shown as that distribution, with its mean effect.
    const drawn = typeof a.size === 'number' ? '' : ` ~ ${describeDistribution(a.size)}, mean`;
    const from = a.baseline === 0 ? '' : `${formatNumber(a.baseline, 4)} -> `;
    return `${a.path.replace(/^effects\./, '')}${drawn} ${from}${formatNumber(a.policy, 4)}${same ? '' : ` (${a.provenance})`}`;
  });
  // Wrapped between sizes, never inside one.
  const words = [`sets${same ? ` (${policy.assumed[0]!.provenance})` : ''}:`, ...sizes.map((x, k) => (k < sizes.length - 1 ? `${x},` : x))];
  const indent = `  ${''.padEnd(width)}  `;
  let line = indent;
  for (const word of words) {
    if (line.length + word.length + 1 > LEGEND_WIDTH && line !== indent) {
      lines.push(line.trimEnd());
      line = `${indent}  `;
    }
    line += line.endsWith(' ') ? word : ` ${word}`;
  }
  lines.push(line.trimEnd());
  return lines;
}

/** The interval column of a cell: the 95 % interval, "no variation in N runs", or "n/a" with one run. */
function intervalText(cell: TableCell, runs: number, row: TableRow, decimals: number): string {
  if (cell.noVariation) return `no variation in ${plural(runs, 'run', 'runs')}`;
  return formatInterval(cell.lower, cell.upper, row.format, decimals);
}

/** The "clearly better" line under a metric's block; a policy whose gains cost something says so. */
function verdictLine(row: TableRow, table: ComparisonTable): string {
  if (row.better === 'neither') return 'not judged: no direction is better';
  const named = row.clearlyBetter.map((name) => {
    const flags = costFlags(table.policies.find((p) => p.name === name)!);
    return flags.length > 0 ? `${name} (but ${flags.join(' and ')})` : name;
  });
  return `clearly better than ${table.baseline.name}: ${named.length > 0 ? named.join(', ') : 'none'}`;
}

/**
 * The chapter-5 table as fixed-width text: a heading saying what was run, a legend of the
 * policies, then one block per metric with the baseline's value and, per policy, its value, its
 * change from the baseline and the 95 % interval of that change ("no variation in N runs" when the
 * change was the same in every run, "n/a" with one run), ✓ when the whole interval lies
 * on the better side of zero (✗ on the worse side), and which policies clearly beat the baseline.
 * Policies are rows and metrics are blocks, so the table fits a terminal whatever the number of
 * policies.
 * @example
 * console.log(formatTable(comparisonTable(await compare({}, policies, { runs: 200 }))));
 */
export function formatTable(table: ComparisonTable): string {
  const base = table.baseline.name;
  const names = [base, ...table.policies.map((p) => p.name)];
  const nameWidth = Math.max(...names.map((n) => n.length)) + 2;
  // Every cell's text first, so that the columns line up across blocks.
  const blocks = table.rows.map((row) => {
    const decimals = changeDecimalsFor(
      row.format,
      row.cells.map((c) => (c.lower === null || c.upper === null ? 0 : (c.upper - c.lower) / 2)),
    );
    return {
      row,
      lines: [
        [base, formatValue(row.baseline, row.format), '', '', ''],
        ...row.cells.map((c) => [c.policy, formatValue(c.value, row.format), formatChange(c.change, row.format, decimals), intervalText(c, table.runs, row, decimals), mark(c)]),
      ],
    };
  });
  const all = blocks.flatMap((b) => b.lines);
  const width = (k: number, title: string) => Math.max(title.length, ...all.map((l) => l[k]!.length));
  const headers = ['', 'value', 'change', '95 % interval'];
  const widths = [nameWidth, width(1, headers[1]!), width(2, headers[2]!), width(3, headers[3]!)];
  const line = (cells: readonly string[]) =>
    `  ${cells[0]!.padEnd(widths[0]! - 2)}  ${cells[1]!.padStart(widths[1]!)}  ${cells[2]!.padStart(widths[2]!)}  ${cells[3]!.padEnd(widths[3]!)}  ${cells[4] ?? ''}`.trimEnd();

  const out: string[] = [];
  out.push(
    `${plural(table.policies.length, 'policy', 'policies')} against ${table.baseline.title.toLowerCase()} (${base}): ${plural(table.runs, 'paired run', 'paired runs')}, ${table.horizonYears}-year horizon, seed ${String(table.seed)}`,
  );
  out.push('');
  out.push('Policies:');
  for (const p of table.policies) out.push(...legendLines(p, nameWidth - 2));
  if (table.policies.some((p) => p.assumed !== null && p.assumed.length > 0)) {
    out.push('sets: effect sizes the policy puts into the model (lever intensity x size, with their provenance); what only they move is marked "assumed".');
  }
  out.push('');
  out.push(`What each policy costs, before what it gains (mean paired change from ${base}; ! = clearly costlier, or unserved demand up by more than ${formatChange(table.unservedThreshold, 'percent')}):`);
  for (const p of table.policies) out.push(costLine(p, nameWidth - 2));
  out.push('');
  out.push(`value: the policy's mean over the runs; change: its mean paired change from ${base} (same markets, same random numbers)`);
  out.push(`and the 95 % interval of that change; ${MARKS.clearlyBetter} clearly better than ${base} (the whole interval on the better side), ${MARKS.clearlyWorse} clearly worse;`);
  out.push(`${MARKS.assumed}: only effect sizes put into the model move it, so it gets no ${MARKS.clearlyBetter} or ${MARKS.clearlyWorse}; ${MARKS.partlyAssumed}: the model and assumed sizes both move it.`);
  if (table.rows.some((row) => row.cells.some((c) => c.noVariation))) {
    out.push('no variation: the same change in every run, so no interval: the policy may not act on the metric, or a rare change has not shown yet.');
  }
  out.push('');
  out.push(line(headers));
  for (const { row, lines } of blocks) {
    out.push('');
    out.push(`${row.label} (${betterWords(row)})`);
    for (const l of lines) out.push(line(l));
    out.push(`  ${verdictLine(row, table)}`);
  }
  return `${out.join('\n')}\n`;
}
