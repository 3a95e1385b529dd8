import { checkRow } from './checkRow.js';
import { COLUMN_TYPES, REQUIRED_COLUMNS, TIDY_COLUMNS, TIDY_STATISTICS, tidyRow, type TidyColumn, type TidyRow } from './tidyRow.js';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

// A spreadsheet reads a cell as a formula when it starts with `=`, `+`, `-`, `@`, a tab or a
// carriage return (OWASP, "CSV Injection").
/** Text that gets a `'` in front: a formula start after any number of `'`, so that escaping stays reversible. */
const ESCAPED_ON_WRITE = /^'*[=+\-@\t\r]/;
/** A quoted cell that {@link csvText} escaped: one or more `'`, then a formula start. */
const ESCAPED_ON_READ = /^'+[=+\-@\t\r]/;

function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * A text cell as CSV that no spreadsheet runs as a formula: text starting with `=`, `+`, `-`, `@`,
 * a tab or a carriage return (or with `'`s and then one of them) gets a single quote in front and
 * is quoted, as OWASP recommends for CSV injection; any other text is quoted when `quoted` is true
 * or it needs quotes by RFC 4180 (a comma, a quote, a line break, or a space at either end).
 * Numbers are not text: write them with `String(n)`, unescaped, so -1 stays the number -1.
 * {@link parseCsv} takes the quote off again.
 * @example
 * csvText('=1+1'); // '"\'=1+1"'
 * csvText('a, b'); // '"a, b"'
 */
export function csvText(text: string, quoted = false): string {
  if (ESCAPED_ON_WRITE.test(text)) return quote(`'${text}`);
  return quoted || NEEDS_QUOTES.test(text) ? quote(text) : text;
}

function cell(value: unknown, column: TidyColumn): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  // An empty text is quoted so that it differs from a missing cell; text in the mixed column is
  // always quoted so that "5" comes back as text, not as the number 5.
  const text = value as string;
  return csvText(text, text === '' || COLUMN_TYPES[column] === 'mixed');
}

/** The text of a field as written: a quoted field that {@link csvText} escaped loses its leading `'`. */
function unescaped(field: Field): string {
  return field.quoted && ESCAPED_ON_READ.test(field.text) ? field.text.slice(1) : field.text;
}

/**
 * Writes tidy rows as CSV (RFC 4180): a header of every column of {@link TIDY_COLUMNS} in order,
 * then one record per row, lines ending in CRLF. Missing cells are empty; an empty text is
 * written `""`; fields with commas, quotes, line breaks or edge spaces are quoted, quotes doubled.
 * Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return) is written with a single quote in front, quoted (as the internal `csvText` does).
 * Numbers are written with `String(n)` (the shortest text that reads back as the same double),
 * and -0 as `-0`, so {@link parseCsv} gives back identical rows. Rows are checked first: an unknown
 * column, a missing required one, a wrong type or a non-finite number throws an Error naming
 * `rows[i].column`.
 * @example
 * toCsv([{ policy: 'a, "b"', statistic: 'value', metric: 'lots', value: 0.1 }]);
 * // 'policy,parameter,...,probabilityBetter\r\n"a, ""b""",,,value,,,,,,lots,,0.1,,,,,\r\n'
 */
export function toCsv(rows: readonly TidyRow[]): string {
  const lines = [TIDY_COLUMNS.join(',')];
  rows.forEach((row, i) => {
    checkRow(row, `rows[${i}]`);
    lines.push(TIDY_COLUMNS.map((c) => cell(row[c], c)).join(','));
  });
  return `${lines.join('\r\n')}\r\n`;
}

interface Field {
  readonly text: string;
  readonly quoted: boolean;
}

interface CsvRecord {
  readonly fields: Field[];
  /** Line of the file (1-based) where the record starts. */
  readonly line: number;
}

/** Splits RFC 4180 text into records of fields, remembering which were quoted. Accepts CRLF, LF or CR line ends and skips blank lines. */
function readRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let fields: Field[] = [];
  let recordLine = 1;
  const endRecord = () => {
    const blank = fields.length === 1 && !fields[0]!.quoted && fields[0]!.text === '';
    if (!blank) records.push({ fields, line: recordLine });
    fields = [];
  };
  while (i < text.length) {
    if (fields.length === 0) recordLine = line;
    let field: Field;
    if (text[i] === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const close = text.indexOf('"', j);
        if (close < 0) throw new Error(`parseCsv: line ${line}: a quoted field is not closed`);
        const chunk = text.slice(j, close);
        line += chunk.split(/\r\n|\r|\n/).length - 1;
        value += chunk;
        if (text[close + 1] === '"') {
          value += '"';
          j = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      field = { text: value, quoted: true };
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        throw new Error(`parseCsv: line ${line}: unexpected ${JSON.stringify(next)} after a closing quote (quotes inside a field must be doubled)`);
      }
    } else {
      let j = i;
      while (j < text.length && text[j] !== ',' && text[j] !== '\r' && text[j] !== '\n') j++;
      const value = text.slice(i, j);
      if (value.includes('"')) throw new Error(`parseCsv: line ${line}: a quote inside an unquoted field; quote the field and double the quote`);
      field = { text: value, quoted: false };
      i = j;
    }
    fields.push(field);
    if (text[i] === ',') {
      i++;
      if (i === text.length) fields.push({ text: '', quoted: false });
      continue;
    }
    // A line end (or the end of the text) closes the record.
    if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else if (i < text.length) i++;
    line++;
    endRecord();
  }
  if (fields.length > 0) endRecord();
  return records;
}

function parseNumber(field: Field, where: string): number | undefined {
  if (field.text === '') return undefined;
  const n = Number(field.text);
  if (!NUMBER.test(field.text) || !Number.isFinite(n)) throw new Error(`${where}: expected a finite number, got ${JSON.stringify(field.text)}`);
  return n;
}

function parseCell(field: Field, column: TidyColumn, where: string): string | number | undefined {
  switch (COLUMN_TYPES[column]) {
    case 'number':
      return parseNumber(field, where);
    case 'mixed':
      if (field.quoted) return unescaped(field);
      return NUMBER.test(field.text) ? parseNumber(field, where) : field.text === '' ? undefined : field.text;
    case 'string':
      return field.quoted || field.text !== '' ? unescaped(field) : undefined;
  }
}

/**
 * Reads CSV written by {@link toCsv} (or any RFC 4180 CSV with a header of tidy-row columns, in
 * any order and possibly fewer) back into rows with keys in column order. An empty unquoted cell
 * is a missing value; `""` is an empty text. In `parameterValue` an unquoted number is a number
 * and anything quoted is text. A quoted text cell of one or more `'` and then `=`, `+`, `-`, `@`,
 * a tab or a carriage return loses its first `'` (the escape {@link toCsv} adds). Throws an Error naming the line and column of the first problem:
 * an unknown or repeated column, a missing required column or value, a record with the wrong
 * number of fields, a number that does not parse, or an unknown statistic.
 * @example
 * parseCsv(toCsv(rows)); // deep-equal to rows
 */
export function parseCsv(text: string): TidyRow[] {
  const [header, ...records] = readRecords(text);
  if (header === undefined) throw new Error('parseCsv: the text is empty; expected a header line of column names');
  const columns = header.fields.map((f, k) => {
    if (!Object.hasOwn(COLUMN_TYPES, f.text)) throw new Error(`parseCsv: line ${header.line}: unknown column ${JSON.stringify(f.text)} (column ${k + 1})`);
    return f.text as TidyColumn;
  });
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c)) throw new Error(`parseCsv: line ${header.line}: column ${JSON.stringify(c)} appears twice`);
    seen.add(c);
  }
  for (const c of REQUIRED_COLUMNS) {
    if (!seen.has(c)) throw new Error(`parseCsv: line ${header.line}: the header has no ${JSON.stringify(c)} column`);
  }
  return records.map(({ fields, line }) => {
    if (fields.length !== columns.length) throw new Error(`parseCsv: line ${line}: expected ${columns.length} fields, got ${fields.length}`);
    const row: Record<string, string | number | undefined> = {};
    columns.forEach((column, k) => {
      row[column] = parseCell(fields[k]!, column, `parseCsv: line ${line}, column ${JSON.stringify(column)}`);
    });
    for (const c of REQUIRED_COLUMNS) {
      if (row[c] === undefined) throw new Error(`parseCsv: line ${line}, column ${JSON.stringify(c)}: missing value`);
    }
    if (!TIDY_STATISTICS.includes(row.statistic as never)) {
      throw new Error(`parseCsv: line ${line}, column "statistic": expected one of ${TIDY_STATISTICS.join(', ')}, got ${JSON.stringify(row.statistic)}`);
    }
    return tidyRow(row as Partial<TidyRow>);
  });
}
