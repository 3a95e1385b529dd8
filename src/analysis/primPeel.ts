import { better, restrictedCount, type Data, type Move } from './primData.js';

/**
 * The best peel of the box holding `inside`: for each input, remove the rows below its peelAlpha
 * quantile (or above its 1 - peelAlpha quantile) among the box's rows. With ties at the edge, the
 * whole lowest (highest) value goes, so every input with two distinct values can be peeled.
 * Objective: gain in density per row removed, (d_new - d_old) / (n_old - n_new).
 */
export function bestPeel(data: Data, inside: Int32Array, hits: number, lo: number[], hi: number[], alpha: number): Move | null {
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
