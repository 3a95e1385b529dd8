import { binomialUpperTail } from '../metrics/binomialTail.js';
import type { PrimBox, PrimRestriction } from './prim.js';
import type { Data } from './primData.js';

/** The box's record: measures, limits and each restriction's quasi-p-value. */
export function boxOf(data: Data, inputs: readonly string[], totalHits: number, index: number, phase: PrimBox['phase'], inBox: Uint8Array, count: number, hits: number, lo: readonly number[], hi: readonly number[]): PrimBox {
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
