import { csvText } from './csv.js';
import type { ComparisonTable } from './table.js';

/** Columns of {@link tableCsv}, in order. */
export const TABLE_CSV_COLUMNS = [
  'metric',
  'label',
  'unit',
  'better',
  'policy',
  'baseline',
  'value',
  'change',
  'lower',
  'upper',
  'no_variation',
  'probability_better',
  'certainty',
  'judgement',
  'clearly_better',
  'basis',
] as const;

/**
 * A CSV field (RFC 4180): text quoted when it holds a comma, a quote or a line break, and escaped
 * against formula injection ({@link csvText}); numbers and booleans as they are (-1 is a number).
 */
function field(value: string | number | boolean | null): string {
  if (value === null) return '';
  return typeof value === 'string' ? csvText(value) : String(value);
}

/**
 * The chapter-5 table as tidy CSV: one line per metric and policy, the baseline's line first in
 * each metric (`baseline` true, change columns empty). Numbers are in the outcome's own unit
 * (shares 0-1, NOK), unrounded, so a spreadsheet or R can compute with them; empty means "none"
 * (no interval with fewer than 2 runs or when `no_variation` is true, that is when the change was
 * the same in every run; no judgement when no direction is better). `basis` says whether the
 * change is modelled or only assumed (see `Basis`); `clearly_better` is never true for `assumed`. A policy name a spreadsheet
 * would run as a formula (`=...`, `+...`, `-...`, `@...`) is written `"'=..."`.
 * @example
 * writeFileSync('chapter5.csv', tableCsv(comparisonTable(result)));
 */
export function tableCsv(table: ComparisonTable): string {
  const lines = [TABLE_CSV_COLUMNS.join(',')];
  for (const row of table.rows) {
    const common = [row.metric, row.label, row.unit, row.better];
    lines.push([...common, table.baseline.name, true, row.baseline, null, null, null, null, null, null, null, null, null].map(field).join(','));
    for (const c of row.cells) {
      lines.push(
        [...common, c.policy, false, c.value, c.change, c.lower, c.upper, c.noVariation, c.probabilityBetter, c.certainty, c.judgement, c.clearlyBetter, c.basis].map(field).join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
