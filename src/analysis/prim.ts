import { ConfigError } from '../model/decode.js';
import type { ConfigIssue } from '../model/codecs.js';
import { binomialUpperTail } from '../metrics/binomialTail.js';

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

/** A candidate move: the new limits of one side of one input and what the box would then hold. */
interface Move {
  readonly input: number;
  readonly side: 0 | 1; // 0 lower, 1 upper
  readonly limit: number;
  readonly count: number;
  readonly hits: number;
  readonly objective: number;
  readonly restricted: number;
}

/** Data in columns: x[j][r] and y[r] (1 bad, 0 not). */
interface Data {
  readonly x: Float64Array[];
  readonly y: Uint8Array;
  readonly n: number;
  readonly initial: Array<[number, number]>;
}

function numericKeys(row: Readonly<Record<string, unknown>>, rows: readonly Readonly<Record<string, unknown>>[]): string[] {
  return Object.keys(row).filter((k) => rows.every((r) => typeof r[k] === 'number' && Number.isFinite(r[k])));
}

function readData<Row extends Readonly<Record<string, unknown>>>(rows: readonly Row[], bad: readonly boolean[] | ((row: Row, index: number) => boolean), inputs: readonly string[]): Data {
  const n = rows.length;
  const issues: ConfigIssue[] = [];
  const x = inputs.map((input) => {
    const column = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      const v = rows[r]![input];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        if (issues.length < 10) issues.push({ path: `rows[${r}].${input}`, message: `expected a finite number, got ${JSON.stringify(v) ?? String(v)}` });
      } else column[r] = v;
    }
    return column;
  });
  const y = new Uint8Array(n);
  if (typeof bad === 'function') rows.forEach((row, r) => (y[r] = bad(row, r) ? 1 : 0));
  else if (!Array.isArray(bad) || bad.length !== n) issues.push({ path: 'bad', message: `expected ${n} booleans, one per row, got ${Array.isArray(bad) ? bad.length : typeof bad}` });
  else bad.forEach((b, r) => (y[r] = b ? 1 : 0));
  if (issues.length > 0) throw new ConfigError(issues);
  const initial = x.map((c) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of c) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    return [lo, hi] as [number, number];
  });
  return { x, y, n, initial };
}

function restrictedCount(data: Data, lo: readonly number[], hi: readonly number[], input = -1, side = 0, limit = 0): number {
  let count = 0;
  for (let j = 0; j < lo.length; j++) {
    const l = j === input && side === 0 ? limit : lo[j]!;
    const h = j === input && side === 1 ? limit : hi[j]!;
    if (l > data.initial[j]![0] || h < data.initial[j]![1]) count++;
  }
  return count;
}

/** A better move: higher objective, then fewer restricted inputs (Friedman and Fisher; EMA), then the earlier input and side. */
function better(a: Move, b: Move | null): boolean {
  if (b === null) return true;
  if (a.objective !== b.objective) return a.objective > b.objective;
  return a.restricted < b.restricted;
}

/**
 * The best peel of the box holding `inside`: for each input, remove the rows below its peelAlpha
 * quantile (or above its 1 - peelAlpha quantile) among the box's rows. With ties at the edge, the
 * whole lowest (highest) value goes, so every input with two distinct values can be peeled.
 * Objective: gain in density per row removed, (d_new - d_old) / (n_old - n_new).
 */
function bestPeel(data: Data, inside: Int32Array, hits: number, lo: number[], hi: number[], alpha: number): Move | null {
  const n = inside.length;
  const density = hits / n;
  const m = Math.floor(alpha * n);
  const values = new Float64Array(n);
  let best: Move | null = null;
  data.x.forEach((column, j) => {
    for (let r = 0; r < n; r++) values[r] = column[inside[r]!]!;
    values.sort();
    const min = values[0]!;
    const max = values[n - 1]!;
    if (min === max) return;
    let lower = values[m]!;
    if (lower === min) for (let r = 1; r < n && lower === min; r++) lower = values[r]!;
    let upper = values[n - 1 - m]!;
    if (upper === max) for (let r = n - 2; r >= 0 && upper === max; r--) upper = values[r]!;
    for (const [side, limit] of [[0, lower], [1, upper]] as const) {
      let count = 0;
      let h = 0;
      for (let r = 0; r < n; r++) {
        const v = column[inside[r]!]!;
        if (side === 0 ? v >= limit : v <= limit) {
          count++;
          h += data.y[inside[r]!]!;
        }
      }
      const move: Move = { input: j, side, limit, count, hits: h, objective: (h / count - density) / (n - count), restricted: restrictedCount(data, lo, hi, j, side, limit) };
      if (better(move, best)) best = move;
    }
  });
  return best;
}

/**
 * The best paste of the box: for each restricted side of each input, add back the pasteAlpha x count
 * rows (at least one, and all rows tied with the last) nearest the box among those outside it on
 * that side of that input only. Objective: gain in density per row added.
 */
function bestPaste(data: Data, inBox: Uint8Array, count: number, hits: number, lo: number[], hi: number[], alpha: number): Move | null {
  const density = hits / count;
  const m = Math.max(1, Math.floor(alpha * count));
  const d = lo.length;
  // Rows outside the box on exactly one side of exactly one input: candidates[2j + side].
  const candidates: number[][] = Array.from({ length: 2 * d }, () => []);
  for (let r = 0; r < data.n; r++) {
    if (inBox[r] === 1) continue;
    let only = -1;
    let violations = 0;
    for (let j = 0; j < d && violations < 2; j++) {
      const v = data.x[j]![r]!;
      if (v < lo[j]!) {
        violations++;
        only = 2 * j;
      } else if (v > hi[j]!) {
        violations++;
        only = 2 * j + 1;
      }
    }
    if (violations === 1) candidates[only]!.push(r);
  }
  let best: Move | null = null;
  candidates.forEach((rows, slot) => {
    if (rows.length === 0) return;
    const j = slot >> 1;
    const side = (slot & 1) as 0 | 1;
    const column = data.x[j]!;
    const values = Float64Array.from(rows, (r) => column[r]!).sort();
    // Nearest first: the highest values below a lower limit, the lowest above an upper one.
    const limit = side === 0 ? values[values.length - Math.min(m, values.length)]! : values[Math.min(m, values.length) - 1]!;
    let added = 0;
    let h = 0;
    for (const r of rows) {
      if (side === 0 ? column[r]! >= limit : column[r]! <= limit) {
        added++;
        h += data.y[r]!;
      }
    }
    const objective = ((hits + h) / (count + added) - density) / added;
    const move: Move = { input: j, side, limit, count: count + added, hits: hits + h, objective, restricted: restrictedCount(data, lo, hi, j, side, limit) };
    if (better(move, best)) best = move;
  });
  return best;
}

/** The box's record: measures, limits and each restriction's quasi-p-value. */
function boxOf(data: Data, inputs: readonly string[], totalHits: number, index: number, phase: PrimBox['phase'], inBox: Uint8Array, count: number, hits: number, lo: readonly number[], hi: readonly number[]): PrimBox {
  const d = inputs.length;
  // Rows outside the box on one input only: with that restriction dropped they would be inside.
  const extraCount = new Array<number>(d).fill(0);
  const extraHits = new Array<number>(d).fill(0);
  for (let r = 0; r < data.n; r++) {
    if (inBox[r] === 1) continue;
    let only = -1;
    let violations = 0;
    for (let j = 0; j < d && violations < 2; j++) {
      const v = data.x[j]![r]!;
      if (v < lo[j]! || v > hi[j]!) {
        violations++;
        only = j;
      }
    }
    if (violations === 1) {
      extraCount[only]!++;
      extraHits[only]! += data.y[r]!;
    }
  }
  const limits: Record<string, readonly [number, number]> = {};
  const restrictions: PrimRestriction[] = [];
  inputs.forEach((input, j) => {
    Object.defineProperty(limits, input, { value: [lo[j]!, hi[j]!] as const, enumerable: true, writable: true, configurable: true });
    const lower = lo[j]! > data.initial[j]![0] ? lo[j]! : null;
    const upper = hi[j]! < data.initial[j]![1] ? hi[j]! : null;
    if (lower === null && upper === null) return;
    const without = (hits + extraHits[j]!) / (count + extraCount[j]!);
    restrictions.push({ input, lower, upper, qp: binomialUpperTail(count, hits, without) });
  });
  return {
    index,
    phase,
    count,
    hits,
    coverage: hits / totalHits,
    density: hits / count,
    mass: count / data.n,
    restricted: restrictions.length,
    limits,
    restrictions,
  };
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
