import { csvText } from './csv.js';

/**
 * Writes plain rows with columns of their own as CSV (RFC 4180, CRLF): an `experiments` table, a
 * `designRows` table, flattened sensitivity or robustness results. The header is every key in the
 * order first seen across the rows; a row without a key leaves its cell empty. Numbers are written
 * with `String(n)` (the shortest text that reads back as the same double; -0 as `-0`), booleans as
 * `true` / `false`, null as an empty cell, and text as {@link toCsv} writes it: quoted where RFC
 * 4180 needs it, and with a single quote in front where a spreadsheet would run it as a formula.
 * Throws an Error naming `rows[i].column` for a value that is not a finite number, a text, a
 * boolean or null. (Tidy rows have their own fixed columns: use {@link toCsv} for those.)
 * @example
 * toWideCsv([{ scenario: 0, policy: 'today', 'market.allocationRule': 'rank', hhi: 0.041 }]);
 * // 'scenario,policy,market.allocationRule,hhi\r\n0,today,rank,0.041\r\n'
 */
export function toWideCsv(rows: readonly Readonly<Record<string, unknown>>[]): string {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
    }
  }
  const lines = [columns.map((c) => csvText(c)).join(',')];
  rows.forEach((row, i) => {
    lines.push(
      columns
        .map((c) => {
          const v = Object.hasOwn(row, c) ? row[c] : undefined;
          if (v === undefined || v === null) return '';
          if (typeof v === 'number') {
            if (!Number.isFinite(v)) throw new Error(`toWideCsv: rows[${i}].${c} is ${String(v)}, not a finite number`);
            return Object.is(v, -0) ? '-0' : String(v);
          }
          if (typeof v === 'boolean') return String(v);
          if (typeof v === 'string') return csvText(v, v === '');
          throw new Error(`toWideCsv: rows[${i}].${c} is a ${typeof v}; expected a number, a text, a boolean or null`);
        })
        .join(','),
    );
  });
  return `${lines.join('\r\n')}\r\n`;
}
