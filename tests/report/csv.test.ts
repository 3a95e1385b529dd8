import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { experimentRows, parseCsv, parseJsonLines, TIDY_COLUMNS, TIDY_STATISTICS, tidyRow, toCsv, toJsonLines, type TidyRow } from '../../src/report/index.js';
import { csvText } from '../../src/report/csv.js';
import { AWKWARD, handExperiment, handSweep } from './fixture.js';

const HEADER = TIDY_COLUMNS.join(',');

describe('toCsv', () => {
  it('writes a fixed header and one record per row, quoting only what needs it', () => {
    const csv = toCsv([
      { policy: 'a, "b"', statistic: 'value', metric: 'lots', value: 0.1 },
      { policy: 'p', parameter: 'x.y', parameterValue: '"rank"', statistic: 'mean', metric: 'm', value: -0, lower: 1e-300, upper: 1e21 },
      { policy: '', statistic: 'value', metric: 'm', value: 5e-324, seed: ' 1#0' },
    ]);
    expect(csv.split('\r\n')).toEqual([
      HEADER,
      '"a, ""b""",,,value,,,,,,lots,,0.1,,,,,',
      'p,x.y,"""rank""",mean,,,,,,m,,-0,1e-300,1e+21,,,',
      '"",,,value,,," 1#0",,,m,,5e-324,,,,,',
      '',
    ]);
  });

  it('escapes text a spreadsheet would run as a formula, but not negative numbers (OWASP, CSV injection)', () => {
    const csv = toCsv([
      { policy: '=HYPERLINK("http://x","y")', statistic: 'value', metric: '@SUM(A1)', value: -1.5, lower: -0, upper: -1e-300 },
      { policy: '+1', parameter: '-x', parameterValue: -2, statistic: 'mean', metric: '\tm', unit: '\rn', value: 1, seed: "'=kept" },
      { policy: "'quoted", parameterValue: '-2', statistic: 'value', metric: 'a=b', value: 0 },
    ]);
    expect(csv.split('\r\n')).toEqual([
      HEADER,
      `"'=HYPERLINK(""http://x"",""y"")",,,value,,,,,,"'@SUM(A1)",,-1.5,-0,-1e-300,,,`,
      `"'+1","'-x",-2,mean,,,"''=kept",,,"'\tm","'\rn",1,,,,,`,
      `'quoted,,"'-2",value,,,,,,a=b,,0,,,,,`,
      '',
    ]);
    expect(parseCsv(csv)).toEqual([
      { policy: '=HYPERLINK("http://x","y")', statistic: 'value', metric: '@SUM(A1)', value: -1.5, lower: -0, upper: -1e-300 },
      { policy: '+1', parameter: '-x', parameterValue: -2, statistic: 'mean', seed: "'=kept", metric: '\tm', unit: '\rn', value: 1 },
      { policy: "'quoted", parameterValue: '-2', statistic: 'value', metric: 'a=b', value: 0 },
    ]);
  });

  it('csvText: no text comes out starting with a formula character, and the escape is reversible', () => {
    const formulaStart = /^[=+\-@\t\r]/;
    const unquote = (cell: string) => (cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", 'a', '"', ',', ' ', '1'), maxLength: 8 }), fc.boolean(), (text, quoted) => {
        const cell = csvText(text, quoted);
        expect(unquote(cell)).not.toMatch(formulaStart);
        const escaped = unquote(cell) !== text;
        expect(escaped).toBe(/^'*[=+\-@\t\r]/.test(text));
        if (escaped) expect(cell).toBe(`"'${text.replaceAll('"', '""')}"`);
      }),
      { seed: 5, numRuns: 500 },
    );
  });

  it('refuses rows it cannot write faithfully, naming the row and column', () => {
    const ok: TidyRow = { policy: 'p', statistic: 'value', metric: 'm', value: 1 };
    expect(() => toCsv([ok, { ...ok, value: Number.NaN }])).toThrow('rows[1].value: expected a finite number, got NaN');
    expect(() => toCsv([{ ...ok, upper: Infinity }])).toThrow('rows[0].upper: expected a finite number, got Infinity');
    expect(() => toCsv([{ ...ok, policy: 3 as never }])).toThrow('rows[0].policy: expected text, got 3');
    expect(() => toCsv([{ ...ok, extra: 1 } as never])).toThrow('rows[0]: unknown column "extra"');
    expect(() => toCsv([{ policy: 'p', statistic: 'value', value: 1 } as never])).toThrow('rows[0].metric: missing');
    expect(() => toCsv([{ ...ok, statistic: 'median' as never }])).toThrow('rows[0].statistic: expected one of value, mean, difference, got "median"');
    expect(() => toCsv([{ ...ok, parameterValue: true as never }])).toThrow('rows[0].parameterValue: expected a number or text, got true');
  });
});

describe('parseCsv', () => {
  it('round-trips the hand-made experiment and sweep exactly, awkward policy names included', () => {
    for (const rows of [experimentRows(handExperiment()), experimentRows(handSweep())]) {
      const back = parseCsv(toCsv(rows));
      expect(back).toEqual(rows);
      back.forEach((row, k) => expect(Object.keys(row)).toEqual(Object.keys(rows[k]!)));
    }
    expect(parseCsv(toCsv(experimentRows(handExperiment()))).filter((r) => r.policy === AWKWARD)).not.toHaveLength(0);
  });

  it('keeps -0, the smallest and largest doubles, text that looks like a number, and empty text', () => {
    const rows: TidyRow[] = [
      { policy: '1', parameterValue: '5', statistic: 'value', metric: '', value: -0, lower: Number.MIN_VALUE, upper: Number.MAX_VALUE },
      { policy: '', parameterValue: 5, statistic: 'value', metric: 'x', value: 1e-300, sd: 0.1 + 0.2 },
    ];
    const back = parseCsv(toCsv(rows));
    expect(back).toEqual(rows);
    expect(Object.is(back[0]!.value, -0)).toBe(true);
  });

  it('reads other tools\' CSV: LF line ends, a BOM, fewer columns in another order, no final line end, blank lines', () => {
    const text = '\ufeffmetric,value,policy,statistic,year\n\nlots,3,"a\r\nb",mean,\nlots,4.5,b,value,0.25';
    expect(parseCsv(text)).toEqual([
      { policy: 'a\r\nb', statistic: 'mean', metric: 'lots', value: 3 },
      { policy: 'b', statistic: 'value', year: 0.25, metric: 'lots', value: 4.5 },
    ]);
    expect(parseCsv(`${HEADER}\r\n`)).toEqual([]);
  });

  it('names the line and column of the first problem', () => {
    const row = (value: string) => `${HEADER}\r\np,,,value,,,,,,m,,${value},,,,,\r\n`;
    expect(() => parseCsv('')).toThrow('parseCsv: the text is empty');
    expect(() => parseCsv(row('abc'))).toThrow('parseCsv: line 2, column "value": expected a finite number, got "abc"');
    expect(() => parseCsv(row('1e999'))).toThrow('expected a finite number, got "1e999"');
    expect(() => parseCsv(row('0x10'))).toThrow('expected a finite number, got "0x10"');
    expect(() => parseCsv(row(''))).toThrow('parseCsv: line 2, column "value": missing value');
    expect(() => parseCsv('policy,statistic,metric\r\np,value,m\r\n')).toThrow('the header has no "value" column');
    expect(() => parseCsv('policy,statistic,metric,value,Value\r\n')).toThrow('unknown column "Value" (column 5)');
    expect(() => parseCsv('policy,statistic,metric,value,policy\r\n')).toThrow('column "policy" appears twice');
    expect(() => parseCsv('policy,statistic,metric,value\r\np,value,m\r\n')).toThrow('parseCsv: line 2: expected 4 fields, got 3');
    expect(() => parseCsv('policy,statistic,metric,value\r\n"p\nq",value,m,1\r\np,median,m,1\r\n')).toThrow(
      'parseCsv: line 4, column "statistic": expected one of value, mean, difference, got "median"',
    );
    expect(() => parseCsv('policy,statistic,metric,value\r\n"p,value,m,1\r\n')).toThrow('parseCsv: line 2: a quoted field is not closed');
    expect(() => parseCsv('policy,statistic,metric,value\r\n"p"x,value,m,1\r\n')).toThrow('unexpected "x" after a closing quote');
    expect(() => parseCsv('policy,statistic,metric,value\r\np"x,value,m,1\r\n')).toThrow('a quote inside an unquoted field');
  });
});

const text = fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\r', '\n', 'é', '1', '-', '.', 'e', '=', '+', '@', '\t', "'"), maxLength: 12 });
const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(-0, 0, 1e-300, -1e-300, Number.MIN_VALUE, Number.MAX_VALUE, 0.1 + 0.2),
  fc.integer(),
);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const anyRow: fc.Arbitrary<TidyRow> = fc
  .record({
    policy: text,
    parameter: optional(text),
    parameterValue: optional(fc.oneof(number, text)),
    statistic: fc.constantFrom(...TIDY_STATISTICS),
    baseline: optional(text),
    replication: optional(fc.nat()),
    seed: optional(text),
    period: optional(fc.nat()),
    year: optional(number),
    metric: text,
    unit: optional(text),
    value: number,
    lower: optional(number),
    upper: optional(number),
    n: optional(fc.nat()),
    sd: optional(number),
    probabilityBetter: optional(number),
  })
  .map((fields) => tidyRow(fields));

describe('round-trip properties', () => {
  it('parseCsv(toCsv(rows)) equals rows, -0 included', () => {
    fc.assert(
      fc.property(fc.array(anyRow, { maxLength: 8 }), (rows) => {
        expect(parseCsv(toCsv(rows))).toEqual(rows);
      }),
      { seed: 20240611, numRuns: 300 },
    );
  });

  it('parseJsonLines(toJsonLines(rows)) equals rows with -0 read as 0', () => {
    const withoutNegativeZero = (rows: TidyRow[]) => rows.map((r) => tidyRow(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Object.is(v, -0) ? 0 : v]))));
    fc.assert(
      fc.property(fc.array(anyRow, { maxLength: 8 }), (rows) => {
        expect(parseJsonLines(toJsonLines(rows))).toEqual(withoutNegativeZero(rows));
      }),
      { seed: 20240611, numRuns: 200 },
    );
  });
});

describe('JSON lines', () => {
  it('writes one object per line in column order and names bad lines', () => {
    expect(toJsonLines([{ metric: 'lots', value: 3, statistic: 'value', policy: 'today' } as TidyRow])).toBe('{"policy":"today","statistic":"value","metric":"lots","value":3}\n');
    expect(() => parseJsonLines('{"policy":"p","statistic":"value","metric":"m","value":1}\n{oops}\n')).toThrow(/parseJsonLines: line 2: not JSON/);
    expect(() => parseJsonLines('{"policy":"p","statistic":"value","metric":"m","value":null}')).toThrow('parseJsonLines: line 1.value: expected a number, got null');
  });
});
