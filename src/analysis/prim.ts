import { ConfigError } from '../model/decode.js';
import type { ConfigIssue } from '../model/codecs.js';
import { numericKeys, readData, type Move } from './primData.js';
import { bestPaste } from './primPaste.js';
import { bestPeel } from './primPeel.js';
import { boxOf } from './primRecord.js';

/** Options of {@link prim}. */
export interface PrimOptions {
  /**
   * The input columns PRIM may restrict. Default: every key of the first row whose value is a
   * number in every row. Name them when the table also holds outcomes, or PRIM will box the outcome.
   */
  readonly inputs?: readonly string[];
  /** Share of the box's points each peel removes (default 0.05), in (0, 0.5). */
  readonly peelAlpha?: number;
  /** Share of the box's points each paste adds back (default 0.05), in (0, 1]. */
  readonly pasteAlpha?: number;
  /** Smallest mass (share of all rows) a box may keep (default 0.05), in (0, 1]. */
  readonly massMin?: number;
  /** Paste after peeling (default true). */
  readonly paste?: boolean;
}

/** One restricted input of a box. */
export interface PrimRestriction {
  readonly input: string;
  /** The box keeps rows with input >= lower; null where it does not restrict from below. */
  readonly lower: number | null;
  /** The box keeps rows with input <= upper; null where it does not restrict from above. */
  readonly upper: number | null;
  /**
   * Quasi-p-value of the restriction (as in the EMA Workbench): the chance of at least the box's
   * hits among its rows if each row were bad with the density of the box without this restriction,
   * P(X >= hits), X ~ Binomial(count, density without it). Small: the restriction matters.
   */
  readonly qp: number;
}

/** One box of the peeling and pasting trajectory. */
export interface PrimBox {
  /** Position in the trajectory; 0 is all the data. */
  readonly index: number;
  /** How the box was reached: 'start', a 'peel' or a 'paste'. */
  readonly phase: 'start' | 'peel' | 'paste';
  /** Rows in the box. */
  readonly count: number;
  /** Rows in the box with the bad outcome. */
  readonly hits: number;
  /** Share of all bad rows that the box holds: hits / all hits. */
  readonly coverage: number;
  /** Share of the box's rows that are bad: hits / count. */
  readonly density: number;
  /** Share of all rows in the box: count / rows. */
  readonly mass: number;
  /** Number of inputs the box restricts. */
  readonly restricted: number;
  /** Every input's limits [lower, upper]; an unrestricted side is the data's min or max. */
  readonly limits: Readonly<Record<string, readonly [number, number]>>;
  /** The restricted inputs with their limits and quasi-p-values, in input order. */
  readonly restrictions: readonly PrimRestriction[];
}

/** What {@link prim} returns: plain JSON. */
export interface PrimResult {
  readonly kind: 'framework-agreement-sim/prim';
  readonly inputs: readonly string[];
  readonly rows: number;
  /** Rows with the bad outcome. */
  readonly hits: number;
  /** Share of all rows that are bad: the density of the starting box. */
  readonly baseDensity: number;
  readonly peelAlpha: number;
  readonly pasteAlpha: number;
  readonly massMin: number;
  readonly paste: boolean;
  /** The boxes from all the data through every peel, then every paste; the last one is where PRIM stopped. */
  readonly trajectory: readonly PrimBox[];
}

function checkShare(issues: ConfigIssue[], path: string, value: number, low: number, high: number, openHigh: boolean): void {
  if (!(value > low && (openHigh ? value < high : value <= high))) {
    issues.push({ path, message: `expected a number in (${low}, ${high}${openHigh ? ')' : ']'}, got ${String(value)}` });
  }
}

/**
 * Scenario discovery by PRIM, the Patient Rule Induction Method (Friedman and Fisher 1999): finds a
 * box of input limits in which the bad outcome is concentrated. Peeling starts from all the rows and
 * repeatedly removes the thin slice (peelAlpha of the box's rows, at one end of one input) whose
 * removal raises the box's density most per row removed; it stops when no peel raises the density
 * or the box would fall below massMin. Pasting then adds back the slice (pasteAlpha of the rows, on
 * one side of one restricted input) that raises the density most, while one does.
 *
 * Every box along the way is kept: coverage (share of all bad rows in the box) falls and density
 * (share of the box that is bad) rises along the trajectory; pick the trade-off with
 * {@link chooseBox} or by index. Each restriction carries its quasi-p-value. Numeric inputs only
 * (no categorical peels), one box (no covering of the rows outside it).
 * @example
 * const r = prim(table, (row) => row.top15Share > 0.6, { inputs: ['priceWeight', 'lotSplit'] });
 * chooseBox(r, { minDensity: 0.8 })?.restrictions // [{ input: 'priceWeight', lower: 0.72, upper: null, qp: 1e-9 }]
 */
export function prim<Row extends Readonly<Record<string, unknown>>>(
  rows: readonly Row[],
  bad: readonly boolean[] | ((row: Row, index: number) => boolean),
  options: PrimOptions = {},
): PrimResult {
  const peelAlpha = options.peelAlpha ?? 0.05;
  const pasteAlpha = options.pasteAlpha ?? 0.05;
  const massMin = options.massMin ?? 0.05;
  const paste = options.paste ?? true;
  const issues: ConfigIssue[] = [];
  if (!Array.isArray(rows) || rows.length === 0) throw new ConfigError([{ path: 'rows', message: 'expected a non-empty array of rows' }]);
  checkShare(issues, 'peelAlpha', peelAlpha, 0, 0.5, true);
  checkShare(issues, 'pasteAlpha', pasteAlpha, 0, 1, false);
  checkShare(issues, 'massMin', massMin, 0, 1, false);
  const inputs = options.inputs ?? numericKeys(rows[0]!, rows);
  if (inputs.length === 0) issues.push({ path: 'inputs', message: 'no input columns: name them, or give rows with numeric columns' });
  if (new Set(inputs).size !== inputs.length) issues.push({ path: 'inputs', message: 'an input is named twice' });
  if (issues.length > 0) throw new ConfigError(issues);
  const data = readData(rows, bad, inputs);
  const totalHits = data.y.reduce((s, v) => s + v, 0);
  if (totalHits === 0) throw new ConfigError([{ path: 'bad', message: 'no row has the bad outcome: there is nothing to find' }]);
  const lo = data.initial.map(([l]) => l);
  const hi = data.initial.map(([, h]) => h);
  const inBox = new Uint8Array(data.n).fill(1);
  let inside = Int32Array.from({ length: data.n }, (_, r) => r);
  let count = data.n;
  let hits = totalHits;
  const trajectory: PrimBox[] = [boxOf(data, inputs, totalHits, 0, 'start', inBox, count, hits, lo, hi)];
  const apply = (move: Move, phase: 'peel' | 'paste') => {
    if (move.side === 0) lo[move.input] = move.limit;
    else hi[move.input] = move.limit;
    const kept: number[] = [];
    for (let r = 0; r < data.n; r++) {
      let within = true;
      for (let j = 0; j < lo.length && within; j++) within = data.x[j]![r]! >= lo[j]! && data.x[j]![r]! <= hi[j]!;
      inBox[r] = within ? 1 : 0;
      if (within) kept.push(r);
    }
    inside = Int32Array.from(kept);
    // Counted again from the rows themselves, so the record cannot drift from the limits.
    count = kept.length;
    hits = kept.reduce((s, r) => s + data.y[r]!, 0);
    trajectory.push(boxOf(data, inputs, totalHits, trajectory.length, phase, inBox, count, hits, lo, hi));
  };
  for (;;) {
    const move = bestPeel(data, inside, hits, lo, hi, peelAlpha);
    if (move === null || !(move.objective > 0) || move.count / data.n < massMin) break;
    apply(move, 'peel');
  }
  if (paste) {
    for (;;) {
      const move = bestPaste(data, inBox, count, hits, lo, hi, pasteAlpha);
      if (move === null || !(move.objective > 0)) break;
      apply(move, 'paste');
    }
  }
  return { kind: 'framework-agreement-sim/prim', inputs: [...inputs], rows: data.n, hits: totalHits, baseDensity: totalHits / data.n, peelAlpha, pasteAlpha, massMin, paste, trajectory };
}
