import { ConfigError } from '../model/decode.js';
import type { ConfigIssue } from '../model/codecs.js';

// The data and the candidate moves PRIM works on (src/analysis/prim.ts): internal to the analysis layer.

/** A candidate move: the new limits of one side of one input and what the box would then hold. */
export interface Move {
  readonly input: number;
  readonly side: 0 | 1; // 0 lower, 1 upper
  readonly limit: number;
  readonly count: number;
  readonly hits: number;
  readonly objective: number;
  readonly restricted: number;
}

/** Data in columns: x[j][r] and y[r] (1 bad, 0 not). */
export interface Data {
  readonly x: Float64Array[];
  readonly y: Uint8Array;
  readonly n: number;
  readonly initial: Array<[number, number]>;
}

/** The keys of `row` whose value is a finite number in every row. */
export function numericKeys(row: Readonly<Record<string, unknown>>, rows: readonly Readonly<Record<string, unknown>>[]): string[] {
  return Object.keys(row).filter((k) => rows.every((r) => typeof r[k] === 'number' && Number.isFinite(r[k])));
}

/** Reads the input columns and the bad outcome into typed arrays; throws a ConfigError naming bad cells. */
export function readData<Row extends Readonly<Record<string, unknown>>>(rows: readonly Row[], bad: readonly boolean[] | ((row: Row, index: number) => boolean), inputs: readonly string[]): Data {
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

/** How many inputs the box restricts, after an optional change of one side of one input to `limit`. */
export function restrictedCount(data: Data, lo: readonly number[], hi: readonly number[], input = -1, side = 0, limit = 0): number {
  let count = 0;
  for (let j = 0; j < lo.length; j++) {
    const l = j === input && side === 0 ? limit : lo[j]!;
    const h = j === input && side === 1 ? limit : hi[j]!;
    if (l > data.initial[j]![0] || h < data.initial[j]![1]) count++;
  }
  return count;
}

/** A better move: higher objective, then fewer restricted inputs (Friedman and Fisher; EMA), then the earlier input and side. */
export function better(a: Move, b: Move | null): boolean {
  if (b === null) return true;
  if (a.objective !== b.objective) return a.objective > b.objective;
  return a.restricted < b.restricted;
}
