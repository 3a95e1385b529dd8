import type { ComparisonTable, TableCell, TableRow } from './table.js';
import { changeDecimalsFor, formatChange, formatInterval, formatValue } from './tableNumbers.js';
import { plural } from './words.js';

/** Marks in the last column of {@link formatTable}. */
export const MARKS = { clearlyBetter: '✓', clearlyWorse: '✗' } as const;

function betterWords(row: TableRow): string {
  return row.better === 'higher' ? 'higher is better' : row.better === 'lower' ? 'lower is better' : 'no direction is better';
}

function mark(cell: TableCell): string {
  if (cell.certainty !== 'clear') return '';
  return cell.judgement === 'better' ? MARKS.clearlyBetter : cell.judgement === 'worse' ? MARKS.clearlyWorse : '';
}

/** The interval column of a cell: the 95 % interval, "no variation in N runs", or "n/a" with one run. */
function intervalText(cell: TableCell, runs: number, row: TableRow, decimals: number): string {
  if (cell.noVariation) return `no variation in ${plural(runs, 'run', 'runs')}`;
  return formatInterval(cell.lower, cell.upper, row.format, decimals);
}

/** The "clearly better" line under a metric's block. */
function verdictLine(row: TableRow, baseline: string): string {
  if (row.better === 'neither') return 'not judged: no direction is better';
  return `clearly better than ${baseline}: ${row.clearlyBetter.length > 0 ? row.clearlyBetter.join(', ') : 'none'}`;
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
  for (const p of table.policies) out.push(`  ${p.name.padEnd(nameWidth - 2)}  ${p.title}`);
  out.push('');
  out.push(`value: the policy's mean over the runs; change: its mean paired change from ${base} (same markets, same random numbers)`);
  out.push(`and the 95 % interval of that change; ${MARKS.clearlyBetter} clearly better than ${base} (the whole interval on the better side), ${MARKS.clearlyWorse} clearly worse.`);
  if (table.rows.some((row) => row.cells.some((c) => c.noVariation))) {
    out.push('no variation: the same change in every run, so no interval: the policy may not act on the metric, or a rare change has not shown yet.');
  }
  out.push('');
  out.push(line(headers));
  for (const { row, lines } of blocks) {
    out.push('');
    out.push(`${row.label} (${betterWords(row)})`);
    for (const l of lines) out.push(line(l));
    out.push(`  ${verdictLine(row, base)}`);
  }
  return `${out.join('\n')}\n`;
}
