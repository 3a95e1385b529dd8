import { COLUMN_TYPES, REQUIRED_COLUMNS, TIDY_STATISTICS, type TidyColumn, type TidyRow } from './tidyRow.js';

function describe(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/**
 * Checks that `row` is a valid tidy row before it is written: known columns only, the required
 * ones present, text where text belongs, finite numbers where numbers belong (CSV and JSON have no
 * agreed way to write NaN or infinities), and a known statistic. Throws an Error naming the path.
 */
export function checkRow(row: unknown, path: string): asserts row is TidyRow {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new Error(`${path}: expected a row object, got ${describe(row)}`);
  const record = row as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!Object.hasOwn(COLUMN_TYPES, key)) throw new Error(`${path}: unknown column ${JSON.stringify(key)}`);
    const value = record[key];
    if (value === undefined) continue;
    const type = COLUMN_TYPES[key as TidyColumn];
    const isText = typeof value === 'string';
    const isNumber = typeof value === 'number';
    if (type === 'string' && !isText) throw new Error(`${path}.${key}: expected text, got ${describe(value)}`);
    if (type === 'number' && !isNumber) throw new Error(`${path}.${key}: expected a number, got ${describe(value)}`);
    if (type === 'mixed' && !isText && !isNumber) throw new Error(`${path}.${key}: expected a number or text, got ${describe(value)}`);
    if (isNumber && !Number.isFinite(value)) throw new Error(`${path}.${key}: expected a finite number, got ${describe(value)}`);
  }
  for (const key of REQUIRED_COLUMNS) {
    if (record[key] === undefined) throw new Error(`${path}.${key}: missing (every row needs ${REQUIRED_COLUMNS.join(', ')})`);
  }
  if (!TIDY_STATISTICS.includes(record.statistic as never)) {
    throw new Error(`${path}.statistic: expected one of ${TIDY_STATISTICS.join(', ')}, got ${describe(record.statistic)}`);
  }
}
