import type { TableFormat } from './tableMetrics.js';

/**
 * Factor from the outcome's unit to the shown one: 0-1 shares as %, the HHI on 0-10 000.
 * @example scaleOf('hhiPoints') // 10000
 */
export function scaleOf(format: TableFormat): number {
  return format === 'percent' ? 100 : format === 'hhiPoints' ? 10_000 : format === 'mnok' ? 1e-6 : 1;
}

/**
 * Decimals of a shown value.
 * @example valueDecimals('percent') // 1: 62.1 %
 */
export function valueDecimals(format: TableFormat): number {
  return format === 'percent' || format === 'mnok' ? 1 : format === 'index' ? 3 : 0;
}

/**
 * Decimals of a shown change at least (a table may add some when intervals are narrow: {@link changeDecimalsFor}).
 * @example changeDecimals('count') // 1: +2.5 suppliers
 */
export function changeDecimals(format: TableFormat): number {
  return format === 'index' ? 3 : format === 'nok' ? 0 : 1;
}

/**
 * Unit written after a shown value, and after a shown change ('pp': percentage points).
 * @example unitSuffix('percent', 'change') // ' pp'
 */
export function unitSuffix(format: TableFormat, of: 'value' | 'change'): string {
  if (format === 'percent') return of === 'value' ? ' %' : ' pp';
  return format === 'nok' ? ' NOK' : format === 'mnok' ? ' MNOK' : '';
}

/**
 * Decimals to show changes of one metric with: the format's own, plus up to two more so that
 * the narrowest nonzero interval half-width (in shown units) has a nonzero digit.
 * @example changeDecimalsFor('percent', [0.0004]) // 2: a half-width of 0.04 pp shows as 0.04
 */
export function changeDecimalsFor(format: TableFormat, halfWidths: readonly number[]): number {
  const base = changeDecimals(format);
  const shown = halfWidths.map((h) => h * scaleOf(format)).filter((h) => h > 0 && Number.isFinite(h));
  if (shown.length === 0) return base;
  const needed = Math.ceil(-Math.log10(Math.min(...shown)));
  return Math.min(base + 2, Math.max(base, needed));
}

const MINUS = '\u2212';

/**
 * `x` with `decimals` decimals, a real minus sign, digits grouped by spaces from 10 000 up, and a
 * `+` for positive numbers when `signed`. Exactly 0 is unsigned; when `signed`, a nonzero number
 * that rounds to zero keeps its sign (`+0.0`, `−0.0`), so an interval bound shows its side of zero.
 * @example formatNumber(-1234.5, 1, true) // '−1234.5'; formatNumber(2_760_120, 0) // '2 760 120'
 */
export function formatNumber(x: number, decimals: number, signed = false): string {
  const text = Math.abs(x).toFixed(decimals);
  const [whole, fraction] = text.split('.') as [string, string | undefined];
  const grouped = whole.length > 4 ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ') : whole;
  const digits = fraction === undefined ? grouped : `${grouped}.${fraction}`;
  if (x === 0 || (!signed && Number(text) === 0)) return digits;
  return x < 0 ? `${MINUS}${digits}` : signed ? `+${digits}` : digits;
}

/**
 * A value of a metric as shown in tables: scaled and with its unit.
 * @example formatValue(0.621, 'percent') // '62.1 %'; formatValue(4601.3, 'nok') // '4601 NOK'
 */
export function formatValue(x: number, format: TableFormat): string {
  return `${formatNumber(x * scaleOf(format), valueDecimals(format))}${unitSuffix(format, 'value')}`;
}

/**
 * A change of a metric as shown in tables: scaled, signed, with its unit.
 * @example formatChange(-0.032, 'percent') // '−3.2 pp'
 */
export function formatChange(x: number, format: TableFormat, decimals = changeDecimals(format)): string {
  return `${formatNumber(x * scaleOf(format), decimals, true)}${unitSuffix(format, 'change')}`;
}

/**
 * A 95 % interval of a change, scaled and signed, without unit: `[−4.0, −2.4]`; `n/a` when null.
 * @example formatInterval(-0.04, -0.024, 'percent') // '[−4.0, −2.4]'
 */
export function formatInterval(lower: number | null, upper: number | null, format: TableFormat, decimals = changeDecimals(format)): string {
  if (lower === null || upper === null) return 'n/a';
  const s = scaleOf(format);
  return `[${formatNumber(lower * s, decimals, true)}, ${formatNumber(upper * s, decimals, true)}]`;
}
