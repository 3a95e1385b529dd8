import { describe, expect, it } from 'vitest';
import { toWideCsv } from '../../src/report/wideCsv.js';

describe('toWideCsv', () => {
  it('writes every key in first-seen order, empty cells for missing ones, numbers round-trippable (hand-written)', () => {
    const text = toWideCsv([
      { scenario: 0, policy: 'today', 'market.allocationRule': 'rank', hhi: 0.1 + 0.2 },
      { scenario: 1, policy: 'a, "b"', hhi: -0, extra: true, none: null },
    ]);
    expect(text).toBe('scenario,policy,market.allocationRule,hhi,extra,none\r\n0,today,rank,0.30000000000000004,,\r\n1,"a, ""b""",,-0,true,\r\n');
    expect(Number('0.30000000000000004')).toBe(0.1 + 0.2);
  });

  it('escapes text a spreadsheet would run as a formula, headers included, and quotes an empty text', () => {
    expect(toWideCsv([{ '=cmd': '@SUM(A1)', b: '' }])).toBe(`"'=cmd",b\r\n"'@SUM(A1)",""\r\n`);
  });

  it('refuses a value that is not a finite number, a text, a boolean or null, naming it', () => {
    expect(() => toWideCsv([{ a: 1 }, { a: Number.NaN }])).toThrow('toWideCsv: rows[1].a is NaN, not a finite number');
    expect(() => toWideCsv([{ a: {} }])).toThrow('toWideCsv: rows[0].a is a object');
  });
});
