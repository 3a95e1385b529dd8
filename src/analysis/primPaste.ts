import { better, restrictedCount, type Data, type Move } from './primData.js';

/**
 * The best paste of the box: for each restricted side of each input, add back the pasteAlpha x count
 * rows (at least one, and all rows tied with the last) nearest the box among those outside it on
 * that side of that input only. Objective: gain in density per row added.
 */
export function bestPaste(data: Data, inBox: Uint8Array, count: number, hits: number, lo: number[], hi: number[], alpha: number): Move | null {
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
