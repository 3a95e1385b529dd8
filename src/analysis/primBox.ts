import { ConfigError } from '../model/decode.js';
import type { PrimBox, PrimResult } from './prim.js';

/** Thresholds for {@link chooseBox}. */
export interface BoxChoice {
  /** Keep boxes at least this dense (share of their rows that are bad). */
  readonly minDensity?: number;
  /** Keep boxes that hold at least this share of all bad rows. */
  readonly minCoverage?: number;
}

/**
 * Chooses a box on a PRIM trajectory. Among the boxes that meet both thresholds: when `minDensity`
 * is given, the one with the highest coverage (the most bad cases explained at the density asked
 * for); otherwise the one with the highest density. Ties go to the other measure, then to the
 * earlier box (fewer peels). Null when no box meets the thresholds.
 * @example chooseBox(result, { minDensity: 0.8 }) // the widest box at least 80 % bad
 */
export function chooseBox(result: PrimResult, choice: BoxChoice = {}): PrimBox | null {
  const minDensity = choice.minDensity ?? 0;
  const minCoverage = choice.minCoverage ?? 0;
  for (const [path, v] of [['minDensity', minDensity], ['minCoverage', minCoverage]] as const) {
    if (!(v >= 0 && v <= 1)) throw new ConfigError([{ path, message: `expected a share in [0, 1], got ${String(v)}` }]);
  }
  const byCoverage = choice.minDensity !== undefined;
  let best: PrimBox | null = null;
  for (const box of result.trajectory) {
    if (box.density < minDensity || box.coverage < minCoverage) continue;
    if (best === null) {
      best = box;
      continue;
    }
    const [a, b] = byCoverage ? [box.coverage, best.coverage] : [box.density, best.density];
    const [c, d] = byCoverage ? [box.density, best.density] : [box.coverage, best.coverage];
    if (a > b || (a === b && c > d)) best = box;
  }
  return best;
}

/**
 * Whether a row lies in a box: within every restriction's limits (inclusive). Sides the box does not
 * restrict are open, so rows outside the data's range on such a side still count as inside.
 * @example inBox(box, { priceWeight: 0.9, lotSplit: 2 }) // true
 */
export function inBox(box: Pick<PrimBox, 'restrictions'>, row: Readonly<Record<string, unknown>>): boolean {
  return box.restrictions.every((r) => {
    const v = row[r.input];
    return typeof v === 'number' && (r.lower === null || v >= r.lower) && (r.upper === null || v <= r.upper);
  });
}
