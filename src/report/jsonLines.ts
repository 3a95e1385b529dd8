import { checkRow } from './checkRow.js';
import { tidyRow, type TidyRow } from './tidyRow.js';

/**
 * Writes tidy rows as JSON lines (one JSON object per line, each line ending in LF), the format
 * of `pandas.read_json(path, lines=True)` and `polars.read_ndjson`. Rows are checked as by
 * {@link toCsv}. JSON has no negative zero: -0 is written as 0.
 * @example
 * toJsonLines([{ policy: 'today', statistic: 'value', metric: 'lots', value: 3 }]);
 * // '{"policy":"today","statistic":"value","metric":"lots","value":3}\n'
 */
export function toJsonLines(rows: readonly TidyRow[]): string {
  return rows
    .map((row, i) => {
      checkRow(row, `rows[${i}]`);
      return `${JSON.stringify(tidyRow(row))}\n`;
    })
    .join('');
}

/**
 * Reads JSON lines written by {@link toJsonLines} back into rows, keys in column order; blank
 * lines are skipped. Throws an Error naming the line of a bad row.
 * @example parseJsonLines(toJsonLines(rows)); // deep-equal to rows (up to -0, which JSON writes as 0)
 */
export function parseJsonLines(text: string): TidyRow[] {
  const rows: TidyRow[] = [];
  text.split(/\r?\n/).forEach((line, k) => {
    if (line.trim() === '') return;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch (e) {
      throw new Error(`parseJsonLines: line ${k + 1}: not JSON (${(e as Error).message})`);
    }
    checkRow(row, `parseJsonLines: line ${k + 1}`);
    rows.push(tidyRow(row));
  });
  return rows;
}
